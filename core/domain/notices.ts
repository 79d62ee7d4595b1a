/**
 * Who a notice is for and who has read it (SPEC §4.5), React- and database-free so the notice
 * screens, the unread badge and tests share one rule. A reader's receipt is its own document
 * (core/schemas/receipt.ts); here receipts are just the set of user names that wrote one.
 */
import type { NoticeAudience } from '../schemas/notice';

/** A staff member as the audience rule sees them (from the staff directory or the session). */
export interface AudienceMember {
  readonly name: string;
  readonly roles: readonly string[];
  readonly division?: string | undefined;
  readonly disabled?: boolean | undefined;
}

/** The audience of a stored notice; an absent or unreadable one means everyone. */
export function audienceOf(notice: Readonly<Record<string, unknown>>): NoticeAudience {
  const a = notice['audience'];
  if (typeof a !== 'object' || a === null) return { kind: 'everyone' };
  const r = a as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  if (r['kind'] === 'roles') return { kind: 'roles', roles: list(r['roles']) };
  if (r['kind'] === 'divisions') return { kind: 'divisions', divisions: list(r['divisions']) };
  return { kind: 'everyone' };
}

/** True when `audience` includes `member`. */
export function isAddressedTo(audience: NoticeAudience, member: AudienceMember): boolean {
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'roles':
      return member.roles.some((r) => audience.roles.includes(r));
    case 'divisions':
      return member.division !== undefined && audience.divisions.includes(member.division);
  }
}

/** Who should read a notice and who has: the addressed, enabled staff except its author. */
export interface ReadList {
  readonly read: readonly string[];
  readonly unread: readonly string[];
}

/**
 * Splits the staff addressed by `audience` into readers and not-yet-readers, in the order of
 * `staff`. The author is left out (they wrote it); disabled accounts are left out unless they
 * read it before being disabled.
 */
export function readListOf(
  audience: NoticeAudience,
  author: string,
  staff: readonly AudienceMember[],
  readers: ReadonlySet<string>,
): ReadList {
  const read: string[] = [];
  const unread: string[] = [];
  for (const m of staff) {
    if (m.name === author || !isAddressedTo(audience, m)) continue;
    if (readers.has(m.name)) read.push(m.name);
    else if (!m.disabled) unread.push(m.name);
  }
  return { read, unread };
}

/** True when a notice with `mustReadBy` (YYYY-MM-DD) is overdue on `today` (YYYY-MM-DD). */
export function isOverdue(mustReadBy: string | undefined, today: string): boolean {
  return mustReadBy !== undefined && mustReadBy < today;
}
