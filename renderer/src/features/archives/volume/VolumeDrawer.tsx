import { Alert, Button, Descriptions, Drawer, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openArchiveScan } from '../../../db/archiveHooks';
import { ScanViewer, type OpenScan } from '../../documents/scans/ScanViewer';
import { useEntryLabel } from '../list/ArchiveTable';
import type { ArchiveEntry } from '../model/archiveTypes';
import { useArchiveSession } from '../model/useArchiveSession';
import { CatalogueEditor } from './CatalogueEditor';

/** A volume or paper: its facts, its catalogue (editable by its creator or an admin) and its scan. */
export function VolumeDrawer({
  entry,
  onClose,
}: {
  readonly entry: ArchiveEntry | null;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useArchiveSession();
  const label = useEntryLabel();
  const [scan, setScan] = useState<OpenScan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const openScan = async () => {
    if (!session || !entry) return;
    setBusy(true);
    setError(null);
    try {
      setScan(await openArchiveScan(session.engine, entry.fileId));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open={entry !== null}
      onClose={() => {
        setError(null);
        onClose();
      }}
      width={760}
      title={entry ? `${entry.caseNumber} ${label(entry)}` : t('archives.detail.title')}
      destroyOnHidden
    >
      {entry && (
        <div data-testid="archive-volume" data-id={entry.id}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('archives.columns.caseNumber')}>
                {entry.caseNumber || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('archives.columns.year')}>{entry.year ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('archives.columns.parties')}>
                {entry.parties.join(t('archives.listSeparator')) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('archives.columns.pages')}>{entry.pageCount}</Descriptions.Item>
            </Descriptions>
            <Button
              type="primary"
              onClick={() => void openScan()}
              loading={busy}
              data-testid="archive-open-scan"
            >
              {t('archives.detail.scan')}
            </Button>
            {busy && <Spin description={t('archives.detail.fetching')} />}
            {error && (
              <Alert type="error" showIcon title={t('archives.detail.fetchFailed', { message: error })} />
            )}
            <CatalogueEditor entry={entry} editable={session?.canEdit(entry.createdBy) ?? false} />
          </Space>
        </div>
      )}
      <ScanViewer scan={scan} onClose={() => setScan(null)} />
    </Drawer>
  );
}
