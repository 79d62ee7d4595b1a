/**
 * Test-only helpers for co-drafting over PouchDB: memory replicas and a memory "server" moved
 * between with PouchDB's replicator, a hand-run scheduler (a kill is a flush that never runs),
 * and paragraph-level edits of a draft's Yjs fragment as the editor makes them.
 */
import { memoryDb, waitFor } from '../renderer/memory';
import { createRepository } from '../../../renderer/src/db/repository';
import type { LocalDb } from '../../../renderer/src/db/localDb';
import {
  openDraftSession,
  type DraftSession,
  type DraftSessionOptions,
  type Scheduler,
} from '../../../renderer/src/db/drafts/draftSession';
import type { ServerCheck } from '../../../renderer/src/db/drafts/compaction';

export { memoryDb, waitFor };
export { appendParagraph, editParagraph, paragraphs } from './fragmentEdits';

/** Pushes then pulls everything between a replica and the server. */
export async function sync(replica: LocalDb, server: LocalDb): Promise<void> {
  await replica.replicate.to(server);
  await replica.replicate.from(server);
}

/** Which of `ids` the memory server holds live. */
export function memoryServerCheck(server: LocalDb): ServerCheck {
  return async (ids) => {
    const res = await server.allDocs({ keys: [...ids] });
    return new Set(
      res.rows
        .filter((r) => 'value' in r && r.value && !(r.value as { deleted?: boolean }).deleted)
        .map((r) => r.key),
    );
  };
}

/** A server that cannot be reached. */
export const offlineServer: ServerCheck = () => Promise.reject(new Error('offline'));

/** A scheduler whose timers run only when the test says so. */
export function manualScheduler(): Scheduler & {
  readonly timers: { fn: () => void; ms: number }[];
  runAll(): void;
} {
  const timers: { fn: () => void; ms: number; live: boolean }[] = [];
  return {
    timers,
    setTimeout(fn, ms) {
      const t = { fn, ms, live: true };
      timers.push(t);
      return t;
    },
    clearTimeout(h) {
      (h as { live: boolean }).live = false;
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    runAll() {
      for (const t of timers.splice(0)) if (t.live) t.fn();
    },
  };
}

/** Creates a draft's metadata document as `user`; returns its id. */
export async function createDraftDoc(db: LocalDb, user: string, uuid: string): Promise<string> {
  const doc = await createRepository(db, { user }).create('draft', [uuid], {
    caseId: 'case:c1',
    kind: 'judgment',
    title: '民事判决书',
  });
  return doc._id;
}

/** The case team of the test drafts. */
export const TEST_TEAM: ReadonlySet<string> = new Set(['judge.zhao', 'assistant.hu']);

/** Trusts the test team (the `trust` of sessions, loads and compactions in tests). */
export function teamTrust(author: string): boolean {
  return TEST_TEAM.has(author);
}

/** Sessions the running test opened; {@link closeTestSessions} closes them (after each test). */
export const testSessions: DraftSession[] = [];

/** Opens a session trusting the test team, never compacting on its own unless asked; tracked for clean-up. */
export async function openTestSession(
  options: Omit<DraftSessionOptions, 'trust'> & Partial<Pick<DraftSessionOptions, 'trust'>>,
): Promise<DraftSession> {
  const s = await openDraftSession({ trust: teamTrust, compactAfter: 0, ...options });
  testSessions.push(s);
  return s;
}

/** Closes (and so saves) every session the test opened. */
export async function closeTestSessions(): Promise<void> {
  for (const s of testSessions.splice(0)) await s.close();
}
