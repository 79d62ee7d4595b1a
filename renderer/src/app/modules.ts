import { isRole, STAFF_ROLES, type Role } from '../../../core/roles';

/**
 * The modules of docs/product-rules.md §7 as the shell knows them: a stable key (used in routes, i18n keys
 * and
 * `data-testid`s), the hash path, the navigation group, and which roles see it. The UI only
 * reflects access; the server enforces it (`_security`, `validate_doc_update`).
 */

/**
 * A role a person can sign in to the desktop app with (`worker` is the server's own account; a
 * `reader` account sees only the reading room, never the shell: docs/file-reading.md).
 */
export type UiRole = Exclude<Role, 'worker' | 'reader'>;

/** Every screen the shell can show. */
export const MODULE_KEYS = [
  'home',
  'cases-filing',
  'cases-list',
  'cases-mine',
  'cases-deadlines',
  'dashboard',
  'enforcement-cases',
  'enforcement-debtors',
  'documents',
  'archives',
  'notices',
  'forum',
  'library',
  'downloads',
  'search',
  'fees',
  'public-query',
  'public-board',
  'reading',
  'conflicts',
  'settings',
] as const;

/** One of {@link MODULE_KEYS}. */
export type ModuleKey = (typeof MODULE_KEYS)[number];

/** Navigation groups (sub-menus). */
export type NavGroup = 'cases' | 'enforcement' | 'public';

/** How the shell presents one module. */
export interface ModuleDef {
  readonly key: ModuleKey;
  /** Hash path, e.g. `/cases/filing` → `#/cases/filing`. */
  readonly path: string;
  readonly group?: NavGroup;
  readonly roles: readonly UiRole[];
  /** Filled by a later issue: the screen shows an honest "not yet available" state. */
  readonly upcoming: boolean;
  /** Reached from elsewhere (the top bar's search box), not listed in the navigation or on the workbench. */
  readonly hidden?: true;
}

const STAFF: readonly UiRole[] = STAFF_ROLES;
const STAFF_AND_KIOSK: readonly UiRole[] = [...STAFF_ROLES, 'kiosk'];

/** Every module, in navigation order. */
export const MODULES: readonly ModuleDef[] = [
  { key: 'home', path: '/home', roles: STAFF, upcoming: false },
  { key: 'cases-filing', path: '/cases/filing', group: 'cases', roles: ['clerk', 'leader'], upcoming: false },
  { key: 'cases-list', path: '/cases/list', group: 'cases', roles: STAFF, upcoming: false },
  {
    key: 'cases-mine',
    path: '/cases/mine',
    group: 'cases',
    // Court leaders hear cases too (院庭长办案).
    roles: ['judge', 'assistant', 'clerk', 'leader'],
    upcoming: false,
  },
  {
    key: 'cases-deadlines',
    path: '/cases/deadlines',
    group: 'cases',
    // Leaders supervise; judges see their own; assistants and clerks keep theirs on time.
    roles: ['leader', 'judge', 'assistant', 'clerk'],
    upcoming: false,
  },
  { key: 'dashboard', path: '/dashboard', roles: STAFF, upcoming: false },
  {
    key: 'enforcement-cases',
    path: '/enforcement/cases',
    group: 'enforcement',
    roles: STAFF,
    upcoming: false,
  },
  {
    key: 'enforcement-debtors',
    path: '/enforcement/debtors',
    group: 'enforcement',
    roles: STAFF,
    upcoming: false,
  },
  {
    key: 'documents',
    path: '/documents',
    roles: ['judge', 'assistant', 'clerk', 'enforcement', 'leader'],
    upcoming: false,
  },
  { key: 'archives', path: '/archives', roles: STAFF, upcoming: false },
  { key: 'notices', path: '/notices', roles: STAFF, upcoming: false },
  { key: 'forum', path: '/forum', roles: STAFF, upcoming: false },
  { key: 'library', path: '/library', roles: STAFF, upcoming: false },
  { key: 'downloads', path: '/downloads', roles: STAFF, upcoming: false },
  { key: 'search', path: '/search', roles: STAFF, upcoming: false, hidden: true },
  { key: 'fees', path: '/fees', roles: STAFF_AND_KIOSK, upcoming: false },
  { key: 'public-query', path: '/public/query', group: 'public', roles: STAFF_AND_KIOSK, upcoming: false },
  { key: 'public-board', path: '/public/board', group: 'public', roles: STAFF_AND_KIOSK, upcoming: false },
  { key: 'reading', path: '/reading', roles: ['clerk'], upcoming: false },
  { key: 'conflicts', path: '/conflicts', roles: STAFF, upcoming: false },
  { key: 'settings', path: '/settings', roles: STAFF, upcoming: false },
];

/** The module definition for a key. */
export function moduleByKey(key: ModuleKey): ModuleDef {
  const def = MODULES.find((m) => m.key === key);
  if (!def) throw new Error(`unknown module: ${key}`);
  return def;
}

/**
 * The desktop roles of a CouchDB `userCtx.roles` list: known CourtDesk roles except `worker`;
 * the CouchDB server admin (`_admin`) counts as `admin`. Unknown roles are ignored.
 */
export function uiRoles(couchRoles: readonly string[]): UiRole[] {
  const out = new Set<UiRole>();
  for (const r of couchRoles) {
    if (r === '_admin') out.add('admin');
    else if (isRole(r) && r !== 'worker' && r !== 'reader') out.add(r);
  }
  return [...out];
}

/** Modules a user with these roles sees in the navigation (not the hidden ones such as search results). */
export function visibleModules(roles: readonly UiRole[]): ModuleDef[] {
  return MODULES.filter((m) => !m.hidden && m.roles.some((r) => roles.includes(r)));
}

/** True when the user may open the module. */
export function canOpen(key: ModuleKey, roles: readonly UiRole[]): boolean {
  return moduleByKey(key).roles.some((r) => roles.includes(r));
}

/** Where a user lands after sign-in: a kiosk goes straight to the public case query. */
export function landingModule(roles: readonly UiRole[]): ModuleKey {
  return roles.some((r) => r !== 'kiosk') ? 'home' : 'public-query';
}

/** Per role, the modules the workbench offers first (the role's daily work). */
const PRIMARY: Record<UiRole, readonly ModuleKey[]> = {
  clerk: ['cases-filing', 'cases-mine', 'cases-list', 'cases-deadlines', 'documents', 'reading'],
  judge: ['cases-mine', 'cases-deadlines', 'documents', 'dashboard', 'archives'],
  assistant: ['cases-mine', 'documents', 'cases-deadlines', 'archives'],
  enforcement: ['enforcement-cases', 'enforcement-debtors', 'cases-mine', 'documents'],
  leader: ['dashboard', 'cases-deadlines', 'cases-list', 'enforcement-cases', 'notices'],
  admin: ['settings', 'conflicts', 'notices', 'library', 'downloads'],
  kiosk: ['public-query', 'public-board', 'fees'],
};

/** The workbench shortcuts for a user: the primary modules of each role, de-duplicated, in role order. */
export function primaryModules(roles: readonly UiRole[]): ModuleKey[] {
  const out: ModuleKey[] = [];
  for (const role of roles)
    for (const key of PRIMARY[role]) if (!out.includes(key) && canOpen(key, roles)) out.push(key);
  return out;
}
