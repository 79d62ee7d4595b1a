/**
 * Demo enforcement records (执行) of a few open 执 cases, for {@link generateOffice}: asset
 * inquiries with a bank-deposit freeze (the first lapsing soon, for the warning panel), a payment
 * received and disbursed, measures (one 限制高消费 approved by the president, one awaiting approval)
 * and one published dishonest-debtor entry of a natural-person debtor.
 */
import { controlLastDay } from '../../../core/enforcement/assetControl';
import { dishonestEntryId } from '../../../core/enforcement/dishonest';
import type { DocType } from '../../../core/schemas/base';
import { Rng, addDays, beijing } from './demoRandom';
import type { DemoDoc, DemoParty } from './demoGenerator';
import type { OfficeInput } from './demoOffice';

/** Days after `asOf` the demo's bank-deposit freeze lapses on (inside the 30-day warning). */
export const DEMO_FREEZE_LAPSE_DAYS = 12;

/** Builds a document envelope (current schemaVersion) around `fields`. */
export type DocMaker = (
  type: DocType,
  id: string,
  at: string,
  by: string,
  fields: Record<string, unknown>,
) => DemoDoc;

/** The courtdesk_enforcement documents of the demo. */
export function demoEnforcement(input: OfficeInput, rng: Rng, doc: DocMaker): DemoDoc[] {
  const { asOf } = input;
  // 执行: inquiries with freezes, payments, measures; one dishonest-debtor listing.
  const enforcement: DemoDoc[] = [];
  input.enforcementCases.slice(0, 3).forEach(({ doc: c, caseNumber, officer }, i) => {
    const filed = String(c['filingDate']);
    const parties = c['parties'] as DemoParty[];
    const debtor = parties.find((x) => x.role === 'debtor');
    const creditor = parties.find((x) => x.role === 'creditor');
    if (!debtor || !creditor) return;
    const claim = typeof c['claimAmount'] === 'number' ? c['claimAmount'] : 50_000;
    const rec = (type: DocType, at: string, fields: Record<string, unknown>): DemoDoc =>
      doc(type, `${type}:${rng.uuid()}`, at, officer, { caseId: c._id, ...fields });
    const inquiryDay = addDays(filed, 3);
    const frozen = Math.min(Math.round(claim * 0.4), 38_000) + 0.56;
    // The first case's freeze lapses soon (the warning panel), the others run their full year.
    const freezeDay = addDays(filed, 5);
    const expiresOn = i === 0 ? addDays(asOf, DEMO_FREEZE_LAPSE_DAYS) : controlLastDay(freezeDay, 12);
    enforcement.push(
      rec('assetInquiry', beijing(inquiryDay, 9, 40), {
        channel: 'network',
        assetKind: 'bankDeposit',
        institution:
          ['中国农业银行白银分行', '甘肃银行白银分行', '白银农村商业银行'][i] ?? '中国银行白银分行',
        requestDate: inquiryDay,
        result: 'found',
        resultDate: addDays(inquiryDay, 1),
        amountFound: frozen,
        controls: [
          {
            kind: 'freeze',
            date: freezeDay,
            amount: frozen,
            expiresOn,
            documentNo: `${caseNumber.replace(/号$/, '')}之一`,
          },
        ],
        note: i === 0 ? '冻结期限依裁定至到期日，到期前需续冻' : '冻结账户余额',
      }),
      rec('assetInquiry', beijing(inquiryDay, 9, 45), {
        channel: 'network',
        assetKind: 'vehicle',
        institution: '白银市公安局交通警察支队车辆管理所',
        requestDate: inquiryDay,
        result: 'notFound',
        resultDate: addDays(inquiryDay, 2),
      }),
      rec('enforcementAction', beijing(filed, 16, 0), {
        kind: 'executionNotice',
        target: debtor.name,
        targetKind: debtor.kind,
        decidedOn: filed,
        reason: '向被执行人送达执行通知书、报告财产令',
      }),
    );
    if (i === 0) {
      const deducted = Math.round(frozen / 2);
      enforcement.push(
        rec('enforcementPayment', beijing(addDays(freezeDay, 20), 11, 0), {
          direction: 'received',
          amount: deducted,
          date: addDays(freezeDay, 20),
          party: debtor.name,
          source: 'deduction',
          note: '扣划冻结存款',
        }),
        rec('enforcementPayment', beijing(addDays(freezeDay, 27), 15, 30), {
          direction: 'disbursed',
          amount: deducted,
          date: addDays(freezeDay, 27),
          party: creditor.name,
          note: '发放申请执行人',
        }),
      );
    }
    if (i < 2) {
      const decided = addDays(filed, 15);
      enforcement.push(
        rec('enforcementAction', beijing(decided, 10, 0), {
          kind: 'consumptionRestriction',
          target: debtor.name,
          targetKind: debtor.kind,
          decidedOn: decided,
          reason: '被执行人未按执行通知履行给付义务，依法限制其高消费及非生活和工作必需的消费行为',
          ...(i === 0
            ? {
                approval: {
                  decision: 'approved',
                  by: 'leader.zhang',
                  at: beijing(addDays(decided, 1), 17, 0),
                },
              }
            : {}),
        }),
      );
    }
    if (i === 0 && debtor.kind === 'natural' && debtor.idNumber) {
      const listedOn = addDays(filed, 25);
      enforcement.push(
        doc(
          'dishonestDebtor',
          dishonestEntryId(debtor.idNumber, 'reportViolation'),
          beijing(listedOn, 10, 30),
          officer,
          {
            caseId: c._id,
            caseNumber,
            respondent: { name: debtor.name, kind: 'natural', idNumber: debtor.idNumber },
            ground: 'reportViolation',
            listedOn,
            facts: '被执行人收到报告财产令后，拒不如实报告财产情况，且未履行生效法律文书确定的给付义务。',
            obligation: `给付申请执行人${creditor.name}款项${claim}元及利息`,
            approval: { decision: 'approved', by: 'leader.zhang', at: beijing(addDays(listedOn, 1), 16, 0) },
            publishedOn: addDays(listedOn, 2),
          },
        ),
      );
    }
  });

  return enforcement;
}
