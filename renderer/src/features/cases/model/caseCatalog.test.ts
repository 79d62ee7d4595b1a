import { afterEach, describe, expect, it } from 'vitest';
import { validateForWrite } from '../../../../../core/schemas/registry';
import { memoryDb, waitFor } from '../../../../../tests/support/renderer/memory';
import { createCaseCatalog, caseIdOf, type CaseCatalogHandle } from './caseCatalog';
import { snapshotHead } from './catalogSnapshot';
import { seedApproval, seedCaseDocs } from '../../../../../tests/support/renderer/caseFixtures';

const handles: CaseCatalogHandle[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) h.dispose();
});

const ALL = { sort: { field: 'filingDate', dir: 'asc' }, offset: 0, limit: 100 } as const;

function seed() {
  return [
    ...seedCaseDocs({
      n: 1,
      filingDate: '2026-01-05',
      party: '张三',
      judge: 'judge.a',
      clerk: 'clerk.x',
      idNumber: '62040219900101123X',
    }),
    ...seedCaseDocs({ n: 2, filingDate: '2025-09-01', party: '李四', judge: 'judge.b' }), // 6 months → overdue by Apr
    ...seedCaseDocs({
      n: 3,
      filingDate: '2025-09-25',
      party: '王五',
      judge: 'judge.a',
      pendingExtension: true,
    }),
    ...seedCaseDocs({
      n: 4,
      filingDate: '2025-06-01',
      party: '赵六',
      judge: 'judge.b',
      closedOn: '2025-10-01',
    }),
    ...seedCaseDocs({ n: 5, filingDate: '2026-03-01', party: '钱七', official: false }),
  ];
}

async function open(today = '2026-03-10', docs = seed()) {
  const db = memoryDb('catalog');
  for (const d of docs) validateForWrite(d);
  await db.bulkDocs(docs);
  let day = today;
  const h = createCaseCatalog(db, { today: () => day, pageSize: 3, dateCheckMs: 20, batchMs: 5 });
  handles.push(h);
  const catalog = await h.ready;
  return { db, h, catalog, setToday: (d: string) => (day = d) };
}

