import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { libraryItemFromDoc } from '../../../../core/library/itemDoc';
import { LIBRARY_CATEGORIES } from '../../../../core/library/schema';
import { parseStatuteText, statuteText, type StatuteStructure } from '../../../../core/library/statuteText';
import { useLibraryRepository, type LibraryEntry } from '../../db/libraryHooks';

/** Props of {@link ItemEditor}. */
export interface ItemEditorProps {
  /** The item to edit, or null for a new one. */
  readonly entry: LibraryEntry | null;
  readonly user: string;
  readonly onClose: () => void;
}

interface FormValues {
  category: string;
  title: string;
  lawTitle: string;
  law: string;
  issuer: string;
  document?: string;
  version: string;
  promulgated: string;
  effective: string;
  text: string;
}

function initialValues(entry: LibraryEntry | null): Partial<FormValues> {
  if (!entry) return { category: LIBRARY_CATEGORIES[0] };
  const d = entry.doc;
  const source = (d['source'] ?? {}) as Record<string, string | undefined>;
  return {
    category: String(d['category']),
    title: String(d['title']),
    lawTitle: String(d['lawTitle']),
    law: String(d['law']),
    issuer: source['issuer'] ?? '',
    document: source['document'] ?? '',
    version: source['version'] ?? '',
    promulgated: source['promulgated'] ?? '',
    effective: source['effective'] ?? '',
    text: statuteText(d as StatuteStructure),
  };
}

/** Fields of a `libraryItem` from the form; throws with a readable reason when the text breaks a rule. */
function fieldsOf(v: FormValues, id: string): Record<string, unknown> {
  const structure = parseStatuteText(v.text);
  const fields = {
    law: v.law.trim(),
    lawTitle: v.lawTitle.trim(),
    category: v.category,
    title: v.title.trim(),
    source: {
      issuer: v.issuer.trim(),
      ...(v.document?.trim() ? { document: v.document.trim() } : {}),
      version: v.version.trim(),
      promulgated: v.promulgated.trim(),
      effective: v.effective.trim(),
    },
    ...structure,
  };
  libraryItemFromDoc({ _id: id, ...fields }); // the reader's checks, before anything is written
  return fields;
}

/** Admins add or edit a library item: shelf, titles, source, and the text with its 编/章/节/条 lines. */
export function ItemEditor({ entry, user, onClose }: ItemEditorProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const repo = useLibraryRepository(user);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    const values = await form.validateFields();
    if (!repo) return;
    setSaving(true);
    setError(null);
    try {
      const uuid = crypto.randomUUID();
      const fields = fieldsOf(values, entry?.doc._id ?? `libraryItem:${uuid}`);
      if (entry) {
        // The structure is replaced as a whole: an article removed from the text leaves the item.
        await repo.update(entry.doc._id, ({ divisions: _d, articles: _a, ...rest }) => ({
          ...rest,
          ...fields,
        }));
      } else await repo.create('libraryItem', [uuid], fields);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  const required = [{ required: true, whitespace: true, message: t('library.editor.required') }];
  const date = [...required, { pattern: /^\d{4}-\d{2}-\d{2}$/u, message: t('library.editor.date') }];
  return (
    <Modal
      open
      width={760}
      title={t(entry ? 'library.editor.editTitle' : 'library.editor.newTitle')}
      okText={t('library.editor.save')}
      onOk={() => void save()}
      confirmLoading={saving}
      onCancel={onClose}
      data-testid="library-editor"
    >
      {error && <Alert type="error" showIcon title={t('library.editor.invalid', { reason: error })} />}
      <Form form={form} layout="vertical" initialValues={initialValues(entry)}>
        <Form.Item name="category" label={t('library.editor.category')} rules={required}>
          <Select options={LIBRARY_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="title" label={t('library.editor.title')} rules={required}>
          <Input data-testid="editor-title" />
        </Form.Item>
        <Form.Item name="lawTitle" label={t('library.editor.lawTitle')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item
          name="law"
          label={t('library.editor.law')}
          tooltip={t('library.editor.lawHint')}
          rules={[...required, { pattern: /^[a-z][a-z0-9-]*$/u, message: t('library.editor.lawHint') }]}
        >
          <Input disabled={entry !== null} />
        </Form.Item>
        <Form.Item name="issuer" label={t('library.source.issuer')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="document" label={t('library.source.document')}>
          <Input />
        </Form.Item>
        <Form.Item name="version" label={t('library.source.version')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="promulgated" label={t('library.editor.promulgated')} rules={date}>
          <Input placeholder="2024-01-01" />
        </Form.Item>
        <Form.Item name="effective" label={t('library.source.effective')} rules={date}>
          <Input placeholder="2024-01-01" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('library.editor.text')}
          tooltip={t('library.editor.textHint')}
          rules={required}
        >
          <Input.TextArea rows={10} data-testid="editor-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
