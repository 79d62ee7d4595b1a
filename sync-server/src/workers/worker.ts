/**
 * The server worker process (`courtdesk-server worker`): records the case numbers a killed worker
 * claimed but did not record, builds the judges' load book, then follows courtdesk_cases/_changes
 * and, for every case, makes sure it has an official number and an assignment; beside it, one
 * conflict guard per replicated staff database (conflictGuard.ts), the staff directory publisher
 * (staffDirectory.ts), the forum's board state (boardState.ts), the password change follower (passwordChange.ts), the public projection
 * (publicProjection.ts: courtdesk_public for kiosks and the hearing board) and file reading's visit
 * databases (readingRoom.ts). Everything it does is
 * idempotent, so several workers may run at once and any of them may be killed and restarted at
 * any moment.
 */
import { AssignmentWorker } from './assignmentWorker';
import { CaseNumberAllocator } from './caseNumberWorker';
import { ChangesFollower, type Change } from './changesFollower';
import { startConflictGuards, type GuardResult } from './conflictGuard';
import { backoffDelay, CouchHttp, sleep, type CouchDoc } from './couchHttp';
import { startPasswordChanges, type RunningPasswordChanges } from './passwordChange';
import { startPublicProjection, type RunningPublicProjection } from './publicProjection';
import { startReadingRoom, type RunningReadingRoom } from './readingRoom';
import { startStaffDirectory, type RunningStaffDirectory } from './staffDirectory';
import { startBoardState, type RunningBoardState } from './boardState';

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  /** CouchDB URL with server-admin credentials (the worker reads `_users`). */
  couchUrl: string;
  /** Checkpoint name (default `worker`). */
  name?: string;
  /** `createdBy` of worker documents (default `worker`). */
  workerUser?: string;
  log?: (line: string) => void;
  /** Test fault injection, see {@link CaseNumberAllocator}. */
  holdAfterReserveMs?: number;
  queueSize?: number;
  /** Case type → divisions hearing it (default: resources/demo/caseTypes.json). */
  divisionsByType?: ReadonlyMap<string, readonly string[]>;
  /** Aborts start-up retries (a stop requested before the worker is running). */
  signal?: AbortSignal;
  /** Consecutive permanent failures before a change is quarantined (default: the follower's, 8). */
  quarantineAfter?: number;
  /** Run the conflict guards (default true). */
  conflictGuard?: boolean;
  /** Called with every conflict-guard outcome (tests, status output). */
  onGuardResult?: (db: string, change: Change, result: GuardResult) => void;
  /** Publish the staff directory from `_users` (default true). */
  staffDirectory?: boolean;
  /** Keep the forum's board state design document current (default true; boardState.ts). */
  boardState?: boolean;
  /** Carry out users' password change requests (default true). */
  passwordChanges?: boolean;
  /** Keep the public projection (courtdesk_public) current (default true). */
  publicProjection?: boolean;
  /** Run file reading's visit databases (default true; docs/file-reading.md). */
  readingRoom?: boolean;
  /** How often the reading room moves page records and checks expiries (default 3 s). */
  readingTickMs?: number;
}

/** A running worker. */
export interface RunningWorker {
  readonly follower: ChangesFollower;
  readonly numbers: CaseNumberAllocator;
  readonly assignments: AssignmentWorker;
  /** The conflict guards' followers, one per guarded database. */
  readonly guards: readonly ChangesFollower[];
  /** The staff directory publisher (null when disabled by the options). */
  readonly staffDirectory: RunningStaffDirectory | null;
  /** The forum board state keeper (null when disabled by the options). */
  readonly boardState: RunningBoardState | null;
  /** The password change follower (null when disabled by the options). */
  readonly passwordChanges: RunningPasswordChanges | null;
  /** The public projection followers (null when disabled by the options). */
  readonly publicProjection: RunningPublicProjection | null;
  /** File reading's visit databases (null when disabled by the options). */
  readonly readingRoom: RunningReadingRoom | null;
  stop(): Promise<void>;
}

const CASES_DB = 'courtdesk_cases';
const AUDIT_DB = 'courtdesk_audit';

/**
 * Audits a change the worker gave up on (changesFollower.ts quarantine): which document and
 * revision, why, after how many attempts. The id is deterministic per revision, so a replay after
 * a crash writes it once; a new edit of the document is a new change and is tried again.
 */
export async function recordQuarantine(
  couch: CouchHttp,
  workerName: string,
  change: Change,
  error: Error,
  attempts: number,
): Promise<void> {
  const rev = change.doc?._rev ?? 'none';
  const now = new Date().toISOString();
  const created = change.doc?.['createdAt'];
  const at = (typeof created === 'string' ? created : now).replace(/[-:]/g, '').replace(/\.\d+/, '');
  const id = `audit:${at}:quarantine-${change.id.replace(/[^\w:-]/g, '_')}-${rev}`;
  // A replay finds the record written (409): nothing to do.
  await couch.put(AUDIT_DB, {
    _id: id,
    type: 'audit',
    kind: 'workerQuarantine',
    schemaVersion: 1,
    createdAt: now,
    createdBy: workerName,
    db: CASES_DB,
    docId: change.id,
    rev,
    seq: change.seq,
    attempts,
    error: error.message.slice(0, 2000),
  });
}

