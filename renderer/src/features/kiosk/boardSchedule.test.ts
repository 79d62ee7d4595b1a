import { describe, expect, it } from 'vitest';
import type { HearingNoticeDoc } from '../../../../core/public/publicDocs';
import { boardWindow, buildBoard, courtDay, courtroomSortKey } from './boardSchedule';

function notice(id: string, startsAt: string, extra: Partial<HearingNoticeDoc> = {}): HearingNoticeDoc {
  return {
    _id: `hearingNotice:${id}:1`,
    type: 'hearingNotice',
    schemaVersion: 1,
    kind: 'hearing',
    caseNumber: `（2026）甘0402民初${id}号`,
    cause: '民间借贷纠纷',
    startsAt,
    courtroom: '第一法庭',
    judge: '李明',
    parties: [{ role: '原告', name: '张某' }],
    status: 'scheduled',
    label: '公开开庭',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...extra,
  };
}

describe('hearing board schedule', () => {
  it('puts the day boundary at midnight in Asia/Shanghai, not UTC', () => {
    // 2026-12-07 23:30 in Beijing = 15:30 UTC: still "today" is the 7th.
    const lateEvening = Date.parse('2026-12-07T15:30:00Z');
    expect(courtDay(lateEvening)).toBe('2026-12-07');
    // 2026-12-07 00:10 in Beijing = 12-06 16:10 UTC: the UTC date would say the 6th.
    const earlyMorning = Date.parse('2026-12-06T16:10:00Z');
    expect(boardWindow(earlyMorning)).toMatchObject({ today: '2026-12-07', tomorrow: '2026-12-08' });
  });

  it('splits today and tomorrow, sorts by time then courtroom, and drops other days', () => {
    const now = Date.parse('2026-12-07T01:00:00Z'); // 09:00 Beijing
    const board = buildBoard(
      [
        notice('5', '2026-12-08T09:00:00+08:00'),
        notice('3', '2026-12-07T14:30:00+08:00', { courtroom: '第二法庭' }),
        notice('2', '2026-12-07T14:30:00+08:00', { courtroom: '第一法庭' }),
        notice('1', '2026-12-07T08:30:00+08:00'),
        // 23:59 Beijing on the 7th written in UTC: still today.
        notice('4', '2026-12-07T15:59:00Z'),
        // Midnight of the 9th (Beijing): the day after tomorrow, not shown.
        notice('6', '2026-12-08T16:00:00Z'),
        notice('7', '2026-12-06T10:00:00+08:00'),
        notice('8', '2026-12-07T10:00:00+08:00', { kind: 'enforcement', label: '执行公告' }),
        // A progress step of tomorrow (a day, written at 00:00 court time).
        notice('10', '2026-12-08T00:00:00+08:00', { kind: 'enforcement', label: '执行款发放' }),
        notice('9', 'not a time'),
      ],
      now,
    );
    expect(board.today.map((r) => r.notice.caseNumber)).toEqual([
      '（2026）甘0402民初1号',
      '（2026）甘0402民初2号',
      '（2026）甘0402民初3号',
      '（2026）甘0402民初4号',
    ]);
    expect(board.today.map((r) => r.time)).toEqual(['08:30', '14:30', '14:30', '23:59']);
    expect(board.tomorrow.map((r) => r.notice.caseNumber)).toEqual(['（2026）甘0402民初5号']);
    expect(board.enforcement.map((r) => r.time)).toEqual(['12-07 10:00', '12-08']);
  });

  it('orders courtrooms by their number, written in Chinese numerals or digits', () => {
    const rooms = ['第十二法庭', '第二法庭', '第十法庭', '第一法庭', '第3法庭', '第二十一法庭'];
    expect(
      [...rooms].sort((a, b) => courtroomSortKey(a).localeCompare(courtroomSortKey(b), 'zh-CN')),
    ).toEqual(['第一法庭', '第二法庭', '第3法庭', '第十法庭', '第十二法庭', '第二十一法庭']);
  });

  it('reads a window a day wider than today–tomorrow on the startsAt strings', () => {
    const w = boardWindow(Date.parse('2026-12-07T01:00:00Z'));
    expect(w).toEqual({ today: '2026-12-07', tomorrow: '2026-12-08', from: '2026-12-06', to: '2026-12-10' });
    // Every notice of today and tomorrow, however its offset is written, sorts inside [from, to).
    for (const s of ['2026-12-07T00:00:00+08:00', '2026-12-06T16:00:00Z', '2026-12-08T23:59:00+08:00'])
      expect(s >= w.from && s < w.to).toBe(true);
  });
});
