/**
 * `directory` documents (courtdesk_notices): the staff directory the server worker publishes from
 * `_users` (sync-server/src/workers/staffDirectory.ts), so every workstation can show 赵志刚 instead
 * of `judge.zhao` without reading `_users` (CouchDB lets a user read only their own user document).
 * One document, `directory:staff`. It carries only what the UI shows: never passwords, salts or
 * any other field of a user document. Authority (worker only) is checked on the server.
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';

/** The id of the one staff directory document. */
export const STAFF_DIRECTORY_ID = 'directory:staff';

/** One staff member as the directory lists them. */
export interface StaffEntry {
  /** CouchDB user name (`judge.zhao`): what documents store. */
  readonly name: string;
  /** Name to show (`赵志刚`); the user name when `_users` has none. */
  readonly displayName: string;
  readonly roles: readonly string[];
  /** Division code (`min1`), when known. */
  readonly division?: string;
  /** Job title (`审判员`), when known. */
  readonly title?: string;
  /** True for a disabled account (its roles are the ones it had). */
  readonly disabled?: boolean;
}

/** The fields an entry may carry, and nothing else. */
const ENTRY_FIELDS = new Set(['name', 'displayName', 'roles', 'division', 'title', 'disabled']);

function entryIssues(l: IssueList, e: unknown, at: string): void {
  if (!isRecord(e)) {
    l.add(at, `${at} 必须是对象`, `${at} must be an object`);
    return;
  }
  for (const k of Object.keys(e))
    if (!ENTRY_FIELDS.has(k)) l.add(`${at}.${k}`, `${at} 含有不允许的字段 ${k}`, `${at} may not carry ${k}`);
  const field = (f: string) => `${at}.${f}`;
  for (const f of ['name', 'displayName']) {
    const v = e[f];
    if (typeof v !== 'string' || v.trim().length === 0 || v.length > 200)
      l.add(field(f), `${field(f)} 必须是非空文本`, `${field(f)} must be a non-empty string`);
  }
  for (const f of ['division', 'title']) {
    const v = e[f];
    if (v !== undefined && (typeof v !== 'string' || v.length > 200))
      l.add(field(f), `${field(f)} 必须是文本`, `${field(f)} must be a string`);
  }
  const roles = e['roles'];
  if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string'))
    l.add(field('roles'), `${field('roles')} 必须是文本列表`, `${field('roles')} must be a list of strings`);
  if (e['disabled'] !== undefined && typeof e['disabled'] !== 'boolean')
    l.add(field('disabled'), `${field('disabled')} 必须是布尔值`, `${field('disabled')} must be a boolean`);
}

/** Schema of `directory` documents. */
export const directorySchema: CollectionSchema = {
  type: 'directory',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    l.time(d, 'updatedAt');
    const staff = d['staff'];
    if (!Array.isArray(staff)) {
      l.add('staff', 'staff 必须是列表', 'staff must be a list');
      return l.issues;
    }
    const seen = new Set<string>();
    staff.forEach((e: unknown, i: number) => {
      entryIssues(l, e, `staff[${i}]`);
      const name = isRecord(e) ? e['name'] : undefined;
      if (typeof name === 'string') {
        if (seen.has(name))
          l.add(`staff[${i}].name`, `用户名 ${name} 重复`, `user name ${name} is listed twice`);
        seen.add(name);
      }
    });
    return l.issues;
  },
};

/**
 * The entries of a directory document as read from a replica (untrusted JSON): malformed entries
 * are skipped, a missing display name falls back to the user name. Empty for anything else.
 */
export function parseStaffDirectory(doc: unknown): StaffEntry[] {
  if (!isRecord(doc) || doc['type'] !== 'directory' || !Array.isArray(doc['staff'])) return [];
  const out: StaffEntry[] = [];
  for (const raw of doc['staff'] as unknown[]) {
    if (!isRecord(raw) || typeof raw['name'] !== 'string' || raw['name'].length === 0) continue;
    const name = raw['name'];
    const shown = typeof raw['displayName'] === 'string' ? raw['displayName'].trim() : '';
    const roles = Array.isArray(raw['roles'])
      ? (raw['roles'] as unknown[]).filter((r): r is string => typeof r === 'string')
      : [];
    out.push({
      name,
      displayName: shown || name,
      roles,
      ...(typeof raw['division'] === 'string' && raw['division'] ? { division: raw['division'] } : {}),
      ...(typeof raw['title'] === 'string' && raw['title'] ? { title: raw['title'] } : {}),
      ...(raw['disabled'] === true ? { disabled: true } : {}),
    });
  }
  return out;
}
