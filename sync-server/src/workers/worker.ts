/**
 * The server worker process (`courtdesk-server worker`): recovers reservations a killed worker
 * left, builds the judges' load book, then follows courtdesk_cases/_changes and, for every case,
 * makes sure it has an official number and an assignment. Everything it does is idempotent, so
 * several workers may run at once and any of them may be killed and restarted at any moment.
 */
import { AssignmentWorker } from './assignmentWorker';
import { CaseNumberAllocator } from './caseNumberWorker';
import { ChangesFollower, type Change } from './changesFollower';
import { backoffDelay, CouchHttp, sleep, type CouchDoc } from './couchHttp';

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
}

/** A running worker. */
export interface RunningWorker {
  readonly follower: ChangesFollower;
  readonly numbers: CaseNumberAllocator;
  readonly assignments: AssignmentWorker;
  stop(): Promise<void>;
}

const CASES_DB = 'courtdesk_cases';

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
  const n = await w.numbers.ensureNumber(caseDoc);
  if (n.status === 'allocated') w.log(`${caseDoc._id}: ${n.caseNumber}`);
  else if (n.status === 'skipped') w.log(`${caseDoc._id}: no number yet (${n.reason})`);
  const a = await w.assignments.ensureAssignment(caseDoc);
  if (a.status === 'assigned') w.log(`${caseDoc._id}: assigned to ${a.judge} (${a.method})`);
  else if ('reason' in a) w.log(`${caseDoc._id}: not assigned (${a.status}): ${a.reason}`);
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
      if (recovered > 0) log(`recovered ${recovered} pending case-number reservation(s)`);
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
    handle: (change) => handleCaseChange(change, { numbers, assignments, couch, log }),
    onIdle: () => numbers.flush(),
  });
  await follower.start();
  return { follower, numbers, assignments, stop: () => follower.stop() };
}
