/**
 * The litigation fee of a filing (《诉讼费用交纳办法》, core/domain/fees): fee kind from the case type
 * and cause (core/domain/causes), the claim amount in fen, halved for summary and small-claims
 * procedure (第十六条). Shown live on the filing form and printed on the receipt.
 */
import { feeKindFor } from '../../../../../core/domain/causes';
import { calculateFee, formatFen, type FeeQuote } from '../../../../../core/domain/fees';

/** What a filing owes. */
export type FilingFee =
  | { readonly kind: 'none' }
  | { readonly kind: 'quote'; readonly quote: FeeQuote }
  | { readonly kind: 'error'; readonly message: string };

const SUMMARY_PROCEDURES = new Set(['civilSummary', 'civilSmallClaims']);

/** Computes the fee of a filing; never throws. */
export function filingFee(input: {
  readonly caseType: string | undefined;
  readonly procedure?: string | undefined;
  readonly cause?: string | undefined;
  readonly claimAmount?: number | null | undefined;
}): FilingFee {
  if (!input.caseType) return { kind: 'none' };
  const amount = typeof input.claimAmount === 'number' && input.claimAmount >= 0 ? input.claimAmount : null;
  const kind = feeKindFor(input.caseType, input.cause ?? null, amount !== null);
  if (!kind) return { kind: 'none' };
  const r = calculateFee({
    kind,
    amountFen: amount === null ? null : Math.round(amount * 100),
    halving: input.procedure && SUMMARY_PROCEDURES.has(input.procedure) ? ['summary'] : [],
  });
  if (!r.ok) {
    // A halving the kind does not allow is not the clerk's problem: quote the full fee.
    if (r.error.code === 'halvingNotApplicable') return filingFee({ ...input, procedure: undefined });
    return { kind: 'error', message: r.error.message };
  }
  return { kind: 'quote', quote: r.value };
}

/** "1,234.00" or "50.00–300.00" (yuan, no unit). */
export function feeAmountText(quote: FeeQuote): string {
  return quote.isRange ? `${formatFen(quote.minFen)}–${formatFen(quote.maxFen)}` : formatFen(quote.maxFen);
}
