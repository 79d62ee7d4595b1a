import { STAFF_ROLES, type Role } from './roles';

/**
 * The CouchDB databases CourtDesk uses, with who may read them (`_security.members.roles`) and who
 * administers them (`_security.admins.roles`). One local replica per database on each workstation
 * (except `audit`, read only by leaders through the server, and `accounts`, written by the app only
 * while online). Writes are narrowed further by each
 * database's `validate_doc_update`.
 */
export interface DatabaseSpec {
  /** Logical key used in code. */
  readonly key: DatabaseKey;
  /** CouchDB database name (lower case, CouchDB naming rules). */
  readonly name: string;
  /** Human description for provisioning output and docs. */
  readonly description: string;
  /** Roles allowed to read (and, subject to validation, write). */
  readonly memberRoles: readonly Role[];
  /** Roles that administer this database (may change design docs and `_security`). Empty: server admin only. */
  readonly adminRoles: readonly Role[];
  /** Whether workstations keep a local replica of it. */
  readonly replicated: boolean;
}

/** Keys of every database (docs/product-rules.md §3.6). */
export type DatabaseKey =
  'cases' | 'documents' | 'enforcement' | 'forum' | 'notices' | 'library' | 'public' | 'audit' | 'accounts';

const ALL_STAFF_AND_WORKER: readonly Role[] = [...STAFF_ROLES, 'worker'];

/** Every database, in provisioning order. */
export const DATABASES: readonly DatabaseSpec[] = [
  {
    key: 'cases',
    name: 'courtdesk_cases',
    description: '案件、当事人、流程节点',
    memberRoles: ALL_STAFF_AND_WORKER,
    adminRoles: [],
    replicated: true,
  },
  {
    key: 'documents',
    name: 'courtdesk_documents',
    description: '裁判文书、草稿、卷宗附件',
    memberRoles: ALL_STAFF_AND_WORKER,
    adminRoles: [],
    replicated: true,
  },
  {
    key: 'enforcement',
    name: 'courtdesk_enforcement',
    description: '执行案件、财产查控、失信名单',
    memberRoles: ALL_STAFF_AND_WORKER,
    adminRoles: [],
    replicated: true,
  },
  {
    key: 'forum',
    name: 'courtdesk_forum',
    description: '内网论坛',
    memberRoles: ALL_STAFF_AND_WORKER,
    adminRoles: [],
    replicated: true,
  },
  {
    key: 'notices',
    name: 'courtdesk_notices',
    description: '通知通报与阅读回执',
    memberRoles: ALL_STAFF_AND_WORKER,
    adminRoles: [],
    replicated: true,
  },
  {
    key: 'library',
    name: 'courtdesk_library',
    description: '电子图书馆与下载中心',
    memberRoles: ALL_STAFF_AND_WORKER,
    adminRoles: [],
    replicated: true,
  },
  {
    key: 'public',
    name: 'courtdesk_public',
    description: '公开投影：案件进度查询、开庭公告（不含身份证号、电话、住址）',
    memberRoles: [...ALL_STAFF_AND_WORKER, 'kiosk'],
    adminRoles: [],
    replicated: true,
  },
  {
    key: 'audit',
    name: 'courtdesk_audit',
    description: '审计记录（分案、案号、阅卷日志），仅服务端写入',
    memberRoles: ['leader', 'admin', 'worker'],
    adminRoles: [],
    replicated: false,
  },
  {
    key: 'accounts',
    name: 'courtdesk_accounts',
    description: '账户请求：加密的修改密码请求及其处理结果（只在服务器上，不同步到工作站）',
    memberRoles: ALL_STAFF_AND_WORKER,
    adminRoles: [],
    replicated: false,
  },
];

/** Looks up a database by key; throws on an unknown key (a programming error). */
export function databaseByKey(key: DatabaseKey): DatabaseSpec {
  const spec = DATABASES.find((d) => d.key === key);
  if (!spec) throw new Error(`unknown database key: ${key}`);
  return spec;
}
