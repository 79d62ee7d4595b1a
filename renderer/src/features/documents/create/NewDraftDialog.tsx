import { App as AntApp, Alert, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeTemplate } from '../../../../../core/documents/templates/mergeTemplate';
import { templatesFor } from '../../../../../core/documents/templates/templates';
import { navigate } from '../../../app/router';
import { createDraft } from '../../../db/drafts/createDraft';
import { useSyncEngine } from '../../../db/hooks';
import { useSession } from '../../cases/work/caseWorkHooks';
import { useCaseRecord } from '../model/useCaseRecord';
import { CasePicker } from './CasePicker';
import { courtDocumentSchema } from '../schema/courtDocument';

/**
 * A new document for a case: choose a document style (文书样式) that serves the case's type and
 * procedure; it is merged with the case record, and whatever the record lacks is listed here and
 * left in the text as 【…】 to fill in. The merged document becomes the draft's first content.
 */
export function NewDraftDialog({
  caseId: givenCase,
  open,
  onClose,
}: {
  /** The case; without it the dialog lets the user choose one of their cases. */
  readonly caseId?: string;
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const engine = useSyncEngine();
  const session = useSession();
  const [chosenCase, setChosenCase] = useState<string | null>(null);
  const caseId = givenCase ?? chosenCase;
  const record = useCaseRecord(open ? caseId : null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [recipient, setRecipient] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const templates = useMemo(() => (record ? templatesFor(record.caseType, record.procedure) : []), [record]);
  const template = templates.find((x) => x.id === templateId) ?? null;
  const merged = useMemo(
    () => (template && record ? mergeTemplate(template, record.template, { recipient }) : null),
    [template, record, recipient],
  );
  const en = i18n.language === 'en';

  async function create() {
    if (!engine || !session || !template || !merged || !caseId) return;
    setBusy(true);
    try {
      const draftId = await createDraft(
        engine.local('documents'),
        session.name,
        {
          caseId,
          kind: template.documentKind,
          title: title.trim() || template.name,
          templateId: `template:${template.id}`,
        },
        (fragment) => prosemirrorJSONToYXmlFragment(courtDocumentSchema(), merged.doc, fragment),
      );
      message.success(t('documents.create.created'));
      onClose();
      navigate('documents', { draft: draftId });
    } catch (err) {
      message.error(t('documents.create.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={open}
      title={t('documents.create.title')}
      okText={t('documents.create.create')}
      okButtonProps={{ disabled: !merged, loading: busy, 'data-testid': 'create-draft' } as never}
      onOk={() => void create()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="new-draft">
        {!givenCase && session && (
          <Form.Item label={t('documents.create.case')}>
            <CasePicker
              user={session.name}
              value={chosenCase}
              onChange={(id) => {
                setChosenCase(id);
                setTemplateId(null);
              }}
            />
          </Form.Item>
        )}
        <Form.Item label={t('documents.create.template')}>
          <Select
            data-testid="template-select"
            placeholder={t('documents.create.templatePlaceholder')}
            value={templateId}
            notFoundContent={t('documents.create.noTemplates')}
            onChange={(v: string) => {
              setTemplateId(v);
              setTitle(templates.find((x) => x.id === v)?.name ?? '');
            }}
            options={templates.map((x) => ({ value: x.id, label: en ? x.nameEn : x.name }))}
          />
        </Form.Item>
        {template?.perRecipient && record && (
          <Form.Item label={t('documents.create.recipient')}>
            <Select
              value={recipient}
              onChange={setRecipient}
              options={record.template.parties.map((p) => ({ value: p.name, label: p.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('documents.create.draftTitle')}>
          <Input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            data-testid="draft-title"
          />
        </Form.Item>
      </Form>
      {merged &&
        (merged.missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="missing-fields"
            title={t('documents.create.missing')}
            description={merged.missing.map((m) => (
              <Tag key={`${m.field}|${m.subject ?? ''}`}>
                {m.subject
                  ? t('documents.create.missingOf', { subject: m.subject, label: en ? m.labelEn : m.label })
                  : en
                    ? m.labelEn
                    : m.label}
              </Tag>
            ))}
          />
        ) : (
          <Typography.Text type="success">{t('documents.create.complete')}</Typography.Text>
        ))}
    </Modal>
  );
}
