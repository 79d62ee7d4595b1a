/**
 * What the hearing board shows (pure): today's and tomorrow's hearings and enforcement notices in
 * court time (Asia/Shanghai, UTC+8 all year, no daylight saving), sorted by start time, then
 * courtroom, then case number.
 */
import type { HearingNoticeDoc } from '../../../../core/public/publicDocs';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The court-time calendar day (YYYY-MM-DD) of an instant. */
export function courtDay(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** HH:mm in court time. */
export function courtTime(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(11, 16);
}

/** The board's days and the `startsAt` string range to read from the replica. */
export interface BoardWindow {
  readonly today: string;
  readonly tomorrow: string;
  /**
   * Query range on the `startsAt` strings, a day wider on each side than today–tomorrow, so a
   * time written with another offset is still read (and then placed by its parsed instant).
   */
  readonly from: string;
  readonly to: string;
}

/** The window of the board at `now` (ms). */
export function boardWindow(now: number): BoardWindow {
  return {
    today: courtDay(now),
    tomorrow: courtDay(now + DAY_MS),
    from: courtDay(now - DAY_MS),
    to: `${courtDay(now + 3 * DAY_MS)}`,
  };
}

/** One line of the board. */
export interface BoardRow {
  readonly id: string;
  readonly time: string;
  readonly startsAtMs: number;
  readonly notice: HearingNoticeDoc;
}

/** The board's sections. */
export interface BoardSchedule {
  readonly today: readonly BoardRow[];
  readonly tomorrow: readonly BoardRow[];
  /** Enforcement notices of today and tomorrow. */
  readonly enforcement: readonly BoardRow[];
}

/** 一 … 九 and 十 by code point (data, not UI text: renderer source keeps CJK in the bundles). */
const NUMERALS = [0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d].map((c) =>
  String.fromCodePoint(c),
);
const TEN = String.fromCodePoint(0x5341);

/** The value of a run of Chinese numerals up to 99 (十二 → 12, 二十一 → 21), or null. */
function numeralValue(run: string): number | null {
  const digit = (c: string | undefined) => (c ? NUMERALS.indexOf(c) + 1 : 0);
  if (!run.includes(TEN)) return run.length === 1 ? digit(run) : null;
  const [tens = '', ones = ''] = run.split(TEN);
  if (tens.length > 1 || ones.length > 1) return null;
  return (tens ? digit(tens) : 1) * 10 + digit(ones);
}

/** 第十二法庭 → 第0012法庭: Chinese numerals up to 99 as padded digits, so rooms sort by number. */
export function courtroomSortKey(room: string): string {
  return room
    .replace(/[一二三四五六七八九十]+/g, (run) => {
      const value = numeralValue(run);
      return value === null ? run : String(value).padStart(4, '0');
    })
    .replace(/\d+/g, (d) => d.padStart(4, '0'));
}

function byTime(a: BoardRow, b: BoardRow): number {
  return (
    a.startsAtMs - b.startsAtMs ||
    courtroomSortKey(a.notice.courtroom).localeCompare(courtroomSortKey(b.notice.courtroom), 'zh-CN') ||
    a.notice.caseNumber.localeCompare(b.notice.caseNumber, 'zh-CN')
  );
}

/** Splits notices into today's and tomorrow's hearings and the enforcement notices; others are dropped. */
export function buildBoard(notices: readonly HearingNoticeDoc[], now: number): BoardSchedule {
  const { today, tomorrow } = boardWindow(now);
  const out = { today: [] as BoardRow[], tomorrow: [] as BoardRow[], enforcement: [] as BoardRow[] };
  for (const notice of notices) {
    const ms = Date.parse(notice.startsAt);
    if (Number.isNaN(ms)) continue;
    const day = courtDay(ms);
    if (day !== today && day !== tomorrow) continue;
    // Enforcement notices of both days share a section: their time carries the day (MM-DD).
    const enforcement = notice.kind === 'enforcement';
    // A progress step carries a day, not a time (written at 00:00 court time): the day alone.
    const clock = courtTime(ms);
    const time = enforcement ? (clock === '00:00' ? day.slice(5) : `${day.slice(5)} ${clock}`) : clock;
    const row: BoardRow = { id: notice._id, time, startsAtMs: ms, notice };
    if (enforcement) out.enforcement.push(row);
    else (day === today ? out.today : out.tomorrow).push(row);
  }
  out.today.sort(byTime);
  out.tomorrow.sort(byTime);
  out.enforcement.sort(byTime);
  return out;
}

/** `YYYY-MM-DD HH:mm` in court time for an ISO time; the input unchanged when it does not parse. */
export function courtDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${courtDay(ms)} ${courtTime(ms)}`;
}
