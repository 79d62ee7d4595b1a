import { Badge, Button, Tooltip } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useServerStatus } from '../status/ServerStatusContext';
import type { ServerState } from '../status/serverProbe';

const BADGE: Record<ServerState['kind'], 'processing' | 'success' | 'default' | 'error'> = {
  checking: 'processing',
  online: 'success',
  offline: 'default',
  error: 'error',
};

/** The text of a server state, translated. */
export function useServerStateText(): string {
  const { t } = useTranslation();
  const { state } = useServerStatus();
  return state.kind === 'error'
    ? t('status.server.error', { status: state.status })
    : t(`status.server.${state.kind}`);
}

/** Server reachability for the status bar: a coloured dot, the state, when it was last checked. */
export function ServerStatusIndicator() {
  const { t } = useTranslation();
  const { state, recheck } = useServerStatus();
  const text = useServerStateText();
  const checkedAt = state.kind === 'checking' ? null : dayjs(state.checkedAt).format('HH:mm:ss');
  return (
    <span className="cd-statusbar__item" data-testid="server-status" data-state={state.kind}>
      <Tooltip title={checkedAt ? t('status.server.checkedAt', { time: checkedAt }) : undefined}>
        <Badge status={BADGE[state.kind]} text={text} />
      </Tooltip>
      <Tooltip title={t('status.server.recheck')}>
        <Button
          type="text"
          size="small"
          icon={<SyncOutlined />}
          aria-label={t('status.server.recheck')}
          onClick={recheck}
          disabled={state.kind === 'checking'}
          data-testid="server-status-recheck"
        />
      </Tooltip>
    </span>
  );
}
