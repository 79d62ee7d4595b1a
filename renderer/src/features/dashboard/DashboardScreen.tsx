import { Alert, Button, DatePicker, Progress, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { PageHeader } from '../../app/layout/PageHeader';
import { useTranslation } from 'react-i18next';
import { isPlainDate, type PlainDate } from '../../../../core/domain/plainDate';
import { beijingDate } from '../../../../core/domain/processEvents';
import { useDesktopApi } from '../../app/desktopApiContext';
import { navigate, useHashQuery } from '../../app/router';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { useSyncEngine } from '../../db/hooks';
import { useCaseCatalog } from '../cases/model/useCaseCatalog';
import { DailyView } from './DailyView';
import type { Drill } from './drill';
import { DrillDrawer } from './DrillDrawer';
import { MonthlyView } from './MonthlyView';
import { printDashboard } from './printView';
import { QuarterlyView } from './QuarterlyView';

type View = 'daily' | 'monthly' | 'quarterly';
const VIEWS: readonly View[] = ['daily', 'monthly', 'quarterly'];

/**
 * 审判质效 (SPEC §4.2): daily monitor, monthly bulletin and quarterly analysis, computed from the
 * case facts the local case catalog keeps (core/quality), so it works offline. The view and the
 * day are in the hash (`?view=monthly&day=2026-11-01`); a figure opens the cases behind it.
 */
export default function DashboardScreen({ moduleKey }: FeatureScreenProps) {
  const { t } = useTranslation();
  const api = useDesktopApi();
  const engine = useSyncEngine();
  const query = useHashQuery();
  const { catalog, progress, version } = useCaseCatalog();
  const [drill, setDrill] = useState<Drill | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const today = beijingDate(new Date().toISOString());
  const rawView = query.get('view');
  const view: View = VIEWS.includes(rawView as View) ? (rawView as View) : 'daily';
  const rawDay = query.get('day');
  const day: PlainDate = rawDay && isPlainDate(rawDay) ? rawDay : today;
  // The catalog's version changes with every re-fold; facts() is cached per version.
  const facts = useMemo(() => catalog?.facts() ?? [], [catalog, version]); // eslint-disable-line react-hooks/exhaustive-deps

  const go = (params: { view?: View; day?: PlainDate }) =>
    navigate(moduleKey, {
      view: params.view ?? view,
      ...((params.day ?? rawDay) ? { day: params.day ?? day } : {}),
    });

  const screen = (content: ReactNode) => (
    <div className="cd-screen" data-testid={`screen-${moduleKey}`}>
      <PageHeader moduleKey={moduleKey} />
      {content}
    </div>
  );
  if (!engine) return screen(<Alert type="info" title={t('dashboard.noEngine')} />);
  if (!catalog)
    return screen(
      <div data-testid="dashboard-building">
        <Typography.Paragraph>
          {t('dashboard.building', { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
        </Typography.Paragraph>
        <Progress
          percent={progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
        />
      </div>,
    );

  const open = (d: Drill) => setDrill(d);
  const picker =
    view === 'quarterly' ? null : (
      <DatePicker
        allowClear={false}
        picker={view === 'monthly' ? 'month' : 'date'}
        value={dayjs(day)}
        onChange={(d) => d && go({ day: d.format('YYYY-MM-DD') })}
        data-testid="dashboard-day"
      />
    );
  return screen(
    <div data-testid="dashboard">
      <Tabs
        activeKey={view}
        onChange={(k) => go({ view: k as View })}
        items={VIEWS.map((v) => ({ key: v, label: t(`dashboard.tabs.${v}`) }))}
        tabBarExtraContent={
          <Space className="cd-noprint">
            {picker}
            <Button
              data-testid="dashboard-print"
              onClick={() =>
                body.current && void printDashboard(api, body.current, t(`dashboard.tabs.${view}`))
              }
            >
              {t('dashboard.print')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary" data-testid="dashboard-note">
        {t('dashboard.offlineNote', { day: today })}
      </Typography.Paragraph>
      <div ref={body}>
        {view === 'daily' && <DailyView facts={facts} day={day} open={open} />}
        {view === 'monthly' && <MonthlyView facts={facts} day={day} asOf={today} open={open} />}
        {view === 'quarterly' && <QuarterlyView facts={facts} day={day} asOf={today} open={open} />}
      </div>
      <DrillDrawer drill={drill} catalog={catalog} onClose={() => setDrill(null)} />
    </div>,
  );
}
