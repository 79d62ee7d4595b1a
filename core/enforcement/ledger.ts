/**
 * Money in an enforcement case (执行款): payments received into the court's account and paid out
 * to the applicant, with a running balance. Amounts are kept in fen (integers) so sums are exact.
 */
import { compareDates, type PlainDate } from '../domain/plainDate';

/** Received (到账) or disbursed to the applicant (发放). */
export const PAYMENT_DIRECTIONS = ['received', 'disbursed'] as const;
/** One of {@link PAYMENT_DIRECTIONS}. */
export type PaymentDirection = (typeof PAYMENT_DIRECTIONS)[number];

/** Where received money came from. */
export const PAYMENT_SOURCES = ['voluntary', 'deduction', 'auction', 'other'] as const;

/** A payment as the ledger reads it. */
export interface Payment {
  readonly _id: string;
  readonly direction: PaymentDirection;
  /** Yuan, at most two decimals, > 0. */
  readonly amount: number;
  readonly date: PlainDate;
  readonly createdAt?: string;
}

/** One ledger line: the payment and the balance held after it. */
export interface LedgerRow {
  readonly payment: Payment;
  /** Fen held in the court account after this payment. */
  readonly balanceFen: number;
  /** True when this disbursement paid out more than was held. */
  readonly overdrawn: boolean;
}

/** The ledger of one case. */
export interface Ledger {
  readonly rows: readonly LedgerRow[];
  readonly receivedFen: number;
  readonly disbursedFen: number;
  /** Held now (received − disbursed). */
  readonly balanceFen: number;
  /** Amount to enforce not yet received (never negative). */
  readonly outstandingFen: number;
  /** True when any disbursement exceeded what was held at the time. */
  readonly overdrawn: boolean;
}

/** Yuan → fen, exact for amounts with at most two decimals. */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Fen → a yuan string with two decimals and thousands separators (`1,234.50`). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The ledger of `payments` against `amountToEnforce` yuan: in date order (receipts before
 * disbursements on the same day, then by creation time), with the running balance.
 */
export function buildLedger(payments: readonly Payment[], amountToEnforce: number): Ledger {
  const sorted = [...payments].sort(
    (a, b) =>
      compareDates(a.date, b.date) ||
      (a.direction === b.direction ? 0 : a.direction === 'received' ? -1 : 1) ||
      textOrder(a.createdAt ?? '', b.createdAt ?? '') ||
      textOrder(a._id, b._id),
  );
  let balance = 0;
  let received = 0;
  let disbursed = 0;
  let overdrawn = false;
  const rows = sorted.map((payment) => {
    const fen = toFen(payment.amount);
    if (payment.direction === 'received') {
      received += fen;
      balance += fen;
      return { payment, balanceFen: balance, overdrawn: false };
    }
    disbursed += fen;
    balance -= fen;
    const over = balance < 0;
    overdrawn ||= over;
    return { payment, balanceFen: balance, overdrawn: over };
  });
  return {
    rows,
    receivedFen: received,
    disbursedFen: disbursed,
    balanceFen: balance,
    outstandingFen: Math.max(0, toFen(amountToEnforce) - received),
    overdrawn,
  };
}

/** Why a new disbursement of `amount` yuan cannot be recorded, or null when it can. */
export function disbursementIssue(ledger: Ledger, amount: number): string | null {
  if (!(amount > 0)) return '金额必须大于 0 (the amount must be greater than 0)';
  if (toFen(amount) > ledger.balanceFen)
    return `发放金额超过账户余额 ${formatFen(ledger.balanceFen)} 元 (more than the ${formatFen(ledger.balanceFen)} yuan held)`;
  return null;
}

/** Code-unit order of two strings (ids, ISO times): the same on every machine and locale. */
export function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
