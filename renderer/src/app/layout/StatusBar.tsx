import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServerStatusIndicator } from './ServerStatusIndicator';

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  readonly version: string;
}

/**
 * The bottom status bar: server reachability (real probe), sync (honestly "not enabled yet" until
 * the sync engine lands), and the app version.
 */
export function StatusBar({ version }: StatusBarProps) {
  const { t } = useTranslation();
  return (
    <div className="cd-statusbar" role="status">
      <ServerStatusIndicator />
      <span className="cd-statusbar__sep" />
      <Tooltip title={t('status.sync.notStartedHint')}>
        <span className="cd-statusbar__item" data-testid="sync-status" data-state="notStarted">
          <Badge status="default" text={t('status.sync.notStarted')} />
        </span>
      </Tooltip>
      <span className="cd-statusbar__spacer" />
      <span className="cd-statusbar__item cd-statusbar__version" data-testid="app-version">
        {t('app.name')} {t('status.version', { version })}
      </span>
    </div>
  );
}
