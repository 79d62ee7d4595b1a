import { useTranslation } from 'react-i18next';
import { ServerStatusIndicator } from './ServerStatusIndicator';
import { SyncStatusIndicator } from './SyncStatusIndicator';

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  readonly version: string;
}

/**
 * The bottom status bar: server reachability (real probe), sync state from the sync engine
 * (state, unpushed count, last sync, sync now), and the app version.
 */
export function StatusBar({ version }: StatusBarProps) {
  const { t } = useTranslation();
  return (
    <div className="cd-statusbar" role="status">
      <ServerStatusIndicator />
      <span className="cd-statusbar__sep" />
      <SyncStatusIndicator />
      <span className="cd-statusbar__spacer" />
      <span className="cd-statusbar__item cd-statusbar__version" data-testid="app-version">
        {t('app.name')} {t('status.version', { version })}
      </span>
    </div>
  );
}
