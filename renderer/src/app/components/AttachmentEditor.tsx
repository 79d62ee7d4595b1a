import { CloseOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatabaseKey } from '../../../../core/databases';
import { useAttachmentStates } from '../../db/hooks';
import type { OwnedFilesChange } from '../../db/ownedFiles';
import { FilePicker } from './FilePicker';

/** Props of {@link AttachmentEditor}. */
export interface AttachmentEditorProps {
  /** The database holding the owner's files. */
  readonly dbKey: DatabaseKey;
  readonly ownerId: string;
  readonly value: OwnedFilesChange;
  readonly onChange: (value: OwnedFilesChange) => void;
  /** The add button's label (each feature translates its own). */
  readonly addLabel: string;
  readonly testId: string;
}

/**
 * The files of a document being edited (a post, a notice): the ones it lists, each removable, and
 * new ones to add. Nothing changes until the form is saved (ownedFiles.ts `changeOwnedFiles`).
 */
export function AttachmentEditor({
  dbKey,
  ownerId,
  value,
  onChange,
  addLabel,
  testId,
}: AttachmentEditorProps) {
  const { t } = useTranslation();
  const stored = useAttachmentStates(dbKey, [ownerId]);
  const nameOf = (id: string) => stored.find((f) => f.fileId === id)?.name ?? t('attachments.unnamed');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`${testId}-editor`}>
      {value.keep.length > 0 && (
        <Space wrap>
          {value.keep.map((id) => (
            <Tag
              key={id}
              data-testid="kept-file"
              data-file-id={id}
              closable
              closeIcon={
                <CloseOutlined
                  aria-label={t('attachments.remove', { name: nameOf(id) })}
                  data-testid="kept-file-remove"
                />
              }
              onClose={() => onChange({ ...value, keep: value.keep.filter((x) => x !== id) })}
            >
              {nameOf(id)}
            </Tag>
          ))}
        </Space>
      )}
      <FilePicker
        files={value.add}
        onChange={(add) => onChange({ ...value, add })}
        label={addLabel}
        testId={testId}
      />
    </Space>
  );
}
