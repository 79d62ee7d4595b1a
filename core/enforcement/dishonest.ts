/**
 * The dishonest-debtor list (失信被执行人名单) per 最高人民法院关于公布失信被执行人名单信息的若干规定
 * (法释〔2017〕7号): the grounds of 第一条, the listing period of 第二条, the bar on minors of
 * 第四条, removal (第十条 performed / period ended; 第十二条 correction of an error) and the
 * publication of 第六条 with ID numbers masked as the public list masks them.
 *
 * One entry per respondent and ground: its id is derived from the respondent's identity number and
 * the ground, so two officers listing the same person for the same ground offline write the same
 * document (a visible conflict once synced) instead of two entries.
 */
import { birthDateFromResidentId } from '../domain/identity';
import { addDays, addMonths, compareDates, type PlainDate } from '../domain/plainDate';
import { approvalState, type RecordApproval } from './approvals';
import { roundIssues, type ListingRound } from './listingRounds';

/** The grounds of 第一条, items (一)–(六). */
export const DISHONEST_GROUNDS = [
  'ableButRefuses', // （一）有履行能力而拒不履行生效法律文书确定义务
  'obstruction', // （二）以伪造证据、暴力、威胁等方法妨碍、抗拒执行
  'evasion', // （三）以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行
  'reportViolation', // （四）违反财产报告制度
  'consumptionViolation', // （五）违反限制消费令
  'settlementBreach', // （六）无正当理由拒不履行执行和解协议
] as const;
/** One of {@link DISHONEST_GROUNDS}. */
export type DishonestGround = (typeof DISHONEST_GROUNDS)[number];

/** The item of 第一条 each ground is (printed on the public notice). */
export const GROUND_ITEM: Readonly<Record<DishonestGround, string>> = {
  ableButRefuses: '第一条第（一）项',
  obstruction: '第一条第（二）项',
  evasion: '第一条第（三）项',
  reportViolation: '第一条第（四）项',
  consumptionViolation: '第一条第（五）项',
  settlementBreach: '第一条第（六）项',
};

/** Why an entry was removed: 第十条第一款第（一）项, 第十条第三款, 第十二条. */
export const REMOVAL_REASONS = ['performed', 'periodEnded', 'error'] as const;
/** One of {@link REMOVAL_REASONS}. */
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

/** Years of listing for grounds (二)–(六) (第二条第一款); ground (一) has no fixed period. */
export const LISTING_YEARS = 2;
/** The most a listing may be extended by, in years (第二条第一款: 一至三年). */
export const MAX_EXTENSION_YEARS = 3;

/** The respondent as listed. */
export interface ListedRespondent {
  readonly name: string;
  readonly kind: 'natural' | 'legal';
  /** Resident ID number (natural) or unified social credit code (legal). */
  readonly idNumber: string;
  readonly legalRepresentative?: string;
}

/** A dishonest-debtor entry as the rules read it. */
export interface DishonestEntry {
  readonly _id: string;
  readonly caseId: string;
  readonly caseNumber?: string;
  readonly respondent: ListedRespondent;
  readonly ground: DishonestGround;
  /** The day of the listing decision; the period runs from it. */
  readonly listedOn: PlainDate;
  /** Extra years (1–3) for grounds (二)–(六), 第二条. */
  readonly extendYears?: number;
  readonly facts: string;
  readonly obligation?: string;
  readonly approval?: RecordApproval;
  readonly publishedOn?: PlainDate;
  readonly removal?: {
    readonly reason: RemovalReason;
    readonly note: string;
    readonly on: PlainDate;
    readonly by: string;
  };
  readonly note?: string;
  /** Who created the entry (the envelope field; the proposer of round 1). */
  readonly createdBy?: string;
  /** The officer who proposed the current round when it is not the creator (a re-listing). */
  readonly proposedBy?: string;
  /** The current listing round (absent: 1); see core/enforcement/listingRounds.ts. */
  readonly round?: number;
  /** The closed rounds before the current one, oldest first. */
  readonly earlierRounds?: readonly ListingRound[];
}

/** The id of the entry of `respondentIdNumber` for `ground`: `dishonestDebtor:<id number>:<ground>`. */
export function dishonestEntryId(respondentIdNumber: string, ground: DishonestGround): string {
  return `dishonestDebtor:${respondentIdNumber.trim().toUpperCase()}:${ground}`;
}

/** The last day of the listing, or null for ground (一) (listed until removed). */
export function listingEndsOn(
  entry: Pick<DishonestEntry, 'ground' | 'listedOn' | 'extendYears'>,
): PlainDate | null {
  if (entry.ground === 'ableButRefuses') return null;
  const years = LISTING_YEARS + (entry.extendYears ?? 0);
  return addDays(addMonths(entry.listedOn, years * 12), -1);
}

/** Where an entry stands on a day. */
export type ListingState = 'pending' | 'rejected' | 'listed' | 'periodEnded' | 'removed';

/** The state of `entry` on `asOf`. Only `listed` entries are published. */
export function listingState(entry: DishonestEntry, asOf: PlainDate): ListingState {
  const a = approvalState(entry.approval);
  if (a !== 'approved') return a;
  if (entry.removal && compareDates(entry.removal.on, asOf) <= 0) return 'removed';
  const end = listingEndsOn(entry);
  if (end && compareDates(asOf, end) > 0) return 'periodEnded';
  return 'listed';
}

