import { FileAddOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewDraftDialog } from './NewDraftDialog';

/** 新建文书 and its dialog: for one case, or (without `caseId`) for one of the user's cases. */
export function NewDraftButton({ caseId }: { readonly caseId?: string }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Button
        type="primary"
        icon={<FileAddOutlined />}
        onClick={() => setCreating(true)}
        data-testid="new-draft-button"
      >
        {t('documents.list.newDraft')}
      </Button>
      {creating && <NewDraftDialog caseId={caseId} open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
