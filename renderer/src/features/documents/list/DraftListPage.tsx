import { Card, Checkbox, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/layout/PageHeader';
import { useDrafts } from '../../../db/draftHooks';
import { useCaseCatalog } from '../../cases/model/useCaseCatalog';
import { useSession } from '../../cases/work/caseWorkHooks';
import { NewDraftButton } from '../create/NewDraftButton';
import { canDraft } from '../model/roles';
import { DraftTable } from './DraftTable';

/** 文书: every draft on this computer (or only mine), newest first, with its case's number. */
export default function DraftListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const drafts = useDrafts();
  const { catalog } = useCaseCatalog();
  const [mine, setMine] = useState(false);
  const drafting = canDraft(session?.roles ?? []);
  const shown = useMemo(
    () => (drafts ?? []).filter((d) => !mine || d.createdBy === session?.name),
    [drafts, mine, session?.name],
  );
  const caseLabel = (caseId: string) => catalog?.get(caseId)?.displayNumber ?? caseId;
  return (
    <div className="cd-screen" data-testid="screen-documents">
      <PageHeader
        moduleKey="documents"
        extra={
          <Space>
            {drafting && <NewDraftButton />}
            <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
              {t('documents.list.mine')}
            </Checkbox>
          </Space>
        }
      />
      <Card variant="borderless">
        <DraftTable
          drafts={shown}
          caseLabel={caseLabel}
          canPublish={session?.roles.includes('clerk') ?? false}
        />
      </Card>
    </div>
  );
}
