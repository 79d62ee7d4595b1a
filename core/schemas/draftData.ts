/**
 * The content of a draft as CouchDB documents (docs/documents.md "Co-drafting"): a Yjs document
 * stored as
 * - `draftUpdate:<draftId>:<session>:<seq>:<author>` — one batch of edits (a Yjs update, base64)
 *   with the state vector its writer knew when the batch began; written once, never changed;
 * - `draftSnapshot:<draftId>:<key>:<author>` — a folded state, the update batches it covers
 *   (`covers`: session → seq ranges), the snapshots it folds, and the deletions journal that
 *   same-words detection needs after the batches are gone; written once, never changed;
 * - `draftVersion:<draftId>:<key>:<author>` — a named milestone (初稿 … 签发) with the whole state.
 * Ids end with the author, so nobody can take an id another writer will use; they start with the
 * draft's id, so one range read finds a draft's documents.
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';

/** Longest `update` of one batch (base64 characters, ≈ 3 MB of Yjs update). */
export const MAX_UPDATE_B64 = 4_000_000;
/** Longest folded `state` of a snapshot or version (base64; CouchDB's default document limit is 8 MB). */
export const MAX_STATE_B64 = 6_000_000;
/** Longest encoded state vector. */
export const MAX_SV_B64 = 16_384;
/** Longest deletions journal of a snapshot. */
export const MAX_JOURNAL_B64 = 1_000_000;
/** Most sessions a snapshot may list as covered, and ranges per session. */
export const MAX_COVERED_SESSIONS = 20_000;
export const MAX_RANGES_PER_SESSION = 1_000;
/** Most snapshots one snapshot may name as folded. */
export const MAX_FOLDS = 64;

/** Named milestones of a draft, in their usual order: 初稿, 提交审核, 审核意见, 定稿, 签发. */
export const DRAFT_MILESTONES = ['draft', 'submitted', 'reviewed', 'final', 'issued'] as const;
/** A milestone. */
export type DraftMilestone = (typeof DRAFT_MILESTONES)[number];
/** Milestones that need every same-words conflict resolved first. */
export const SETTLED_MILESTONES: readonly DraftMilestone[] = ['final', 'issued'];

const DRAFT_ID = /^draft:[^:]+$/;
const KEY = /^[0-9a-f]{32}$/;
const SEQ = /^\d{8}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The parts of a draft data document id. */
export interface DraftDataId {
  readonly type: 'draftUpdate' | 'draftSnapshot' | 'draftVersion';
  readonly draftId: string;
  /** The writing session (updates) or the document's own key (snapshots, versions). */
  readonly key: string;
  /** Batch number within the session (updates only; 0 otherwise). */
  readonly seq: number;
  readonly author: string;
}

/** `draftUpdate:<draftId>:<session>:<seq>:<author>`; `seq` is written with 8 digits. */
export function draftUpdateId(draftId: string, session: string, seq: number, author: string): string {
  return `draftUpdate:${draftId}:${session}:${String(seq).padStart(8, '0')}:${author}`;
}

/** `draftSnapshot:<draftId>:<key>:<author>` or `draftVersion:…`. */
export function draftDataId(
  type: 'draftSnapshot' | 'draftVersion',
  draftId: string,
  key: string,
  author: string,
): string {
  return `${type}:${draftId}:${key}:${author}`;
}

/** The id range (startkey, endkey) of a draft's documents of one type. */
export function draftDataRange(type: DraftDataId['type'], draftId: string): [string, string] {
  return [`${type}:${draftId}:`, `${type}:${draftId}:\ufff0`];
}

/** Reads a draft data id; null when it is not one. Author names may contain colons (they come last). */
export function parseDraftDataId(id: string): DraftDataId | null {
  const parts = id.split(':');
  const type = parts[0];
  if (type !== 'draftUpdate' && type !== 'draftSnapshot' && type !== 'draftVersion') return null;
  const draftId = `${parts[1] ?? ''}:${parts[2] ?? ''}`;
  const key = parts[3] ?? '';
  if (!DRAFT_ID.test(draftId) || !KEY.test(key)) return null;
  let seq = 0;
  let rest = 4;
  if (type === 'draftUpdate') {
    const s = parts[4] ?? '';
    if (!SEQ.test(s)) return null;
    seq = Number(s);
    rest = 5;
  }
  const author = parts.slice(rest).join(':');
  if (author.length === 0) return null;
  return { type, draftId, key, seq, author };
}

function base64(l: IssueList, d: Fields, field: string, max: number, optional = false): void {
  const v = d[field];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || v.length === 0 || v.length % 4 !== 0 || !BASE64.test(v))
    l.add(field, `${field} 必须是 base64`, `${field} must be base64`);
  else if (v.length > max) l.add(field, `${field} 过大`, `${field} is longer than ${max} characters`);
}

