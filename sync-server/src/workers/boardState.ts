/**
 * Forum board state for the server's validate_doc_update (docs/intranet.md, "Board
 * administration"): a closed board (`archived: true`) takes no new threads or replies, a board
 * that holds posts cannot be deleted, and a thread an admin locked takes no new replies. A validate_doc_update function sees one document, never the
 * board a post names, so the worker (server admin) keeps `_design/courtdesk_boards` in
 * courtdesk_forum: a validate_doc_update carrying the closed boards and the boards in use as
 * literals. CouchDB and the embedded server run every design document's function on every write
 * (normal and replication path), so a forged or offline post into a closed board is refused with
 * 403 and its reason. The only data in the function are board ids (`board:[a-z0-9-]+`, checked by
 * the board schema and again here), serialised with JSON.stringify.
 *
 * The state is rebuilt from a scan of the boards and posts on start and after every board change;
 * a new post only adds its board to the boards in use. It is written only when it differs from the
 * stored design document, so several workers may run at once (409: re-read and retry).
 */
import { databaseByKey } from '../../../core/databases';
import { ChangesFollower } from './changesFollower';
import { CouchHttp, CouchHttpError, retryUntilDone, type CouchDoc } from './couchHttp';

/** The design document the worker keeps in courtdesk_forum. */
export const BOARD_STATE_DDOC_ID = '_design/courtdesk_boards';
const FORUM_DB = databaseByKey('forum').name;
const BOARD_ID = /^board:[a-z0-9-]{1,40}$/;
const POST_ID = /^post:[A-Za-z0-9-]{1,64}$/;

/** What the server enforces about boards beyond the static rules. */
export interface BoardState {
  /** Boards closed by an admin (`archived: true`): no new threads or replies. */
  readonly closed: readonly string[];
  /** Boards holding at least one post: not deletable. */
  readonly used: readonly string[];
  /** Threads an admin locked (`locked: true` on the thread's first post): no new replies. */
  readonly locked: readonly string[];
}

/** The reason a post into a closed board is refused with (shown to the user as the server gave it). */
export const CLOSED_BOARD_REASON =
  '该版块已关闭，不能发新帖或回复 (this board is closed: no new threads or replies)';
/** The reason a reply to a locked thread is refused with. */
export const LOCKED_THREAD_REASON = '该主题已锁定，不能回复 (this thread is locked: no new replies)';
/** The reason deleting a board that holds posts is refused with. */
export const BOARD_IN_USE_REASON =
  '版块中还有帖子，不能删除，可以关闭它 (a board with posts cannot be deleted; close it instead)';

function idSet(ids: readonly string[], pattern: RegExp = BOARD_ID): string {
  const out: Record<string, true> = {};
  for (const id of [...ids].sort()) if (pattern.test(id)) out[id] = true;
  return JSON.stringify(out);
}

/** The validate_doc_update source enforcing `state` (ES5, as CouchDB runs it). */
export function boardStateValidator(state: BoardState): string {
  return `function (newDoc, oldDoc, userCtx) {
  // Kept by the CourtDesk server worker (sync-server/src/workers/boardState.ts); do not edit.
  var CLOSED = ${idSet(state.closed)};
  var USED = ${idSet(state.used)};
  var LOCKED = ${idSet(state.locked, POST_ID)};
  var roles = (userCtx && userCtx.roles) || [];
  for (var i = 0; i < roles.length; i++) { if (roles[i] === '_admin') { return; } }
  if (newDoc._deleted === true) {
    // A marked tombstone resolving a conflict is an edit (the courtdesk ddoc checks the marker).
    if (newDoc.conflictResolution === undefined && oldDoc && oldDoc.type === 'board' && USED.hasOwnProperty(oldDoc._id)) {
      throw ({ forbidden: ${JSON.stringify(BOARD_IN_USE_REASON)} });
    }
    return;
  }
  var isNew = !oldDoc || oldDoc._deleted === true;
  if (newDoc.type === 'post' && isNew && typeof newDoc.board === 'string' && CLOSED.hasOwnProperty(newDoc.board)) {
    throw ({ forbidden: ${JSON.stringify(CLOSED_BOARD_REASON)} });
  }
  if (newDoc.type === 'post' && isNew && typeof newDoc.threadId === 'string' && LOCKED.hasOwnProperty(newDoc.threadId)) {
    throw ({ forbidden: ${JSON.stringify(LOCKED_THREAD_REASON)} });
  }
}`;
}

/** The state of a forum's boards and posts as stored. */
export function boardStateOf(boards: Iterable<CouchDoc>, posts: Iterable<CouchDoc>): BoardState {
  const closed: string[] = [];
  for (const b of boards) if (!b._deleted && b['archived'] === true) closed.push(b._id);
  const used = new Set<string>();
  const locked: string[] = [];
  for (const p of posts) {
    if (p._deleted) continue;
    if (typeof p['board'] === 'string') used.add(p['board']);
    if (isLockedThread(p)) locked.push(p._id);
  }
  return { closed: closed.sort(), used: [...used].sort(), locked: locked.sort() };
}

