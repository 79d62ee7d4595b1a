import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES } from '../../../../../core/schemas/file';
import { AttachmentList, formatBytes } from '../../../app/components/AttachmentList';
import { attachFile, readFile } from '../../../db/attachments';
import { useSyncEngine } from '../../../db/hooks';
import { useSession } from '../../cases/work/caseWorkHooks';
import { ScanViewer, type OpenScan } from './ScanViewer';

const VIEWABLE = /^(application\/pdf|image\/(png|jpeg|gif|webp|bmp))$/;

/**
 * Scans (PDFs, images) of a case or a draft through the file lane (`attachFile`: a `file:`
 * document of its own, synced one at a time), each viewable in the app once it is on this computer.
 */
export function ScanList({ ownerId, canUpload }: { readonly ownerId: string; readonly canUpload: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const engine = useSyncEngine();
  const session = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState<OpenScan | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    if (!engine || !session) return;
    if (file.size > MAX_FILE_BYTES) {
      message.error(t('documents.scans.tooLarge', { max: formatBytes(MAX_FILE_BYTES) }));
      return;
    }
    setBusy(true);
    try {
      await attachFile(engine.local('documents'), ownerId, file, { user: session.name, name: file.name });
      message.success(t('documents.scans.uploaded', { name: file.name }));
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  async function view(fileId: string) {
    if (!engine) return;
    try {
      const { info, blob } = await readFile(engine.local('documents'), fileId);
      setOpen({ name: info.name, contentType: info.contentType, blob });
    } catch (err) {
      message.error(t('documents.scans.failed', { message: (err as Error).message }));
    }
  }
  return (
    <div data-testid="scan-list">
      {canUpload && (
        <Space style={{ marginBottom: 8 }}>
          <input
            ref={input}
            type="file"
            accept="application/pdf,image/*"
            hidden
            data-testid="scan-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void upload(f);
            }}
          />
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('documents.scans.upload')}
          </Button>
        </Space>
      )}
      <AttachmentList
        dbKey="documents"
        ownerIds={[ownerId]}
        extraAction={(f) =>
          VIEWABLE.test(f.contentType) && (f.state === 'local' || f.state === 'pendingUpload') ? (
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              onClick={() => void view(f.fileId)}
              data-testid="view-scan"
            >
              {t('documents.scans.view')}
            </Button>
          ) : null
        }
      />
      <ScanViewer scan={open} onClose={() => setOpen(null)} />
    </div>
  );
}
