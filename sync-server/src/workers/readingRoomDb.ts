/**
 * The databases of file reading (docs/file-reading.md): one per visit
 * (`courtdesk_reading_<visit uuid>`, the case's archive volumes and their files, readable by the
 * reading PC's account alone) and one lobby per reading PC (`courtdesk_readingpc_<hex account>`,
 * one document `current` naming its open visit). CouchDB has no per-document read control, so the
 * reader is never a member of a staff database: everything it may see is copied here by the worker
 * (the server admin), and the databases' own `_security` admits only the reading PC's account by
 * name. Their validate_doc_update (installed by the worker, so trusted by the embedded server)
 * lets the reader create `pageView` documents in its visit database and nothing else.
 */
import { CouchHttp, encId, type CouchDoc } from './couchHttp';

/** Design document id of both kinds of database. */
export const READING_DDOC_ID = '_design/courtdesk_reading';

/** The id of the visit's description in its database. */
export const VISIT_INFO_ID = 'visit';
/** The id of the lobby's pointer. */
export const LOBBY_CURRENT_ID = 'current';

/**
 * validate_doc_update of a visit database (ES5, as CouchDB runs it). `ALLOW_PRINT` is replaced by
 * the visit's term: a `print` record of a visit without printing is refused.
 */
const VISIT_VDU = `function (newDoc, oldDoc, userCtx) {
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') >= 0) { return; }
  if (!userCtx || !userCtx.name) { throw ({ unauthorized: '请先登录 (please sign in)' }); }
  if (newDoc._deleted === true || oldDoc) {
    throw ({ forbidden: '阅卷数据只读；阅览记录一经写入不得修改或删除 (the reading room is read-only; page records cannot be changed or deleted)' });
  }
  var id = newDoc._id;
  if (newDoc.type !== 'pageView' || typeof id !== 'string' || id.indexOf('pageView:') !== 0 || id.length > 200) {
    throw ({ forbidden: '阅卷终端只能写入阅览记录 (the reading PC may only write page records)' });
  }
  var allowed = { _id: 1, _rev: 1, _revisions: 1, type: 1, schemaVersion: 1, volumeId: 1, page: 1, action: 1, at: 1, createdBy: 1, createdAt: 1 };
  for (var k in newDoc) {
    if (newDoc.hasOwnProperty(k) && !allowed[k]) { throw ({ forbidden: '阅览记录含有未知字段 (unknown field in a page record): ' + k }); }
  }
  if (newDoc.createdBy !== userCtx.name) { throw ({ forbidden: 'createdBy 必须是当前用户 (createdBy must be the signed-in user)' }); }
  if (typeof newDoc.volumeId !== 'string' || newDoc.volumeId.indexOf('archiveVolume:') !== 0 || newDoc.volumeId.length > 200) {
    throw ({ forbidden: 'volumeId 无效 (volumeId must name an archive volume)' });
  }
  if (typeof newDoc.page !== 'number' || newDoc.page < 1 || newDoc.page > 100000 || Math.floor(newDoc.page) !== newDoc.page) {
    throw ({ forbidden: '页码无效 (page must be an integer >= 1)' });
  }
  if (newDoc.action !== 'view' && newDoc.action !== 'print') { throw ({ forbidden: 'action 只能是 view 或 print (action must be view or print)' }); }
  if (newDoc.action === 'print' && !ALLOW_PRINT) { throw ({ forbidden: '本次阅卷不允许打印 (printing is not allowed in this visit)' }); }
  if (typeof newDoc.at !== 'string' || !/^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$/.test(newDoc.at)) {
    throw ({ forbidden: 'at 必须是 UTC ISO 时间 (at must be an ISO-8601 UTC time)' });
  }
}`;

/** validate_doc_update of a lobby database: only the worker writes there. */
const LOBBY_VDU = `function (newDoc, oldDoc, userCtx) {
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') >= 0) { return; }
  throw ({ forbidden: '只有服务端程序可以写入阅卷终端的登记 (only the server worker writes here)' });
}`;

/** The validate_doc_update source of a visit database (exported for the unit test). */
export function visitValidateSource(allowPrint: boolean): string {
  return VISIT_VDU.replace('ALLOW_PRINT', allowPrint ? 'true' : 'false');
}

/** The validate_doc_update source of a lobby database (exported for the unit test). */
export function lobbyValidateSource(): string {
  return LOBBY_VDU;
}