describe('case catalog', () => {
  it('builds from the replica with progress and folds status, judge and deadline', async () => {
    const { h, catalog } = await open();
    expect(h.buildMs).not.toBeNull();
    const rows = catalog.query(ALL).rows;
    expect(rows.map((r) => r.id)).toEqual(['case:c4', 'case:c2', 'case:c3', 'case:c1', 'case:c5']);
    const c1 = catalog.get('case:c1');
    expect(c1).toMatchObject({
      displayNumber: '（2026）甘0402民初1号',
      status: 'assigned',
      judge: 'judge.a',
      clerk: 'clerk.x',
      filingDate: '2026-01-05',
      deadline: '2026-07-05',
      warning: 'none',
    });
    expect(catalog.get('case:c2')).toMatchObject({
      deadline: '2026-03-01',
      warning: 'overdue',
      remainingDays: -9,
    });
    expect(catalog.get('case:c3')).toMatchObject({ pendingExtension: true, warning: 'd15' });
    expect(catalog.get('case:c4')).toMatchObject({ status: 'closed', warning: 'none', remainingDays: null });
    expect(catalog.get('case:c5')).toMatchObject({
      status: 'pendingNumber',
      displayNumber: '临20260301-00005',
    });
    expect(catalog.warningCounts()).toMatchObject({ overdue: 1, d15: 1 });
    expect(catalog.query({ ...ALL, staff: 'clerk.x' }).rows.map((r) => r.id)).toEqual(['case:c1']);
    expect(catalog.findDuplicateParties([{ name: 'x', idNumber: '62040219900101123x' }])).toEqual([
      expect.objectContaining({ caseId: 'case:c1', matchedBy: 'idNumber' }),
    ]);
  });

  it('follows the changes feed: new cases, numbers, events, approvals and deletions', async () => {
    const { db, h, catalog } = await open();
    let version = 0;
    const sub = catalog.changes$.subscribe((v) => (version = v));
    const before = version;
    await db.bulkDocs(seedCaseDocs({ n: 6, filingDate: '2026-02-01', party: '孙八', official: false }));
    await waitFor('new case', () => catalog.get('case:c6') !== undefined);
    expect(version).toBeGreaterThan(before);
    await db.put({
      _id: 'caseNumber:c6',
      type: 'caseNumber',
      schemaVersion: 1,
      createdAt: '2026-02-01T10:00:00+08:00',
      createdBy: 'worker',
      caseId: 'case:c6',
      caseNumber: '（2026）甘0402民初6号',
    });
    await waitFor('number', () => catalog.get('case:c6')?.status === 'filed');
    expect(catalog.query({ ...ALL, search: '(2026)甘0402民初6' }).rows.map((r) => r.id)).toEqual(['case:c6']);
    await db.put(seedApproval(3));
    await waitFor('approval', () => catalog.get('case:c3')?.pendingExtension === false);
    expect(catalog.get('case:c3')?.deadline).toBe('2026-09-25');
    const c5 = await db.get('case:c5');
    await db.remove(c5);
    await waitFor('deleted', () => catalog.get('case:c5') === undefined);
    await h.settled();
    expect(catalog.query(ALL).total).toBe(5);
    sub.unsubscribe();
  });

  it('re-evaluates deadlines when the date changes', async () => {
    const { catalog, setToday } = await open('2026-02-20');
    expect(catalog.get('case:c2')).toMatchObject({ warning: 'd15', remainingDays: 9 });
    setToday('2026-03-02');
    await waitFor('new day', () => catalog.get('case:c2')?.warning === 'overdue');
    expect(catalog.get('case:c2')?.remainingDays).toBe(-1);
  });

  it('restarts from its local snapshot, replays later changes, and re-dates deadlines', async () => {
    const { db, h, catalog } = await open('2026-02-20');
    expect(h.source).toBe('documents');
    await h.saveSnapshot();
    const before = catalog.query(ALL);
    h.dispose();
    await db.bulkDocs(seedCaseDocs({ n: 7, filingDate: '2026-02-02', party: '周九', official: false }));
    const again = createCaseCatalog(db, { today: () => '2026-03-10', dateCheckMs: 0, batchMs: 5 });
    handles.push(again);
    const restored = await again.ready;
    expect(again.source).toBe('snapshot');
    await waitFor('replayed change', () => restored.get('case:c7') !== undefined);
    expect(restored.query(ALL).total).toBe(before.total + 1);
    expect(restored.get('case:c2')).toMatchObject({ warning: 'overdue', remainingDays: -9 });
    // Approvals are known after a snapshot start too.
    await db.put(seedApproval(3));
    await waitFor('approval', () => restored.get('case:c3')?.pendingExtension === false);
    const cold = createCaseCatalog(db, { today: () => '2026-03-10', dateCheckMs: 0, snapshot: false });
    handles.push(cold);
    expect((await cold.ready).query(ALL)).toEqual(restored.query(ALL));
    expect(cold.source).toBe('documents');
  });

  it('reads the replica again when many cases change at once (an initial sync after the build)', async () => {
    const db = memoryDb('catalog');
    await db.bulkDocs(seedCaseDocs({ n: 1, filingDate: '2026-01-05', party: '张三', judge: 'judge.a' }));
    const h = createCaseCatalog(db, {
      today: () => '2026-03-10',
      dateCheckMs: 0,
      batchMs: 30,
      rescanAbove: 5,
    });
    handles.push(h);
    const catalog = await h.ready;
    const docs = Array.from({ length: 40 }, (_, i) =>
      seedCaseDocs({ n: 100 + i, filingDate: '2026-02-01', party: `P${i}`, judge: 'judge.b' }),
    ).flat();
    await db.bulkDocs(docs);
    await db.remove(await db.get('case:c1'));
    // Not just 40 cases: c1 and 39 new ones also make 40 until the deletion arrives.
    await waitFor('the 40 new cases, without c1', () => {
      const ids = catalog.query(ALL).rows.map((r) => r.id);
      return ids.length === 40 && !ids.includes('case:c1');
    });
    await h.settled();
    expect(catalog.get('case:c139')).toMatchObject({ judge: 'judge.b', status: 'assigned' });
    expect(catalog.query({ ...ALL, judges: ['judge.b'] }).total).toBe(40);
  });

  /** A catalog over an empty replica (its build wrote an empty snapshot), then `count` cases synced in. */
  async function syncIntoEmpty(count: number, options: Parameters<typeof createCaseCatalog>[1]) {
    const db = memoryDb('catalog');
    const h = createCaseCatalog(db, { today: () => '2026-03-10', dateCheckMs: 0, ...options });
    handles.push(h);
    const catalog = await h.ready;
    await waitFor('empty snapshot', async () => (await snapshotHead(db))?.count === 0);
    const docs = Array.from({ length: count }, (_, i) =>
      seedCaseDocs({ n: 100 + i, filingDate: '2026-02-01', party: `P${i}`, judge: 'judge.b' }),
    ).flat();
    await db.bulkDocs(docs);
    await waitFor('all cases', () => catalog.query(ALL).total === count);
    return db;
  }

  it('writes its snapshot after reading the replica again, so the first restart after an initial sync loads it', async () => {
    // rescanAbove 0: every batch is read again in full, however the changes trickle in under load.
    const db = await syncIntoEmpty(40, { batchMs: 30, rescanAbove: 0 });
    await waitFor('a snapshot of the 40 cases', async () => (await snapshotHead(db))?.count === 40);
  });

  it('writes its snapshot when the interval has passed after enough re-folds, without a further change', async () => {
    // Re-folded case by case, within the interval after the first (empty) snapshot; any re-fold
    // makes a save due, so a save part-way through a slow trickle is followed by another.
    const db = await syncIntoEmpty(5, { batchMs: 5, snapshotEveryMs: 2000, snapshotAfterChanges: 1 });
    const waitMs = 20_000; // several intervals, should a save land part-way through the trickle
    await waitFor('a snapshot of the 5 cases', async () => (await snapshotHead(db))?.count === 5, waitMs);
  });

  it('maps documents to their case', () => {
    expect(caseIdOf({ _id: 'assignment:u1' })).toBe('case:u1');
    expect(caseIdOf({ _id: 'event:case:u1:2026:x' })).toBe('case:u1');
    expect(caseIdOf({ _id: 'approval:a', caseId: 'case:u2' })).toBe('case:u2');
    expect(caseIdOf({ _id: 'post:1' })).toBeNull();
    expect(caseIdOf({ _id: 'caseNumber:u3' })).toBe('case:u3');
    expect(caseIdOf({ _id: 'caseNumber:claim:2026:甘0402:民初:00000001', caseId: 'case:u3' })).toBeNull();
  });
});
