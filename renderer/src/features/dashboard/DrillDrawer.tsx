import { Drawer, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import type { CaseCatalog, CaseSummary } from '../cases/model/catalogTypes';
import { StaffName } from '../staff/StaffName';
import type { Drill } from './drill';

/** Props of {@link DrillDrawer}. */
export interface DrillDrawerProps {
  readonly drill: Drill | null;
  readonly catalog: CaseCatalog | null;
  readonly onClose: () => void;
}

/**
 * The cases behind a figure (drill-down), from the local catalog: number, cause, judge, division,
 * filing date and status; a row opens the case page.
 */
export function DrillDrawer({ drill, catalog, onClose }: DrillDrawerProps) {
  const { t } = useTranslation();
  const rows = useMemo(
    () =>
      (drill?.figure.ids ?? []).flatMap((id) => {
        const s = catalog?.get(id);
        return s ? [s] : [];
      }),
    [drill, catalog],
  );
  const baseCount = drill?.figure.baseIds.length ?? 0;
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size="large"
      title={
        drill
          ? t('dashboard.drill.title', {
              figure: `${drill.label} · ${t(`dashboard.indicators.${drill.name}`)}`,
              count: drill.figure.ids.length,
            })
          : ''
      }
      data-testid="dashboard-drill"
    >
      {baseCount > 0 && (
        <Typography.Paragraph type="secondary">
          {t('dashboard.drill.base', { count: baseCount })}
        </Typography.Paragraph>
      )}
      <Table<CaseSummary>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('dashboard.drill.empty') }}
        onRow={(r) => ({
          onClick: () => navigate('cases-list', { case: r.id }),
          style: { cursor: 'pointer' },
          'data-testid': 'drill-row',
        })}
        columns={[
          { title: t('dashboard.drill.number'), dataIndex: 'displayNumber' },
          { title: t('dashboard.drill.cause'), dataIndex: 'cause' },
          {
            title: t('dashboard.drill.judge'),
            dataIndex: 'judge',
            render: (j: string | null) => (j ? <StaffName name={j} /> : t('dashboard.unassigned')),
          },
          {
            title: t('dashboard.drill.division'),
            dataIndex: 'division',
            render: (d: string | null) =>
              d ? t(`caseWork.divisions.${d}`, { defaultValue: d }) : t('dashboard.unknownDivision'),
          },
          { title: t('dashboard.drill.filed'), dataIndex: 'filingDate' },
          {
            title: t('dashboard.drill.status'),
            dataIndex: 'status',
            render: (s: string) => t(`caseList.status.${s}`, { defaultValue: s }),
          },
        ]}
      />
    </Drawer>
  );
}
