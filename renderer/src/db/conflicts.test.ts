import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { describe, expect, it } from 'vitest';
import { SchemaValidationError } from '../../../core/schemas/collection';
import { currentVersion } from '../../../core/schemas/registry';
import {
  diffRevisions,
  keepRevision,
  listConflicts,
  loadRevisions,
  mergeRevisions,
  watchConflicts,
  type ConflictSummary,
} from './conflicts';
import { createRepository } from './repository';

const base = {
  _id: 'draft:d1',
  type: 'draft',
  schemaVersion: 1,
  createdAt: '2026-01-05T08:00:00.000Z',
  createdBy: 'judge.li',
  caseId: 'case:c1',
  kind: 'judgment',
  title: '民事判决书',
};

/** Two offline edits of one draft, as replication leaves them: two leaves on rev 2. */
async function conflicted() {
  const db = memoryDb('conf');
  const first = await db.put({ ...base, body: '<p>原告张三诉被告李四买卖合同纠纷一案。</p>' });
  const a = {
    ...base,
    body: '<p>原告张三诉被告李四买卖合同纠纷一案，本院依法审理。</p>',
    updatedBy: 'judge.li',
  };
  const b = { ...base, body: '<p>原告张三诉被告李四借款合同纠纷一案。</p>', updatedBy: 'judge.wang' };
  const revA = `2-${'a'.repeat(32)}`;
  const revB = `2-${'b'.repeat(32)}`;
  const hash = first.rev.split('-')[1] ?? '';
  await db.bulkDocs(
    [
      { ...a, _rev: revA, _revisions: { start: 2, ids: ['a'.repeat(32), hash] } },
      { ...b, _rev: revB, _revisions: { start: 2, ids: ['b'.repeat(32), hash] } },
    ] as never,
    { new_edits: false },
  );
  return { db, revA, revB };
}

async function leaves(db: ReturnType<typeof memoryDb>, id: string) {
  const all = (await db.get(id, { open_revs: 'all' })) as unknown as {
    ok: { _rev: string; _deleted?: boolean; conflictResolution?: unknown };
  }[];
  return all
    .map((x) => ({ rev: x.ok._rev, deleted: x.ok._deleted === true, marker: x.ok.conflictResolution }))
    .sort((x, y) => (x.rev < y.rev ? -1 : 1));
}

