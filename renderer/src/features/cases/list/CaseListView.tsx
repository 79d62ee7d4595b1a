import { useDeferredValue, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Empty, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../../core/domain/caseState';
import type { WarningLevel } from '../../../../../core/domain/deadlines';
import { CASE_TYPE_CODES } from '../../../../../core/schemas/case';
import { PageHeader } from '../../../app/layout/PageHeader';
import { navigate } from '../../../app/router';
import type {
  CaseCatalog,
  CaseQuery,
  CaseSortField,
  CaseSummary,
  CatalogProgress,
} from '../model/catalogTypes';
import { STATUS_ORDER, WARNING_ORDER } from '../model/caseIndex';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { CASE_COLUMNS_WIDTH, caseColumns, caseTypeLabel, WARNING_COLOR } from './caseColumns';

/** Rows fetched at first and added each time the table is scrolled near its end. */
const PAGE = 100;

/** Props of {@link CaseListView}. */
export interface CaseListViewProps {
  readonly mode: 'all' | 'mine';
  readonly catalog: CaseCatalog | null;
  readonly progress: CatalogProgress | null;
  /** Catalog version (re-queries when it changes). */
  readonly version: number;
  /** Signed-in user name (for "my cases"); null when signed out. */
  readonly user: string | null;
  /** False when no sync engine runs (signed out or starting). */
  readonly engineRunning: boolean;
}

/** Build progress while the catalog is being built. */
export function CatalogBuilding({ progress }: { readonly progress: CatalogProgress | null }) {
  const { t } = useTranslation();
  const pct =
    progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <Card variant="borderless" data-testid="case-catalog-building">
      <Typography.Paragraph>{t('caseList.building')}</Typography.Paragraph>
      <Progress percent={pct} status="active" />
      {progress && progress.total > 0 && (
        <Typography.Text type="secondary">
          {t('caseList.buildingProgress', { done: progress.done, total: progress.total })}
        </Typography.Text>
      )}
    </Card>
  );
}

/**
 * The case list (docs/product-rules.md §4.6): a virtualised table over the catalog with type, status,
 * judge and
 * time-limit filters, sortable columns and a search box. "Mine" shows the signed-in user's cases
 * (as judge, assistant or clerk of the assignment) with counts by warning level.
 */
