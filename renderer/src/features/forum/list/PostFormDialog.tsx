import { App, Form, Input, Modal, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentEditor } from '../../../app/components/AttachmentEditor';
import { FilePicker } from '../../../app/components/FilePicker';
import { paragraphsToBody } from '../../../app/components/ParagraphText';
import type { OwnedFilesChange } from '../../../db/ownedFiles';
import { failureText } from '../model/failureText';

/** What the dialog returns. */
export interface PostFormValues {
  readonly title: string;
  readonly body: string;
  /** Files chosen to attach. */
  readonly files: readonly File[];
  /** The listed files the author kept (edits of a post with files; empty for a new post). */
  readonly keep: readonly string[];
}

/** Props of {@link PostFormDialog}. */
export interface PostFormDialogProps {
  readonly open: boolean;
  readonly heading: string;
  /** Whether a title is asked for (and required: thread openings). */
  readonly withTitle: boolean;
  /** Whether files can be attached. */
  readonly withFiles?: boolean;
  /** The post being edited: its files are listed, each removable, beside the new ones. */
  readonly editing?: {
    readonly id: string;
    readonly title: string;
    readonly body: string;
    readonly attachments: readonly string[];
  };
  readonly onSave: (v: PostFormValues) => Promise<void>;
  readonly onClose: () => void;
}

/** The form of a new thread and of editing a post: title (thread openings), paragraphs, files. */
export function PostFormDialog(props: PostFormDialogProps) {
  const { open, heading, onSave, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title?: string; body: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: PostFormValues) => {
    setSaving(true);
    try {
      await onSave(v);
      onClose();
    } catch (err) {
      void message.error(failureText(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={heading}
      okText={t('forum.form.save')}
      cancelText={t('forum.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      // A fresh form (and file choice) on every opening: its initial values apply once, so a
      // re-render while the user types (sync status, live queries) never resets what they wrote.
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'post-form-submit' }}
    >
      <PostForm {...props} form={form} onSubmit={(v) => void submit(v)} />
    </Modal>
  );
}

function PostForm({
  form,
  withTitle,
  withFiles = false,
  editing,
  onSubmit,
}: PostFormDialogProps & {
  readonly form: FormInstance<{ title?: string; body: string }>;
  readonly onSubmit: (v: PostFormValues) => void;
}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<OwnedFilesChange>({ keep: editing?.attachments ?? [], add: [] });
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('forum.form.required', { field }),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={editing ? { title: editing.title, body: editing.body } : { title: '', body: '' }}
      onFinish={(v) =>
        onSubmit({ title: v.title ?? '', body: paragraphsToBody(v.body), files: files.add, keep: files.keep })
      }
      data-testid="post-form"
    >
      {withTitle && (
        <Form.Item
          name="title"
          label={t('forum.form.titleLabel')}
          rules={[required(t('forum.form.titleLabel')), { max: 200 }]}
        >
          <Input maxLength={200} data-testid="post-form-title" />
        </Form.Item>
      )}
      <Form.Item
        name="body"
        label={t('forum.form.bodyLabel')}
        extra={t('forum.form.bodyHelp')}
        rules={[required(t('forum.form.bodyLabel'))]}
      >
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} data-testid="post-form-body" />
      </Form.Item>
      {withFiles && editing && (
        <AttachmentEditor
          dbKey="forum"
          ownerId={editing.id}
          value={files}
          onChange={setFiles}
          addLabel={t('forum.form.attach')}
          testId="post-form-files"
        />
      )}
      {withFiles && !editing && (
        <FilePicker
          files={files.add}
          onChange={(add) => setFiles({ ...files, add })}
          label={t('forum.form.attach')}
          testId="post-form-files"
        />
      )}
    </Form>
  );
}
