import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COURT } from '../../../../core/court';
import { useAuth } from '../../app/auth/AuthContext';
import { CourtEmblem } from '../../app/layout/CourtEmblem';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { useRoute } from '../../app/router';
import { HearingBoard } from './HearingBoard';
import { KioskApp } from './KioskApp';
import './kiosk.css';

/** Taps on the emblem, within {@link ADMIN_TAP_MS}, that reveal the administrator's sign-out. */
const ADMIN_TAPS = 5;
const ADMIN_TAP_MS = 3000;

/**
 * The whole window of a kiosk account (role `kiosk` only): no navigation, menus or status bar.
 * `#/public/board` makes the terminal a hearing board (a lobby display opens that address);
 * anything else shows the self-service kiosk. Sign-out is hidden from the public: five taps on
 * the emblem within three seconds reveal it for ten seconds.
 */
export default function KioskShell() {
  const route = useRoute();
  if (route.kind === 'module' && route.key === 'public-board')
    return (
      <div data-testid="screen-public-board" className="cd-kiosk-board">
        <AdminCorner />
        <HearingBoard />
      </div>
    );
  return <KioskFrame />;
}

/** Five taps within three seconds reveal the administrator's sign-out for ten seconds. */
function useAdminReveal(): { tap: () => void; revealed: boolean } {
  const taps = useRef<number[]>([]);
  const [revealed, setRevealed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  function tap() {
    const now = Date.now();
    taps.current = [...taps.current.filter((x) => now - x < ADMIN_TAP_MS), now];
    if (taps.current.length < ADMIN_TAPS) return;
    taps.current = [];
    setRevealed(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setRevealed(false), 10_000);
  }
  return { tap, revealed };
}

function SignOutButton() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  return (
    <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="sign-out">
      {t('kiosk.admin.signOut')}
    </Button>
  );
}

/** The board's hidden corner (top left, over the title) for the administrator's gesture. */
function AdminCorner() {
  const { tap, revealed } = useAdminReveal();
  return (
    <div className="cd-kiosk-board__admin">
      <button type="button" className="cd-kiosk-board__corner" onClick={tap} aria-hidden tabIndex={-1} />
      {revealed && <SignOutButton />}
    </div>
  );
}

function KioskFrame() {
  const { t, i18n } = useTranslation();
  const { tap, revealed } = useAdminReveal();
  const court = i18n.language === 'en' ? DEFAULT_COURT.nameEn : DEFAULT_COURT.name;

  return (
    <div className="cd-kiosk" data-testid="screen-public-query">
      <header className="cd-kiosk__header">
        <button type="button" className="cd-kiosk__emblem" onClick={tap} aria-hidden tabIndex={-1}>
          <CourtEmblem size={56} />
        </button>
        <span className="cd-kiosk__court" data-testid="header-court-name">
          {court}
        </span>
        <span className="cd-kiosk__subtitle">{t('kiosk.title')}</span>
        <span className="cd-kiosk__spacer" />
        {revealed && <SignOutButton />}
        <LanguageSwitch tone="dark" />
      </header>
      <KioskApp />
    </div>
  );
}
