import { describe, expect, it } from 'vitest';
import { starterLibraryDocs } from '../../../../core/library/starterDocs';
import { memoryDb, waitFor } from '../../../../tests/support/renderer/memory';
import type { LocalDb } from '../localDb';
import { createSearchService, type SearchService } from './searchService';
import { openSearchStore } from './searchStore';

const AT = '2026-12-07T08:00:00.000Z';
const env = (type: string, id: string, fields: Record<string, unknown>) => ({
  _id: `${type}:${id}`,
  type,
  schemaVersion: 1,
  createdAt: AT,
  createdBy: 'admin.lib',
  ...fields,
});

let users = 0;

async function setup() {
  const user = `search-user-${users++}`;
  const dbs = {
    library: memoryDb('lib'),
    forum: memoryDb('forum'),
    notices: memoryDb('notices'),
    cases: memoryDb('cases'),
  };
  await dbs.library.bulkDocs(starterLibraryDocs(AT, 'courtdesk-server'));
  await dbs.forum.bulkDocs([
    env('post', 'p1', { board: 'board:general', title: '诉讼费退费流程', body: '<p>请问需要哪些材料？</p>' }),
    env('post', 'p2', { board: 'board:general', title: '执行心得', body: '<p>本周诉讼费收缴良好。</p>' }),
  ]);
  await dbs.notices.put(
    env('notice', 'n1', { title: '关于严格执行审限的通知', body: '<p>按期结案。</p>', priority: 'normal' }),
  );
  await dbs.cases.bulkDocs([
    env('case', 'c1', {
      provisionalNumber: '临20260301-c1',
      cause: '民间借贷纠纷',
      parties: [{ name: '欧阳晓峰' }],
      filingDate: '2026-03-01',
    }),
    env('event', 'case:c1:2026:x', { caseId: 'case:c1', kind: 'note' }),
  ]);
  const start = async (): Promise<SearchService> => {
    const service = createSearchService({
      sources: dbs as Record<string, LocalDb>,
      store: await openSearchStore(user),
      saveDelayMs: 20,
    });
    await service.ready();
    return service;
  };
  return { dbs, start };
}

const ids = (s: SearchService, q: string, kinds?: ('library' | 'forum' | 'notice' | 'case')[]) =>
  s.search(q, kinds ? { kinds, limit: 500 } : { limit: 500 }).hits.map((h) => h.id);

describe('search service: fed from the replicas, saved in IndexedDB', () => {
  it('builds once, then a restart loads the saved index and reads nothing again', async () => {
    const { start } = await setup();
    const first = await start();
    expect(first.status()).toMatchObject({ state: 'ready', loadedFrom: 'rebuilt' });
    const built = first.status().replayed;
    expect(built).toBe(25 + 2 + 1 + 1); // starter items, posts, notice, case (not the event)
    const before = ['诉讼费', '审限', '欧阳晓峰', '民间借贷'].map((q) => ids(first, q));
    expect(before[0]).toEqual(expect.arrayContaining(['post:p1', 'post:p2']));
    expect(before[0]?.some((id) => id.startsWith('libraryItem:litigation-fees.'))).toBe(true);
    expect(before[1]).toContain('notice:n1');
    expect(before[2]).toEqual(['case:c1']);
    await first.close();

    const second = await start();
    expect(second.status()).toMatchObject({ state: 'ready', loadedFrom: 'saved', replayed: 0 });
    expect(second.status().size).toBe(first.status().size);
    expect(['诉讼费', '审限', '欧阳晓峰', '民间借贷'].map((q) => ids(second, q))).toEqual(before);
    await second.close();
  });

  it('reads only the changes made while it was closed, and follows new ones live', async () => {
    const { dbs, start } = await setup();
    await (await start()).close();
    await dbs.forum.put(
      env('post', 'p3', { board: 'board:general', title: '诉讼费缓交申请', body: '<p>如何办理</p>' }),
    );
    const s = await start();
    expect(s.status()).toMatchObject({ loadedFrom: 'saved', replayed: 1 });
    expect(ids(s, '缓交')).toEqual(['post:p3']);

    // Live: a hidden post leaves the index, a deleted library item takes its articles with it.
    const p1 = await dbs.forum.get('post:p1');
    await dbs.forum.put({ ...p1, hidden: { reason: '重复', by: 'admin', at: AT } });
    const fees = await dbs.library.allDocs({
      startkey: 'libraryItem:litigation-fees.',
      endkey: 'libraryItem:litigation-fees.\ufff0',
    });
    for (const row of fees.rows) await dbs.library.remove(row.id, row.value.rev);
    await waitFor('hidden post and deleted fee items leave the index', () => {
      const hits = ids(s, '诉讼费');
      return !hits.includes('post:p1') && !hits.some((id) => id.startsWith('libraryItem:litigation-fees.'));
    });
    expect(ids(s, '诉讼费', ['forum'])).toEqual(['post:p3', 'post:p2']);
    await s.flush();
    await s.close();

    const again = await start();
    expect(again.status()).toMatchObject({ loadedFrom: 'saved', replayed: 0 });
    expect(ids(again, '诉讼费', ['forum'])).toEqual(['post:p3', 'post:p2']);
    expect(
      ids(again, '诉讼费', ['library']).some((id) => id.startsWith('libraryItem:litigation-fees.')),
    ).toBe(false);
    await again.close();
  });

  it('rebuilds when the saved index is from another tokenizer, and says so', async () => {
    const { start } = await setup();
    const first = await start();
    await first.close();
    const user = `search-user-${users - 1}`;
    const store = await openSearchStore(user);
    const saved = await store.load();
    expect(saved).not.toBeNull();
    await store.save({ ...saved!, index: { ...saved!.index, tokenizer: -1 } });
    store.close();
    const s = await start();
    expect(s.status()).toMatchObject({ loadedFrom: 'rebuilt', replayed: 29 });
    expect(ids(s, '欧阳晓峰')).toEqual(['case:c1']);
    await s.close();
  });
});
