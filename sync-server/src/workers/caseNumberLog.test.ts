/**
 * The case-number allocator against a deterministic simulated cluster (tests/support/simulatedCluster.ts):
 * several workers numbering the same feed at once, copies going down and up, replies lost, internal
 * replication at arbitrary moments, workers killed mid-request and restarted. Whatever happens, every
 * case gets one number, every worker reports that same number, the numbers are exactly 1..n, and
 * no claim is left with a losing leaf.
 * Three weakened allocators (each dropping one rule of caseNumberLog.ts) must be caught, which shows
 * the simulation is hard enough to notice when a rule is missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { override, SimulatedCluster, type Faults } from '../../../tests/support/simulatedCluster';
import { claimDoc, claimId, UndecidedPosition } from './caseNumberLog';
import { CaseNumberAllocator, caseNumberDocId, type EnsureNumberResult } from './caseNumberWorker';
import { isTransientFailure } from './changesFollower';
import type { CouchDoc } from './couchHttp';
import type { ReplicatedDocs } from './replicatedDocs';

const KEY = { year: 2026, court: '甘0402', typeCode: '民初' };
const CALM: Faults = { down: 0, up: 0, lostReply: 0, replicate: 0 };
const STORMY: Faults = { down: 0.02, up: 0.2, lostReply: 0.05, replicate: 0.3 };

interface Scenario {
  copies: number;
  workers: number;
  cases: number;
  faults: Faults;
  /** Chance that a worker (each start of one) is killed at a random later step. */
  kill: number;
  /** Weakens the allocator's view of the database (the mutants). */
  wrap?: (docs: ReplicatedDocs) => ReplicatedDocs;
}

function caseDoc(i: number): CouchDoc {
  const s = String(i).padStart(4, '0');
  return {
    _id: `case:${s}0000-0000-4000-8000-000000000000`,
    type: 'case',
    caseType: '民初',
    court: '甘0402',
    filingDate: '2026-03-02',
    createdAt: `2026-03-02T08:${s.slice(0, 2)}:${s.slice(2)}.000Z`,
  };
}

/** Runs a scenario; returns every broken invariant (empty: all held). */
async function run(seed: number, s: Scenario): Promise<string[]> {
  const sim = new SimulatedCluster(s.copies, seed, s.faults);
  const docs = Array.from({ length: s.cases }, (_, i) => caseDoc(i));
  const reported = new Map<string, Set<string>>();
  const note = (id: string, r: EnsureNumberResult): void => {
    if (r.status !== 'skipped') reported.set(id, (reported.get(id) ?? new Set()).add(r.caseNumber));
  };
  const spawn = () => {
    const client = sim.client();
    if (sim.random() < s.kill) client.kill(1 + Math.floor(sim.random() * 80));
    return { client, numbers: new CaseNumberAllocator(s.wrap ? s.wrap(client) : client) };
  };
  /** One worker following the feed: in roughly the same order as the others, never exactly. */
  async function worker(): Promise<void> {
    const feed = docs.map((d, i) => ({ d, k: i + sim.random() * 6 })).sort((a, b) => a.k - b.k);
    let w = spawn();
    let started = false;
    for (let i = 0, failures = 0; i < feed.length;) {
      try {
        if (!started) started = (await w.numbers.recoverPending()) >= 0;
        const doc = (feed[i] as { d: CouchDoc }).d;
        note(doc._id, await w.numbers.ensureNumber(doc));
        i++;
      } catch (err) {
        if (w.client.dead) {
          w = spawn(); // restarted: recovers, then replays the change it was killed on
          started = false;
        } else if (!isTransientFailure(err)) throw err;
        else if (++failures > 5000) throw new Error(`no progress: ${(err as Error).message}`);
        else await sim.step();
      }
    }
  }
  const problems: string[] = [];
  try {
    await Promise.all(Array.from({ length: s.workers }, worker));
    // The outage ends; a worker restarts and replays the whole feed.
    sim.faults = CALM;
    sim.heal();
    const last = new CaseNumberAllocator(s.wrap ? s.wrap(sim.client()) : sim.client());
    await last.recoverPending();
    for (const d of docs) note(d._id, await last.ensureNumber(d));
  } catch (err) {
    return [(err as Error).message];
  }
  sim.heal();
  const numbers: number[] = [];
  for (const d of docs) {
    const seen = [...(reported.get(d._id) ?? [])];
    if (seen.length !== 1) problems.push(`${d._id} reported as ${JSON.stringify(seen)}`);
    const stored = sim.liveLeaves(caseNumberDocId(d._id));
    const texts = new Set(stored.map((x) => x['caseNumber']));
    if (texts.size !== 1 || !texts.has(seen[0]))
      problems.push(`${d._id} stored as ${JSON.stringify([...texts])}`);
    for (const x of stored) numbers.push(Number(x['seq']));
  }
  // Losing claim leaves are all deleted: no workstation's conflict centre shows a claim.
  for (const id of sim.ids('caseNumber:claim:'))
    if (sim.liveLeaves(id).length !== 1) problems.push(`${id} has ${sim.liveLeaves(id).length} live leaves`);
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  if (JSON.stringify(sorted) !== JSON.stringify(docs.map((_, i) => i + 1)))
    problems.push(`numbers are ${JSON.stringify(sorted)}`);
  return problems;
}

/** The first seed in `seeds` whose run breaks an invariant, or undefined. */
async function counterexample(s: Scenario, seeds: number): Promise<number | undefined> {
  for (let seed = 1; seed <= seeds; seed++) if ((await run(seed, s)).length > 0) return seed;
  return undefined;
}

