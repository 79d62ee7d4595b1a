/**
 * File reading (阅卷, docs/file-reading.md), the worker's side. Follows courtdesk_cases/_changes
 * for `readingVisit` documents and, for each visit, opens the visit's own database (security
 * first, then validation, then the case's volumes: readingRoomDb.ts), points the reading PC's
 * lobby at it, and keeps `readingLog:<uuid>`. A timer moves the reader's `pageView` records into
 * courtdesk_audit (server-written, one record per page view or print) and the visit's log, and
 * closes visits that the clerk closed or that expired: the reader is locked out (`_security`
 * emptied), the last records are moved, the database is deleted, the lobby cleared.
 *
 * Restart-safe: on start every `readingVisit:` document is reconciled (a visit that expired while
 * no worker ran is closed then), and every step is idempotent (audit ids derive from the page
 * record, copies and deletions tolerate being repeated), so several workers may run at once.
 */
import {
  READING_VISIT_ID,
  readingDbName,
  readingLobbyDbName,
  readingLogId,
  type ReadingLogEntry,
} from '../../../core/schemas/readingVisit';
import { ChangesFollower } from './changesFollower';
import { CouchHttp, retryUntilDone, type CouchDoc } from './couchHttp';
import {
  copyVolumes,
  dbExists,
  dropDb,
  ensureDb,
  installValidation,
  LOBBY_CURRENT_ID,
  lobbyValidateSource,
  readerSecurity,
  setSecurity,
  upsert,
  VISIT_INFO_ID,
  visitValidateSource,
  type CopiedVolume,
} from './readingRoomDb';

const CASES_DB = 'courtdesk_cases';
const AUDIT_DB = 'courtdesk_audit';

/** Options of {@link startReadingRoom}. */
export interface ReadingRoomOptions {
  couch: CouchHttp;
  /** Worker name: the checkpoint is `_local/courtdesk-worker-<name>-reading` in courtdesk_cases. */
  name: string;
  workerName: string;
  log?: (line: string) => void;
  now?: () => Date;
  /** How often page records are moved and expiries checked (default 3 s). */
  tickMs?: number;
}

/** An open visit as the worker holds it. */
interface OpenVisit {
  readonly visit: CouchDoc;
  readonly db: string;
  readonly volumes: readonly CopiedVolume[];
  readonly moved: Set<string>;
}

/** A running reading-room worker. */
export interface RunningReadingRoom {
  readonly follower: ChangesFollower;
  /** Visit id → its database, for the visits open now (status output, tests). */
  openVisits(): Map<string, string>;
  /** Moves page records and closes expired visits now (tests; the timer does it regularly). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

function compactTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** The reading-room worker; see the module comment. */
export class ReadingRoom {
  readonly open = new Map<string, OpenVisit>();
  private readonly log: (line: string) => void;

  constructor(private readonly o: ReadingRoomOptions) {
    this.log = o.log ?? (() => {});
  }

  private now(): Date {
    return this.o.now?.() ?? new Date();
  }

  private async audit(
    kind: string,
    visit: CouchDoc,
    key: string,
    extra: Record<string, unknown>,
  ): Promise<string> {
    const now = this.now().toISOString();
    const uuid = visit._id.replace(/^readingVisit:/, '');
    const at = typeof extra['at'] === 'string' ? extra['at'] : now;
    const id = `audit:${compactTime(at)}:reading-${uuid}-${key.replace(/[^\w-]/g, '_')}`;
    // A replay finds the record written (409): the same record, nothing to do.
    await this.o.couch.put(AUDIT_DB, {
      _id: id,
      type: 'audit',
      kind,
      schemaVersion: 1,
      createdAt: now,
      createdBy: this.o.workerName,
      visitId: visit._id,
      caseId: visit['caseId'],
      caseNumber: visit['caseNumber'],
      readerName: visit['readerName'],
      readerIdNumber: visit['readerIdNumber'],
      capacity: visit['capacity'],
      partyName: visit['partyName'],
      readerAccount: visit['readerAccount'],
      ...extra,
    });
    return id;
  }

  private async readerAccountOk(account: unknown): Promise<boolean> {
    if (typeof account !== 'string' || account.length === 0) return false;
    const user = await this.o.couch.get('_users', `org.couchdb.user:${account}`);
    const roles = user?.['roles'];
    return Array.isArray(roles) && roles.length === 1 && roles[0] === 'reader';
  }

