import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../../../app/components/FilePicker';
import { paragraphsToBody } from '../../../app/components/ParagraphText';

/** What the dialog returns. */
export interface PostFormValues {
  readonly title: string;
  readonly body: string;
  /** Files chosen to attach (new posts only). */
  readonly files: readonly File[];
}

/** Props of {@link PostFormDialog}. */
export interface PostFormDialogProps {
  readonly open: boolean;
  readonly heading: string;
  /** Whether a title is asked for (and required: thread openings). */
  readonly withTitle: boolean;
  /** Whether files can be attached (new posts; an edit keeps the post's files). */
  readonly withFiles?: boolean;
  readonly initial?: { readonly title: string; readonly body: string };
  readonly onSave: (v: PostFormValues) => Promise<void>;
  readonly onClose: () => void;
}

/** The form of a new thread and of editing a post: title (thread openings) and paragraphs. */
export function PostFormDialog(props: PostFormDialogProps) {
  const { open, heading, withTitle, withFiles = false, initial, onSave, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostFormValues>();
  const [saving, setSaving] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('forum.form.required', { field }),
  });
  const submit = async (v: { title?: string; body: string }) => {
    setSaving(true);
    try {
      await onSave({ title: v.title ?? '', body: paragraphsToBody(v.body), files });
      setFiles([]);
      onClose();
    } catch (err) {
      void message.error(t('forum.form.failed', { reason: (err as Error).message }));
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
      // A fresh form on every opening: its initial values apply once, so a re-render while the
      // user types (sync status, live queries) never resets what they wrote.
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'post-form-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial ?? { title: '', body: '' }}
        onFinish={(v: { title?: string; body: string }) => void submit(v)}
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
        {withFiles && (
          <FilePicker
            files={files}
            onChange={setFiles}
            label={t('forum.form.attach')}
            testId="post-form-files"
          />
        )}
      </Form>
    </Modal>
  );
}
