import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { Button, Space } from 'antd';
import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DEFAULT_COURT } from '../../../../../core/court';
import { useDesktopApi } from '../../../app/desktopApiContext';
import { feeAmountText, filingFee } from './filingFee';
import './filingReceipt.css';

/** Props of {@link FilingReceipt}. */
export interface FilingReceiptProps {
  /** The `case:` document (current schema). */
  readonly caseDoc: Readonly<Record<string, unknown>>;
  readonly officialNumber: string | null;
  /** Assigned judge (display name from the staff directory), when known. */
  readonly judge: string | null;
  /** Who to contact (the filing clerk's display name). */
  readonly contact: string;
  readonly onClose: () => void;
}

interface ReceiptParty {
  readonly role: string;
  readonly name: string;
  readonly queryCode: string;
}

function partiesOf(doc: Readonly<Record<string, unknown>>): ReceiptParty[] {
  const list = Array.isArray(doc['parties']) ? (doc['parties'] as Record<string, unknown>[]) : [];
  return list.map((p) => ({
    role: String(p['role'] ?? ''),
    name: String(p['name'] ?? ''),
    queryCode: String(p['queryCode'] ?? ''),
  }));
}

function dateText(t: TFunction, iso: string): string {
  const [y, m, d] = iso.split('-');
  return t('caseWork.receipt.dateFormat', { y, m: Number(m), d: Number(d) });
}

/**
 * 受理案件通知书 (filing receipt): one A4 page per party with the case number (or a notice that the
 * number is still provisional), the fee and when to pay it, and the party's own query code with
 * how to follow the case (随案告知查询方式, docs/product-rules.md §4.7). Printed in Chinese whatever the UI
 * language (it is a court document). Rendered as an overlay on `<body>`; while it is open the
 * print stylesheet prints only it, through the host's print API (Electron printToPDF, browser print).
 */
export default function FilingReceipt({
  caseDoc,
  officialNumber,
  judge,
  contact,
  onClose,
}: FilingReceiptProps) {
  const { i18n, t: tUi } = useTranslation();
  const t = useMemo(() => i18n.getFixedT('zh-CN'), [i18n]);
  const api = useDesktopApi();
  const parties = partiesOf(caseDoc);
  const number = officialNumber ?? String(caseDoc['provisionalNumber'] ?? '');
  const cause = String(caseDoc['cause'] ?? '');
  const filingDate = String(caseDoc['filingDate'] ?? '');
  const fee = filingFee({
    caseType: String(caseDoc['caseType'] ?? ''),
    procedure: typeof caseDoc['procedure'] === 'string' ? caseDoc['procedure'] : undefined,
    cause,
    claimAmount: typeof caseDoc['claimAmount'] === 'number' ? caseDoc['claimAmount'] : null,
  });
  const feeText =
    fee.kind === 'quote'
      ? t('caseWork.receipt.feeText', {
          amount: t('caseWork.common.yuan', { amount: feeAmountText(fee.quote) }),
        })
      : fee.kind === 'none'
        ? t('caseWork.receipt.feeNone')
        : t('caseWork.receipt.feeUnknown');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function print() {
    await api.invoke('print:toPdf', { suggestedName: `${number}-${t('caseWork.receipt.title')}` });
  }

  return createPortal(
    <div className="cd-receipt-root" data-testid="receipt" data-official={officialNumber ? 'true' : 'false'}>
      <div className="cd-receipt-toolbar">
        <Space>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => void print()}
            data-testid="receipt-print-go"
          >
            {tUi('caseWork.receipt.print')}
          </Button>
          <Button icon={<CloseOutlined />} onClick={onClose} data-testid="receipt-close">
            {tUi('caseWork.receipt.close')}
          </Button>
        </Space>
      </div>
      {parties.map((p, i) => {
        const others = parties.filter((_, j) => j !== i).map((o) => o.name);
        return (
          <section className="cd-receipt-page" key={`${p.name}-${i}`} data-testid="receipt-page">
            <header className="cd-receipt-head">
              <div className="cd-receipt-court">{DEFAULT_COURT.name}</div>
              <div className="cd-receipt-title">{t('caseWork.receipt.title')}</div>
              <div className="cd-receipt-number" data-testid="receipt-number">
                {number}
              </div>
            </header>
            {!officialNumber && (
              <p className="cd-receipt-notice" data-testid="receipt-provisional">
                {t('caseWork.receipt.provisionalNotice', { number })}
              </p>
            )}
            <p className="cd-receipt-to">{t('caseWork.receipt.to', { name: p.name })}</p>
            <p className="cd-receipt-para">
              {others.length > 0
                ? t('caseWork.receipt.body', {
                    others: others.join(t('caseWork.common.joiner')),
                    cause,
                    date: dateText(t, filingDate),
                  })
                : t('caseWork.receipt.bodyNoOthers', { cause, date: dateText(t, filingDate) })}
            </p>
            <table className="cd-receipt-table">
              <tbody>
                <tr>
                  <th>{t('caseWork.receipt.caseNumber')}</th>
                  <td>{number}</td>
                </tr>
                <tr>
                  <th>{t('caseWork.receipt.cause')}</th>
                  <td>{cause}</td>
                </tr>
                <tr>
                  <th>{t('caseWork.receipt.parties')}</th>
                  <td>
                    {parties.map((o, j) => (
                      <div key={j}>
                        {t('caseWork.receipt.partyLine', {
                          role: t(`caseWork.roles.${o.role}`),
                          name: o.name,
                        })}
                      </div>
                    ))}
                  </td>
                </tr>
                <tr>
                  <th>{t('caseWork.receipt.filingDate')}</th>
                  <td>{dateText(t, filingDate)}</td>
                </tr>
                <tr>
                  <th>{t('caseWork.receipt.judge')}</th>
                  <td>{judge ?? t('caseWork.receipt.judgePending')}</td>
                </tr>
              </tbody>
            </table>
            <h3 className="cd-receipt-h">{t('caseWork.receipt.fee')}</h3>
            <p className="cd-receipt-para">{feeText}</p>
            <h3 className="cd-receipt-h">{t('caseWork.receipt.query')}</h3>
            <p className="cd-receipt-code" data-testid="receipt-query-code">
              {t('caseWork.receipt.queryCode', { code: p.queryCode })}
            </p>
            <p className="cd-receipt-para">{t('caseWork.receipt.queryHow')}</p>
            <p className="cd-receipt-para">{t('caseWork.receipt.rights')}</p>
            <p className="cd-receipt-para">{t('caseWork.receipt.contact', { name: contact })}</p>
            <footer className="cd-receipt-foot">
              <div>{DEFAULT_COURT.name}</div>
              <div>{dateText(t, filingDate)}</div>
              <div className="cd-receipt-seal">{t('caseWork.receipt.seal')}</div>
              <div className="cd-receipt-copy">
                {t('caseWork.receipt.copy', { n: i + 1, total: parties.length })}
              </div>
            </footer>
          </section>
        );
      })}
    </div>,
    document.body,
  );
}
