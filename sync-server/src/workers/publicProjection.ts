/**
 * The public projection follower (issue 11 item 4): keeps courtdesk_public current from the
 * changes of courtdesk_cases (cases, numbers, assignments, events, extension decisions) and of
 * courtdesk_enforcement (enforcement records), each through its own {@link ChangesFollower}
 * (checkpoints `_local/courtdesk-worker-<name>-public` in each database). Every change re-projects
 * the whole case it belongs to (publicProjector.ts), so handling is idempotent and order does not
 * matter; a change is skipped when a later queued change of the same case will project it anyway.
 * A worker with a new name starts at sequence 0 and so builds the projection from scratch.
 */
import { databaseByKey } from '../../../core/databases';
import { ChangesFollower, type Change } from './changesFollower';
import type { CouchHttp } from './couchHttp';
import { PublicProjector } from './publicProjector';

const CASES_DB = databaseByKey('cases').name;
const ENFORCEMENT_DB = databaseByKey('enforcement').name;

/** The case (`case:<uuid>`) a change of courtdesk_cases concerns, or null. */
export function caseOfCasesChange(change: Change, projector: PublicProjector): string | null {
  const id = change.id;
  const rest = (prefix: string) => `case:${id.slice(prefix.length)}`;
  if (id.startsWith('case:')) return id;
  if (id.startsWith('caseNumber:')) return id.startsWith('caseNumber:claim:') ? null : rest('caseNumber:');
  if (id.startsWith('assignment:')) return rest('assignment:');
  if (id.startsWith('event:case:')) {
    const uuid = id.slice('event:case:'.length).split(':')[0];
    return uuid ? `case:${uuid}` : null;
  }
  if (id.startsWith('approval:')) return projector.approvals.caseOf(change.doc ?? { _id: id });
  return null;
}

/** Options of {@link startPublicProjection}. */
export interface StartPublicProjectionOptions {
  couch: CouchHttp;
  /** Worker name: checkpoints `_local/courtdesk-worker-<name>-public`. */
  name: string;
  workerName?: string;
  log?: (line: string) => void;
  queueSize?: number;
}

/** A running public projection. */
export interface RunningPublicProjection {
  readonly projector: PublicProjector;
  readonly cases: ChangesFollower;
  readonly enforcement: ChangesFollower;
  stop(): Promise<void>;
}

/** Starts both followers (each retries until its database answers). */
export async function startPublicProjection(
  o: StartPublicProjectionOptions,
): Promise<RunningPublicProjection> {
  const log = o.log ?? (() => {});
  const projector = new PublicProjector(o.couch, {
    ...(o.workerName ? { workerName: o.workerName } : {}),
    log,
  });
  const follow = (db: string, caseOf: (c: Change) => string | null): ChangesFollower => {
    const follower: ChangesFollower = new ChangesFollower({
      couch: o.couch,
      db,
      name: `${o.name}-public`,
      log,
      ...(o.queueSize ? { queueSize: o.queueSize } : {}),
      handle: async (change) => {
        if (change.doc) (db === CASES_DB ? projector.approvals : projector.enforcement).note(change.doc);
        const caseId = caseOf(change);
        if (!caseId) return;
        if (follower.upcoming().some((c) => caseOf(c) === caseId)) return;
        await projector.project(caseId);
      },
    });
    return follower;
  };
  const cases = follow(CASES_DB, (c) => caseOfCasesChange(c, projector));
  const enforcement = follow(ENFORCEMENT_DB, (c) =>
    projector.enforcement.covers(c.id) ? projector.enforcement.caseOf(c.doc ?? { _id: c.id }) : null,
  );
  await cases.start();
  await enforcement.start();
  return {
    projector,
    cases,
    enforcement,
    stop: async () => {
      await Promise.all([cases.stop(), enforcement.stop()]);
    },
  };
}
