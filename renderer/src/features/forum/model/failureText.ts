import type { TFunction } from 'i18next';
import { ForumRuleError } from '../../../db/forumHooks';

/** What the user reads when a forum write fails: a translated rule, else the reason as given. */
export function failureText(t: TFunction, err: unknown): string {
  if (err instanceof ForumRuleError) return t(`forum.errors.${err.code}`);
  return t('forum.form.failed', { reason: err instanceof Error ? err.message : String(err) });
}