/** The `_security` admitting `account` alone (members by name, no roles; admins: server admin only). */
export function readerSecurity(account: string | null): Record<string, unknown> {
  return {
    admins: { names: [], roles: [] },
    // Empty members: server admins only (CouchDB 3) — how a closing visit locks the reader out.
    members: { names: account === null ? [] : [account], roles: [] },
  };
}

/** Creates `db` if missing; true when it was created. */
export async function ensureDb(couch: CouchHttp, db: string): Promise<boolean> {
  const r = await couch.expect('PUT', encodeURIComponent(db), [201, 202, 412]);
  return r.status !== 412;
}

/** Deletes `db` (a missing one is fine). */
export async function dropDb(couch: CouchHttp, db: string): Promise<void> {
  await couch.expect('DELETE', encodeURIComponent(db), [200, 202, 404]);
}

/** True when `db` exists. */
export async function dbExists(couch: CouchHttp, db: string): Promise<boolean> {
  return (await couch.expect('GET', encodeURIComponent(db), [200, 404])).status === 200;
}

/** Sets `_security`. */
export async function setSecurity(couch: CouchHttp, db: string, sec: Record<string, unknown>): Promise<void> {
  await couch.expect('PUT', `${encodeURIComponent(db)}/_security`, [200], sec);
}

/** Installs (or updates) the design document with `source` as its validate_doc_update. */
export async function installValidation(couch: CouchHttp, db: string, source: string): Promise<void> {
  const stored = await couch.get(db, READING_DDOC_ID);
  if (stored?.['validate_doc_update'] === source) return;
  const doc: CouchDoc = { _id: READING_DDOC_ID, language: 'javascript', validate_doc_update: source };
  if (stored?._rev) doc._rev = stored._rev;
  await couch.expect('PUT', `${encodeURIComponent(db)}/${encId(READING_DDOC_ID)}`, [201, 202], doc);
}

/** Writes `doc` (replacing the stored revision, if any). */
export async function upsert(couch: CouchHttp, db: string, doc: CouchDoc): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await couch.get(db, doc._id);
    const body: CouchDoc = { ...doc };
    if (stored?._rev) body._rev = stored._rev;
    else delete body._rev;
    if ((await couch.put(db, body)).ok) return;
  }
  throw new Error(`${db}/${doc._id}: kept conflicting`);
}

/** Strips what a copy must not carry over (revision, conflicts). */
function copyBody(doc: CouchDoc): CouchDoc {
  const out: CouchDoc = { _id: doc._id };
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_') || k === '_attachments') out[k] = v;
  return out;
}

/** A volume as the reading room knows it. */
export interface CopiedVolume {
  readonly id: string;
  readonly title: string;
  readonly fileId: string | null;
  readonly pageCount: number;
}

/**
 * Copies the archive volumes of `caseId` (ids `archiveVolume:<case uuid>:…` AND `caseId` equal to
 * the case) and each one's file, if the file document names that volume as its owner (a volume
 * pointing at another case's file gets no file), from courtdesk_documents into `db`. Idempotent.
 */
export async function copyVolumes(couch: CouchHttp, caseId: string, db: string): Promise<CopiedVolume[]> {
  const uuid = caseId.replace(/^case:/, '');
  const copied: CopiedVolume[] = [];
  for await (const volume of couch.scan('courtdesk_documents', `archiveVolume:${uuid}:`)) {
    if (volume['type'] !== 'archiveVolume' || volume['caseId'] !== caseId || volume._deleted) continue;
    if (!(await couch.get(db, volume._id))) await couch.put(db, copyBody(volume));
    let fileId = typeof volume['fileId'] === 'string' ? volume['fileId'] : null;
    if (fileId && !(await couch.get(db, fileId))) {
      const path = `courtdesk_documents/${encId(fileId)}?attachments=true`;
      const r = await couch.expect('GET', path, [200, 404]);
      const file = r.status === 200 ? (r.body as CouchDoc) : undefined;
      if (file && file['type'] === 'file' && file['ownerId'] === volume._id)
        await couch.put(db, copyBody(file));
      else fileId = null;
    }
    copied.push({
      id: volume._id,
      title: typeof volume['title'] === 'string' ? volume['title'] : volume._id,
      fileId,
      pageCount: typeof volume['pageCount'] === 'number' ? volume['pageCount'] : 0,
    });
  }
  return copied;
}
