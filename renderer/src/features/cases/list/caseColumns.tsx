import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { CaseStatus } from '../../../../../core/domain/caseState';
import { caseTypeByCode } from '../../../../../core/domain/courtReference';
import type { WarningLevel } from '../../../../../core/domain/deadlines';
import { StaffName } from '../../staff/StaffName';
import type { CaseSortField, CaseSummary } from '../model/catalogTypes';

/** Tag colours of the statuses (antd preset colours). */
const STATUS_COLOR: Readonly<Record<CaseStatus, string>> = {
  pendingNumber: 'default',
  filed: 'cyan',
  assigned: 'blue',
  inHearing: 'geekblue',
  suspended: 'orange',
  closed: 'green',
  appealed: 'purple',
};

/** Colours of the warning levels. */
export const WARNING_COLOR: Readonly<Record<WarningLevel, string>> = {
  overdue: 'red',
  d7: 'volcano',
  d15: 'orange',
  d30: 'gold',
  none: 'default',
};

/** The name of a case type code in the UI language (reference data of core). */
export function caseTypeLabel(code: string, language: string): string {
  const type = caseTypeByCode(code);
  if (!type) return code;
  return language === 'en' ? type.nameEn : type.name;
}

/** The status as a coloured tag. */
export function StatusTag({ status, t }: { readonly status: CaseStatus; readonly t: TFunction }) {
  return <Tag color={STATUS_COLOR[status]}>{t(`caseList.status.${status}`)}</Tag>;
}

/** Days left (or overdue) in the warning colour, with the due date. */
export function DeadlineCell({ row, t }: { readonly row: CaseSummary; readonly t: TFunction }) {
  if (row.status === 'suspended' && row.remainingDays === null)
    return <Typography.Text type="secondary">{t('caseList.deadline.stopped')}</Typography.Text>;
  if (!row.deadline) return <Typography.Text type="secondary">{t('caseList.deadline.none')}</Typography.Text>;
  const due = t('caseList.deadline.dueOn', { date: row.deadline });
  if (row.remainingDays === null) return <Typography.Text type="secondary">{due}</Typography.Text>;
  const text =
    row.remainingDays < 0
      ? t('caseList.deadline.overdue', { days: -row.remainingDays })
      : t('caseList.deadline.left', { days: row.remainingDays });
  return (
    <span data-testid="case-deadline" data-warning={row.warning}>
      <Tag color={WARNING_COLOR[row.warning]}>{text}</Tag>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {due}
        </Typography.Text>
      </div>
    </span>
  );
}

/** Sum of the column widths (the table's horizontal scroll width). */
export const CASE_COLUMNS_WIDTH = 1025;

/** The case list's columns; sortable ones carry their catalog sort field as `key`. */
export function caseColumns(
  t: TFunction,
  language: string,
  sort: { readonly field: CaseSortField; readonly dir: 'asc' | 'desc' } | null,
): ColumnsType<CaseSummary> {
  const order = (field: CaseSortField) =>
    sort && sort.field === field ? (sort.dir === 'asc' ? 'ascend' : 'descend') : null;
  const sortable = sort !== null;
  return [
    {
      key: 'displayNumber',
      title: t('caseList.column.number'),
      width: 210,
      ...(sortable ? { sorter: true, sortOrder: order('displayNumber') } : {}),
      render: (_: unknown, r) => (
        <span>
          {r.displayNumber}
          {!r.officialNumber && (
            <Tag style={{ marginLeft: 6 }} bordered={false}>
              {t('caseList.provisional')}
            </Tag>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {caseTypeLabel(r.caseType, language)}
            </Typography.Text>
          </div>
        </span>
      ),
    },
    { key: 'cause', title: t('caseList.column.cause'), dataIndex: 'cause', width: 150, ellipsis: true },
    {
      key: 'parties',
      title: t('caseList.column.parties'),
      width: 190,
      ellipsis: true,
      render: (_: unknown, r) => r.parties.map((p) => p.name).join(t('caseList.partySeparator')),
    },
    {
      key: 'judge',
      title: t('caseList.column.judge'),
      width: 110,
      render: (_: unknown, r) =>
        r.judge ? (
          <StaffName name={r.judge} />
        ) : (
          <Typography.Text type="secondary">{t('caseList.filter.unassigned')}</Typography.Text>
        ),
    },
    {
      key: 'filingDate',
      title: t('caseList.column.filingDate'),
      dataIndex: 'filingDate',
      width: 105,
      ...(sortable ? { sorter: true, sortOrder: order('filingDate') } : {}),
    },
    {
      key: 'status',
      title: t('caseList.column.status'),
      width: 90,
      ...(sortable ? { sorter: true, sortOrder: order('status') } : {}),
      render: (_: unknown, r) => <StatusTag status={r.status} t={t} />,
    },
    {
      key: 'deadline',
      title: t('caseList.column.deadline'),
      width: 170,
      ...(sortable ? { sorter: true, sortOrder: order('deadline') } : {}),
      render: (_: unknown, r) => <DeadlineCell row={r} t={t} />,
    },
  ];
}
