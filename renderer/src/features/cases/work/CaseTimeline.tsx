import { Empty, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CaseState } from '../../../../../core/domain/caseState';
import { parseEventDoc } from '../../../../../core/domain/processEventDocs';
import { compareEvents, type ProcessEvent } from '../../../../../core/domain/processEvents';
import { useStaffDirectory } from '../../staff/useStaffDirectory';

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
      return [t(`caseWork.dispositions.${e.disposition}`), e.method ?? '', e.date].filter(Boolean).join(sep);
    case 'appeal':
      return [e.appellant ?? '', e.date].filter(Boolean).join(sep);
    case 'filed':
    case 'note':
      return '';
  }
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
}: {
  readonly events: readonly unknown[];
  readonly state: CaseState;
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
