import type { ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../core/domain/fees';
import type { PublicCaseDoc } from '../../../../core/public/publicDocs';
import { courtDateTime } from './boardSchedule';

/** Props of {@link CaseProgress}. */
export interface CaseProgressProps {
  readonly doc: PublicCaseDoc;
  readonly onNewQuery: () => void;
}

function Dated({ items, empty }: { items: readonly { on: string; label: ReactNode }[]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {items.map((i, n) => (
        <li key={n}>
          {i.on} {i.label}
        </li>
      ))}
    </ul>
  );
}

/** The public progress of one case, after the number and a party's query code matched. */
export function CaseProgress({ doc, onNewQuery }: CaseProgressProps) {
  const { t } = useTranslation();
  const none = t('kiosk.result.none');
  const sep = t('kiosk.listSeparator');
  const hearings = doc.hearings.map((h) => ({
    on: courtDateTime(h.startsAt),
    label: `${h.courtroom} ${t(`kiosk.hearingStatus.${h.status}`)}`,
  }));
  const limits = doc.timeLimitChanges.map((c) => ({
    on: c.on,
    label: c.days === undefined ? c.label : `${c.label} ${t('kiosk.result.days', { count: c.days })}`,
  }));
  return (
    <div className="cd-kiosk__progress" data-testid="kiosk-case-progress">
      <h1>{t('kiosk.result.title')}</h1>
      <dl>
        <dt>{t('kiosk.result.caseNumber')}</dt>
        <dd data-testid="kiosk-result-number">{doc.caseNumber}</dd>
        <dt>{t('kiosk.result.cause')}</dt>
        <dd>{doc.cause}</dd>
        <dt>{t('kiosk.result.filedOn')}</dt>
        <dd>{doc.filedOn}</dd>
        <dt>{t('kiosk.result.stage')}</dt>
        <dd data-testid="kiosk-result-stage">{doc.stageLabel}</dd>
        <dt>{t('kiosk.result.judgeInCharge')}</dt>
        <dd data-testid="kiosk-result-judge">{doc.judgeInCharge ?? none}</dd>
        <dt>{t('kiosk.result.panel')}</dt>
        <dd>{doc.panel.length > 0 ? doc.panel.join(sep) : none}</dd>
        <dt>{t('kiosk.result.parties')}</dt>
        <dd data-testid="kiosk-result-parties">
          {doc.parties.length > 0 ? doc.parties.map((p) => `${p.role} ${p.name}`).join(sep) : none}
        </dd>
      </dl>
      <h2>{t('kiosk.result.hearings')}</h2>
      <Dated items={hearings} empty={none} />
      <h2>{t('kiosk.result.services')}</h2>
      <Dated items={doc.services} empty={none} />
      <h2>{t('kiosk.result.timeLimitChanges')}</h2>
      <Dated items={limits} empty={none} />
      {doc.enforcement && (
        <>
          <h2>{t('kiosk.result.enforcement')}</h2>
          <Dated items={doc.enforcement.steps} empty={none} />
          <p>{t('kiosk.result.recovered', { amount: formatFen(doc.enforcement.recoveredFen) })}</p>
        </>
      )}
      <p>{t('kiosk.result.updatedAt', { time: courtDateTime(doc.updatedAt) })}</p>
      <Alert type="info" showIcon title={t('kiosk.result.privacy')} />
      <Button size="large" onClick={onNewQuery} style={{ marginTop: 24 }} data-testid="kiosk-new-query">
        {t('kiosk.result.newQuery')}
      </Button>
    </div>
  );
}