  private async writeLog(visit: CouchDoc, patch: Record<string, unknown>, entries: ReadingLogEntry[] = []) {
    const id = readingLogId(visit._id);
    for (let attempt = 0; attempt < 8; attempt++) {
      const stored = await this.o.couch.get(CASES_DB, id);
      if (stored?.['state'] === 'closed' && patch['state'] !== 'closed' && entries.length === 0) return;
      const old = Array.isArray(stored?.['entries']) ? (stored['entries'] as ReadingLogEntry[]) : [];
      const known = new Set(old.map((e) => e.auditId));
      const merged = [...old, ...entries.filter((e) => !known.has(e.auditId))].sort((a, b) =>
        a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
      );
      const now = this.now().toISOString();
      const doc: CouchDoc = {
        volumes: 0,
        ...stored,
        _id: id,
        type: 'readingLog',
        schemaVersion: 1,
        createdAt: typeof stored?.['createdAt'] === 'string' ? stored['createdAt'] : now,
        createdBy: this.o.workerName,
        visitId: visit._id,
        caseId: visit['caseId'],
        db: readingDbName(visit._id),
        ...patch,
        entries: merged,
      };
      if (stored?._rev) doc._rev = stored._rev;
      if ((await this.o.couch.put(CASES_DB, doc)).ok) return;
    }
    throw new Error(`${id}: kept conflicting`);
  }

  private async setLobby(account: string, current: Record<string, unknown> | null, onlyIf?: string) {
    const lobby = readingLobbyDbName(account);
    await ensureDb(this.o.couch, lobby);
    await setSecurity(this.o.couch, lobby, readerSecurity(account));
    await installValidation(this.o.couch, lobby, lobbyValidateSource());
    if (onlyIf !== undefined) {
      const stored = await this.o.couch.get(lobby, LOBBY_CURRENT_ID);
      if (stored?.['visitId'] !== onlyIf) return;
    }
    await upsert(this.o.couch, lobby, { _id: LOBBY_CURRENT_ID, visitId: null, db: null, ...current });
  }

  /** Brings one visit to the state its documents and the clock call for. */
  async reconcile(visit: CouchDoc): Promise<void> {
    // Only ids of the one form map to distinct databases (an admin's write skips the ddoc's check).
    if (visit['type'] !== 'readingVisit' || visit._deleted || !READING_VISIT_ID.test(visit._id)) return;
    const log = await this.o.couch.get(CASES_DB, readingLogId(visit._id));
    const expired = Date.parse(String(visit['expiresAt'])) <= this.now().getTime();
    if (typeof visit['closedAt'] === 'string' || expired || log?.['state'] === 'closed') {
      await this.close(visit, typeof visit['closedAt'] === 'string' ? 'clerk' : 'expired', log);
      return;
    }
    if (this.open.has(visit._id)) return;
    const account = visit['readerAccount'];
    const busy = [...this.open.values()].some((v) => v.visit['readerAccount'] === account);
    if (busy || !(await this.readerAccountOk(account))) {
      await this.writeLog(visit, {
        state: 'closed',
        closedAt: this.now().toISOString(),
        closedReason: busy ? 'busy' : 'refused',
      });
      this.log(
        `${visit._id}: refused (${busy ? 'the reading PC has an open visit' : 'not a reader account'})`,
      );
      return;
    }
    await this.openVisit(visit, String(account));
  }

  private async openVisit(visit: CouchDoc, account: string): Promise<void> {
    const db = readingDbName(visit._id);
    await ensureDb(this.o.couch, db);
    // Security before content: a new CouchDB 3 database is admin-only until then.
    await setSecurity(this.o.couch, db, readerSecurity(account));
    await installValidation(this.o.couch, db, visitValidateSource(visit['allowPrint'] === true));
    const volumes = await copyVolumes(this.o.couch, String(visit['caseId']), db);
    const info = {
      _id: VISIT_INFO_ID,
      type: 'readingInfo',
      visitId: visit._id,
      caseNumber: visit['caseNumber'],
      readerName: visit['readerName'],
      allowPrint: visit['allowPrint'] === true,
      expiresAt: visit['expiresAt'],
      volumes: volumes.map((v) => ({ id: v.id, title: v.title, fileId: v.fileId, pageCount: v.pageCount })),
    };
    await upsert(this.o.couch, db, info);
    const opened = { visitId: visit._id, db, caseNumber: visit['caseNumber'], expiresAt: visit['expiresAt'] };
    await this.setLobby(account, opened);
    const at = String(visit['createdAt']);
    await this.audit('readingVisitOpened', visit, 'opened', { at, volumes: volumes.map((v) => v.id) });
    await this.writeLog(visit, {
      state: 'open',
      openedAt: this.now().toISOString(),
      volumes: volumes.length,
    });
    this.open.set(visit._id, { visit, db, volumes, moved: new Set() });
    this.log(`${visit._id}: opened ${db} with ${volumes.length} volume(s)`);
  }

