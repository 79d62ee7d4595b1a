import { Divider, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDrafts } from '../../../db/draftHooks';
import { NewDraftButton } from '../../documents/create/NewDraftButton';
import { canDraft } from '../../documents/model/roles';
import { DraftTable } from '../../documents/list/DraftTable';
import { ScanList } from '../../documents/scans/ScanList';
import { useSession } from './caseWorkHooks';

/** 案件文书: this case's drafts (open in the editor, start a new one from a document style) and its scans. */
export function CaseDocuments({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const drafts = useDrafts(caseId);
  const roles = session?.roles ?? [];
  const drafting = canDraft(roles);
  return (
    <div data-testid="case-documents" data-count={drafts?.length ?? 0}>
      {drafting && (
        <Space style={{ marginBottom: 8 }}>
          <NewDraftButton caseId={caseId} />
        </Space>
      )}
      <DraftTable drafts={drafts ?? []} canPublish={roles.includes('clerk')} />
      <Divider plain>{t('documents.scans.title')}</Divider>
      <ScanList ownerId={caseId} canUpload={drafting} />
    </div>
  );
}
