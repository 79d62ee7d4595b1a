import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { approvalState } from '../../../../../core/enforcement/approvals';
import {
  CLOSING_MODES,
  TERMINATION_CONFIRMATIONS,
  terminationConditions,
  type ClosingMode,
  type TerminationConfirmation,
} from '../../../../../core/enforcement/closing';
import { listingState } from '../../../../../core/enforcement/dishonest';
import type { Repository } from '../../../db';
import { closeCase, decide } from '../model/enforcementCommands';
import { useDishonestEntries, type CaseRecords } from '../model/enforcementRecords';
import { useWrite } from '../model/useWrite';
import { ApprovalButtons } from './ApprovalButtons';

/** Props of {@link ClosingPanel}. */
export interface ClosingPanelProps {
  readonly caseId: string;
  readonly filingDate: string;
  readonly records: CaseRecords;
  /** Identity numbers of the respondents (to see whether they are on the dishonest list). */
  readonly respondentIds: readonly string[];
  readonly ctx: { readonly repo: Repository; readonly user: string; readonly roles: readonly string[] };
  readonly today: string;
}

interface ClosingValues {
  readonly mode: ClosingMode;
  readonly closedOn: string;
  readonly reason: string;
  readonly confirmations?: TerminationConfirmation[];
}

/** 结案: the closing mode, the 终本 conditions checked against the records, the leader's approval. */
export function ClosingPanel({ caseId, filingDate, records, respondentIds, ctx, today }: ClosingPanelProps) {
  const { t } = useTranslation();
  const run = useWrite();
  const entries = useDishonestEntries();
  const [form] = Form.useForm<ClosingValues>();
  const [mode, setMode] = useState<ClosingMode>('performed');
  const [closedOn, setClosedOn] = useState(today);
  const [confirmations, setConfirmations] = useState<TerminationConfirmation[]>([]);
  const listed = (entries ?? []).some(
    (e) => respondentIds.includes(e.respondent.idNumber) && listingState(e, today) === 'listed',
  );
  const conditions = useMemo(
    () =>
      terminationConditions({
        filingDate,
        closingDate: closedOn,
        measures: records.measures,
        inquiries: records.inquiries,
        dishonestListedOrNotApplicable: listed,
        confirmations,
      }),
    [filingDate, closedOn, records, listed, confirmations],
  );
  const blocked = mode === 'terminatedThisRound' && conditions.some((c) => !c.met);
  const closing = records.closing;
  if (closing) {
    const state = approvalState(closing.approval);
    return (
      <Card title={t('enforcement.closing.title')} data-testid="closing-panel">
        <Flex gap={8} align="center">
          <Typography.Text strong>
            {t('enforcement.closing.closed', {
              mode: t(`enforcement.closingMode.${closing.mode}`),
              date: closing.closedOn,
            })}
          </Typography.Text>
          <Tag>{t(`enforcement.common.state.${state}`)}</Tag>
          {state === 'pending' && (
            <ApprovalButtons
              record={closing}
              user={ctx.user}
              roles={ctx.roles}
              testId="closing-approve"
              canReject={false}
              onDecide={(d) => void run(() => decide(ctx.repo, closing._id, ctx.user, d))}
            />
          )}
        </Flex>
        <Typography.Paragraph type="secondary">{closing.reason}</Typography.Paragraph>
      </Card>
    );
  }
  return (
    <Card title={t('enforcement.closing.title')} data-testid="closing-panel">
      <Form
        form={form}
        layout="inline"
        initialValues={{ mode: 'performed', closedOn: today }}
        onValuesChange={(c: Partial<ClosingValues>) => {
          if (c.mode) setMode(c.mode);
          if (c.closedOn) setClosedOn(c.closedOn);
          if (c.confirmations) setConfirmations(c.confirmations);
        }}
      >
        <Form.Item name="mode" label={t('enforcement.closing.mode')}>
          <Select
            style={{ width: 200 }}
            options={CLOSING_MODES.map((m) => ({ value: m, label: t(`enforcement.closingMode.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="closedOn" label={t('enforcement.closing.closedOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reason" label={t('enforcement.closing.reason')} rules={[{ required: true }]}>
          <Input style={{ width: 280 }} />
        </Form.Item>
        {mode === 'terminatedThisRound' && (
          <Form.Item name="confirmations" style={{ width: '100%', marginTop: 8 }}>
            <Checkbox.Group
              options={TERMINATION_CONFIRMATIONS.map((c) => ({
                value: c,
                label: t(`enforcement.closing.confirm.${c}`),
              }))}
            />
          </Form.Item>
        )}
      </Form>
      {mode === 'terminatedThisRound' && (
        <List
          size="small"
          header={t('enforcement.closing.conditions')}
          dataSource={conditions}
          data-testid="closing-conditions"
          renderItem={(c) => (
            <List.Item>
              <Tag color={c.met ? 'green' : 'red'}>
                {c.met ? t('enforcement.closing.met') : t('enforcement.closing.unmet')}
              </Tag>
              {c.article} {c.missing ?? ''}
            </List.Item>
          )}
        />
      )}
      {blocked && (
        <Alert type="warning" title={t('enforcement.closing.conditionsUnmet')} style={{ margin: '8px 0' }} />
      )}
      {ctx.roles.includes('enforcement') && (
        <Button
          type="primary"
          disabled={blocked}
          style={{ marginTop: 8 }}
          onClick={() =>
            void form
              .validateFields()
              .then((v) => run(() => closeCase(ctx.repo, { ...v, caseId, confirmations: v.confirmations })))
          }
        >
          {t('enforcement.closing.submit')}
        </Button>
      )}
    </Card>
  );
}