function idMatches(l: IssueList, d: Fields, type: DraftDataId['type']): void {
  const parsed = typeof d['_id'] === 'string' ? parseDraftDataId(d['_id']) : null;
  if (!parsed || parsed.type !== type || parsed.draftId !== d['draftId'] || parsed.author !== d['createdBy'])
    l.add(
      '_id',
      `文档编号必须是 ${type}:<draftId>:<编号>:<创建人>`,
      `_id must be ${type}:<draftId>:<key>${type === 'draftUpdate' ? ':<seq>' : ''}:<createdBy>`,
    );
}

function draftRef(l: IssueList, d: Fields): void {
  const v = d['draftId'];
  if (typeof v !== 'string' || !DRAFT_ID.test(v))
    l.add('draftId', 'draftId 必须是文书草稿编号', 'draftId must be a draft id (draft:<uuid>)');
}

function covers(l: IssueList, v: unknown): void {
  const bad = () => l.add('covers', 'covers 格式错误', 'covers must map sessions to [from, to] seq ranges');
  if (!isRecord(v)) return bad();
  const sessions = Object.keys(v);
  if (sessions.length > MAX_COVERED_SESSIONS) return bad();
  for (const s of sessions) {
    const ranges = v[s];
    if (!KEY.test(s) || !Array.isArray(ranges) || ranges.length > MAX_RANGES_PER_SESSION) return bad();
    for (const r of ranges) {
      if (!Array.isArray(r) || r.length !== 2) return bad();
      const [from, to] = r as unknown[];
      if (typeof from !== 'number' || typeof to !== 'number') return bad();
      if (Math.floor(from) !== from || Math.floor(to) !== to || from < 0 || to < from) return bad();
    }
  }
}

/** Schema of `draftUpdate` documents. */
export const draftUpdateSchema: CollectionSchema = {
  type: 'draftUpdate',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    draftRef(l, d);
    idMatches(l, d, 'draftUpdate');
    base64(l, d, 'update', MAX_UPDATE_B64);
    base64(l, d, 'sv', MAX_SV_B64);
    return l.issues;
  },
};

/** Schema of `draftSnapshot` documents. */
export const draftSnapshotSchema: CollectionSchema = {
  type: 'draftSnapshot',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    draftRef(l, d);
    idMatches(l, d, 'draftSnapshot');
    base64(l, d, 'state', MAX_STATE_B64);
    base64(l, d, 'sv', MAX_SV_B64);
    base64(l, d, 'journal', MAX_JOURNAL_B64, true);
    covers(l, d['covers']);
    const folds = d['folds'];
    if (
      !Array.isArray(folds) ||
      folds.length > MAX_FOLDS ||
      folds.some((f) => typeof f !== 'string' || parseDraftDataId(f)?.type !== 'draftSnapshot')
    )
      l.add('folds', 'folds 必须是快照编号列表', `folds must list at most ${MAX_FOLDS} snapshot ids`);
    return l.issues;
  },
};

/** Schema of `draftVersion` documents. */
export const draftVersionSchema: CollectionSchema = {
  type: 'draftVersion',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    draftRef(l, d);
    idMatches(l, d, 'draftVersion');
    l.oneOf(d, 'milestone', DRAFT_MILESTONES);
    l.text(d, 'note', 500, { optional: true });
    base64(l, d, 'state', MAX_STATE_B64);
    const spots = d['openSpots'];
    if (typeof spots !== 'number' || Math.floor(spots) !== spots || spots < 0)
      l.add('openSpots', 'openSpots 必须是非负整数', 'openSpots must be an integer ≥ 0');
    else if (spots > 0 && (SETTLED_MILESTONES as readonly unknown[]).indexOf(d['milestone']) >= 0)
      l.add(
        'openSpots',
        '尚有未解决的修改冲突，不能定稿或签发',
        'a draft with unresolved same-words conflicts cannot be finalised or issued',
      );
    // Places still to fill (【…】): recorded by the client, none allowed in 定稿 or 签发.
    const places = d['openPlaceholders'];
    const settled = (SETTLED_MILESTONES as readonly unknown[]).indexOf(d['milestone']) >= 0;
    if (
      places === undefined
        ? settled
        : typeof places !== 'number' || Math.floor(places) !== places || places < 0
    )
      l.add(
        'openPlaceholders',
        'openPlaceholders 必须是非负整数',
        'openPlaceholders must be an integer ≥ 0 (required for 定稿 and 签发)',
      );
    else if (settled && places !== 0)
      l.add(
        'openPlaceholders',
        '文书尚有待填写内容（【…】），不能定稿或签发',
        'a draft with places still to fill (【…】) cannot be finalised or issued',
      );
    const length = d['textLength'];
    if (typeof length !== 'number' || Math.floor(length) !== length || length < 0)
      l.add('textLength', 'textLength 必须是非负整数', 'textLength must be an integer ≥ 0');
    return l.issues;
  },
};
