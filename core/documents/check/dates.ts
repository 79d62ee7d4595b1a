/**
 * Dates: `invalidDate` for a written date that is not a calendar date (二〇二六年二月三十日,
 * 2026年13月1日); `dateOrder` for filing ≤ hearing ≤ judgment, from the record and from the dates
 * the text labels (…日立案, …日公开开庭, the signing date under the panel's names); `dateMismatch`
 * for a labelled date that contradicts the record.
 */
import { compareDates, type PlainDate } from '../../domain/plainDate';
import { finding, type DocumentFinding } from '../findings';
import type { DocumentRecord } from '../record';
import { findDates, type TextDate } from '../textDates';

type Stage = 'filing' | 'hearing' | 'judgment';

const STAGE_NAME: Readonly<Record<Stage, readonly [string, string]>> = {
  filing: ['立案日期', 'filing date'],
  hearing: ['开庭日期', 'hearing date'],
  judgment: ['裁判日期', 'judgment date'],
};
const RANK: Readonly<Record<Stage, number>> = { filing: 0, hearing: 1, judgment: 2 };
const PROBLEM: Readonly<Record<string, readonly [string, string]>> = {
  month: ['月份不存在', 'there is no such month'],
  day: ['该月没有这一天', 'that month has no such day'],
  numeral: ['数字写法有误', 'the numerals cannot be read'],
};
/** Panel lines a judgment's signing date follows. */
const SIGNATURE = /(审判长|审判员|人民陪审员|执行员|代理审判员)/u;

interface Dated {
  readonly stage: Stage;
  readonly date: PlainDate;
  /** The text span, or null for a date from the record. */
  readonly at: TextDate | null;
}

/** The stage a valid text date is labelled with, or null. */
function stageOf(text: string, d: TextDate): Stage | null {
  const after = text.slice(d.end, d.end + 12);
  if (/^[^，。；\n]{0,3}?(?:立案|受理)/u.test(after)) return 'filing';
  if (/^[^，。；\n]{0,6}?开庭/u.test(after)) return 'hearing';
  const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
  const lineEnd = text.indexOf('\n', d.end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  if (
    line.trim() === text.slice(d.start, d.end) &&
    SIGNATURE.test(text.slice(Math.max(0, lineStart - 200), lineStart))
  )
    return 'judgment';
  return null;
}

function invalid(text: string, d: TextDate): DocumentFinding {
  const written = text.slice(d.start, d.end);
  const [zh, en] = PROBLEM[d.problem ?? 'numeral'] ?? ['', ''];
  return finding(
    'invalidDate',
    d.problem ?? 'numeral',
    d.start,
    d.end,
    `日期“${written}”无效：${zh}`,
    `invalid date ${written}: ${en}`,
  );
}

function orderFinding(text: string, later: Dated, earlier: Dated): DocumentFinding | null {
  const at = later.at ?? earlier.at;
  if (!at) return null;
  const [laterZh, laterEn] = STAGE_NAME[later.stage];
  const [earlierZh, earlierEn] = STAGE_NAME[earlier.stage];
  const source = (d: Dated): string => (d.at ? '' : '（案件记录）');
  return finding(
    'dateOrder',
    `${later.stage}Before${earlier.stage[0]?.toUpperCase()}${earlier.stage.slice(1)}`,
    at.start,
    at.end,
    `${laterZh}${later.date}${source(later)}早于${earlierZh}${earlier.date}${source(earlier)}`,
    `the ${laterEn} ${later.date}${later.at ? '' : ' (record)'} is before the ${earlierEn} ${earlier.date}${earlier.at ? '' : ' (record)'}`,
  );
}

/** Finds invalid dates, dates out of order and labelled dates that contradict the record. */
export function checkDates(text: string, record: DocumentRecord): DocumentFinding[] {
  const out: DocumentFinding[] = [];
  const dated: Dated[] = [];
  for (const d of findDates(text)) {
    if (d.date === null) {
      out.push(invalid(text, d));
      continue;
    }
    const stage = stageOf(text, d);
    if (stage) dated.push({ stage, date: d.date, at: d });
  }
  const rec = record.dates ?? {};
  const recorded: Dated[] = [
    ...(rec.filing ? [{ stage: 'filing' as const, date: rec.filing, at: null }] : []),
    ...(rec.hearings ?? []).map((date) => ({ stage: 'hearing' as const, date, at: null })),
    ...(rec.judgment ? [{ stage: 'judgment' as const, date: rec.judgment, at: null }] : []),
  ];
  for (const d of dated) {
    if (!d.at) continue;
    const fromRecord = recorded.filter((r) => r.stage === d.stage).map((r) => r.date);
    if (fromRecord.length > 0 && !fromRecord.includes(d.date)) {
      const [zh, en] = STAGE_NAME[d.stage];
      const expected = fromRecord.join('、');
      out.push(
        finding(
          'dateMismatch',
          d.stage,
          d.at.start,
          d.at.end,
          `文书中的${zh}${d.date}与案件记录（${expected}）不一致`,
          `the ${en} ${d.date} in the text differs from the record (${expected})`,
        ),
      );
    }
  }
  // Text dates are compared with each other and with the record; two record dates alone have no span.
  const all = [...dated, ...recorded];
  for (const later of all) {
    for (const earlier of all) {
      if (RANK[later.stage] <= RANK[earlier.stage] || compareDates(later.date, earlier.date) >= 0) continue;
      const f = orderFinding(text, later, earlier);
      if (f) out.push(f);
    }
  }
  return out;
}
