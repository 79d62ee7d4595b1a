import { Button, Empty, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CaseState } from '../../../../../core/domain/caseState';
import { parseEventDoc } from '../../../../../core/domain/processEventDocs';
import { compareEvents, type ProcessEvent } from '../../../../../core/domain/processEvents';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import type { PriorAppeal } from './eventData';

function time(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** One line describing what an event recorded. */
function detail(
  t: TFunction,
  e: ProcessEvent,
  state: CaseState,
  staffName: (name: string) => string,
): string {
  const sep = t('caseWork.common.joiner');
  switch (e.kind) {
    case 'service':
      return [t(`caseWork.serviceMethods.${e.method}`), e.recipient, e.date].filter(Boolean).join(sep);
    case 'hearingScheduled':
      return [
        e.courtroom,
        `${time(e.startsAt)} – ${dayjs(e.endsAt).format('HH:mm')}`,
        e.judge ? staffName(e.judge) : '',
      ]
        .filter(Boolean)
        .join(sep);
    case 'hearingHeld':
      return e.date;
    case 'suspended':
      return [`${e.from}${e.to ? ` – ${e.to}` : ''}`, e.reason].filter(Boolean).join(sep);
    case 'resumed':
      return e.date;
    case 'extensionRequested': {
      const r = state.extensionRequests.find((x) => x.requestId === e.id);
      return [
        t(`caseWork.levels.${e.level}`),
        t('caseWork.casePage.extensionItem', { months: e.months, days: e.days }),
        e.reason,
        r && r.status !== 'pending' ? t(`caseWork.casePage.${r.status}`) : '',
      ]
        .filter(Boolean)
        .join(sep);
    }
    case 'mediation':
      return [t(`caseWork.outcomes.${e.outcome}`), e.date].join(sep);
    case 'closed':
      return [
        t(`caseWork.dispositions.${e.disposition}`),
        e.method ?? '',
        e.date,
        e.amountRecovered !== null
          ? t('caseWork.casePage.amountRecovered', {
              amount: e.amountRecovered.toLocaleString('zh-CN', {
                minimumFractionDigits: 2,
                maximumFractionDigits: 2,
              }),
            })
          : '',
      ]
        .filter(Boolean)
        .join(sep);
    case 'appeal': {
      const decided = e.outcome
        ? t('caseWork.casePage.appealDecided', {
            outcome: t(`caseWork.appealOutcomes.${e.outcome}`),
            date: e.decidedOn ?? '',
          })
        : '';
      if (e.appealOf !== null) {
        const of = state.appeals.find((a) => a.eventId === e.appealOf);
        return [
          t('caseWork.casePage.outcomeOf', {
            route: t(`caseWork.appealRoutes.${e.route}`),
            date: of?.date ?? e.date,
          }),
          decided,
        ]
          .filter(Boolean)
          .join(sep);
      }
      return [t(`caseWork.appealRoutes.${e.route}`), e.appellant ?? '', e.date, decided]
        .filter(Boolean)
        .join(sep);
    }
    case 'filed':
    case 'note':
      return '';
  }
}

/** An appeal (not an outcome record) whose outcome the fold has not got yet. */
function awaitingOutcome(e: ProcessEvent, state: CaseState): e is ProcessEvent & { kind: 'appeal' } {
  if (e.kind !== 'appeal' || e.appealOf !== null) return false;
  const a = state.appeals.find((x) => x.eventId === e.id);
  return a !== undefined && a.outcome === null;
}

const COLOURS: Partial<Record<ProcessEvent['kind'], string>> = {
  filed: 'blue',
  hearingScheduled: 'purple',
  suspended: 'orange',
  extensionRequested: 'gold',
  closed: 'green',
  appeal: 'red',
};

/** The process history of a case, oldest first, read with the same parser the fold uses. */
export function CaseTimeline({
  events,
  state,
  onRecordOutcome,
}: {
  readonly events: readonly unknown[];
  readonly state: CaseState;
  /** Offered on an appeal whose outcome is not recorded yet ("登记二审/再审结果"). */
  readonly onRecordOutcome?: (appeal: PriorAppeal) => void;
}) {
  const { t } = useTranslation();
  const staff = useStaffDirectory();
  const parsed = events
    .map((d) => parseEventDoc(d))
    .flatMap((p) => (p.ok ? [p.event] : []))
    .sort(compareEvents);
  if (parsed.length === 0)
    return (
      <div data-testid="timeline" data-count={0}>
        <Empty description={t('caseWork.casePage.timelineEmpty')} />
      </div>
    );
  return (
    <div data-testid="timeline" data-count={parsed.length}>
      <Timeline
        items={parsed.map((e) => ({
          key: e.id,
          color: COLOURS[e.kind] ?? 'gray',
          content: (
            <div data-testid="timeline-item" data-kind={e.kind}>
              <div>
                <Tag>{t(`caseWork.events.${e.kind}`)}</Tag>
                <Typography.Text type="secondary">{time(e.at)}</Typography.Text>
              </div>
              <div>{detail(t, e, state, staff.displayName)}</div>
              {onRecordOutcome && awaitingOutcome(e, state) && (
                <Button
                  size="small"
                  type="link"
                  style={{ paddingInline: 0 }}
                  data-testid="appeal-record-outcome"
                  data-event={e.id}
                  onClick={() => onRecordOutcome({ eventId: e.id, date: e.date, route: e.route })}
                >
                  {t('caseWork.casePage.recordAppealOutcome')}
                </Button>
              )}
              <Tooltip title={t('staff.userName', { name: e.by })}>
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12 }}
                  data-testid="timeline-by"
                  data-user={e.by}
                >
                  {t('caseWork.events.by', { by: staff.displayName(e.by) })}
                </Typography.Text>
              </Tooltip>
            </div>
          ),
        }))}
      />
    </div>
  );
}
