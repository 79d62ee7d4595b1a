import { App, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentEditor } from '../../../app/components/AttachmentEditor';
import { setNoticeAttachments, type NoticeInfo } from '../../../db/noticeHooks';
import { changeOwnedFiles, type OwnedFilesChange } from '../../../db/ownedFiles';
import { useNoticesRepo } from '../model/useNoticeContext';

/** Props of {@link NoticeFilesDialog}. */
export interface NoticeFilesDialogProps {
  readonly notice: NoticeInfo;
  readonly isAdmin: boolean;
  readonly onClose: () => void;
}

/**
 * The author (or an admin) adds and removes a published notice's files, through the file lane
 * (ownedFiles.ts `changeOwnedFiles`); the server refuses the change from anyone else.
 */
export function NoticeFilesDialog({ notice, isAdmin, onClose }: NoticeFilesDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useNoticesRepo();
  const [change, setChange] = useState<OwnedFilesChange>({ keep: notice.attachments, add: [] });
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!ctx) return;
    setSaving(true);
    try {
      await changeOwnedFiles(
        ctx.db,
        notice.id,
        notice.attachments,
        change,
        { user: ctx.user, isAdmin },
        (ids) => setNoticeAttachments(ctx.repo, notice.id, ids),
      );
      void message.success(t('notices.files.saved'));
      onClose();
    } catch (err) {
      void message.error(t('notices.files.failed', { reason: (err as Error).message }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('notices.files.title')}
      okText={t('notices.files.save')}
      cancelText={t('notices.form.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'notice-files-submit', disabled: !ctx }}
    >
      <AttachmentEditor
        dbKey="notices"
        ownerId={notice.id}
        value={change}
        onChange={setChange}
        addLabel={t('notices.form.attach')}
        testId="notice-files"
      />
    </Modal>
  );
}