  /** Moves the visit's new page records into courtdesk_audit and its log. */
  async movePageViews(visit: CouchDoc, db: string, volumes: readonly CopiedVolume[], moved: Set<string>) {
    const entries: ReadingLogEntry[] = [];
    for await (const view of this.o.couch.scan(db, 'pageView:')) {
      if (moved.has(view._id)) continue;
      const volumeId = String(view['volumeId']);
      const volumeTitle = volumes.find((v) => v.id === volumeId)?.title ?? '';
      const record = {
        volumeId,
        volumeTitle,
        page: Number(view['page']),
        action: view['action'] === 'print' ? ('print' as const) : ('view' as const),
        at: String(view['at']),
      };
      const auditId = await this.audit(
        `readingPage${record.action === 'print' ? 'Print' : 'View'}`,
        visit,
        view._id,
        {
          ...record,
          pageViewId: view._id,
          recordedBy: view['createdBy'],
        },
      );
      entries.push({ ...record, auditId });
      moved.add(view._id);
    }
    if (entries.length > 0) await this.writeLog(visit, {}, entries);
  }

  private async close(visit: CouchDoc, reason: 'clerk' | 'expired', log: CouchDoc | undefined) {
    const db = readingDbName(visit._id);
    const held = this.open.get(visit._id);
    const exists = await dbExists(this.o.couch, db);
    if (exists) {
      await setSecurity(this.o.couch, db, readerSecurity(null));
      const volumes = held?.volumes ?? [];
      await this.movePageViews(visit, db, volumes, held?.moved ?? new Set());
      await dropDb(this.o.couch, db);
    }
    const account = visit['readerAccount'];
    if (typeof account === 'string' && account.length > 0 && (exists || log?.['state'] !== 'closed'))
      await this.setLobby(account, null, visit._id);
    if (log?.['state'] !== 'closed') {
      const closedAt = typeof visit['closedAt'] === 'string' ? visit['closedAt'] : this.now().toISOString();
      // Timed by the visit itself, so a replay after a crash finds the same record.
      const at = typeof visit['closedAt'] === 'string' ? visit['closedAt'] : String(visit['expiresAt']);
      await this.audit('readingVisitClosed', visit, 'closed', {
        at,
        reason,
        closedBy: visit['closedBy'] ?? null,
      });
      await this.writeLog(visit, { state: 'closed', closedAt, closedReason: reason });
      this.log(`${visit._id}: closed (${reason}), ${db} deleted`);
    }
    this.open.delete(visit._id);
  }

  /** Moves page records of every open visit and closes the expired ones. */
  async tick(): Promise<void> {
    for (const held of [...this.open.values()]) {
      try {
        if (Date.parse(String(held.visit['expiresAt'])) <= this.now().getTime())
          await this.close(
            held.visit,
            'expired',
            await this.o.couch.get(CASES_DB, readingLogId(held.visit._id)),
          );
        else await this.movePageViews(held.visit, held.db, held.volumes, held.moved);
      } catch (err) {
        this.log(`${held.visit._id}: ${(err as Error).message}`);
      }
    }
  }

  /** Reconciles every visit on record (start-up: expiries missed while no worker ran). */
  async reconcileAll(): Promise<void> {
    for await (const visit of this.o.couch.scan(CASES_DB, 'readingVisit:')) await this.reconcile(visit);
  }
}

/** Starts the reading-room worker: start-up reconciliation in the background, the feed, the timer. */
export async function startReadingRoom(o: ReadingRoomOptions): Promise<RunningReadingRoom> {
  const log = o.log ?? (() => {});
  const room = new ReadingRoom(o);
  const stopped = new AbortController();
  const startup = retryUntilDone('reading visits on start', () => room.reconcileAll(), stopped.signal, log);
  const follower = new ChangesFollower({
    couch: o.couch,
    db: CASES_DB,
    name: `${o.name}-reading`,
    log,
    handle: async (change) => {
      if (change.doc && change.id.startsWith('readingVisit:') && !change.deleted)
        await room.reconcile(change.doc);
    },
  });
  await follower.start();
  let ticking: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    ticking = ticking.then(() => room.tick());
  }, o.tickMs ?? 3000);
  return {
    follower,
    openVisits: () => new Map([...room.open].map(([id, v]) => [id, v.db])),
    tick: () => (ticking = ticking.then(() => room.tick())),
    stop: async () => {
      stopped.abort();
      clearInterval(timer);
      await Promise.all([follower.stop(), startup, ticking]);
    },
  };
}
