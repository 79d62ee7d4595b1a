import { App, DatePicker, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '../../../../../core/roles';
import type { NoticeAudience } from '../../../../../core/schemas/notice';
import { publishNotice, type NoticeDraft } from '../../../db/noticeHooks';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { useNoticesRepo } from '../model/useNoticeContext';
import { FilePicker } from '../../../app/components/FilePicker';
import { paragraphsToBody } from '../../../app/components/ParagraphText';
import { attachAll } from '../../../db/ownedFiles';

interface Values {
  title: string;
  body: string;
  priority: NoticeDraft['priority'];
  audienceKind: NoticeAudience['kind'];
  roles?: string[];
  divisions?: string[];
  mustReadBy?: Dayjs | null;
  pinned?: boolean;
}

function audienceOf(v: Values): NoticeAudience {
  if (v.audienceKind === 'roles') return { kind: 'roles', roles: v.roles ?? [] };
  if (v.audienceKind === 'divisions') return { kind: 'divisions', divisions: v.divisions ?? [] };
  return { kind: 'everyone' };
}

/** The divisions (庭室 codes) the staff directory lists, with their names where known. */
function useDivisionOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  const directory = useStaffDirectory();
  return useMemo(() => {
    const codes = new Set<string>();
    for (const e of directory.entries.values()) if (e.division) codes.add(e.division);
    return [...codes]
      .sort()
      .map((c) => ({ value: c, label: t(`caseWork.divisions.${c}`, { defaultValue: c }) }));
  }, [directory, t]);
}

/** The publish form of leaders and admins: title, paragraphs, priority, audience, read-by date, pin. */
export function PublishNoticeDialog({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useNoticesRepo();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const kind = Form.useWatch('audienceKind', form);
  const divisions = useDivisionOptions();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('notices.form.required', { field }),
  });
  const submit = async (v: Values) => {
    if (!ctx) return;
    setSaving(true);
    try {
      const uuid = crypto.randomUUID();
      const attachments = await attachAll(ctx.db, `notice:${uuid}`, files, { user: ctx.user });
      await publishNotice(ctx.repo, {
        uuid,
        attachments,
        title: v.title,
        body: paragraphsToBody(v.body),
        priority: v.priority,
        audience: audienceOf(v),
        ...(v.mustReadBy ? { mustReadBy: v.mustReadBy.format('YYYY-MM-DD') } : {}),
        pinned: v.pinned === true,
      });
      void message.success(t('notices.form.saved'));
      form.resetFields();
      setFiles([]);
      onClose();
    } catch (err) {
      void message.error(t('notices.form.failed', { reason: (err as Error).message }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('notices.form.title')}
      okText={t('notices.form.submit')}
      cancelText={t('notices.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'notice-form-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ priority: 'normal', audienceKind: 'everyone', pinned: false }}
        onFinish={(v) => void submit(v)}
        data-testid="notice-form"
      >
        <Form.Item
          name="title"
          label={t('notices.form.titleLabel')}
          rules={[required(t('notices.form.titleLabel')), { max: 200 }]}
        >
          <Input maxLength={200} data-testid="notice-form-title" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('notices.form.bodyLabel')}
          extra={t('notices.form.bodyHelp')}
          rules={[required(t('notices.form.bodyLabel'))]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} data-testid="notice-form-body" />
        </Form.Item>
        <Form.Item name="priority" label={t('notices.form.priorityLabel')}>
          <Radio.Group
            options={(['normal', 'important', 'urgent'] as const).map((p) => ({
              value: p,
              label: t(`notices.priority.${p}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="audienceKind" label={t('notices.audience.label')}>
          <Radio.Group
            options={(['everyone', 'roles', 'divisions'] as const).map((k) => ({
              value: k,
              label: t(`notices.audience.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'roles' && (
          <Form.Item name="roles" rules={[{ required: true, message: t('notices.form.pickOne') }]}>
            <Select
              mode="multiple"
              placeholder={t('notices.audience.pickRoles')}
              options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              data-testid="notice-form-roles"
            />
          </Form.Item>
        )}
        {kind === 'divisions' && (
          <Form.Item name="divisions" rules={[{ required: true, message: t('notices.form.pickOne') }]}>
            <Select mode="multiple" placeholder={t('notices.audience.pickDivisions')} options={divisions} />
          </Form.Item>
        )}
        <Form.Item name="mustReadBy" label={t('notices.form.mustReadByLabel')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="pinned" label={t('notices.form.pinnedLabel')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <FilePicker
          files={files}
          onChange={setFiles}
          label={t('notices.form.attach')}
          testId="notice-form-files"
        />
      </Form>
    </Modal>
  );
}
