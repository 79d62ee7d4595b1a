import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, List, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { lapseWarnings } from '../../../../../core/enforcement/assetControl';
import { actualClosureRate, ENFORCEMENT_CASE_TYPES } from '../../../../../core/enforcement/closing';
import { hrefWith, navigate } from '../../../app/router';
import { useCaseCatalog } from '../../cases/model/useCaseCatalog';
import type { CaseSummary } from '../../cases/model/catalogTypes';
import { todayInBeijing, useSession } from '../../cases/work/caseWorkHooks';
import { useAllClosings, useAllInquiries } from '../model/enforcementRecords';
import { FileEnforcementModal } from './FileEnforcementModal';

const LEVEL_COLOR = { d30: 'gold', d15: 'orange', d7: 'red', overdue: 'magenta', none: 'default' } as const;

function partyNames(c: CaseSummary, role: string, separator: string): string {
  return c.parties
    .filter((p) => p.role === role)
    .map((p) => p.name)
    .join(separator);
}

/** The enforcement cases on this computer, the freeze-lapse warnings of all of them, and the closure rate. */
export default function EnforcementCaseList() {
  const { t } = useTranslation();
  const { catalog, version } = useCaseCatalog();
  const inquiries = useAllInquiries();
  const closings = useAllClosings();
  const today = todayInBeijing();
  const session = useSession();
  const [filing, setFiling] = useState(false);
  const cases = useMemo(
    () =>
      catalog?.query({
        types: ENFORCEMENT_CASE_TYPES,
        sort: { field: 'filingDate', dir: 'desc' },
        offset: 0,
        limit: 500,
      }).rows ?? [],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version says the catalog changed
    [catalog, version],
  );
  const numberOf = (id: string) => catalog?.get(id)?.displayNumber ?? id;
  const warnings = useMemo(() => lapseWarnings(inquiries ?? [], today), [inquiries, today]);
  const closedBy = new Map(
    (closings ?? []).filter((c) => c.approval?.decision === 'approved').map((c) => [c.caseId, c]),
  );
  const rate = actualClosureRate([...closedBy.values()], `${today.slice(0, 4)}-01-01`, today);
  return (
    <div className="cd-screen" data-testid="screen-enforcement-cases">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3}>{t('enforcement.list.title')}</Typography.Title>
        {session?.uiRoles.includes('clerk') && (
          <Button type="primary" onClick={() => setFiling(true)} data-testid="enforcement-filing-open">
            {t('enforcement.filing.add')}
          </Button>
        )}
      </Flex>
      <FileEnforcementModal
        open={filing}
        catalog={catalog}
        version={version}
        today={today}
        onClose={(caseId) => {
          setFiling(false);
          if (caseId) navigate('enforcement-cases', { case: caseId });
        }}
      />
      <Flex gap={16} wrap align="stretch" style={{ marginBottom: 16 }}>
        <Card
          title={t('enforcement.list.lapseTitle')}
          style={{ flex: 2, minWidth: 360 }}
          data-testid="lapse-warnings"
        >
          {warnings.length === 0 ? (
            <Typography.Text type="secondary">{t('enforcement.list.lapseNone')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={warnings}
              renderItem={(w) => (
                <List.Item data-testid="lapse-warning">
                  <Tag color={LEVEL_COLOR[w.level]}>{t(`enforcement.warning.${w.level}`)}</Tag>
                  <a href={hrefWith('enforcement-cases', { case: w.caseId })}>
                    {t('enforcement.list.lapseRow', {
                      number: numberOf(w.caseId),
                      asset: t(`enforcement.assetKind.${w.assetKind}`),
                      institution: w.institution,
                      kind: t(`enforcement.control.${w.kind}`),
                      date: w.expiresOn,
                    })}
                  </a>
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card style={{ flex: 1, minWidth: 240 }} data-testid="closure-rate">
          <Statistic
            title={t('enforcement.list.rate')}
            value={rate.rate === null ? t('enforcement.list.rateNone') : `${(rate.rate * 100).toFixed(1)}%`}
          />
          {rate.rate !== null && (
            <Typography.Text type="secondary">
              {t('enforcement.list.rateValue', {
                rate: `${(rate.rate * 100).toFixed(1)}%`,
                actual: rate.actual,
                closed: rate.closed,
              })}
            </Typography.Text>
          )}
        </Card>
      </Flex>
      {!catalog && <Alert type="info" title={t('enforcement.common.loading')} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        dataSource={cases}
        locale={{ emptyText: t('enforcement.list.empty') }}
        pagination={{ pageSize: 20 }}
        data-testid="enforcement-case-table"
        columns={[
          {
            title: t('enforcement.list.number'),
            key: 'number',
            render: (_, c) => <a href={hrefWith('enforcement-cases', { case: c.id })}>{c.displayNumber}</a>,
          },
          {
            title: t('enforcement.list.applicant'),
            key: 'applicant',
            render: (_, c) => partyNames(c, 'creditor', t('enforcement.common.separator')),
          },
          {
            title: t('enforcement.list.respondent'),
            key: 'respondent',
            render: (_, c) => partyNames(c, 'debtor', t('enforcement.common.separator')),
          },
          { title: t('enforcement.list.filingDate'), dataIndex: 'filingDate' },
          {
            title: t('enforcement.list.deadline'),
            key: 'deadline',
            render: (_, c) =>
              c.remainingDays === null ? (
                '—'
              ) : (
                <Tag color={LEVEL_COLOR[c.warning]}>
                  {c.remainingDays < 0
                    ? t('enforcement.list.overdue', { days: -c.remainingDays })
                    : t('enforcement.list.daysLeft', { days: c.remainingDays })}
                </Tag>
              ),
          },
          {
            title: t('enforcement.list.status'),
            key: 'status',
            render: (_, c) => {
              const closing = closedBy.get(c.id);
              return closing ? t(`enforcement.closingMode.${closing.mode}`) : t('enforcement.list.open');
            },
          },
        ]}
      />
    </div>
  );
}
