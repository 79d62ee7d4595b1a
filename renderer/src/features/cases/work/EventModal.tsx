import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../../../core/domain/caseState';
import { APPEAL_OUTCOMES, DISPOSITIONS, SERVICE_METHODS } from '../../../../../core/domain/processEvents';
import { procedureLimit, type ApprovalLevel } from '../../../../../core/domain/timeLimits';
import type { LocalDb, Repository } from '../../../db';
import { StaffSelect } from '../../staff/StaffSelect';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { findHearingConflicts, recordEvent, type EventData, type HearingConflict } from '../model/commands';
import { todayInBeijing } from './caseWorkHooks';
import {
  eventDataFor,
  type EventFormValues as Values,
  type PriorAppeal,
  type RecordableKind,
} from './eventData';

export type { RecordableKind } from './eventData';

/** Props of {@link EventModal}. */
export interface EventModalProps {
  readonly kind: RecordableKind;
  readonly caseId: string;
  readonly state: CaseState;
  readonly db: LocalDb;
  readonly repo: Repository;
  readonly onClose: () => void;
  /** An enforcement case (执、执恢、执保 …): the closing form asks for the amount recovered. */
  readonly enforcement?: boolean;
  /** Recording the higher court's outcome of this earlier appeal (a new event naming it). */
  readonly outcomeOf?: PriorAppeal;
}

/** Extension levels the procedure allows, in order (president first). */
function levelsFor(state: CaseState): { level: ApprovalLevel; months: number; days: number }[] {
  const limit = state.procedure ? procedureLimit(state.procedure) : null;
  // A level whose length the law leaves open starts at one month; the judge adjusts it.
  return (limit?.extensions ?? []).map((e) => ({
    level: e.level,
    months: e.span?.months ?? 1,
    days: e.span?.days ?? 0,
  }));
}

/**
 * A modal form recording one process event. Scheduling a hearing first checks the local replica
 * for clashes (same courtroom or judge at an overlapping time) and asks before saving anyway.
 */
