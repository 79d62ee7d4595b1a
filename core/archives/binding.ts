/**
 * Binding a closed case's electronic case file into its archive volumes (立卷归档; docs/archives.md
 * "Binding a closed case"): which papers go into the 副卷 (the rule below, as data with its
 * source), the filing order, the split into 册 and each volume's catalogue (目录) with page ranges
 * computed from the papers' page counts. Pure: the renderer proposes with it, the clerk confirms,
 * and only then are the volumes and their combined scans written.
 */
import { MAX_CATALOGUE, MAX_PAGES } from '../schemas/archive';
import { MAX_VOLUME_SEQ, volumeId, type VolumeKind } from './ids';

/**
 * Papers bound into the 副卷 (internal, not shown to parties or lawyers in 阅卷): the materials
 * the SPC's 《人民法院诉讼文书立卷归档办法》 lists for the 副卷 (审查报告, 阅卷笔录, 内部交换意见,
 * 内部请示与批复, 领导批示, 合议庭评议笔录, 审判庭研究汇报记录, 审判委员会讨论记录, 案情综合报告,
 * 判决书与裁定书原本, 审判监督表与发回重审意见书, 法律文书签发件, 其他不宜公开的材料) plus the
 * 专业法官会议 minutes later practice files with them. A paper whose title contains one of these
 * words goes to the 副卷; so does a paper the clerk filed as 副卷. Everything else is 正卷.
 */
export const SECONDARY_VOLUME_RULE = {
  source:
    '最高人民法院《人民法院诉讼文书立卷归档办法》（1991年）副卷材料范围；专业法官会议纪要按其后的审判实践归入副卷',
  titleWords: [
    '合议庭评议',
    '评议笔录',
    '审判委员会',
    '审委会',
    '专业法官会议',
    '庭务会',
    '研究汇报',
    '汇报记录',
    '内部请示',
    '请示',
    '批复',
    '批示',
    '审查报告',
    '审理报告',
    '阅卷笔录',
    '内部交换意见',
    '案情综合报告',
    '原本',
    '签发件',
    '签发稿',
    '审判监督表',
    '发回重审意见',
    '不宜公开',
  ],
} as const;

/** Most pages bound into one 册 (a volume about 15 mm thick); a longer paper gets a 册 of its own. */
export const MAX_VOLUME_PAGES = 200;

/** A paper of the electronic case file as binding needs it. */
export interface BindablePaper {
  readonly id: string;
  readonly title: string;
  readonly receivedOn: string;
  readonly createdAt?: string;
  readonly kind: VolumeKind;
  readonly pageCount: number;
  readonly fileId: string;
  readonly catalogue: readonly {
    readonly title: string;
    readonly firstPage: number;
    readonly lastPage: number;
    readonly docDate?: string;
  }[];
}

/** One paper's place in a proposed volume. */
export interface BoundPart {
  readonly paperId: string;
  readonly fileId: string;
  readonly firstPage: number;
  readonly lastPage: number;
}

/** One catalogue entry of a proposed volume (confirmed when the clerk confirms the binding). */
export interface BoundEntry {
  readonly title: string;
  readonly firstPage: number;
  readonly lastPage: number;
  readonly docDate?: string;
  readonly confirmed: boolean;
}

/** A proposed volume: its id, kind, number, the papers in filing order and its catalogue. */
export interface VolumeProposal {
  readonly id: string;
  readonly kind: VolumeKind;
  readonly seq: number;
  readonly pageCount: number;
  readonly parts: readonly BoundPart[];
  readonly catalogue: readonly BoundEntry[];
}

/** Why a case cannot be bound as it is (the screen translates the code). */
export class BindingError extends Error {
  constructor(
    readonly code: 'noPapers' | 'tooManyVolumes' | 'badPaper' | 'alreadyBound' | 'pageMismatch',
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'BindingError';
  }
}

/** The volume a paper is bound into: 副卷 when filed so or when its title is a 副卷 material. */
export function volumeKindOf(paper: Pick<BindablePaper, 'title' | 'kind'>): VolumeKind {
  if (paper.kind === 'secondary') return 'secondary';
  const title = paper.title.normalize('NFKC').replace(/\s+/gu, '');
  return SECONDARY_VOLUME_RULE.titleWords.some((w) => title.includes(w)) ? 'secondary' : 'main';
}

/** Filing order: the day received, then the time filed, then the id (stable). */
function byFilingOrder(a: BindablePaper, b: BindablePaper): number {
  return (
    a.receivedOn.localeCompare(b.receivedOn) ||
    (a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/** A paper's catalogue entries moved to start at `offset + 1`; a paper without one is one entry. */
function entriesOf(paper: BindablePaper, offset: number): BoundEntry[] {
  const own = paper.catalogue.filter(
    (e) =>
      e.title.trim() !== '' && e.firstPage >= 1 && e.lastPage >= e.firstPage && e.lastPage <= paper.pageCount,
  );
  const list = own.length > 0 ? own : [{ title: paper.title, firstPage: 1, lastPage: paper.pageCount }];
  return list.map((e) => ({
    title: e.title.trim(),
    firstPage: e.firstPage + offset,
    lastPage: e.lastPage + offset,
    ...('docDate' in e && e.docDate ? { docDate: e.docDate } : {}),
    confirmed: true,
  }));
}

/**
 * The volumes of case `caseUuid` from its papers: 正卷 then 副卷, each in filing order, split into
 * 册 of at most `maxPages` pages (a paper is never split) and at most 500 catalogue entries.
 */
export function proposeVolumes(
  caseUuid: string,
  papers: readonly BindablePaper[],
  maxPages = MAX_VOLUME_PAGES,
): VolumeProposal[] {
  if (papers.length === 0) throw new BindingError('noPapers');
  for (const p of papers)
    if (!Number.isInteger(p.pageCount) || p.pageCount < 1 || p.pageCount > MAX_PAGES)
      throw new BindingError('badPaper', p.title || p.id);
  const out: VolumeProposal[] = [];
  for (const kind of ['main', 'secondary'] as const) {
    const mine = papers.filter((p) => volumeKindOf(p) === kind).sort(byFilingOrder);
    let parts: BoundPart[] = [];
    let catalogue: BoundEntry[] = [];
    let pages = 0;
    const close = () => {
      if (parts.length === 0) return;
      const seq = out.filter((v) => v.kind === kind).length + 1;
      if (seq > MAX_VOLUME_SEQ) throw new BindingError('tooManyVolumes');
      out.push({ id: volumeId(caseUuid, kind, seq), kind, seq, pageCount: pages, parts, catalogue });
      parts = [];
      catalogue = [];
      pages = 0;
    };
    for (const paper of mine) {
      const entries = entriesOf(paper, 0);
      if (pages + paper.pageCount > maxPages || catalogue.length + entries.length > MAX_CATALOGUE) close();
      parts.push({
        paperId: paper.id,
        fileId: paper.fileId,
        firstPage: pages + 1,
        lastPage: pages + paper.pageCount,
      });
      catalogue.push(...entriesOf(paper, pages));
      pages += paper.pageCount;
    }
    close();
  }
  return out;
}