function isLockedThread(p: CouchDoc): boolean {
  return !p._deleted && p['threadId'] === undefined && p['locked'] === true;
}

/** Keeps `_design/courtdesk_boards` in step with the boards and posts of the forum database. */
export class BoardStateKeeper {
  private closed = new Set<string>();
  private used = new Set<string>();
  private locked = new Set<string>();

  constructor(
    private readonly couch: CouchHttp,
    private readonly db: string = FORUM_DB,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Rescans the boards and posts and writes the design document if it changed. */
  async rebuild(): Promise<void> {
    const boards: CouchDoc[] = [];
    const posts: CouchDoc[] = [];
    // Boards are few and the one that just changed must be read as it is now: `_all_docs` reads
    // one copy per shard on a cluster, which may not hold the change yet, so every board is read
    // again by id (a quorum read, r=2 of n=3, always overlapping the write's w=2).
    for await (const d of this.couch.scan(this.db, 'board:')) {
      const now = await this.couch.get(this.db, d._id);
      if (now) boards.push(now); // gone since the scan: deleted
    }
    for await (const d of this.couch.scan(this.db, 'post:')) posts.push(d);
    const state = boardStateOf(boards, posts);
    this.closed = new Set(state.closed);
    this.used = new Set(state.used);
    this.locked = new Set(state.locked);
    await this.write();
  }

  /**
   * A post arrived or changed: its board is in use from now on, and a thread locked or unlocked by
   * an admin is noted (the feed's version of the post: on a cluster a scan may not hold it yet).
   */
  async notePost(doc: CouchDoc): Promise<void> {
    let changed = false;
    const board = doc['board'];
    if (!doc._deleted && typeof board === 'string' && !this.used.has(board)) {
      this.used.add(board);
      changed = true;
    }
    if (isLockedThread(doc) !== this.locked.has(doc._id)) {
      if (isLockedThread(doc)) this.locked.add(doc._id);
      else this.locked.delete(doc._id);
      changed = true;
    }
    if (changed) await this.write();
  }

  /** The state as last built. */
  get state(): BoardState {
    return {
      closed: [...this.closed].sort(),
      used: [...this.used].sort(),
      locked: [...this.locked].sort(),
    };
  }

  private async write(): Promise<void> {
    const source = boardStateValidator(this.state);
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.couch.get(this.db, BOARD_STATE_DDOC_ID);
      if (existing && existing['validate_doc_update'] === source) return;
      const r = await this.couch.put(this.db, {
        _id: BOARD_STATE_DDOC_ID,
        ...(existing?._rev ? { _rev: existing._rev } : {}),
        language: 'javascript',
        validate_doc_update: source,
      });
      if (r.ok) {
        // On a cluster the design document reaches the third copy a moment later, and a copy
        // without it would still take a post into a just-closed board: read it back from every
        // copy, which makes CouchDB repair a lagging one now.
        await this.couch.get(this.db, BOARD_STATE_DDOC_ID, { everyCopy: true });
        const { closed, used, locked } = this.state;
        this.log(
          `${BOARD_STATE_DDOC_ID}: ${closed.length} closed, ${used.length} in use, ${locked.length} locked threads`,
        );
        return;
      }
    }
    throw new CouchHttpError(`${BOARD_STATE_DDOC_ID} kept changing under the worker`, 409);
  }
}

/** A running board state keeper. */
export interface RunningBoardState {
  readonly keeper: BoardStateKeeper;
  readonly follower: ChangesFollower;
  stop(): Promise<void>;
}

/**
 * Builds the state now (retrying in the background until the forum database answers) and keeps it
 * current from courtdesk_forum's changes (checkpoint `_local/courtdesk-worker-<name>-boards`).
 */
export async function startBoardState(o: {
  couch: CouchHttp;
  name: string;
  db?: string;
  log?: (line: string) => void;
}): Promise<RunningBoardState> {
  const log = o.log ?? (() => {});
  const keeper = new BoardStateKeeper(o.couch, o.db ?? FORUM_DB, log);
  const stopped = new AbortController();
  let dirty = false;
  const follower: ChangesFollower = new ChangesFollower({
    couch: o.couch,
    db: o.db ?? FORUM_DB,
    name: `${o.name}-boards`,
    log,
    handle: async (change) => {
      if (change.id.startsWith('board:')) dirty = true;
      else if (change.id.startsWith('post:') && change.doc && !dirty) await keeper.notePost(change.doc);
      // A later board change in the queue rebuilds for both.
      if (!dirty || follower.queued > 1) return;
      await keeper.rebuild();
      dirty = false;
    },
  });
  const initial = retryUntilDone('forum board state', () => keeper.rebuild(), stopped.signal, log);
  await follower.start();
  return {
    keeper,
    follower,
    stop: async () => {
      stopped.abort();
      await Promise.all([follower.stop(), initial]);
    },
  };
}
