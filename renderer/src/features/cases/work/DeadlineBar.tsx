import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../../../core/domain/caseState';
import type { WarningLevel } from '../../../../../core/domain/deadlines';

const COLOURS: Readonly<Record<WarningLevel, string>> = {
  none: '#1f4e8c',
  d30: '#d9a93a',
  d15: '#fa8c16',
  d7: '#cf1322',
  overdue: '#a8071a',
};

/**
 * The statutory time limit (审限) of a case: filing date → due date, days used and left, suspended
 * days deducted and approved extensions added, coloured by warning level (30/15/7 days, overdue).
 * `data-deadline` carries the due date for tests and tools.
 */
export function DeadlineBar({ state }: { readonly state: CaseState }) {
  const { t } = useTranslation();
  const d = state.deadline;
  if (!d) {
    return (
      <div data-testid="deadline-bar" data-deadline="" data-level="none">
        <Typography.Text type="secondary">
          {t('caseWork.casePage.deadlineNone', { reason: state.deadlineProblem ?? '' })}
        </Typography.Text>
      </div>
    );
  }
  const percent = d.allowedDays > 0 ? Math.min(100, Math.round((d.elapsedDays / d.allowedDays) * 100)) : 100;
  const extensions =
    state.extensions.length === 0
      ? t('caseWork.casePage.extensionsNone')
      : state.extensions
          .map((e) => t('caseWork.casePage.extensionItem', { months: e.months, days: e.days }))
          .join(t('caseWork.common.joiner'));
  const closed = state.status === 'closed' || state.status === 'appealed';
  return (
    <div
      data-testid="deadline-bar"
      data-deadline={d.dueDate ?? ''}
      data-level={d.level}
      data-remaining={d.remainingDays}
    >
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Text>{state.filedOn}</Typography.Text>
        <Flex gap={8} align="baseline">
          {d.clockStopped ? (
            <Tag color="default">{t('caseWork.casePage.deadlineStopped')}</Tag>
          ) : !closed ? (
            <Tag color={COLOURS[d.level]} data-testid="deadline-left">
              {d.remainingDays < 0
                ? t('caseWork.casePage.deadlineOverdue', { count: -d.remainingDays })
                : t('caseWork.casePage.deadlineLeft', { count: d.remainingDays })}
            </Tag>
          ) : null}
          <Typography.Text strong data-testid="deadline-due">
            {d.dueDate ? t('caseWork.casePage.deadlineDue', { date: d.dueDate }) : '—'}
          </Typography.Text>
        </Flex>
      </Flex>
      <Progress
        percent={percent}
        showInfo={false}
        strokeColor={COLOURS[d.level]}
        status={d.level === 'overdue' ? 'exception' : 'normal'}
      />
      <Typography.Text type="secondary">
        {t('caseWork.casePage.deadlineDetail', {
          elapsed: d.elapsedDays,
          allowed: d.allowedDays,
          suspended: d.suspendedDays,
          extensions,
        })}
      </Typography.Text>
    </div>
  );
}
