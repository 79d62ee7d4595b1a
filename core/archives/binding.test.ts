import { describe, expect, it } from 'vitest';
import { archiveVolumeSchema } from '../schemas/archive';
import {
  BindingError,
  proposeVolumes,
  SECONDARY_VOLUME_RULE,
  volumeKindOf,
  type BindablePaper,
} from './binding';

const CASE = '0a1b2c3d-0000-4000-8000-0000000000c1';
let n = 0;
function paper(
  title: string,
  pageCount: number,
  receivedOn: string,
  extra: Partial<BindablePaper> = {},
): BindablePaper {
  n += 1;
  const id = `caseFilePaper:${CASE}:0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    title,
    receivedOn,
    kind: 'main',
    pageCount,
    fileId: `file:${id.slice(-36)}`,
    catalogue: [],
    ...extra,
  };
}

describe('which papers go to the 副卷', () => {
  it('puts the deliberation, committee and internal papers in the 副卷, the parties’ papers in the 正卷', () => {
    for (const t of [
      '合议庭评议笔录',
      '审判委员会讨论记录',
      '关于张三案的内部请示',
      '审 理 报 告',
      '判决书原本',
      '专业法官会议纪要',
    ])
      expect(volumeKindOf({ title: t, kind: 'main' }), t).toBe('secondary');
    for (const t of ['民事起诉状', '答辩状', '开庭笔录', '民事判决书', '送达回证', '证据材料'])
      expect(volumeKindOf({ title: t, kind: 'main' }), t).toBe('main');
    expect(volumeKindOf({ title: '情况说明', kind: 'secondary' })).toBe('secondary');
    expect(SECONDARY_VOLUME_RULE.source).toContain('人民法院诉讼文书立卷归档办法');
  });
});

describe('proposed volumes', () => {
  it('numbers pages in filing order across papers and moves each paper’s catalogue to its place', () => {
    const papers = [
      paper('开庭笔录', 4, '2026-03-10'),
      paper('民事起诉状', 3, '2026-01-05', {
        catalogue: [
          { title: '民事起诉状', firstPage: 1, lastPage: 2, docDate: '2026-01-04' },
          { title: '身份证明', firstPage: 3, lastPage: 3 },
        ],
      }),
      paper('合议庭评议笔录', 2, '2026-03-11'),
      paper('答辩状', 2, '2026-01-20'),
      paper('审判委员会讨论记录', 5, '2026-03-20'),
    ];
    const vols = proposeVolumes(CASE, papers);
    expect(vols.map((v) => [v.id, v.pageCount])).toEqual([
      [`archiveVolume:${CASE}:main:01`, 9],
      [`archiveVolume:${CASE}:secondary:01`, 7],
    ]);
    expect(vols[0]?.catalogue).toEqual([
      { title: '民事起诉状', firstPage: 1, lastPage: 2, docDate: '2026-01-04', confirmed: true },
      { title: '身份证明', firstPage: 3, lastPage: 3, confirmed: true },
      { title: '答辩状', firstPage: 4, lastPage: 5, confirmed: true },
      { title: '开庭笔录', firstPage: 6, lastPage: 9, confirmed: true },
    ]);
    expect(vols[0]?.parts.map((p) => [p.firstPage, p.lastPage])).toEqual([
      [1, 3],
      [4, 5],
      [6, 9],
    ]);
    expect(vols[1]?.catalogue.map((e) => [e.title, e.firstPage, e.lastPage])).toEqual([
      ['合议庭评议笔录', 1, 2],
      ['审判委员会讨论记录', 3, 7],
    ]);
  });

  it('splits into 册 without splitting a paper, and the volumes pass the server’s schema', () => {
    const papers = [
      paper('a', 120, '2026-01-01'),
      paper('b', 90, '2026-01-02'),
      paper('c', 250, '2026-01-03'),
      paper('d', 10, '2026-01-04'),
    ];
    const vols = proposeVolumes(CASE, papers);
    expect(vols.map((v) => [v.seq, v.pageCount])).toEqual([
      [1, 120],
      [2, 90],
      [3, 250],
      [4, 10],
    ]);
    for (const v of vols) {
      const doc = {
        _id: v.id,
        type: 'archiveVolume',
        schemaVersion: 1,
        caseId: `case:${CASE}`,
        caseNumber: '（2026）甘0402民初1号',
        kind: v.kind,
        seq: v.seq,
        title: 't',
        year: 2026,
        parties: ['张三'],
        pageCount: v.pageCount,
        fileId: 'file:0a1b2c3d-0000-4000-8000-0000000000f1',
        catalogue: v.catalogue,
      };
      expect(archiveVolumeSchema.validate(doc)).toEqual([]);
    }
  });

  it('refuses a case without papers and a paper without pages', () => {
    expect(() => proposeVolumes(CASE, [])).toThrow(BindingError);
    expect(() => proposeVolumes(CASE, [paper('x', 0, '2026-01-01')])).toThrow(/badPaper/);
  });
});
