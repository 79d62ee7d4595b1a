import { useMemo } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { computeDeadline } from '../../../../../core/domain/deadlines';
import { formatFen, toFen } from '../../../../../core/enforcement/ledger';
import { hrefFor, hrefWith } from '../../../app/router';
import { useCaseCatalog } from '../../cases/model/useCaseCatalog';
import { todayInBeijing, useCaseBundle } from '../../cases/work/caseWorkHooks';
import { useCaseRecords, useEnforcementRepo } from '../model/enforcementRecords';
import { AssetPanel } from './AssetPanel';
import { ClosingPanel } from './ClosingPanel';
import { MeasuresPanel } from './MeasuresPanel';
import { PaymentsPanel } from './PaymentsPanel';

/** A party of the case document. */
interface CaseParty {
  readonly role: string;
  readonly name: string;
  readonly kind: 'natural' | 'legal';
  readonly idNumber?: string;
}

const LEVEL_COLOR = { d30: 'gold', d15: 'orange', d7: 'red', overdue: 'magenta', none: 'green' } as const;

/**
 * One enforcement case: its number, the judgment enforced (with a link to the source case), the
 * applicant and respondent, the amount, the six-month limit, and the panels where the officer
 * records asset control, measures, payments and the closing.
 */
export default function EnforcementCasePage({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const bundle = useCaseBundle(caseId);
  const records = useCaseRecords(caseId);
  const ctx = useEnforcementRepo();
  const { catalog } = useCaseCatalog();
  const today = todayInBeijing();
  const caseDoc = bundle?.caseDoc ?? null;
  const filingDate = typeof caseDoc?.['filingDate'] === 'string' ? caseDoc['filingDate'] : null;
  const deadline = useMemo(
    () =>
      filingDate ? computeDeadline({ procedure: 'enforcement', filedOn: filingDate, asOf: today }) : null,
    [filingDate, today],
  );
  const back = (
    <Button href={hrefFor('enforcement-cases')} icon={<ArrowLeftOutlined />} data-testid="enforcement-back">
      {t('enforcement.common.back')}
    </Button>
  );
  if (!bundle || !records || !ctx) return <Spin description={t('enforcement.common.loading')} />;
  if (!caseDoc)
    return (
      <div className="cd-screen">
        {back}
        <Alert type="warning" title={t('enforcement.page.notFound')} />
      </div>
    );
  const parties = (caseDoc['parties'] as CaseParty[] | undefined) ?? [];
  const names = (role: string) =>
    parties
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join(t('enforcement.common.separator'));
  const respondents = parties.filter((p) => p.role === 'debtor');
  const number =
    (bundle.caseNumberDoc?.['caseNumber'] as string | undefined) ??
    String(caseDoc['provisionalNumber'] ?? caseId);
  const amount = typeof caseDoc['claimAmount'] === 'number' ? caseDoc['claimAmount'] : 0;
  const sourceCaseId = caseDoc['sourceCaseId'] as string | undefined;
  const status = deadline?.ok ? deadline.value : null;
  return (
    <div className="cd-screen" data-testid="enforcement-case-page" data-case-id={caseId}>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        {back}
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="enforcement-case-number">
          {number}
        </Typography.Title>
        {status?.dueDate && (
          <Tag color={LEVEL_COLOR[status.level]} data-testid="enforcement-limit">
            {t('enforcement.page.limit', { date: status.dueDate })}
          </Tag>
        )}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('enforcement.list.applicant')}>{names('creditor')}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.list.respondent')}>{names('debtor')}</Descriptions.Item>
          <Descriptions.Item label={t('enforcement.page.amount')}>
            {t('enforcement.common.yuan', { amount: formatFen(toFen(amount)) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.page.source')}>
            {String(caseDoc['sourceDocument'] ?? '—')}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.page.sourceCase')}>
            {sourceCaseId ? (
              <a href={hrefWith('cases-list', { case: sourceCaseId })}>
                {catalog?.get(sourceCaseId)?.displayNumber ?? sourceCaseId}
              </a>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('enforcement.list.filingDate')}>{filingDate ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <AssetPanel
        caseId={caseId}
        inquiries={records.inquiries}
        repo={ctx.repo}
        user={ctx.user}
        canWrite={ctx.roles.includes('enforcement')}
        today={today}
      />
      <MeasuresPanel
        caseId={caseId}
        measures={records.measures}
        respondents={respondents}
        ctx={ctx}
        today={today}
      />
      <PaymentsPanel caseId={caseId} payments={records.payments} amount={amount} ctx={ctx} today={today} />
      <ClosingPanel
        caseId={caseId}
        filingDate={filingDate ?? today}
        records={records}
        respondentIds={respondents.flatMap((p) => (p.idNumber ? [p.idNumber] : []))}
        ctx={ctx}
        today={today}
      />
    </div>
  );
}
