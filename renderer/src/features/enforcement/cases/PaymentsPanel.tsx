import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  PAYMENT_SOURCES,
  buildLedger,
  disbursementIssue,
  formatFen,
  type LedgerRow,
  type PaymentDirection,
} from '../../../../../core/enforcement/ledger';
import type { Repository } from '../../../db';
import { recordPayment } from '../model/enforcementCommands';
import type { PaymentDoc } from '../model/enforcementRecords';
import { useWrite } from '../model/useWrite';

/** Props of {@link PaymentsPanel}. */
export interface PaymentsPanelProps {
  readonly caseId: string;
  readonly payments: readonly PaymentDoc[];
  /** Amount to enforce, yuan. */
  readonly amount: number;
  readonly ctx: { readonly repo: Repository; readonly roles: readonly string[] };
  readonly today: string;
}

type PaymentValues = Pick<PaymentDoc, 'direction' | 'amount' | 'date' | 'party' | 'source' | 'note'>;

/** 执行款: money received and paid to the applicant, with the running balance. */
export function PaymentsPanel({ caseId, payments, amount, ctx, today }: PaymentsPanelProps) {
  const { t } = useTranslation();
  const run = useWrite();
  const [open, setOpen] = useState(false);
  const [direction, setDirection] = useState<PaymentDirection>('received');
  const [form] = Form.useForm<PaymentValues>();
  const ledger = useMemo(() => buildLedger(payments, amount), [payments, amount]);
  return (
    <Card
      title={t('enforcement.payments.title')}
      style={{ marginBottom: 16 }}
      extra={
        ctx.roles.includes('enforcement') && (
          <Button onClick={() => setOpen(true)} data-testid="payment-add">
            {t('enforcement.payments.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph data-testid="payment-summary">
        {t('enforcement.payments.summary', {
          received: formatFen(ledger.receivedFen),
          disbursed: formatFen(ledger.disbursedFen),
          balance: formatFen(ledger.balanceFen),
          outstanding: formatFen(ledger.outstandingFen),
        })}
      </Typography.Paragraph>
      {ledger.overdrawn && (
        <Alert type="error" title={t('enforcement.payments.overdrawn')} style={{ marginBottom: 8 }} />
      )}
      <Table<LedgerRow>
        rowKey={(r) => r.payment._id}
        size="small"
        pagination={false}
        dataSource={[...ledger.rows]}
        columns={[
          { title: t('enforcement.payments.date'), key: 'd', render: (_, r) => r.payment.date },
          {
            title: t('enforcement.payments.direction'),
            key: 'k',
            render: (_, r) => t(`enforcement.payments.${r.payment.direction}`),
          },
          {
            title: t('enforcement.payments.party'),
            key: 'p',
            render: (_, r) => (r.payment as PaymentDoc).party,
          },
          {
            title: t('enforcement.payments.amount'),
            key: 'a',
            align: 'right',
            render: (_, r) => formatFen(Math.round(r.payment.amount * 100)),
          },
          {
            title: t('enforcement.payments.balance'),
            key: 'b',
            align: 'right',
            render: (_, r) => formatFen(r.balanceFen),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('enforcement.payments.add')}
        onCancel={() => setOpen(false)}
        okText={t('enforcement.common.save')}
        destroyOnHidden
        onOk={() =>
          void form.validateFields().then(async (v) => {
            const refused = v.direction === 'disbursed' ? disbursementIssue(ledger, v.amount) : null;
            if (refused) {
              form.setFields([{ name: 'amount', errors: [refused] }]);
              return;
            }
            const fields = { ...v, caseId, ...(v.direction === 'disbursed' ? { source: undefined } : {}) };
            if (await run(() => recordPayment(ctx.repo, fields))) setOpen(false);
          })
        }
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ direction: 'received', source: 'voluntary', date: today }}
          onValuesChange={(c: Partial<PaymentValues>) => c.direction && setDirection(c.direction)}
        >
          <Form.Item name="direction" label={t('enforcement.payments.direction')}>
            <Select
              options={(['received', 'disbursed'] as const).map((d) => ({
                value: d,
                label: t(`enforcement.payments.${d}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="amount" label={t('enforcement.payments.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="date" label={t('enforcement.payments.date')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="party" label={t('enforcement.payments.party')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          {direction === 'received' && (
            <Form.Item name="source" label={t('enforcement.payments.source')}>
              <Select
                options={PAYMENT_SOURCES.map((s) => ({
                  value: s,
                  label: t(`enforcement.payments.sources.${s}`),
                }))}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