/** Handles one change of courtdesk_cases (exported for tests). */
export async function handleCaseChange(
  change: Change,
  w: {
    numbers: CaseNumberAllocator;
    assignments: AssignmentWorker;
    couch: CouchHttp;
    log: (line: string) => void;
  },
): Promise<void> {
  const doc = change.doc;
  if (!doc || change.deleted || doc._deleted) return;
  w.assignments.book.observe(doc);
  let caseDoc: CouchDoc | undefined;
  if (doc['type'] === 'case' && doc._id.startsWith('case:')) caseDoc = doc;
  // A designation approval arriving after its case: look at the case again.
  else if (doc['type'] === 'approval' && doc['kind'] === 'designation' && typeof doc['caseId'] === 'string')
    caseDoc = await w.couch.get(CASES_DB, doc['caseId']);
  if (!caseDoc) return;
  // A number that cannot be decided now (a cluster copy unreachable) must not hold up the judge
  // draw: assign first, then rethrow so the follower retries the change (both steps idempotent).
  let numberFailure: unknown;
  try {
    const n = await w.numbers.ensureNumber(caseDoc);
    if (n.status === 'allocated') w.log(`${caseDoc._id}: ${n.caseNumber}`);
    else if (n.status === 'skipped') w.log(`${caseDoc._id}: no number yet (${n.reason})`);
  } catch (err) {
    numberFailure = err;
  }
  const a = await w.assignments.ensureAssignment(caseDoc);
  if (a.status === 'assigned') w.log(`${caseDoc._id}: assigned to ${a.judge} (${a.method})`);
  else if ('reason' in a) w.log(`${caseDoc._id}: not assigned (${a.status}): ${a.reason}`);
  if (numberFailure !== undefined) throw numberFailure;
}

/** Starts a worker; resolves once it is following the feed. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? (() => {});
  const couch = new CouchHttp(options.couchUrl);
  const workerName = options.workerUser ?? 'worker';
  const numbers = new CaseNumberAllocator(couch, {
    workerName,
    log,
    ...(options.holdAfterReserveMs ? { holdAfterReserveMs: options.holdAfterReserveMs } : {}),
  });
  const assignments = new AssignmentWorker(couch, {
    workerName,
    ...(options.divisionsByType ? { divisionsByType: options.divisionsByType } : {}),
  });
  // The server may be down or restarting when the worker starts: keep trying with backoff.
  for (let attempt = 0; ; attempt++) {
    try {
      const recovered = await numbers.recoverPending();
      if (recovered > 0) log(`recovered ${recovered} claimed but unrecorded case number(s)`);
      await assignments.loadExisting();
      break;
    } catch (err) {
      if (options.signal?.aborted) throw err;
      log(`start-up failed (${(err as Error).message}); retrying`);
      await sleep(backoffDelay(attempt, 200, 30_000), options.signal);
    }
  }
  const follower = new ChangesFollower({
    couch,
    db: CASES_DB,
    name: options.name ?? 'worker',
    log,
    ...(options.queueSize ? { queueSize: options.queueSize } : {}),
    ...(options.quarantineAfter ? { quarantineAfter: options.quarantineAfter } : {}),
    handle: (change) => handleCaseChange(change, { numbers, assignments, couch, log }),
    onQuarantine: (change, error, attempts) => recordQuarantine(couch, workerName, change, error, attempts),
  });
  await follower.start();
  const guards =
    options.conflictGuard === false
      ? []
      : await startConflictGuards({
          couch,
          name: options.name ?? 'worker',
          workerName,
          log,
          ...(options.onGuardResult ? { onResult: options.onGuardResult } : {}),
        });
  const staffDirectory =
    options.staffDirectory === false
      ? null
      : await startStaffDirectory({ couch, name: options.name ?? 'worker', workerName, log });
  const boardState =
    options.boardState === false
      ? null
      : await startBoardState({ couch, name: options.name ?? 'worker', log });
  const passwordChanges =
    options.passwordChanges === false
      ? null
      : await startPasswordChanges({ couch, name: options.name ?? 'worker', workerName, log });
  const publicProjection =
    options.publicProjection === false
      ? null
      : await startPublicProjection({
          couch,
          name: options.name ?? 'worker',
          workerName,
          log,
          ...(options.queueSize ? { queueSize: options.queueSize } : {}),
        });
  const readingRoom =
    options.readingRoom === false
      ? null
      : await startReadingRoom({
          couch,
          name: options.name ?? 'worker',
          workerName,
          log,
          ...(options.readingTickMs ? { tickMs: options.readingTickMs } : {}),
        });
  return {
    follower,
    numbers,
    assignments,
    guards,
    staffDirectory,
    boardState,
    passwordChanges,
    publicProjection,
    readingRoom,
    stop: async () => {
      await Promise.all([
        follower.stop(),
        ...guards.map((g) => g.stop()),
        staffDirectory?.stop(),
        boardState?.stop(),
        passwordChanges?.stop(),
        publicProjection?.stop(),
        readingRoom?.stop(),
      ]);
    },
  };
}
