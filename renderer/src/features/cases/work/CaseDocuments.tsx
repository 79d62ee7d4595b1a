import { FileAddOutlined } from '@ant-design/icons';
import { Button, Divider, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDrafts } from '../../../db/draftHooks';
import { NewDraftDialog } from '../../documents/create/NewDraftDialog';
import { canDraft } from '../../documents/model/roles';
import { DraftTable } from '../../documents/list/DraftTable';
import { ScanList } from '../../documents/scans/ScanList';
import { useSession } from './caseWorkHooks';

/** 案件文书: this case's drafts (open in the editor, start a new one from a document style) and its scans. */
export function CaseDocuments({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const drafts = useDrafts(caseId);
  const [creating, setCreating] = useState(false);
  const roles = session?.roles ?? [];
  const drafting = canDraft(roles);
  return (
    <div data-testid="case-documents" data-count={drafts?.length ?? 0}>
      {drafting && (
        <Space style={{ marginBottom: 8 }}>
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-draft-button"
          >
            {t('documents.list.newDraft')}
          </Button>
        </Space>
      )}
      <DraftTable drafts={drafts ?? []} canPublish={roles.includes('clerk')} />
      <Divider plain>{t('documents.scans.title')}</Divider>
      <ScanList ownerId={caseId} canUpload={drafting} />
      {creating && <NewDraftDialog caseId={caseId} open={creating} onClose={() => setCreating(false)} />}
    </div>
  );
}