export function EventModal({
  kind,
  caseId,
  state,
  db,
  repo,
  onClose,
  enforcement = false,
  outcomeOf,
}: EventModalProps) {
  const { t } = useTranslation();
  const staff = useStaffDirectory();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [clashes, setClashes] = useState<HearingConflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = dayjs(todayInBeijing());
  const levels = levelsFor(state);
  const firstLevel = levels[0];
  const initial: Values = {
    date: today,
    from: today,
    start: today.add(7, 'day').hour(9).minute(0).second(0),
    end: today.add(7, 'day').hour(11).minute(0).second(0),
    method: 'direct',
    judge: state.judge ?? undefined,
    outcome: 'agreement',
    disposition: 'judgment',
    route: 'appeal',
    ...(firstLevel ? { level: firstLevel.level, months: firstLevel.months, days: firstLevel.days } : {}),
  };

  async function save(v: Values) {
    setSaving(true);
    setError(null);
    try {
      const data = eventDataFor(kind, v, { enforcement, ...(outcomeOf ? { outcomeOf } : {}) });
      if (kind === 'hearingScheduled' && clashes === null) {
        const h = data as EventData['hearingScheduled'];
        const found = await findHearingConflicts(db, {
          caseId,
          courtroom: h.courtroom,
          startsAt: h.startsAt,
          endsAt: h.endsAt,
          judge: h.judge ?? state.judge,
        });
        if (found.length > 0) {
          setClashes(found);
          return;
        }
      }
      await recordEvent(repo, caseId, kind, data);
      void message.success(t('caseWork.casePage.saved'));
      onClose();
    } catch (err) {
      setError(
        t('caseWork.casePage.saveFailed', { message: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setSaving(false);
    }
  }

  const f = (key: string) => t(`caseWork.eventForm.${key}`);
  const required = [{ required: true }];
  return (
    <Modal
      open
      title={
        kind === 'extensionRequested'
          ? t('caseWork.casePage.requestExtension')
          : outcomeOf
            ? t('caseWork.casePage.recordAppealOutcome')
            : t(`caseWork.events.${kind}`)
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={clashes && clashes.length > 0 ? t('caseWork.casePage.clashConfirm') : t('caseWork.common.save')}
      cancelText={t('caseWork.common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'event-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void save(v)}
        data-testid={`event-form-${kind}`}
      >
        {kind === 'service' && (
          <>
            <Form.Item name="method" label={f('method')} rules={required}>
              <Select
                options={SERVICE_METHODS.map((m) => ({ value: m, label: t(`caseWork.serviceMethods.${m}`) }))}
              />
            </Form.Item>
            <Form.Item name="recipient" label={f('recipient')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {kind === 'hearingScheduled' && (
          <>
            <Form.Item name="courtroom" label={f('courtroom')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} data-testid="event-courtroom" onChange={() => setClashes(null)} />
            </Form.Item>
            <Form.Item name="start" label={f('start')} rules={required}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                onChange={() => setClashes(null)}
              />
            </Form.Item>
            <Form.Item
              name="end"
              label={f('end')}
              dependencies={['start']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | undefined) => {
                    const start = getFieldValue('start') as Dayjs | undefined;
                    if (value && start && !value.isAfter(start)) throw new Error(f('endBeforeStart'));
                  },
                }),
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                onChange={() => setClashes(null)}
              />
            </Form.Item>
            <Form.Item name="judge" label={f('judge')}>
              <StaffSelect role="judge" onChange={() => setClashes(null)} testId="event-judge" />
            </Form.Item>
          </>
        )}
        {kind === 'suspended' && (
          <>
            <Form.Item name="from" label={f('from')} rules={required}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="reason" label={f('reason')} rules={required}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {kind === 'extensionRequested' && (
          <>
            <Form.Item name="level" label={f('level')} rules={required}>
              <Select
                data-testid="event-level"
                options={levels.map((l) => ({ value: l.level, label: t(`caseWork.levels.${l.level}`) }))}
                onChange={(level: ApprovalLevel) => {
                  const l = levels.find((x) => x.level === level);
                  if (l) form.setFieldsValue({ months: l.months, days: l.days });
                }}
              />
            </Form.Item>
            <Form.Item name="months" label={f('months')}>
              <InputNumber min={0} max={36} precision={0} data-testid="event-months" />
            </Form.Item>
            <Form.Item
              name="days"
              label={f('days')}
              dependencies={['months']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: number | null) => {
                    if (Number(getFieldValue('months') ?? 0) + Number(value ?? 0) <= 0)
                      throw new Error(f('spanRequired'));
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={365} precision={0} data-testid="event-days" />
            </Form.Item>
            <Form.Item name="reason" label={f('reason')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="event-reason" />
            </Form.Item>
          </>
        )}
        {kind === 'mediation' && (
          <Form.Item name="outcome" label={f('outcome')} rules={required}>
            <Select
              options={(['agreement', 'failed', 'ongoing'] as const).map((o) => ({
                value: o,
                label: t(`caseWork.outcomes.${o}`),
              }))}
            />
          </Form.Item>
        )}
        {kind === 'closed' && (
          <Form.Item name="disposition" label={f('disposition')} rules={required}>
            <Select
              options={DISPOSITIONS.map((d) => ({ value: d, label: t(`caseWork.dispositions.${d}`) }))}
            />
          </Form.Item>
        )}
        {kind === 'closed' && enforcement && (
          <Form.Item name="amountRecovered" label={f('amountRecovered')} extra={f('amountRecoveredHint')}>
            <InputNumber
              min={0}
              max={1e13}
              precision={2}
              step={0.01}
              style={{ width: '100%' }}
              data-testid="event-amount-recovered"
            />
          </Form.Item>
        )}
        {kind === 'appeal' && !outcomeOf && (
          <>
            <Form.Item name="route" label={f('route')} rules={required}>
              <Select
                data-testid="event-route"
                options={(['appeal', 'retrial'] as const).map((r) => ({
                  value: r,
                  label: t(`caseWork.appealRoutes.${r}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="appellant" label={f('appellant')}>
              <Input maxLength={200} data-testid="event-appellant" />
            </Form.Item>
          </>
        )}
        {kind === 'appeal' && (
          <>
            <Form.Item
              name="appealOutcome"
              label={f('appealOutcome')}
              rules={outcomeOf ? required : []}
              extra={outcomeOf ? undefined : f('appealOutcomeHint')}
            >
              <Select
                allowClear={!outcomeOf}
                data-testid="event-appeal-outcome"
                options={APPEAL_OUTCOMES.map((o) => ({ value: o, label: t(`caseWork.appealOutcomes.${o}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="decidedOn"
              label={f('decidedOn')}
              dependencies={['appealOutcome', 'date']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null | undefined) => {
                    if (getFieldValue('appealOutcome') && !value) throw new Error(f('decidedOnRequired'));
                    const filed = outcomeOf
                      ? dayjs(outcomeOf.date)
                      : (getFieldValue('date') as Dayjs | undefined);
                    if (value && filed && value.isBefore(filed, 'day'))
                      throw new Error(f('decidedBeforeAppeal'));
                  },
                }),
              ]}
            >
              <DatePicker data-testid="event-decided-on" />
            </Form.Item>
          </>
        )}
        {kind !== 'hearingScheduled' &&
          kind !== 'suspended' &&
          kind !== 'extensionRequested' &&
          !outcomeOf && (
            <Form.Item name="date" label={f('date')} rules={required}>
              <DatePicker />
            </Form.Item>
          )}
      </Form>
      {clashes && clashes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="hearing-clashes"
          title={t('caseWork.casePage.clashTitle')}
          description={
            <>
              <div>{t('caseWork.casePage.clashIntro')}</div>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {clashes.map((c) => (
                  <li key={c.hearingId}>
                    {c.courtroom} · {dayjs(c.startsAt).format('YYYY-MM-DD HH:mm')}–
                    {dayjs(c.endsAt).format('HH:mm')}
                    {c.judge ? ` · ${staff.displayName(c.judge)}` : ''} ·{' '}
                    {[
                      c.sameCourtroom ? t('caseWork.casePage.clashCourtroom') : '',
                      c.sameJudge ? t('caseWork.casePage.clashJudge') : '',
                    ]
                      .filter(Boolean)
                      .join(t('caseWork.common.joiner'))}
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="event-error" />}
    </Modal>
  );
}
