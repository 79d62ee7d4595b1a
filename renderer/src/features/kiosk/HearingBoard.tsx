import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COURT } from '../../../../core/court';
import { useHearingNotices, usePublicSyncState } from '../../db/publicHooks';
import { boardWindow, buildBoard, courtDateTime, courtTime, type BoardRow } from './boardSchedule';
import { useAutoScroll } from './useAutoScroll';
import './kiosk.css';

/** Where the board keeps the time it last knew the schedule was current (survives a restart offline). */
const LAST_UPDATED_KEY = 'courtdesk.board.lastUpdated';
const TICK_MS = 15_000;

function Rows({ rows, testId }: { rows: readonly BoardRow[]; testId: string }) {
  const { t } = useTranslation();
  const sep = t('kiosk.listSeparator');
  if (rows.length === 0)
    return (
      <div className="cd-board__empty" data-testid={`${testId}-empty`}>
        {t('kiosk.board.empty')}
      </div>
    );
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{t('kiosk.board.time')}</th>
          <th>{t('kiosk.board.courtroom')}</th>
          <th>{t('kiosk.board.caseNumber')}</th>
          <th>{t('kiosk.board.cause')}</th>
          <th>{t('kiosk.board.parties')}</th>
          <th>{t('kiosk.board.judge')}</th>
          <th>{t('kiosk.board.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ id, time, notice }) => (
          <tr key={id} data-testid="board-row" data-case-number={notice.caseNumber}>
            <td className="cd-board__time">{time}</td>
            <td className="cd-board__nowrap">{notice.courtroom}</td>
            <td className="cd-board__nowrap">{notice.caseNumber}</td>
            <td>{notice.cause}</td>
            <td>{notice.parties.map((p) => `${p.role} ${p.name}`).join(sep)}</td>
            <td className="cd-board__nowrap">{notice.judge ?? ''}</td>
            <td className={`cd-board__nowrap cd-board__status--${notice.status}`}>
              {t(`kiosk.hearingStatus.${notice.status}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The last time the schedule was known current: the board's clock while the replica is connected
 * (kept in localStorage), the kept time when it is not (also after a restart offline).
 */
function useLastUpdated(connected: boolean, data: unknown, now: number): number | null {
  const live = connected && data !== undefined;
  useEffect(() => {
    if (live) window.localStorage.setItem(LAST_UPDATED_KEY, String(now));
  }, [live, now]);
  if (live) return now;
  const stored = Number(window.localStorage.getItem(LAST_UPDATED_KEY));
  return Number.isFinite(stored) && stored > 0 ? stored : null;
}

/**
 * 开庭公告 for a lobby display: today's and tomorrow's hearings and the enforcement notices from
 * the local `public` replica (live pull: a change shows within seconds), auto-scrolling, in high
 * contrast and ≥ 40 px rows. When the replica cannot reach the server it keeps showing the last
 * schedule under a banner, with the time it was last current.
 */
export function HearingBoard({ embedded = false }: { embedded?: boolean }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, []);
  const { today, tomorrow, from, to } = boardWindow(now);
  const notices = useHearingNotices(from, to);
  const board = useMemo(() => buildBoard(notices ?? [], now), [notices, now]);
  const sync = usePublicSyncState();
  const connected = sync?.connected ?? false;
  const lastUpdated = useLastUpdated(connected, notices, now);
  const scroller = useRef<HTMLDivElement>(null);
  useAutoScroll(scroller);
  const court = i18n.language === 'en' ? DEFAULT_COURT.nameEn : DEFAULT_COURT.name;

  return (
    <div className={`cd-board${embedded ? ' cd-board--embedded' : ''}`} data-testid="board">
      <header className="cd-board__header">
        <span className="cd-board__title">{t('kiosk.board.title')}</span>
        <span className="cd-board__court">{court}</span>
        <span className="cd-board__clock" data-testid="board-clock">
          {courtTime(now)}
        </span>
      </header>
      {sync && !connected && (
        <div className="cd-board__offline" role="status" data-testid="board-offline">
          {t('kiosk.board.offline')}
        </div>
      )}
      <div className="cd-board__scroll" ref={scroller} data-testid="board-scroll">
        {notices === undefined ? (
          <div className="cd-board__empty">{t('kiosk.board.loading')}</div>
        ) : (
          <>
            <div className="cd-board__section">{t('kiosk.board.today', { date: today })}</div>
            <Rows rows={board.today} testId="board-today" />
            <div className="cd-board__section">{t('kiosk.board.tomorrow', { date: tomorrow })}</div>
            <Rows rows={board.tomorrow} testId="board-tomorrow" />
            <div className="cd-board__section">{t('kiosk.board.enforcement')}</div>
            <Rows rows={board.enforcement} testId="board-enforcement" />
          </>
        )}
      </div>
      <footer className="cd-board__footer">
        <span data-testid="board-last-updated">
          {lastUpdated
            ? t('kiosk.board.lastUpdated', { time: courtDateTime(new Date(lastUpdated).toISOString()) })
            : t('kiosk.board.neverUpdated')}
        </span>
      </footer>
    </div>
  );
}
