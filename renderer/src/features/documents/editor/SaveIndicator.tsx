import { CheckCircleOutlined, CloudSyncOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useObservable } from '../../../db/hooks';
import type { DraftSession, SaveStatus } from '../../../db/drafts/draftSession';

const INITIAL: SaveStatus = { state: 'saved', savedAt: null, error: null };

/** Autosave state of the open draft: saved (with the time), unsaved, saving or failed. */
export function SaveIndicator({ session }: { readonly session: DraftSession }) {
  const { t } = useTranslation();
  const s = useObservable(session.status$, INITIAL);
  const text =
    s.state === 'saved'
      ? s.savedAt
        ? t('documents.editor.save.savedAt', { time: dayjs(s.savedAt).format('HH:mm:ss') })
        : t('documents.editor.save.saved')
      : s.state === 'error'
        ? t('documents.editor.save.error', { message: s.error ?? '' })
        : t(`documents.editor.save.${s.state}`);
  const look = {
    saved: { color: 'success', icon: <CheckCircleOutlined /> },
    unsaved: { color: 'default', icon: <EditOutlined /> },
    saving: { color: 'processing', icon: <CloudSyncOutlined /> },
    error: { color: 'error', icon: <WarningOutlined /> },
  }[s.state];
  return (
    <Tag color={look.color} icon={look.icon} data-testid="save-indicator" data-state={s.state}>
      {text}
    </Tag>
  );
}
