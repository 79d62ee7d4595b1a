import { useMemo } from 'react';
import { Alert, Badge, Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningLevel } from '../../../../../core/domain/deadlines';
import { PageHeader } from '../../../app/layout/PageHeader';
import { hrefWith } from '../../../app/router';
import { StaffName } from '../../staff/StaffName';
import type { CaseCatalog, CaseQuery, CaseSummary, CatalogProgress } from '../model/catalogTypes';
import { CASE_COLUMNS_WIDTH, caseColumns, WARNING_COLOR } from './caseColumns';
import { CatalogBuilding } from './CaseListView';

/** Rows shown per group (the counts are exact; the rest is one filter away in the case list). */
const SHOWN = 50;
const LEVELS: readonly Exclude<WarningLevel, 'none'>[] = ['overdue', 'd7', 'd15', 'd30'];

/** Props of {@link DeadlineWarningsView}. */
export interface DeadlineWarningsViewProps {
  readonly catalog: CaseCatalog | null;
  readonly progress: CatalogProgress | null;
  readonly version: number;
  /** Limit to this staff member's cases (judges); undefined for leaders (every case). */
  readonly staff?: string;
  readonly engineRunning: boolean;
}

function CaseRows({
  rows,
  t,
  lang,
}: {
  rows: readonly CaseSummary[];
  t: ReturnType<typeof useTranslation>['t'];
  lang: string;
}) {
  const columns = useMemo(() => {
    const cols = caseColumns(t, lang, null);
    const first = cols[0];
    if (first)
      cols[0] = {
        ...first,
        render: (_: unknown, r: CaseSummary) => (
          <a href={hrefWith('cases-deadlines', { case: r.id })}>{r.displayNumber}</a>
        ),
      };
    return cols;
  }, [t, lang]);
  return (
    <Table<CaseSummary>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows as CaseSummary[]}
      pagination={false}
      scroll={{ x: CASE_COLUMNS_WIDTH }}
    />
  );
}

/**
 * Time-limit supervision (docs/product-rules.md §4.5): open cases grouped
 * by warning level with exact counts, and the extension requests awaiting a leader's approval.
 */
export function DeadlineWarningsView({
  catalog,
  progress,
  version,
  staff,
  engineRunning,
}: DeadlineWarningsViewProps) {
  const { t, i18n } = useTranslation();
  const groups = useMemo(() => {
    if (!catalog) return null;
    const base: Omit<CaseQuery, 'warnings'> = {
      ...(staff !== undefined ? { staff } : {}),
      sort: { field: 'deadline', dir: 'asc' },
      offset: 0,
      limit: SHOWN,
    };
    return {
      levels: LEVELS.map((level) => ({ level, ...catalog.query({ ...base, warnings: [level] }) })),
      pending: catalog.query({ ...base, pendingExtension: true }),
    };
  }, [catalog, staff, version]); // eslint-disable-line react-hooks/exhaustive-deps

  let body;
  if (!engineRunning) body = <Alert type="info" showIcon title={t('caseList.noEngine')} />;
  else if (!groups) body = <CatalogBuilding progress={progress} />;
  else
    body = (
      <>
        <Typography.Paragraph type="secondary">
          {t(staff !== undefined ? 'caseList.deadlines.introMine' : 'caseList.deadlines.intro')}
        </Typography.Paragraph>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {groups.levels.map((g) => (
            <Col key={g.level} xs={12} md={6}>
              <Card size="small" data-testid={`deadline-count-${g.level}`} data-count={g.total}>
                <Badge color={WARNING_COLOR[g.level]} text={t(`caseList.warning.${g.level}`)} />
                <Typography.Title level={3} style={{ margin: '4px 0 0' }}>
                  {g.total}
                </Typography.Title>
              </Card>
            </Col>
          ))}
        </Row>
        {groups.levels.map((g) => (
          <Card
            key={g.level}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid={`deadline-group-${g.level}`}
            data-count={g.total}
            title={
              <Badge
                color={WARNING_COLOR[g.level]}
                text={t('caseList.deadlines.group', {
                  label: t(`caseList.warning.${g.level}`),
                  count: g.total,
                })}
              />
            }
            extra={
              g.total > g.rows.length && (
                <Typography.Text type="secondary">
                  {t('caseList.deadlines.showing', { shown: g.rows.length, count: g.total })}
                </Typography.Text>
              )
            }
          >
            {g.total === 0 ? (
              <Typography.Text type="secondary">{t('caseList.deadlines.emptyGroup')}</Typography.Text>
            ) : (
              <CaseRows rows={g.rows} t={t} lang={i18n.language} />
            )}
          </Card>
        ))}
        <Card
          size="small"
          title={t('caseList.deadlines.pending')}
          data-testid="deadline-pending"
          data-count={groups.pending.total}
        >
          {groups.pending.total === 0 ? (
            <Empty description={t('caseList.deadlines.pendingEmpty')} />
          ) : (
            <ul className="cd-pending-extensions" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {groups.pending.rows.map((r) => (
                <li
                  key={r.id}
                  data-testid="pending-extension-row"
                  data-case-id={r.id}
                  style={{ padding: '4px 0' }}
                >
                  <a href={hrefWith('cases-deadlines', { case: r.id })}>{r.displayNumber}</a>{' '}
                  <Typography.Text>{r.cause}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {r.judge ? <StaffName name={r.judge} /> : t('caseList.filter.unassigned')}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {r.deadline
                      ? t('caseList.deadline.dueOn', { date: r.deadline })
                      : t('caseList.deadline.none')}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </>
    );

  return (
    <div className="cd-screen" data-testid="screen-cases-deadlines">
      <PageHeader moduleKey="cases-deadlines" />
      <Card variant="borderless">{body}</Card>
    </div>
  );
}
