import { useState } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ASSET_KINDS,
  CONTROL_KINDS,
  INQUIRY_CHANNELS,
  INQUIRY_RESULTS,
  maxExpiry,
  openControls,
  type AssetControl,
  type ControlKind,
  type ControlRelease,
} from '../../../../../core/enforcement/assetControl';
import type { InquiryDoc } from '../model/enforcementRecords';

/** Props shared by the asset forms: open state and what to do with the values. */
interface FormProps<T> {
  readonly open: boolean;
  readonly onCancel: () => void;
  readonly onSubmit: (values: T) => Promise<boolean>;
}

/** The fields of a new inquiry. */
export type InquiryValues = Pick<InquiryDoc, 'channel' | 'assetKind' | 'institution' | 'requestDate'>;

/** A new 总对总 / 点对点 inquiry. */
export function InquiryModal({
  open,
  onCancel,
  onSubmit,
  today,
}: FormProps<InquiryValues> & { readonly today: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InquiryValues>();
  return (
    <Modal
      open={open}
      title={t('enforcement.assets.add')}
      onCancel={onCancel}
      okText={t('enforcement.common.save')}
      onOk={() => void form.validateFields().then(async (v) => (await onSubmit(v)) && form.resetFields())}
      okButtonProps={{ id: 'inquiry-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'network', assetKind: 'bankDeposit', requestDate: today }}
      >
        <Form.Item name="channel" label={t('enforcement.assets.channel')} rules={[{ required: true }]}>
          <Select
            options={INQUIRY_CHANNELS.map((c) => ({ value: c, label: t(`enforcement.channel.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="assetKind" label={t('enforcement.assets.assetKind')} rules={[{ required: true }]}>
          <Select options={ASSET_KINDS.map((k) => ({ value: k, label: t(`enforcement.assetKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="institution"
          label={t('enforcement.assets.institution')}
          rules={[{ required: true }]}
        >
          <Input data-testid="inquiry-institution" />
        </Form.Item>
        <Form.Item
          name="requestDate"
          label={t('enforcement.assets.requestDate')}
          rules={[{ required: true }]}
        >
          <Input type="date" data-testid="inquiry-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The answer of an inquiry. */
export type ResultValues = Pick<InquiryDoc, 'result' | 'resultDate' | 'amountFound'>;

/** Records the answer of an inquiry. */
export function ResultModal({
  open,
  onCancel,
  onSubmit,
  today,
}: FormProps<ResultValues> & { readonly today: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResultValues>();
  return (
    <Modal
      open={open}
      title={t('enforcement.assets.recordResult')}
      onCancel={onCancel}
      okText={t('enforcement.common.save')}
      onOk={() => void form.validateFields().then(onSubmit)}
      okButtonProps={{ id: 'result-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ result: 'found', resultDate: today }}>
        <Form.Item name="result" label={t('enforcement.assets.result')} rules={[{ required: true }]}>
          <Select options={INQUIRY_RESULTS.map((r) => ({ value: r, label: t(`enforcement.result.${r}`) }))} />
        </Form.Item>
        <Form.Item name="resultDate" label={t('enforcement.assets.resultDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="amountFound" label={t('enforcement.assets.amountFound')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="result-amount" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A freeze, seizure or deduction on the asset of `inquiry`, with the statutory last day suggested. */
export function ControlModal({
  open,
  onCancel,
  onSubmit,
  inquiry,
  today,
}: FormProps<AssetControl> & { readonly inquiry: InquiryDoc | null; readonly today: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssetControl & { renewsOpen?: boolean }>();
  const [kind, setKind] = useState<ControlKind>('freeze');
  const [date, setDate] = useState(today);
  if (!inquiry) return null;
  const latest = /^\d{4}-\d{2}-\d{2}$/.test(date) ? maxExpiry(inquiry.assetKind, date) : null;
  const renewable = openControls(inquiry.controls ?? [], today).filter((c) => c.kind === kind);
  return (
    <Modal
      open={open}
      title={t('enforcement.assets.addControl')}
      onCancel={onCancel}
      okText={t('enforcement.common.save')}
      onOk={() =>
        void form
          .validateFields()
          .then(({ renewsOpen, ...v }) =>
            onSubmit({ ...v, ...(renewsOpen && renewable[0] ? { renews: renewable[0].index } : {}) }),
          )
      }
      okButtonProps={{ id: 'control-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'freeze', date: today, expiresOn: latest ?? undefined }}
        onValuesChange={(changed: Partial<AssetControl>) => {
          if (changed.kind) setKind(changed.kind);
          if (changed.date) setDate(changed.date);
        }}
      >
        <Form.Item name="kind" label={t('enforcement.assets.controlKind')} rules={[{ required: true }]}>
          <Select options={CONTROL_KINDS.map((k) => ({ value: k, label: t(`enforcement.control.${k}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('enforcement.assets.controlDate')} rules={[{ required: true }]}>
          <Input type="date" data-testid="control-date" />
        </Form.Item>
        <Form.Item name="amount" label={t('enforcement.assets.controlAmount')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="control-amount" />
        </Form.Item>
        {kind !== 'deduction' && (
          <Form.Item
            name="expiresOn"
            label={t('enforcement.assets.expiresOn')}
            extra={
              latest && (
                <Typography.Text type="secondary">
                  {t('enforcement.assets.expiresHint', { date: latest })}
                </Typography.Text>
              )
            }
            rules={[{ required: true }]}
          >
            <Input type="date" data-testid="control-expires" />
          </Form.Item>
        )}
        {kind !== 'deduction' && renewable.length > 0 && (
          <Form.Item name="renewsOpen" valuePropName="checked">
            <Checkbox>{t('enforcement.assets.renews')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The fields of a release; the officer (`by`) is added by the caller. */
export type ReleaseValues = Omit<ControlRelease, 'by'>;

/**
 * 解除冻结/查封: the date, the ruling's number and the reason. The date may not be before the
 * control took effect (checked here for a clear message, and by the schema and the server).
 */
export function ReleaseModal({
  open,
  onCancel,
  onSubmit,
  control,
  today,
}: FormProps<ReleaseValues> & { readonly control: AssetControl | null; readonly today: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReleaseValues>();
  if (!control) return null;
  return (
    <Modal
      open={open}
      title={t('enforcement.assets.releaseTitle', { kind: t(`enforcement.control.${control.kind}`) })}
      onCancel={onCancel}
      okText={t('enforcement.common.save')}
      // A refused field is shown in the form (and what was typed stays); it is not an error of the page.
      onOk={() => void form.validateFields().then(onSubmit, () => false)}
      okButtonProps={{ id: 'release-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ on: today }}>
        <Form.Item
          name="on"
          label={t('enforcement.assets.releaseOn')}
          rules={[
            { required: true },
            {
              validator: (_, v: string) =>
                v && v < control.date
                  ? Promise.reject(
                      new Error(t('enforcement.assets.releaseBeforeStart', { date: control.date })),
                    )
                  : Promise.resolve(),
            },
          ]}
        >
          <Input type="date" data-testid="release-date" />
        </Form.Item>
        <Form.Item name="rulingNo" label={t('enforcement.assets.releaseRuling')} rules={[{ required: true }]}>
          <Input data-testid="release-ruling" />
        </Form.Item>
        <Form.Item name="reason" label={t('enforcement.assets.releaseReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="release-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
