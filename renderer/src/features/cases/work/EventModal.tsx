import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../../../core/domain/caseState';
import { DISPOSITIONS, SERVICE_METHODS } from '../../../../../core/domain/processEvents';
import { procedureLimit, type ApprovalLevel } from '../../../../../core/domain/timeLimits';
import type { LocalDb, Repository } from '../../../db';
import { StaffSelect } from '../../staff/StaffSelect';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { findHearingConflicts, recordEvent, type EventData, type HearingConflict } from '../model/commands';
import { todayInBeijing } from './caseWorkHooks';

/** Kinds a user records from the case page. */
export type RecordableKind =
  | 'service'
  | 'hearingScheduled'
  | 'suspended'
  | 'resumed'
  | 'extensionRequested'
  | 'mediation'
  | 'closed'
  | 'appeal';

/** Props of {@link EventModal}. */
export interface EventModalProps {
  readonly kind: RecordableKind;
  readonly caseId: string;
  readonly state: CaseState;
  readonly db: LocalDb;
  readonly repo: Repository;
  readonly onClose: () => void;
}

type Values = Record<string, unknown> & {
  date?: Dayjs;
  from?: Dayjs;
  start?: Dayjs;
  end?: Dayjs;
};

function day(v: unknown): string {
  return (v as Dayjs).format('YYYY-MM-DD');
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

function dataFor(kind: RecordableKind, v: Values): EventData[RecordableKind] {
  switch (kind) {
    case 'service':
      return { method: String(v['method']), recipient: String(v['recipient'] ?? ''), date: day(v.date) };
    case 'hearingScheduled':
      return {
        courtroom: String(v['courtroom']).trim(),
        startsAt: (v.start as Dayjs).toISOString(),
        endsAt: (v.end as Dayjs).toISOString(),
        ...(v['judge'] ? { judge: String(v['judge']).trim() } : {}),
      };
    case 'suspended':
      return { from: day(v.from), reason: String(v['reason'] ?? '') };
    case 'resumed':
      return { date: day(v.date) };
    case 'extensionRequested':
      return {
        level: v['level'] as ApprovalLevel,
        months: Number(v['months'] ?? 0),
        days: Number(v['days'] ?? 0),
        reason: String(v['reason'] ?? ''),
      };
    case 'mediation':
      return { outcome: v['outcome'] as 'agreement' | 'failed' | 'ongoing', date: day(v.date) };
    case 'closed':
      return { disposition: String(v['disposition']), date: day(v.date) };
    case 'appeal':
      return { date: day(v.date), ...(v['appellant'] ? { appellant: String(v['appellant']) } : {}) };
  }
}

/**
 * A modal form recording one process event. Scheduling a hearing first checks the local replica
 * for clashes (same courtroom or judge at an overlapping time) and asks before saving anyway.
 */
export function EventModal({ kind, caseId, state, db, repo, onClose }: EventModalProps) {
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
    ...(firstLevel ? { level: firstLevel.level, months: firstLevel.months, days: firstLevel.days } : {}),
  };

  async function save(v: Values) {
    setSaving(true);
    setError(null);
    try {
      const data = dataFor(kind, v);
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
        kind === 'extensionRequested' ? t('caseWork.casePage.requestExtension') : t(`caseWork.events.${kind}`)
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
        {kind === 'appeal' && (
          <Form.Item name="appellant" label={f('appellant')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {kind !== 'hearingScheduled' && kind !== 'suspended' && kind !== 'extensionRequested' && (
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
