import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventDoc, parseExtensionDecision } from '../domain/processEventDocs';
import { PROCESS_EVENT_KINDS } from '../domain/processEvents';
import { issuesForWrite } from './registry';

const FIELDS = [
  'method',
  'recipient',
  'date',
  'startsAt',
  'endsAt',
  'courtroom',
  'hearingId',
  'judge',
  'from',
  'to',
  'reason',
  'level',
  'months',
  'days',
  'outcome',
  'disposition',
  'appellant',
  'servedOn',
  'hearingAt',
  'closedOn',
  'route',
  'decidedOn',
  'appealOf',
  'amountRecovered',
] as const;

/** Fields the schema checks more strictly than the reader (the trial-quality indicators read them). */
const STRICT = ['data.amountRecovered', 'data.route', 'data.outcome', 'data.decidedOn', 'data.appealOf'];

const value = fc.oneof(
  fc.constantFrom('2026-03-02', '2026-02-30', '2026-3-2', '2026-03-10', '2025-12-31'),
  fc.constantFrom('2026-03-02T09:30:00+08:00', '2026-03-02T11:00:00Z', '2026-03-02T09:30:00'),
  fc.constantFrom('direct', 'mail', 'agreement', 'failed', 'judgment', '调解', 'president', 'highCourt', 'x'),
  fc.constantFrom('retrial', 'appeal', 'remanded', 'upheld', 'event:case:1:20260301T013000Z:v'),
  fc.constantFrom('', '  ', '第一法庭'),
  fc.integer({ min: -2, max: 8 }),
  fc.double({ min: 0, max: 3, noNaN: true }),
  fc.constant(null),
  fc.boolean(),
);

const eventDoc = fc
  .record({
    kind: fc.constantFrom(...PROCESS_EVENT_KINDS),
    data: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
    withData: fc.boolean(),
  })
  .map(({ kind, data, withData }) => ({
    _id: 'event:case:1:20260302T013000Z:u',
    type: 'event',
    schemaVersion: 2,
    createdAt: '2026-03-02T09:30:00+08:00',
    createdBy: 'clerk.wang',
    caseId: 'case:1',
    kind,
    at: '2026-03-02T09:30:00+08:00',
    ...(withData ? { data } : {}),
  }));

describe('event schema and the process-event reader agree', () => {
  it('accepts a data-shaped event exactly when the reader can fold it, bar the strict indicator fields', () => {
    fc.assert(
      fc.property(eventDoc, (doc) => {
        const issues = issuesForWrite(doc);
        const folds = parseEventDoc(doc).ok;
        // Accepted ⇒ folds; folds but refused ⇒ only for an appeal's or a closing's indicator fields.
        if (issues.length === 0) expect(folds).toBe(true);
        else if (folds) {
          expect(['appeal', 'closed']).toContain(doc.kind);
          expect(issues.map((i) => i.field).filter((f) => !STRICT.includes(f))).toEqual([]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts an extension decision only when the reader reads one', () => {
    const approval = fc.record({
      decision: fc.constantFrom('approved', 'rejected', 'maybe'),
      level: fc.option(fc.constantFrom('president', 'higherCourt', 'nope'), { nil: undefined }),
      months: fc.option(fc.integer({ min: -1, max: 6 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(approval, (a) => {
        const doc = {
          _id: 'approval:1',
          type: 'approval',
          schemaVersion: 1,
          createdAt: '2026-03-02T09:30:00+08:00',
          createdBy: 'leader.li',
          kind: 'extension',
          caseId: 'case:1',
          requestId: 'event:case:1:x:r',
          ...a,
        };
        if (issuesForWrite(doc).length === 0) expect(parseExtensionDecision(doc)).not.toBeNull();
      }),
    );
  });
});