/** A problem of an entry: field and bilingual message. */
export interface ListingIssue {
  readonly field: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * The rules of an entry that need nothing but the entry: the id derived from respondent and ground,
 * no extension for ground (一), an extension of 1–3 years, no minors (第四条), publication and
 * removal only after approval, a removal with a note, no removal for "period ended" before it has,
 * and the rounds of a re-listed entry ({@link roundIssues}).
 */
export function listingIssues(entry: DishonestEntry): ListingIssue[] {
  const issues: ListingIssue[] = [];
  if (entry._id !== dishonestEntryId(entry.respondent.idNumber, entry.ground))
    issues.push({
      field: '_id',
      zh: '名单编号必须由被执行人证件号码和失信情形组成',
      en: '_id must be dishonestDebtor:<identity number>:<ground>',
    });
  const ext = entry.extendYears;
  if (ext !== undefined) {
    if (entry.ground === 'ableButRefuses')
      issues.push({
        field: 'extendYears',
        zh: '第一条第（一）项情形不设纳入期限',
        en: 'ground (一) has no period to extend',
      });
    else if (!Number.isInteger(ext) || ext < 1 || ext > MAX_EXTENSION_YEARS)
      issues.push({ field: 'extendYears', zh: '延长期限为一至三年', en: 'an extension is 1 to 3 years' });
  }
  if (entry.respondent.kind === 'natural') {
    const born = birthDateFromResidentId(entry.respondent.idNumber);
    if (born && compareDates(addMonths(born, 18 * 12), entry.listedOn) > 0)
      issues.push({
        field: 'respondent',
        zh: '不得将未成年人纳入失信名单（第四条）',
        en: 'a minor cannot be listed (art. 4)',
      });
  }
  const approved = approvalState(entry.approval) === 'approved';
  if (entry.publishedOn !== undefined && !approved)
    issues.push({
      field: 'publishedOn',
      zh: '经批准后才能公布',
      en: 'only an approved listing is published',
    });
  if (entry.removal) {
    if (!approved)
      issues.push({
        field: 'removal',
        zh: '未经批准纳入的名单无需删除',
        en: 'only an approved listing can be removed',
      });
    if (entry.removal.note.trim().length < 2)
      issues.push({
        field: 'removal.note',
        zh: '删除失信信息必须写明理由',
        en: 'a removal needs its reason',
      });
    const end = listingEndsOn(entry);
    if (entry.removal.reason === 'periodEnded' && (!end || compareDates(entry.removal.on, end) <= 0))
      issues.push({
        field: 'removal.reason',
        zh: '纳入期限尚未届满',
        en: 'the listing period has not ended',
      });
  }
  issues.push(...roundIssues(entry));
  return issues;
}

/**
 * An identity number as the public list shows it: a resident ID keeps its first ten and last four
 * characters (region and birth year; the month, day and the order digits are hidden as `****`),
 * e.g. `1101051949****002X`; an organisation's credit code is public and shown in full.
 */
export function maskIdNumber(idNumber: string, kind: 'natural' | 'legal'): string {
  const id = idNumber.trim().toUpperCase();
  if (kind === 'legal') return id;
  if (id.length === 18) return `${id.slice(0, 10)}****${id.slice(14)}`;
  if (id.length === 15) return `${id.slice(0, 8)}****${id.slice(12)}`; // first-generation ID: 6 region + 2 year
  return '*'.repeat(id.length);
}

/** One row of the published list (第六条), identity masked. */
export interface PublicListRow {
  readonly name: string;
  readonly idMasked: string;
  readonly legalRepresentative: string;
  readonly sex: string;
  readonly caseNumber: string;
  readonly groundItem: string;
  readonly facts: string;
  readonly obligation: string;
  readonly listedOn: PlainDate;
  readonly endsOn: PlainDate | null;
  readonly publishedOn: PlainDate | null;
}

/** The entries listed on `asOf` as rows of the published list, in order of listing then name. */
export function publicList(entries: readonly DishonestEntry[], asOf: PlainDate): PublicListRow[] {
  return entries
    .filter((e) => listingState(e, asOf) === 'listed')
    .sort((a, b) => compareDates(a.listedOn, b.listedOn) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    .map((e) => {
      const natural = e.respondent.kind === 'natural';
      const sexDigit = natural ? Number(e.respondent.idNumber.charAt(16)) : NaN;
      return {
        name: e.respondent.name,
        idMasked: maskIdNumber(e.respondent.idNumber, e.respondent.kind),
        legalRepresentative: natural ? '' : (e.respondent.legalRepresentative ?? ''),
        sex: Number.isInteger(sexDigit) ? (sexDigit % 2 === 1 ? '男' : '女') : '',
        caseNumber: e.caseNumber ?? '',
        groundItem: GROUND_ITEM[e.ground],
        facts: e.facts,
        obligation: e.obligation ?? '',
        listedOn: e.listedOn,
        endsOn: listingEndsOn(e),
        publishedOn: e.publishedOn ?? null,
      };
    });
}
