import { useMemo, useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COURT } from '../../../../core/court';
import { CASE_TYPES } from '../../../../core/domain/courtReference';
import type { PublicCaseDoc } from '../../../../core/public/publicDocs';
import { usePublicCaseLookup } from '../../db/publicHooks';
import { courtDay } from './boardSchedule';
import { createAttemptLimiter, type AttemptLimiter } from './attemptLimit';
import { caseNumberOf, queryCase, type CaseQueryOutcome } from './caseQuery';
import { NumericKeypad } from './NumericKeypad';

/** The numeric fields the keypad types into, with their longest length. */
const FIELDS = { year: 4, sequence: 9, code: 6 } as const;
type Field = keyof typeof FIELDS;

/** Case types a district court's public meets (first instance, enforcement, preservation, aid). */
const KIOSK_TYPES = CASE_TYPES.filter((c) => c.instance !== 'second' && c.instance !== 'retrial');

/** Props of {@link CaseQueryForm}. */
export interface CaseQueryFormProps {
  readonly onFound: (doc: PublicCaseDoc) => void;
  /** Test seam and the swap point for the shared rule (core/public/kioskAttempts.ts). */
  readonly limiter?: AttemptLimiter;
}

type Shown = CaseQueryOutcome | 'notReady' | 'failed';

/** The outcome with the time it was shown (the lock message counts minutes from then). */
function stamped(outcome: Shown): { outcome: Shown; at: number } {
  return { outcome, at: Date.now() };
}

function Message({ outcome, at }: { outcome: Shown; at: number }) {
  const { t } = useTranslation();
  if (outcome === 'notReady' || outcome === 'failed')
    return (
      <Alert type="warning" showIcon title={t(`kiosk.query.${outcome}`)} data-testid="kiosk-query-error" />
    );
  switch (outcome.kind) {
    case 'found':
      return null;
    case 'invalid':
      return (
        <Alert
          type="error"
          showIcon
          title={t(outcome.field === 'code' ? 'kiosk.query.invalidCode' : 'kiosk.query.invalidCaseNumber')}
          data-testid="kiosk-query-error"
        />
      );
    case 'refused':
      return (
        <Alert
          type="error"
          showIcon
          title={t('kiosk.query.refused', { count: outcome.remaining })}
          data-testid="kiosk-query-error"
        />
      );
    case 'locked':
      return (
        <Alert
          type="error"
          showIcon
          title={t('kiosk.query.locked', {
            minutes: Math.max(1, Math.ceil((outcome.unlocksAt - at) / 60_000)),
          })}
          data-testid="kiosk-query-locked"
        />
      );
  }
}

/** Case number (year, type, number; the court is this court) + query code, typed on the keypad. */
export function CaseQueryForm({ onFound, limiter }: CaseQueryFormProps) {
  const { t, i18n } = useTranslation();
  const lookup = usePublicCaseLookup();
  const attempts = useMemo(() => limiter ?? createAttemptLimiter(window.localStorage), [limiter]);
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    year: courtDay(Date.now()).slice(0, 4),
    sequence: '',
    code: '',
  }));
  const [typeCode, setTypeCode] = useState(KIOSK_TYPES[0]?.code ?? '');
  const [active, setActive] = useState<Field>('sequence');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ outcome: Shown; at: number } | null>(null);
  const setOutcome = (outcome: Shown | null) => setShown(outcome ? stamped(outcome) : null);
  const en = i18n.language === 'en';
  const caseNumber = caseNumberOf({ ...values, court: DEFAULT_COURT.code, typeCode });

  const edit = (field: Field, next: string) => {
    setValues((v) => ({ ...v, [field]: next.replace(/\D/g, '').slice(0, FIELDS[field]) }));
    setOutcome(null);
  };

  async function submit() {
    if (!lookup) return setOutcome('notReady');
    setBusy(true);
    try {
      const result = await queryCase(
        { ...values, court: DEFAULT_COURT.code, typeCode },
        { lookup, limiter: attempts, now: Date.now },
      );
      setOutcome(result);
      if (result.kind === 'found') onFound(result.doc);
      else setValues((v) => ({ ...v, code: '' }));
    } catch (err) {
      console.error('kiosk query failed', err);
      setOutcome('failed');
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, secret = false) => (
    <div className={`cd-kiosk__field${active === name ? ' cd-kiosk__field--active' : ''}`}>
      <label htmlFor={`kiosk-${name}`}>{t(`kiosk.query.${name}`)}</label>
      <Input
        id={`kiosk-${name}`}
        value={values[name]}
        type={secret ? 'password' : 'text'}
        inputMode="none"
        autoComplete="off"
        placeholder={name === 'code' ? t('kiosk.query.codeHint') : undefined}
        onFocus={() => setActive(name)}
        onChange={(e) => edit(name, e.target.value)}
        onPressEnter={() => void submit()}
        data-testid={`kiosk-${name}`}
      />
    </div>
  );

  return (
    <div className="cd-kiosk__query" data-testid="kiosk-query">
      <div>
        <h1>{t('kiosk.query.title')}</h1>
        <p>{t('kiosk.query.intro')}</p>
        {field('year')}
        <div className="cd-kiosk__field">
          <label>{t('kiosk.query.typeCode')}</label>
          <div className="cd-kiosk__types" role="radiogroup" aria-label={t('kiosk.query.typeCode')}>
            {KIOSK_TYPES.map((c) => (
              <Button
                key={c.code}
                type={c.code === typeCode ? 'primary' : 'default'}
                role="radio"
                aria-checked={c.code === typeCode}
                title={en ? c.nameEn : c.name}
                onClick={() => setTypeCode(c.code)}
                data-testid={`kiosk-type-${c.code}`}
              >
                {c.code}
              </Button>
            ))}
          </div>
        </div>
        {field('sequence')}
        {field('code', true)}
        <div className="cd-kiosk__preview" data-testid="kiosk-case-number">
          {caseNumber ? t('kiosk.query.preview', { caseNumber }) : t('kiosk.query.previewIncomplete')}
        </div>
        {shown && <Message outcome={shown.outcome} at={shown.at} />}
      </div>
      <div>
        <p>{t('kiosk.query.activeField', { field: t(`kiosk.query.${active}`) })}</p>
        <NumericKeypad
          onDigit={(d) => edit(active, values[active] + d)}
          onDelete={() => edit(active, values[active].slice(0, -1))}
          onClear={() => edit(active, '')}
        />
        <Button
          type="primary"
          size="large"
          block
          loading={busy}
          onClick={() => void submit()}
          data-testid="kiosk-submit"
          style={{ marginTop: 24, minHeight: 88 }}
        >
          {busy ? t('kiosk.query.checking') : t('kiosk.query.submit')}
        </Button>
      </div>
    </div>
  );
}
