import { afterEach, describe, expect, it } from 'vitest';
import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { createTestEngine } from '../../../tests/support/renderer/testEngine';
import { keysForRoles, livePullKeysFor, PULL_ONLY_KEYS } from './hooks';
import { findPublicCase, hearingNoticesBetween } from './publicQueries';
import type { SyncEngine } from './replication';

const engines: SyncEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

function publicCase(n: number) {
  return {
    _id: `publicCase:c${n}`,
    type: 'publicCase',
    schemaVersion: 1,
    caseNumber: `（2026）甘0402民初${n}号`,
    access: [],
  };
}

function notice(n: number, startsAt: string) {
  return {
    _id: `hearingNotice:c${n}:1`,
    type: 'hearingNotice',
    kind: 'hearing',
    caseNumber: `x${n}`,
    startsAt,
  };
}

describe('public replica reads', () => {
  it('finds a case by number through the Mango index, not a scan', async () => {
    const db = memoryDb('public');
    await db.bulkDocs([
      ...Array.from({ length: 300 }, (_, i) => publicCase(i + 1)),
      notice(1, '2026-12-07T09:00:00+08:00'),
    ]);
    const found = await findPublicCase(db, '（2026）甘0402民初217号');
    expect(found?._id).toBe('publicCase:c217');
    expect(await findPublicCase(db, '（2026）甘0402民初999号')).toBeNull();
    const explain = (db as unknown as { explain(q: object): Promise<{ index: { ddoc: string | null } }> })
      .explain;
    const plan = await explain.call(db, { selector: { caseNumber: 'x' } });
    expect(plan.index.ddoc).toBe('_design/courtdesk-public-case-number');
  });

  it('reads hearing notices in a startsAt range, other documents left out', async () => {
    const db = memoryDb('public');
    await db.bulkDocs([
      publicCase(1),
      notice(1, '2026-12-06T23:00:00+08:00'),
      notice(2, '2026-12-07T09:00:00+08:00'),
      notice(3, '2026-12-08T16:30:00+08:00'),
      notice(4, '2026-12-10T09:00:00+08:00'),
    ]);
    const got = await hearingNoticesBetween(db, '2026-12-07', '2026-12-10');
    expect(got.map((d) => d._id).sort()).toEqual(['hearingNotice:c2:1', 'hearingNotice:c3:1']);
  });
});

describe('a kiosk syncs only the public projection, pull-only and live', () => {
  it('replicates public alone, pulls it live, and never pushes it', async () => {
    expect(keysForRoles(['kiosk'])).toEqual(['public']);
    expect(livePullKeysFor(['public'])).toEqual(['public']);
    expect(PULL_ONLY_KEYS).toEqual(['public']);

    const local = memoryDb('kiosk-local');
    const remote = memoryDb('kiosk-remote');
    await remote.put(publicCase(1));
    const { engine } = createTestEngine(local, remote, {
      keys: ['public'],
      livePullKeys: ['public'],
      pullOnlyKeys: ['public'],
      seedFresh: false,
    });
    engines.push(engine);
    await engine.start();
    const state = () => engine.status().databases.find((d) => d.key === 'public');
    await waitFor(
      'first pull',
      async () =>
        await local.get('publicCase:c1').then(
          () => true,
          () => false,
        ),
    );
    await waitFor('online', () => state()?.state === 'online' && state()?.lastSyncAt !== null);
    // Live: a change on the server arrives without a poll interval.
    await remote.put(publicCase(2));
    await waitFor(
      'live change',
      async () =>
        await local.get('publicCase:c2').then(
          () => true,
          () => false,
        ),
      3000,
    );
    // A local document (e.g. the Mango index) stays local.
    await local.put({ _id: 'local-only', type: 'x' });
    await engine.syncNow();
    await new Promise((r) => setTimeout(r, 300));
    expect(
      await remote.get('local-only').then(
        () => true,
        () => false,
      ),
    ).toBe(false);
    // …and is not reported as waiting to be pushed (the status bar would show it forever).
    await findPublicCase(local, '（2026）甘0402民初1号'); // creates the local Mango indexes
    await engine.recount();
    expect(state()?.unpushed).toBe(0);
  });
});
