/** Roles that write drafts (the case team's judge, assistant and clerk; the server's rules agree). */
export const DRAFTING_ROLES: readonly string[] = ['judge', 'assistant', 'clerk'];

/** Whether someone with `roles` drafts documents. */
export function canDraft(roles: readonly string[]): boolean {
  return roles.some((r) => DRAFTING_ROLES.includes(r));
}
