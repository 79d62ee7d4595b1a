import {
  CheckCircleOutlined,
  CloudDownloadOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  ExclamationCircleOutlined,
  FileOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, List, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseKey } from '../../../../core/databases';
import { readFile, type AttachmentEntry, type AttachmentState } from '../../db/attachments';
import { useAttachmentStates, useSyncEngine } from '../../db/hooks';
import { downloadBlob } from '../../platform/download';

/** Bytes as a short human size (B, KB, MB, GB; 1024-based, one decimal from KB on). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

const STATE_TAG: Record<AttachmentState, { color: string; icon: ReactNode }> = {
  local: { color: 'success', icon: <CheckCircleOutlined /> },
  pendingUpload: { color: 'processing', icon: <CloudUploadOutlined /> },
  pendingDownload: { color: 'default', icon: <CloudDownloadOutlined /> },
  failed: { color: 'error', icon: <ExclamationCircleOutlined /> },
};

/** Props of {@link AttachmentList}. */
export interface AttachmentListProps {
  /** The database holding the files (documents, library). */
  readonly dbKey: DatabaseKey;
  /** The documents whose files are listed (a volume, a draft, a library item …). */
  readonly ownerIds: readonly string[];
  /** One more action per file (the documents screens view scans in the app). */
  readonly extraAction?: (file: AttachmentEntry) => ReactNode;
  /**
   * The `file:` ids the owner lists (posts, notices): only these show, so a file someone else
   * stored under the owner's id, or one the author removed, never appears as the owner's.
   */
  readonly listed?: readonly string[];
}

/**
 * The files of some documents with where each one is: on this computer, waiting to upload,
 * waiting to download, or failed (live, from db/attachments.ts). Local files open from the
 * replica after their digest is checked.
 */
export function AttachmentList({ dbKey, ownerIds, extraAction, listed }: AttachmentListProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const engine = useSyncEngine();
  const all = useAttachmentStates(dbKey, ownerIds);
  const files = listed ? all.filter((f) => listed.includes(f.fileId)) : all;

  async function open(f: AttachmentEntry) {
    if (!engine) return;
    try {
      const { blob } = await readFile(engine.local(dbKey), f.fileId);
      downloadBlob(blob, f.name);
    } catch (err) {
      void message.error(
        t('attachments.openFailed', { reason: err instanceof Error ? err.message : String(err) }),
      );
    }
  }

  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('attachments.title')}</Typography.Text>}
      locale={{ emptyText: t('attachments.empty') }}
      dataSource={[...files]}
      rowKey={(f) => f.fileId}
      data-testid="attachment-list"
      renderItem={(f) => (
        <List.Item
          data-testid="attachment-row"
          data-state={f.state}
          data-file-id={f.fileId}
          actions={[
            ...(extraAction ? [extraAction(f)] : []),
            <Button
              key="open"
              size="small"
              type="link"
              icon={<DownloadOutlined />}
              disabled={f.state === 'pendingDownload' || f.state === 'failed'}
              onClick={() => void open(f)}
              aria-label={`${t('attachments.save')} ${f.name}`}
            >
              {t('attachments.save')}
            </Button>,
          ]}
        >
          <Space size={8} wrap>
            <FileOutlined />
            <Typography.Text>{f.name}</Typography.Text>
            <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
            <Tooltip title={t(`attachments.stateHint.${f.state}`)}>
              <Tag color={STATE_TAG[f.state].color} icon={STATE_TAG[f.state].icon}>
                {t(`attachments.state.${f.state}`)}
              </Tag>
            </Tooltip>
          </Space>
        </List.Item>
      )}
    />
  );
}
