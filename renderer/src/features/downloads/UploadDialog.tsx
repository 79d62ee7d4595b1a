import { InboxOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Select, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES } from '../../../../core/schemas/file';
import { DOWNLOAD_CATEGORIES } from '../../../../core/schemas/libraryItem';
import { attachFile } from '../../db/attachments';
import { useSyncEngine } from '../../db/hooks';
import { useLibraryRepository } from '../../db/libraryHooks';

interface FormValues {
  title: string;
  category: string;
  description?: string;
}

/** Admins add a download: its title, kind and description, and one or more files (stored locally first, uploaded by the file lane). */
export function UploadDialog({ user, onClose }: { readonly user: string; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const engine = useSyncEngine();
  const repo = useLibraryRepository(user);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    const v = await form.validateFields();
    if (!repo || !engine) return;
    if (files.length === 0) return setError(t('downloads.noFile'));
    const big = files.find((f) => f.size > MAX_FILE_BYTES);
    if (big) return setError(t('downloads.tooBig', { name: big.name }));
    setSaving(true);
    setError(null);
    try {
      const entry = await repo.create('download', [crypto.randomUUID()], {
        title: v.title.trim(),
        category: v.category,
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
      });
      for (const f of files) await attachFile(engine.local('library'), entry._id, f, { user, name: f.name });
      onClose();
    } catch (err) {
      setError(t('downloads.failed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setSaving(false);
    }
  }

  const required = [{ required: true, whitespace: true, message: t('downloads.required') }];
  return (
    <Modal
      open
      title={t('downloads.upload')}
      okText={t('downloads.save')}
      onOk={() => void save()}
      confirmLoading={saving}
      onCancel={onClose}
      data-testid="upload-dialog"
    >
      {error && <Alert type="error" showIcon title={error} data-testid="upload-error" />}
      <Form form={form} layout="vertical" initialValues={{ category: 'form' }}>
        <Form.Item name="title" label={t('downloads.title')} rules={required}>
          <Input data-testid="upload-title" />
        </Form.Item>
        <Form.Item name="category" label={t('downloads.kind')} rules={required}>
          <Select
            options={DOWNLOAD_CATEGORIES.map((c) => ({ value: c, label: t(`downloads.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('downloads.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Upload.Dragger
          multiple
          beforeUpload={(f) => {
            setFiles((list) => [...list, f]);
            return false; // stored locally on save, never sent by antd
          }}
          onRemove={(f) => setFiles((list) => list.filter((x) => x.name !== f.name))}
          data-testid="upload-files"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('downloads.drop')}</p>
        </Upload.Dragger>
      </Form>
    </Modal>
  );
}
