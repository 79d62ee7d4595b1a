import { useEffect, useState, type ReactNode } from 'react';
import { Button, ConfigProvider } from 'antd';
import {
  BookOutlined,
  CalculatorOutlined,
  CompassOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  SearchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PublicCaseDoc } from '../../../../core/public/publicDocs';
import { usePublicSyncState } from '../../db/publicHooks';
import { FeeCalculator } from '../fees/FeeCalculator';
import { CaseProgress } from './CaseProgress';
import { CaseQueryForm } from './CaseQueryForm';
import { GuideView } from './GuideView';
import { type GuideKey } from './guides';
import { IDLE_SETTING_KEY, idleTimeoutMs, watchIdle } from './idleTimer';
import './kiosk.css';

/** The kiosk's views: the start screen and one per tile. */
type View = 'start' | 'query' | 'fees' | GuideKey;

const TILES: readonly { view: Exclude<View, 'start'>; icon: ReactNode }[] = [
  { view: 'query', icon: <SearchOutlined /> },
  { view: 'courtGuide', icon: <CompassOutlined /> },
  { view: 'litigationGuide', icon: <BookOutlined /> },
  { view: 'judicialAid', icon: <MedicineBoxOutlined /> },
  { view: 'riskNotice', icon: <WarningOutlined /> },
  { view: 'fees', icon: <CalculatorOutlined /> },
];

function StartScreen({ open }: { open: (v: View) => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="kiosk-start">
      <h1>{t('kiosk.welcome')}</h1>
      <p>{t('kiosk.chooseService')}</p>
      <div className="cd-kiosk__tiles">
        {TILES.map((tile) => (
          <button
            key={tile.view}
            type="button"
            className="cd-kiosk__tile"
            onClick={() => open(tile.view)}
            data-testid={`kiosk-tile-${tile.view}`}
          >
            <span className="cd-kiosk__tile-icon">{tile.icon}</span>
            {t(`kiosk.tiles.${tile.view}.label`)}
            <span className="cd-kiosk__tile-hint">{t(`kiosk.tiles.${tile.view}.hint`)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

/** Whether the kiosk's replica is current (the public should know when results may be stale). */
function SyncNote() {
  const { t } = useTranslation();
  const sync = usePublicSyncState();
  const state = !sync ? 'starting' : !sync.connected ? 'offline' : sync.lastSyncAt ? 'current' : 'starting';
  return (
    <span data-testid="kiosk-sync" data-state={state}>
      {t(`kiosk.sync.${state}`)}
    </span>
  );
}

function QueryView() {
  const [found, setFound] = useState<PublicCaseDoc | null>(null);
  return found ? (
    <CaseProgress doc={found} onNewQuery={() => setFound(null)} />
  ) : (
    <CaseQueryForm onFound={setFound} />
  );
}

/**
 * The kiosk: start screen with six tiles, each view with a "start screen" button; after the idle
 * time (60 s, or this terminal's `courtdesk.kiosk.idleSeconds`) it returns to the start screen and
 * everything typed or shown is dropped (the views unmount).
 */
export function KioskApp() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('start');
  const [idleMs] = useState(() => idleTimeoutMs(window.localStorage.getItem(IDLE_SETTING_KEY)));
  useEffect(() => watchIdle(window, idleMs, () => setView('start')), [idleMs]);

  // No space inserted between two CJK characters of a button (民初, 清空): they are codes, not words.
  return (
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <main className="cd-kiosk__main" data-testid="kiosk-main" data-view={view}>
        {view === 'start' ? (
          <StartScreen open={setView} />
        ) : view === 'query' ? (
          <QueryView />
        ) : view === 'fees' ? (
          <div className="cd-kiosk__fees">
            <FeeCalculator large />
          </div>
        ) : (
          <GuideView guideKey={view} />
        )}
      </main>
      <footer className="cd-kiosk__footer">
        <span>{t('kiosk.idleHint', { seconds: Math.round(idleMs / 1000) })}</span>
        <SyncNote />
        {view !== 'start' && (
          <Button
            type="primary"
            icon={<HomeOutlined />}
            onClick={() => setView('start')}
            data-testid="kiosk-home"
          >
            {t('kiosk.home')}
          </Button>
        )}
      </footer>
    </ConfigProvider>
  );
}
