import { describe, expect, it } from 'vitest';
import { memoryDb, waitFor } from '../../../../tests/support/renderer/memory';
import type { LocalDb } from '../localDb';
import { createSearchService } from './searchService';
import { openSearchStore } from './searchStore';
import { searchDocsOf } from './sourceDocs';

/** The archive in the intranet search (docs/archives.md "Search"): volumes, papers and their OCR text. */
const AT = '2026-12-07T08:00:00.000Z';
const CASE = '0a1b2c3d-0000-4000-8000-0000000000c1';
const VOL = `archiveVolume:${CASE}:main:01`;
const base = { schemaVersion: 1, createdAt: AT, createdBy: 'clerk.wang' };
const volume = {
  _id: VOL,
  type: 'archiveVolume',
  ...base,
  caseId: `case:${CASE}`,
  caseNumber: '（2019）甘0402民初77号',
  kind: 'main',
  seq: 1,
  title: '正卷 第1册',
  year: 2019,
  parties: ['欧阳晓峰', '白银某某公司'],
  pageCount: 3,
  fileId: 'file:0a1b2c3d-0000-4000-8000-000000000001',
  catalogue: [{ title: '民事起诉状', firstPage: 1, lastPage: 3, confirmed: true }],
};
const text = {
  _id: `archiveText:${VOL}`,
  type: 'archiveText',
  ...base,
  ownerId: VOL,
  caseNumber: '（2019）甘0402民初77号',
  title: '正卷 第1册',
  pages: ['民事起诉状\n原告请求判令被告归还借款本金', '被告辩称已经清偿'],
  engine: 'tesseract.js 7 chi_sim',
};

describe('archive search', () => {
  it('maps volumes (number, parties, catalogue) and OCR text to archive entries; file bodies never', () => {
    expect(searchDocsOf(volume)).toEqual([
      {
        id: VOL,
        kind: 'archive',
        title: '（2019）甘0402民初77号 正卷 第1册 欧阳晓峰 白银某某公司',
        body: '民事起诉状',
        date: '2019-01-01',
      },
    ]);
    expect(searchDocsOf(text)[0]).toMatchObject({ id: `archiveText:${VOL}`, kind: 'archive' });
    expect(searchDocsOf({ _id: 'file:x', type: 'file', onDemand: true })).toEqual([]);
  });

  it('finds a volume by party, case number and words that only its scan holds; follows new text live', async () => {
    const documents = memoryDb('archive-search');
    await documents.bulkDocs([volume, { _id: 'draft:d1', type: 'draft', ...base, title: '借款' }]);
    const service = createSearchService({
      sources: { documents } as Record<string, LocalDb>,
      store: await openSearchStore('archive-search-user'),
      saveDelayMs: 20,
    });
    await service.ready();
    const ids = (q: string) => service.search(q, { kinds: ['archive'], limit: 50 }).hits.map((h) => h.id);
    expect(ids('欧阳晓峰')).toEqual([VOL]);
    expect(ids('民初77号')).toEqual([VOL]);
    expect(ids('归还借款')).toEqual([]);
    await documents.put(text);
    await waitFor('OCR text indexed', () => ids('归还借款').length === 1);
    expect(ids('归还借款')).toEqual([`archiveText:${VOL}`]);
    expect(ids('清偿')).toEqual([`archiveText:${VOL}`]);
    await service.close();
  });
});
