import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEASURE_KINDS, measureState, type MeasureKind } from '../../../../../core/enforcement/measures';
import type { Repository } from '../../../db';
import { createMeasure, decide } from '../model/enforcementCommands';
import type { MeasureDoc } from '../model/enforcementRecords';
import { useWrite } from '../model/useWrite';
import { ApprovalButtons } from './ApprovalButtons';

const STATE_COLOR = { recorded: 'default', pending: 'gold', approved: 'green', rejected: 'red' } as const;

/** Props of {@link MeasuresPanel}. */
export interface MeasuresPanelProps {
  readonly caseId: string;
  readonly measures: readonly MeasureDoc[];
  readonly respondents: readonly { readonly name: string; readonly kind: 'natural' | 'legal' }[];
  readonly ctx: { readonly repo: Repository; readonly user: string; readonly roles: readonly string[] };
  readonly today: string;
}

type MeasureValues = Pick<
  MeasureDoc,
  'kind' | 'target' | 'targetKind' | 'decidedOn' | 'reason' | 'amount' | 'days'
>;

/** 执行措施: notices, orders and the coercive measures that a leader approves. */
export function MeasuresPanel({ caseId, measures, respondents, ctx, today }: MeasuresPanelProps) {
  const { t } = useTranslation();
  const run = useWrite();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<MeasureKind>('executionNotice');
  const [form] = Form.useForm<MeasureValues>();
  const officer = ctx.roles.includes('enforcement');
  const first = respondents[0];
  return (
    <Card
      title={t('enforcement.measures.title')}
      style={{ marginBottom: 16 }}
      extra={
        officer && (
          <Button onClick={() => setOpen(true)} data-testid="measure-add">
            {t('enforcement.measures.add')}
          </Button>
        )
      }
    >
      <Table<MeasureDoc>
        rowKey="_id"
        size="small"
        pagination={false}
        dataSource={[...measures].sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : 1))}
        data-testid="measure-table"
        columns={[
          {
            title: t('enforcement.measures.kind'),
            key: 'k',
            render: (_, m) => t(`enforcement.measure.${m.kind}`),
          },
          { title: t('enforcement.measures.target'), dataIndex: 'target' },
          { title: t('enforcement.measures.decidedOn'), dataIndex: 'decidedOn' },
          { title: t('enforcement.measures.reason'), dataIndex: 'reason' },
          {
            title: t('enforcement.measures.state'),
            key: 's',
            render: (_, m) => {
              const s = measureState(m);
              return <Tag color={STATE_COLOR[s]}>{t(`enforcement.common.state.${s}`)}</Tag>;
            },
          },
          {
            key: 'a',
            render: (_, m) =>
              measureState(m) === 'pending' && (
                <ApprovalButtons
                  record={m}
                  user={ctx.user}
                  roles={ctx.roles}
                  testId="measure-approve"
                  onDecide={(d) => void run(() => decide(ctx.repo, m._id, ctx.user, d))}
                />
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('enforcement.measures.add')}
        onCancel={() => setOpen(false)}
        okText={t('enforcement.common.save')}
        destroyOnHidden
        onOk={() =>
          void form.validateFields().then(async (v) => {
            if (await run(() => createMeasure(ctx.repo, { ...v, caseId }))) setOpen(false);
          })
        }
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            kind: 'executionNotice',
            target: first?.name,
            targetKind: first?.kind ?? 'natural',
            decidedOn: today,
          }}
          onValuesChange={(c: Partial<MeasureValues>) => c.kind && setKind(c.kind)}
        >
          <Form.Item name="kind" label={t('enforcement.measures.kind')} rules={[{ required: true }]}>
            <Select
              options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`enforcement.measure.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="target" label={t('enforcement.measures.target')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="targetKind"
            label={t('enforcement.measures.targetKind')}
            rules={[{ required: true }]}
          >
            <Select
              options={(['natural', 'legal'] as const).map((k) => ({
                value: k,
                label: t(`enforcement.measures.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="decidedOn"
            label={t('enforcement.measures.decidedOn')}
            rules={[{ required: true }]}
          >
            <Input type="date" />
          </Form.Item>
          {kind === 'fine' && (
            <Form.Item name="amount" label={t('enforcement.measures.amount')} rules={[{ required: true }]}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {kind === 'detention' && (
            <Form.Item name="days" label={t('enforcement.measures.days')} rules={[{ required: true }]}>
              <InputNumber min={1} max={15} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="reason" label={t('enforcement.measures.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
