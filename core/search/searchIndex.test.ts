import { describe, expect, it } from 'vitest';
import { LIBRARY_ITEMS } from '../library/catalog';
import { libraryDocuments } from './libraryDocs';
import { SearchIndex, type SearchDoc } from './searchIndex';

const forum: SearchDoc[] = [
  {
    id: 'post:1',
    kind: 'forum',
    title: '关于诉讼费退费流程的讨论',
    body: '请问退费需要哪些材料？',
    date: '2026-03-02',
  },
  {
    id: 'post:2',
    kind: 'forum',
    title: '执行工作心得',
    body: '本周诉讼费收缴情况良好，感谢各位。',
    date: '2026-03-05',
  },
  {
    id: 'notice:1',
    kind: 'notice',
    title: '关于严格执行审限制度的通知',
    body: '各庭室：请按期结案。',
    date: '2026-01-10',
  },
  { id: 'case:1', kind: 'case', title: '张某诉李某民间借贷纠纷', body: '', date: '2025-12-01' },
];

function build(): SearchIndex {
  const index = new SearchIndex();
  for (const d of [...libraryDocuments(LIBRARY_ITEMS), ...forum]) index.upsert(d);
  return index;
}

describe('SearchIndex relevance (Chinese queries)', () => {
  const index = build();

  it('诉讼费 finds the fee rules, including texts that say 诉讼费用', () => {
    const ids = index.search('诉讼费', { kinds: ['library'] }).hits.map((h) => h.id);
    expect(ids).toEqual(
      expect.arrayContaining(['law:litigation-fees:art-0002', 'law:litigation-fees:art-0029']),
    );
    expect(ids.every((id) => id.startsWith('law:litigation-fees:'))).toBe(true);
    // 第二十九条 says only 诉讼费用 (never 诉讼费 followed by anything else): found all the same.
    const all = [...libraryDocuments(LIBRARY_ITEMS), ...forum];
    const feeUse = all.filter((d) => d.body.includes('诉讼费用') && d.kind === 'library').map((d) => d.id);
    expect(feeUse.length).toBeGreaterThan(0);
    expect(ids).toEqual(expect.arrayContaining(feeUse));
  });

  it('审限 and 审理期限 find the time-limit articles', () => {
    for (const q of ['审限', '审理期限']) {
      const ids = index.search(q, { kinds: ['library'] }).hits.map((h) => h.id);
      expect(ids, q).toEqual(
        expect.arrayContaining([
          'law:civil-procedure:art-0152',
          'law:civil-procedure:art-0164',
          'law:criminal-procedure:art-0208',
          'law:administrative-procedure:art-0081',
        ]),
      );
      expect(ids, q).not.toContain('law:civil-code:art-0577');
    }
    // The notice only says 审限: found for 审理期限 through the synonym table.
    expect(index.search('审限').hits.map((h) => h.id)).toContain('notice:1');
    expect(index.search('审理期限').hits.map((h) => h.id)).toContain('notice:1');
  });

  it('ranks a forum title hit above a body hit', () => {
    const ids = index.search('诉讼费', { kinds: ['forum'] }).hits.map((h) => h.id);
    expect(ids).toEqual(['post:1', 'post:2']);
    const top = index.search('诉讼费', { kinds: ['forum'] }).hits[0];
    expect(top?.titleHit).toBe(true);
    expect(top?.titleRanges).toEqual([{ start: 2, end: 5 }]);
  });

  it('ranks an article whose heading names the topic first', () => {
    const top = index.search('诉讼时效', { kinds: ['library'] }).hits[0];
    expect(top?.id.startsWith('law:civil-code:art-01')).toBe(true);
    expect(top?.titleHit).toBe(true);
  });

  it('finds a one-character query inside longer words by reading the texts', () => {
    const ids = index.search('费', { kinds: ['forum'] }).hits.map((h) => h.id);
    expect(ids).toEqual(['post:1', 'post:2']);
  });

  it('says so when nothing matches', () => {
    const r = index.search('量子纠缠');
    expect(r.total).toBe(0);
    expect(r.hits).toEqual([]);
    expect(index.search('，。').total).toBe(0);
  });

  it('never returns a bigram coincidence: every term occurs in the text', () => {
    // 诉讼 and 讼费 occur in 民法典 texts only apart (诉讼时效 … ), so 诉讼费 must not find them.
    const r = index.search('诉讼费');
    for (const h of r.hits) {
      const doc = [...libraryDocuments(LIBRARY_ITEMS), ...forum].find((d) => d.id === h.id);
      expect(`${doc?.title}${doc?.body}`.replaceAll('诉讼费用', '诉讼费')).toContain('诉讼费');
    }
  });

  it('gives a snippet whose ranges cover the query', () => {
    const hit = index
      .search('违约金', { kinds: ['library'] })
      .hits.find((h) => h.id === 'law:civil-code:art-0585');
    expect(hit).toBeDefined();
    for (const r of hit?.snippet.ranges ?? []) expect(hit?.snippet.text.slice(r.start, r.end)).toBe('违约金');
    expect(hit?.snippet.ranges.length).toBeGreaterThan(0);
  });

  it('filters by kind and by date', () => {
    expect(index.search('诉讼费', { kinds: ['notice'] }).total).toBe(0);
    const march = index.search('诉讼费', { kinds: ['forum'], from: '2026-03-03', to: '2026-03-31' });
    expect(march.hits.map((h) => h.id)).toEqual(['post:2']);
    const lib = index.search('诉讼时效', { from: '2030-01-01' });
    expect(lib.total).toBe(0);
  });
});

