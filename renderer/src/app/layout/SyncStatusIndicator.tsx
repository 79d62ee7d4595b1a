import { App as AntApp, Badge, Button, Popover, Progress, Space, Tooltip, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConflicts, useSyncEngine, useSyncStatus } from '../../db/hooks';
import type { SyncFailure } from '../../db/replication';
import type { InitialSyncProgress, SyncState } from '../../db/syncStatus';
import { useAuth } from '../auth/AuthContext';
import { formatBytes } from '../components/AttachmentList';
import { hrefFor } from '../router';

const BADGE: Record<SyncState, 'processing' | 'success' | 'default' | 'error' | 'warning'> = {
  online: 'success',
  syncing: 'processing',
  offline: 'default',
  error: 'error',
  'needs-sign-in': 'warning',
  'awaiting-confirmation': 'warning',
};

/** Whole percent of an initial sync (0 while the total is unknown). */
function percent(p: InitialSyncProgress): number {
  return p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
}

/**
 * Sync state for the status bar, straight from the engine: state, unpushed count (counted, see
 * db/syncStatus.ts), pending attachment uploads/downloads (files and bytes), last successful sync, "sync now" that reports failure, and the actions a
 * state needs (sign in again, confirm held-back deletions, refused writes, conflicts).
 */
export function SyncStatusIndicator() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const engine = useSyncEngine();
  const status = useSyncStatus();
  const conflicts = useConflicts();
  const { signOut } = useAuth();
  const [busy, setBusy] = useState(false);

  if (!engine || !status) {
    return (
      <span className="cd-statusbar__item" data-testid="sync-status" data-state="starting">
        <Badge status="default" text={t('sync.state.starting')} />
      </span>
    );
  }

  async function syncNow() {
    if (!engine) return;
    setBusy(true);
    try {
      await engine.syncNow();
      void message.success(t('sync.syncNowOk'));
    } catch (err) {
      const key =
        err instanceof Error && err.name === 'SyncFailure'
          ? (err as SyncFailure).error.messageKey
          : 'sync.errors.server';
      void message.error(t('sync.syncNowFailed', { reason: t(key) }));
    } finally {
      setBusy(false);
    }
  }

  const last = status.lastSyncAt
    ? t('sync.lastSync', { time: dayjs(status.lastSyncAt).format('MM-DD HH:mm:ss') })
    : t('sync.neverSynced');
  const errors = status.databases
    .filter((d) => d.error)
    .map((d) => t(d.error?.messageKey ?? 'sync.errors.server'));
  const rejected = status.databases.flatMap((d) => d.rejected.map((r) => ({ ...r, key: d.key })));
  const held = status.databases.filter((d) => d.pendingDeletion);
  const initial = status.initialSync?.active ? status.initialSync : null;
  const seeding = status.databases.filter((d) => d.initialSync?.active);
  const details = (
    <Space direction="vertical" size={4} style={{ maxWidth: 420 }} data-testid="sync-details">
      <Typography.Text>{last}</Typography.Text>
      {seeding.map((d) => (
        <Space key={d.key} direction="vertical" size={0} style={{ width: 320 }}>
          <Typography.Text>
            {t('sync.initialSyncDb', { db: d.key, done: d.initialSync?.done, total: d.initialSync?.total })}
          </Typography.Text>
          {d.initialSync && (
            <Progress
              percent={percent(d.initialSync)}
              size="small"
              data-testid={`sync-initial-progress-${d.key}`}
            />
          )}
        </Space>
      ))}
      <Typography.Text data-testid="sync-unpushed" data-count={status.unpushed}>
        {t('sync.unpushed', { count: status.unpushed })}
      </Typography.Text>
      {(status.attachments.uploadFiles > 0 || status.attachments.downloadFiles > 0) && (
        <Typography.Text
          data-testid="sync-attachments"
          data-upload={status.attachments.uploadFiles}
          data-download={status.attachments.downloadFiles}
        >
          {t('attachments.pendingSummary', {
            upload: status.attachments.uploadFiles,
            uploadSize: formatBytes(status.attachments.uploadBytes),
            download: status.attachments.downloadFiles,
            downloadSize: formatBytes(status.attachments.downloadBytes),
          })}
        </Typography.Text>
      )}
      {[...new Set(errors)].map((e) => (
        <Typography.Text key={e} type="danger">
          {e}
        </Typography.Text>
      ))}
      {status.state === 'needs-sign-in' && (
        <>
          <Typography.Text>{t('sync.signInAgainHint')}</Typography.Text>
          <Button size="small" type="primary" onClick={() => void signOut()} data-testid="sync-sign-in-again">
            {t('sync.signInAgain')}
          </Button>
        </>
      )}
      {held.map((d) => (
        <Space key={d.key} direction="vertical" size={2}>
          <Typography.Text>
            {t('sync.confirmDeletionsText', {
              db: d.key,
              deletions: d.pendingDeletion?.deletions,
              localDocs: d.pendingDeletion?.localDocs,
            })}
          </Typography.Text>
          <Button
            size="small"
            danger
            onClick={() => engine.confirmDeletions(d.key)}
            data-testid={`sync-confirm-${d.key}`}
          >
            {t('sync.confirmDeletions')}
          </Button>
        </Space>
      ))}
      {rejected.length > 0 && (
        <Typography.Text type="warning">{t('sync.rejected', { count: rejected.length })}</Typography.Text>
      )}
      {rejected.map((r) => (
        <Space key={`${r.key}/${r.id}`} size={4} data-testid="sync-rejected-item">
          <Typography.Text type="secondary">
            {t('sync.rejectedItem', { id: r.id, reason: r.reason })}
          </Typography.Text>
          <Button size="small" type="link" onClick={() => void engine.dismissRejected(r.key, r.id)}>
            {t('sync.dismiss')}
          </Button>
        </Space>
      ))}
      {conflicts.length > 0 && (
        <a href={hrefFor('conflicts')}>{t('sync.conflicts', { count: conflicts.length })}</a>
      )}
      {status.storage?.usage != null && status.storage.quota != null && (
        <Typography.Text type="secondary">
          {t('sync.storage', {
            usage: Math.round(status.storage.usage / 1e6),
            quota: Math.round(status.storage.quota / 1e6),
          })}
        </Typography.Text>
      )}
      {status.storage?.persisted === false && (
        <Typography.Text type="secondary">{t('sync.storageNotPersistent')}</Typography.Text>
      )}
    </Space>
  );

  return (
    <span
      className="cd-statusbar__item"
      data-testid="sync-status"
      data-state={status.state}
      data-unpushed={status.unpushed}
    >
      <Popover content={details} trigger="click">
        <Badge
          status={BADGE[status.state]}
          text={`${t(`sync.state.${status.state}`)} · ${t('sync.unpushed', { count: status.unpushed })}`}
          style={{ cursor: 'pointer' }}
        />
      </Popover>
      {initial && (
        <Tooltip title={t('sync.initialSync', { done: initial.done, total: initial.total })}>
          <Progress
            percent={percent(initial)}
            size="small"
            format={() => `${initial.done.toLocaleString()} / ${initial.total.toLocaleString()}`}
            style={{ width: 240, margin: '0 8px' }}
            data-testid="sync-initial-progress"
            data-done={initial.done}
            data-total={initial.total}
          />
        </Tooltip>
      )}
      <Tooltip title={t('sync.syncNow')}>
        <Button
          type="text"
          size="small"
          icon={<SyncOutlined spin={busy} />}
          aria-label={t('sync.syncNow')}
          onClick={() => void syncNow()}
          disabled={busy}
          data-testid="sync-now"
        />
      </Tooltip>
    </span>
  );
}