export function CaseListView({ mode, catalog, progress, version, user, engineRunning }: CaseListViewProps) {
  const { t, i18n } = useTranslation();
  const staffDirectory = useStaffDirectory();
  const moduleKey = mode === 'mine' ? 'cases-mine' : 'cases-list';
  const [types, setTypes] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<CaseStatus[]>([]);
  const [judges, setJudges] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<WarningLevel[]>([]);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [sort, setSort] = useState<{ field: CaseSortField; dir: 'asc' | 'desc' }>({
    field: 'filingDate',
    dir: 'desc',
  });
  const [limit, setLimit] = useState(PAGE);
  const staff = mode === 'mine' ? (user ?? '\u0000') : undefined;

  const query: CaseQuery = useMemo(
    () => ({
      types,
      statuses,
      judges,
      warnings,
      ...(staff !== undefined ? { staff } : {}),
      search: deferredSearch,
      sort,
      offset: 0,
      limit,
    }),
    [types, statuses, judges, warnings, staff, deferredSearch, sort, limit],
  );
  // `version` re-runs the query when the catalog changes.
  const result = useMemo(() => (catalog ? catalog.query(query) : null), [catalog, query, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const all = useMemo(
    () =>
      catalog
        ? catalog.query({ ...(staff !== undefined ? { staff } : {}), sort, offset: 0, limit: 0 }).total
        : 0,
    [catalog, staff, sort, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const judgeOptions = useMemo(() => (catalog ? catalog.judges() : []), [catalog, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = useMemo(
    () => (catalog && mode === 'mine' && user ? catalog.warningCounts(user) : null),
    [catalog, mode, user, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const columns = useMemo(() => caseColumns(t, i18n.language, sort), [t, i18n.language, sort]);
  const filtered =
    types.length + statuses.length + judges.length + warnings.length > 0 || search.trim() !== '';

  const resetPaging =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setLimit(PAGE);
    };

  let body;
  if (!engineRunning) body = <Alert type="info" showIcon title={t('caseList.noEngine')} />;
  else if (mode === 'mine' && !user)
    body = <Alert type="info" showIcon title={t('caseList.mine.notSignedIn')} />;
  else if (!catalog || !result) body = <CatalogBuilding progress={progress} />;
  else {
    const emptyText =
      all === 0
        ? t(mode === 'mine' ? 'caseList.empty.mine' : 'caseList.empty.none')
        : t('caseList.empty.noMatch');
    body = (
      <>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            data-testid="case-search"
            style={{ width: 420 }}
            placeholder={t('caseList.searchPlaceholder')}
            value={search}
            onChange={(e) => resetPaging(setSearch)(e.target.value)}
          />
          <Select
            mode="multiple"
            allowClear
            data-testid="case-filter-type"
            style={{ minWidth: 160 }}
            placeholder={t('caseList.filter.types')}
            value={types}
            onChange={resetPaging(setTypes)}
            options={CASE_TYPE_CODES.map((c) => ({ value: c, label: caseTypeLabel(c, i18n.language) }))}
          />
          <Select
            mode="multiple"
            allowClear
            data-testid="case-filter-status"
            style={{ minWidth: 140 }}
            placeholder={t('caseList.filter.statuses')}
            value={statuses}
            onChange={resetPaging(setStatuses)}
            options={STATUS_ORDER.map((s) => ({ value: s, label: t(`caseList.status.${s}`) }))}
          />
          {mode === 'all' && (
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: ['label', 'value'] }}
              data-testid="case-filter-judge"
              style={{ minWidth: 160 }}
              placeholder={t('caseList.filter.judges')}
              value={judges}
              onChange={resetPaging(setJudges)}
              options={[
                { value: '', label: t('caseList.filter.unassigned') },
                // Shown by display name, filtered by the user name the documents store.
                ...judgeOptions.map((j) => ({ value: j, label: staffDirectory.displayName(j) })),
              ]}
            />
          )}
          <Select
            mode="multiple"
            allowClear
            data-testid="case-filter-warning"
            style={{ minWidth: 160 }}
            placeholder={t('caseList.filter.warnings')}
            value={warnings}
            onChange={resetPaging(setWarnings)}
            options={WARNING_ORDER.map((w) => ({ value: w, label: t(`caseList.warning.${w}`) }))}
          />
          {filtered && (
            <Button
              onClick={() => {
                setTypes([]);
                setStatuses([]);
                setJudges([]);
                setWarnings([]);
                setSearch('');
                setLimit(PAGE);
              }}
            >
              {t('caseList.filter.clear')}
            </Button>
          )}
        </Space>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text data-testid="case-count" data-count={result.total}>
            {filtered
              ? t('caseList.countFiltered', { count: result.total, all })
              : t('caseList.count', { count: result.total })}
          </Typography.Text>
        </div>
        <div data-testid="case-list">
          <Table<CaseSummary>
            virtual
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={result.rows as CaseSummary[]}
            pagination={false}
            scroll={{ x: CASE_COLUMNS_WIDTH, y: 560 }}
            locale={{ emptyText: <Empty description={emptyText} /> }}
            onChange={(_p, _f, sorter) => {
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CaseSummary> | undefined;
              const field = s?.columnKey as CaseSortField | undefined;
              setLimit(PAGE);
              if (!s || !field || !s.order) setSort({ field: 'filingDate', dir: 'desc' });
              else setSort({ field, dir: s.order === 'ascend' ? 'asc' : 'desc' });
            }}
            onScroll={(e) => {
              const el = e.currentTarget;
              if (el.scrollTop + el.clientHeight > el.scrollHeight - 600 && result.rows.length < result.total)
                setLimit((l) => Math.max(l, result.rows.length + PAGE * 2));
            }}
            onRow={(r) =>
              ({
                'data-testid': 'case-row',
                'data-case-id': r.id,
                'data-number': r.displayNumber,
                style: { cursor: 'pointer' },
                onClick: () => navigate(moduleKey, { case: r.id }),
              }) as HTMLAttributes<HTMLElement>
            }
          />
        </div>
      </>
    );
  }

  return (
    <div className="cd-screen" data-testid={`screen-${moduleKey}`}>
      <PageHeader
        moduleKey={moduleKey}
        extra={
          counts && (
            <Space data-testid="case-warning-counts" wrap>
              <Typography.Text type="secondary">{t('caseList.mine.counts')}</Typography.Text>
              {(['overdue', 'd7', 'd15', 'd30'] as const).map((w) => (
                <Tag
                  key={w}
                  color={WARNING_COLOR[w]}
                  data-testid={`case-warning-count-${w}`}
                  style={{ cursor: 'pointer' }}
                  onClick={() => resetPaging(setWarnings)([w])}
                >
                  {t('caseList.deadlines.group', { label: t(`caseList.warning.${w}`), count: counts[w] })}
                </Tag>
              ))}
            </Space>
          )
        }
      />
      <Card variant="borderless">{body}</Card>
    </div>
  );
}
