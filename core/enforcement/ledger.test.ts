import { describe, expect, it } from 'vitest';
import { buildLedger, disbursementIssue, formatFen, toFen, type Payment } from './ledger';

const pay = (id: string, direction: Payment['direction'], amount: number, date: string): Payment => ({
  _id: `enforcementPayment:${id}`,
  direction,
  amount,
  date,
});

describe('payment ledger', () => {
  it('keeps an exact running balance in fen, receipts before disbursements on one day', () => {
    const ledger = buildLedger(
      [
        pay('d1', 'disbursed', 0.3, '2026-06-02'),
        pay('r2', 'received', 0.2, '2026-06-02'),
        pay('r1', 'received', 0.1, '2026-06-01'),
        pay('d2', 'disbursed', 12_000, '2026-07-01'),
        pay('r3', 'received', 20_000.55, '2026-06-20'),
      ],
      50_000,
    );
    expect(ledger.rows.map((r) => [r.payment._id.slice(19), r.balanceFen])).toEqual([
      ['r1', 10],
      ['r2', 30],
      ['d1', 0],
      ['r3', 2_000_055],
      ['d2', 800_055],
    ]);
    expect(ledger).toMatchObject({
      receivedFen: 2_000_085,
      disbursedFen: 1_200_030,
      balanceFen: 800_055,
      overdrawn: false,
    });
    expect(ledger.outstandingFen).toBe(5_000_000 - 2_000_085);
    expect(formatFen(ledger.balanceFen)).toBe('8,000.55');
  });

  it('flags a disbursement beyond the balance held and refuses a new one', () => {
    const ledger = buildLedger(
      [pay('r', 'received', 100, '2026-06-01'), pay('d', 'disbursed', 150, '2026-06-01')],
      100,
    );
    expect(ledger.rows.map((r) => r.overdrawn)).toEqual([false, true]);
    expect(ledger.overdrawn).toBe(true);
    expect(ledger.outstandingFen).toBe(0);
    const ok = buildLedger([pay('r', 'received', 100, '2026-06-01')], 100);
    expect(disbursementIssue(ok, 100)).toBeNull();
    expect(disbursementIssue(ok, 100.01)).toContain('100.00');
    expect(disbursementIssue(ok, 0)).not.toBeNull();
  });

  it('converts yuan to fen without float drift', () => {
    expect(toFen(1.005 + 0.005)).toBe(101);
    expect(toFen(19.99)).toBe(1999);
    expect(formatFen(-1234567)).toBe('-12,345.67');
  });
});