describe('SearchIndex maintenance', () => {
  it('adds, updates and removes by id', () => {
    const index = new SearchIndex();
    index.upsert({ id: 'post:9', kind: 'forum', title: '食堂', body: '周五加餐' });
    expect(index.search('加餐').total).toBe(1);
    index.upsert({ id: 'post:9', kind: 'forum', title: '食堂', body: '周五停餐' });
    expect(index.search('加餐').total).toBe(0);
    expect(index.search('停餐').hits.map((h) => h.id)).toEqual(['post:9']);
    index.remove('post:9');
    index.remove('post:unknown');
    expect(index.search('停餐').total).toBe(0);
    expect(index.size).toBe(0);
  });

  it('removes every entry of one source document (a library item and its articles), also after import', () => {
    const index = new SearchIndex();
    index.upsert({
      id: 'libraryItem:a#law:x:art-0001',
      kind: 'library',
      title: '第一条',
      body: '诉讼费用由败诉方负担',
    });
    index.upsert({
      id: 'libraryItem:a#law:x:art-0002',
      kind: 'library',
      title: '第二条',
      body: '诉讼费用减半',
    });
    index.upsert({
      id: 'libraryItem:ab#law:y:art-0001',
      kind: 'library',
      title: '第一条',
      body: '诉讼费用另计',
    });
    const restored = SearchIndex.import(JSON.parse(JSON.stringify(index.export())));
    for (const i of [index, restored]) {
      i.removeSource('libraryItem:a');
      expect(i.search('诉讼费').hits.map((h) => h.id)).toEqual(['libraryItem:ab#law:y:art-0001']);
    }
  });

  it('refuses a malformed document and keeps what it had', () => {
    const index = new SearchIndex();
    index.upsert({ id: 'n:1', kind: 'notice', title: '通知', body: '放假安排' });
    expect(() => index.upsert({ id: 'n:1', kind: 'memo' as never, title: '通知', body: '' })).toThrow(
      /unknown kind/u,
    );
    expect(() =>
      index.upsert({ id: 'n:2', kind: 'notice', title: '通知', body: '', date: '2026/1/1' }),
    ).toThrow(/YYYY-MM-DD/u);
    expect(index.search('放假').hits.map((h) => h.id)).toEqual(['n:1']);
  });

  it('answers identically after export and import, through JSON', () => {
    const index = build();
    const restored = SearchIndex.import(JSON.parse(JSON.stringify(index.export())));
    expect(restored.size).toBe(index.size);
    for (const q of [
      '诉讼费',
      '审限',
      '审理期限',
      '违约金 定金',
      '诉讼时效',
      '量子纠缠',
      '民法典第五百七十七条',
      '上诉',
    ]) {
      expect(restored.search(q, { limit: 500 }), q).toEqual(index.search(q, { limit: 500 }));
    }
    restored.remove('post:1');
    expect(restored.search('退费').total).toBe(0);
    expect(index.search('退费').total).toBe(1);
  });

  it('refuses an export of another format or tokenizer', () => {
    const data = new SearchIndex().export();
    expect(() => SearchIndex.import({ ...data, tokenizer: 999 })).toThrow(/rebuild/u);
    expect(() => SearchIndex.import({ ...data, format: 'x' } as never)).toThrow(/rebuild/u);
  });
});