const CLUSTER: Scenario = { copies: 3, workers: 3, cases: 24, faults: STORMY, kill: 0.3 };

describe('case numbers on a simulated cluster', () => {
  it('numbers 1..n with no gap or duplicate under every interleaving, fault and kill tried', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        expect(await run(seed, CLUSTER)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('is as correct on a single copy (embedded server, CouchDB single node)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        expect(await run(seed, { ...CLUSTER, copies: 1, faults: { ...STORMY, down: 0 } })).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('catches an allocator that trusts the copies that answered (409 as final while one is down)', async () => {
    const hideDown = (d: ReplicatedDocs): ReplicatedDocs =>
      override(d, { readCopies: async (id) => (await d.readCopies(id)).filter((v) => 'leaves' in v) });
    expect(await counterexample({ ...CLUSTER, wrap: hideDown }, 300)).toBeDefined();
  });

  it('catches an allocator that takes a 202 (stored on some copies) as its own position', async () => {
    const trust202 = (d: ReplicatedDocs): ReplicatedDocs =>
      override(d, {
        create: async (doc) => {
          const outcome = await d.create(doc);
          return outcome === 'accepted' ? 'created' : outcome;
        },
      });
    expect(await counterexample({ ...CLUSTER, wrap: trust202 }, 300)).toBeDefined();
  });

  it('catches an allocator that reads a cluster like a single server (one copy decides)', async () => {
    const single = (d: ReplicatedDocs): ReplicatedDocs => override(d, { copiesPerDoc: async () => 1 });
    expect(await counterexample({ ...CLUSTER, wrap: single }, 300)).toBeDefined();
  });
});

describe('deciding a contested position', () => {
  it('waits while a copy is unreachable, then agrees with the claim that copy held', async () => {
    const sim = new SimulatedCluster(3, 7);
    const [z, x, y] = [caseDoc(1), caseDoc(2), caseDoc(3)];
    const b = new CaseNumberAllocator(sim.client());
    expect(await b.ensureNumber(z)).toMatchObject({ seq: 1 });
    // Another worker's claim of position 2 for x reached only copy 3, which then went down.
    const third = sim.copies[2] as (typeof sim.copies)[number];
    third.create(claimId(KEY, 2), {
      type: 'caseNumber',
      kind: 'claim',
      caseId: x._id,
      createdAt: x['createdAt'],
      createdBy: 'worker',
    });
    third.up = false;
    // y's claim of position 2 is stored on copies 1 and 2 (202): undecided while copy 3 is away.
    await expect(b.ensureNumber(y)).rejects.toBeInstanceOf(UndecidedPosition);
    expect(sim.copies[0]?.docs.get(claimId(KEY, 2))?.leaves.size).toBe(1);
    sim.heal();
    const ry = await b.ensureNumber(y);
    const rx = await new CaseNumberAllocator(sim.client()).ensureNumber(x);
    expect([rx, ry].map((r) => (r.status === 'skipped' ? 0 : r.seq)).sort()).toEqual([2, 3]);
    // Position 2 went to CouchDB's winner of the two leaves, and the losing leaf was deleted.
    const claim2 = sim.liveLeaves(claimId(KEY, 2));
    expect(claim2).toHaveLength(1);
    expect(claim2[0]?.['caseId'] === x._id ? rx : ry).toMatchObject({ seq: 2 });
  });

  it('starts after the numbers seeded without claims, and replays without writing anything', async () => {
    const sim = new SimulatedCluster(3, 11);
    for (let i = 1; i <= 5; i++)
      sim.seed({
        _id: `caseNumber:seeded-${i}`,
        type: 'caseNumber',
        caseId: `case:seeded-${i}`,
        year: 2026,
        court: '甘0402',
        caseTypeCode: '民初',
        seq: i,
      });
    const a = new CaseNumberAllocator(sim.client());
    expect(await a.ensureNumber(caseDoc(1))).toMatchObject({ status: 'allocated', seq: 6 });
    expect(await a.ensureNumber(caseDoc(2))).toMatchObject({ status: 'allocated', seq: 7 });
    const before = sim.ids('caseNumber:').map((id) => [id, sim.liveLeaves(id).map((l) => l._rev)]);
    const replay = new CaseNumberAllocator(sim.client());
    expect(await replay.recoverPending()).toBe(0);
    expect(await replay.ensureNumber(caseDoc(2))).toMatchObject({ status: 'existing', seq: 7 });
    expect(sim.ids('caseNumber:').map((id) => [id, sim.liveLeaves(id).map((l) => l._rev)])).toEqual(before);
  });

  it('recovers a claim whose number was never recorded, in the logs of last year and later', async () => {
    const sim = new SimulatedCluster(3, 5);
    const x = caseDoc(1);
    for (const year of [2024, 2025]) {
      const key = { ...KEY, year };
      sim.seed(claimDoc(key, 0, { base: 0 }, '2025-01-02T08:00:00.000Z', 'worker'));
      sim.seed(claimDoc(key, 1, { caseId: x._id }, '2025-01-02T08:00:00.000Z', 'worker'));
    }
    const numbers = new CaseNumberAllocator(sim.client(), { now: () => new Date('2026-05-01T00:00:00Z') });
    expect(await numbers.recoverPending()).toBe(1);
    const stored = sim.liveLeaves(caseNumberDocId(x._id));
    expect(stored.map((d) => [d['caseNumber'], d['position']])).toEqual([['（2025）甘0402民初1号', 1]]);
    expect(await numbers.recoverPending()).toBe(0); // recorded now: nothing left to do
  });
});