describe('conflict centre data', () => {
  it('lists the conflict, shows both revisions side by side with a field and text diff', async () => {
    const { db, revA, revB } = await conflicted();
    const list = await listConflicts(db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'draft:d1', type: 'draft', title: '民事判决书' });
    expect([list[0]?.winningRev, ...(list[0]?.conflictRevs ?? [])].sort()).toEqual([revA, revB]);

    const revs = await loadRevisions(db, 'draft:d1');
    expect(revs.map((r) => r.winner)).toEqual([true, false]);
    expect(revs[0]?.rev).toBe(revB); // CouchDB's deterministic winner: the higher hash
    const diff = diffRevisions(revs);
    const changed = diff.filter((d) => d.differs).map((d) => d.field);
    expect(changed).toEqual(['body', 'updatedBy']);
    expect(diff.find((d) => d.field === 'title')?.differs).toBe(false);
    const body = diff.find((d) => d.field === 'body');
    const parts = body?.textDiffs?.[1] ?? [];
    expect(
      parts
        .filter((p) => p.op === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('买卖');
    expect(
      parts
        .filter((p) => p.op === 'removed')
        .map((p) => p.text)
        .join(''),
    ).toContain('借款');
  });

  it('keepRevision writes the kept revision as winner and deletes the loser in one bulkDocs', async () => {
    const { db, revA, revB } = await conflicted();
    const newRev = await keepRevision(db, 'draft:d1', revA); // keep the non-winner
    expect(newRev).toMatch(/^3-/);
    const doc = await db.get('draft:d1', { conflicts: true });
    expect(doc._conflicts).toBeUndefined();
    expect(doc['body']).toContain('本院依法审理');
    const ls = await leaves(db, 'draft:d1');
    // both the kept revision and the loser's tombstone are 3-…: exactly one of them is live
    expect(ls.filter((l) => l.rev.startsWith('3-') && !l.deleted).map((l) => l.rev)).toEqual([newRev]);
    expect(ls.filter((l) => l.deleted)).toHaveLength(1);
    expect(ls.some((l) => l.rev === revB)).toBe(false); // its tombstone is 3-…, on top of revB
    // the tombstone names the kept leaf, so the server checks it with the update right
    expect(ls.find((l) => l.deleted)?.marker).toEqual({ keptRev: revA, at: expect.any(String) });
    const at = (ls.find((l) => l.deleted)?.marker as { at: string }).at;
    expect(Number.isNaN(Date.parse(at))).toBe(false);
    expect(await listConflicts(db)).toEqual([]);
  });

  it('mergeRevisions writes the merged body and deletes every other leaf', async () => {
    const { db, revB } = await conflicted();
    const merged = { ...base, body: '<p>原告张三诉被告李四买卖合同纠纷一案，本院依法审理（合并）。</p>' };
    await mergeRevisions(db, 'draft:d1', merged);
    const doc = await db.get('draft:d1', { conflicts: true });
    expect(doc._conflicts).toBeUndefined();
    expect(doc['body']).toContain('合并');
    // the leaves were written by an older build (v1): the merge is written at the current version
    expect(doc['schemaVersion']).toBe(currentVersion('draft'));
    const ls = await leaves(db, 'draft:d1');
    expect(ls.filter((l) => !l.deleted)).toHaveLength(1);
    // merged on top of the winner (revB): the loser's tombstone names it as kept
    expect(ls.filter((l) => l.deleted).map((l) => l.marker)).toEqual([
      { keptRev: revB, at: expect.any(String) },
    ]);
  });

  it('refuses an invalid merge and leaves both revisions readable', async () => {
    const { db, revA, revB } = await conflicted();
    await expect(mergeRevisions(db, 'draft:d1', { ...base, title: '' })).rejects.toBeInstanceOf(
      SchemaValidationError,
    );
    expect((await leaves(db, 'draft:d1')).map((l) => l.rev)).toEqual([revA, revB]);
    await expect(keepRevision(db, 'draft:d1', '2-nope')).rejects.toThrow(/not a leaf/);
  });

  it('watchConflicts follows the changes feed', async () => {
    const db = memoryDb('watch');
    const seen: ConflictSummary[][] = [];
    const sub = watchConflicts(db).subscribe((v) => seen.push(v));
    await waitFor('initial list', () => seen.length === 1);
    expect(seen[0]).toEqual([]);
    const first = await db.put({ ...base, body: 'x' });
    await db.bulkDocs(
      [
        {
          ...base,
          body: 'y',
          _rev: `2-${'c'.repeat(32)}`,
          _revisions: { start: 2, ids: ['c'.repeat(32), first.rev.split('-')[1]] },
        },
      ] as never,
      { new_edits: false },
    );
    await db.bulkDocs(
      [
        {
          ...base,
          body: 'z',
          _rev: `2-${'d'.repeat(32)}`,
          _revisions: { start: 2, ids: ['d'.repeat(32), first.rev.split('-')[1]] },
        },
      ] as never,
      { new_edits: false },
    );
    await waitFor('conflict seen', () => seen.at(-1)?.length === 1);
    const c = seen.at(-1)?.[0];
    await keepRevision(db, 'draft:d1', c?.winningRev ?? '');
    await waitFor('conflict gone', () => seen.at(-1)?.length === 0);
    sub.unsubscribe();
  });
});

describe('repository write path', () => {
  it('stamps the envelope, validates every write and keeps the envelope fixed', async () => {
    const db = memoryDb('repo');
    const repo = createRepository(db, { user: 'judge.li', now: () => new Date('2026-03-01T08:00:00.000Z') });
    const d = await repo.create('draft', ['d9'], {
      caseId: 'case:c1',
      kind: 'ruling',
      title: '民事裁定书',
      body: '',
    });
    expect(d).toMatchObject({
      _id: 'draft:d9',
      type: 'draft',
      schemaVersion: currentVersion('draft'),
      createdAt: '2026-03-01T08:00:00.000Z',
      createdBy: 'judge.li',
    });
    await expect(
      repo.create('draft', ['d10'], { caseId: 'case:c1', kind: 'bogus', title: 't', body: '' }),
    ).rejects.toBeInstanceOf(SchemaValidationError);
    await expect(db.get('draft:d10')).rejects.toMatchObject({ status: 404 });
    const u = await repo.update('draft:d9', (x) => ({ ...x, title: '民事裁定书（二稿）' }));
    expect(u._rev).toMatch(/^2-/);
    await expect(repo.update('draft:d9', (x) => ({ ...x, createdBy: 'someone.else' }))).rejects.toThrow(
      /createdBy cannot change/,
    );
    await expect(repo.update('draft:d9', (x) => ({ ...x, kind: 'nope' }))).rejects.toBeInstanceOf(
      SchemaValidationError,
    );
  });

  it('reads an old case migrated and writes it back at the current version', async () => {
    const db = memoryDb('repo');
    await db.put({
      _id: 'case:c1',
      type: 'case',
      schemaVersion: 1,
      createdAt: '2026-03-01T08:00:00.000Z',
      createdBy: 'clerk.wang',
      caseType: '民初',
      cause: '买卖合同纠纷',
      filingDate: '2026-03-01',
      parties: [{ role: 'plaintiff', type: 'person', name: '张三' }],
    });
    const repo = createRepository(db, { user: 'clerk.wang' });
    const c = await repo.get('case:c1');
    expect(c['schemaVersion']).toBe(currentVersion('case'));
    expect(currentVersion('case')).toBeGreaterThan(1);
    await repo.update('case:c1', (x) => ({ ...x, summary: '请求支付货款' }));
    expect((await db.get('case:c1'))['schemaVersion']).toBe(currentVersion('case'));
  });

  it('reports a failed write (quota) to the sync status hook', async () => {
    const db = memoryDb('repo');
    const errors: unknown[] = [];
    (db as unknown as { put: unknown }).put = () =>
      Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    const repo = createRepository(db, { user: 'judge.li', onWriteError: (e) => errors.push(e) });
    await expect(
      repo.create('draft', ['q'], { caseId: 'case:c1', kind: 'ruling', title: 't', body: '' }),
    ).rejects.toThrow('quota');
    expect(errors).toHaveLength(1);
  });
});
