/**
 * What the case page's event form writes for appeals and closings (eventData.ts), checked three
 * ways: the documents are accepted by the client schema and by the server's validate_doc_update
 * (malformed indicator fields are refused by both), and the trial-quality indicators
 * (发回改判率, 服判息诉率, 执行到位金额) computed from exactly those documents match figures worked
 * out by hand.
 */
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ctx, docOf, loadVdu, outcome } from '../../../../../tests/support/vdu';
import { foldCaseState } from '../../../../../core/domain/caseState';
import { parseEventDoc } from '../../../../../core/domain/processEventDocs';
import { caseFactsOf } from '../../../../../core/quality/caseFacts';
import { computeIndicators } from '../../../../../core/quality/indicators';
import { quarterPeriod } from '../../../../../core/quality/periods';
import { issuesForWrite } from '../../../../../core/schemas/registry';
import { eventDataFor, yuan, type EventFormValues, type RecordableKind } from './eventData';

const d = (s: string) => dayjs(s);

describe('event data from form values', () => {
  it('an appeal records its route, trimmed appellant and date; no outcome unless given', () => {
    expect(
      eventDataFor('appeal', { route: 'appeal', appellant: ' 被告李四 ', date: d('2026-10-20') }),
    ).toEqual({
      date: '2026-10-20',
      route: 'appeal',
      appellant: '被告李四',
    });
    expect(eventDataFor('appeal', { route: 'retrial', appellant: '', date: d('2026-10-20') })).toEqual({
      date: '2026-10-20',
      route: 'retrial',
    });
    // decidedOn without an outcome is not written (the outcome select was cleared).
    expect(
      eventDataFor('appeal', { route: 'appeal', date: d('2026-10-20'), decidedOn: d('2026-11-01') }),
    ).toEqual({ date: '2026-10-20', route: 'appeal' });
  });

  it('an appeal whose outcome is already known records outcome and decidedOn', () => {
    expect(
      eventDataFor('appeal', {
        route: 'retrial',
        date: d('2026-10-25'),
        appealOutcome: 'upheld',
        decidedOn: d('2026-11-20'),
      }),
    ).toEqual({ date: '2026-10-25', route: 'retrial', outcome: 'upheld', decidedOn: '2026-11-20' });
  });

  it('an outcome recorded later is a new event naming the appeal, with its date and route', () => {
    const prior = {
      eventId: 'event:case:c1:20261020T020000Z:aa',
      date: '2026-10-20',
      route: 'appeal' as const,
    };
    expect(
      eventDataFor('appeal', { appealOutcome: 'remanded', decidedOn: d('2026-11-12') }, { outcomeOf: prior }),
    ).toEqual({
      date: '2026-10-20',
      route: 'appeal',
      appealOf: prior.eventId,
      outcome: 'remanded',
      decidedOn: '2026-11-12',
    });
    expect(() => eventDataFor('appeal', { appealOutcome: 'remanded' }, { outcomeOf: prior })).toThrow();
  });

  it('a closing records the amount recovered (to the fen) for enforcement cases only', () => {
    const v: EventFormValues = { disposition: 'enforced', date: d('2026-11-18'), amountRecovered: 12345.678 };
    expect(eventDataFor('closed', v, { enforcement: true })).toEqual({
      disposition: 'enforced',
      date: '2026-11-18',
      amountRecovered: 12345.68,
    });
    expect(eventDataFor('closed', v)).toEqual({ disposition: 'enforced', date: '2026-11-18' });
    expect(eventDataFor('closed', { ...v, amountRecovered: null }, { enforcement: true })).toEqual({
      disposition: 'enforced',
      date: '2026-11-18',
    });
    expect(eventDataFor('closed', { ...v, amountRecovered: 0 }, { enforcement: true })).toMatchObject({
      amountRecovered: 0,
    });
    expect([yuan(0.1 + 0.2), yuan(-1), yuan('x'), yuan(''), yuan('12.5')]).toEqual([
      0.3,
      undefined,
      undefined,
      undefined,
      12.5,
    ]);
  });
});

// ---- documents as the form writes them ------------------------------------------------------

interface Written {
  readonly doc: Record<string, unknown>;
}

let seq = 0;
/** An event document as recordEvent stores it, with the form's data. */
function written(
  caseId: string,
  kind: RecordableKind,
  values: EventFormValues,
  options: Parameters<typeof eventDataFor>[2] = {},
): Written {
  const at = `2026-${String(10 + Math.floor(seq / 28)).padStart(2, '0')}-${String((seq % 28) + 1).padStart(2, '0')}T02:00:00.000Z`;
  seq++;
  const stamp = at.replace(/[-:]/g, '').replace('.000', '');
  const doc = docOf('event', 'judge.zhao', {
    _id: `event:${caseId}:${stamp}:0a1b2c3d-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    caseId,
    kind,
    at,
    data: eventDataFor(kind, values, options),
  });
  return { doc };
}

const vdu = loadVdu('courtdesk_cases');
const judge = ctx('judge.zhao', ['judge']);

function accepted(doc: Record<string, unknown>): { client: string[]; server: string } {
  return { client: issuesForWrite(doc).map((i) => i.field), server: outcome(vdu, doc, null, judge) };
}

describe('validation of the documents the form writes', () => {
  const appeal = written('case:c1', 'appeal', { route: 'appeal', appellant: '被告', date: d('2026-10-20') });
  const prior = { eventId: String(appeal.doc['_id']), date: '2026-10-20', route: 'appeal' as const };
  const good = [
    appeal,
    written('case:c1', 'appeal', {
      route: 'retrial',
      date: d('2026-10-25'),
      appealOutcome: 'upheld',
      decidedOn: d('2026-11-20'),
    }),
    written(
      'case:c1',
      'appeal',
      { appealOutcome: 'reversed', decidedOn: d('2026-11-12') },
      { outcomeOf: prior },
    ),
    written(
      'case:c1',
      'closed',
      { disposition: 'enforced', date: d('2026-11-18'), amountRecovered: 99.99 },
      { enforcement: true },
    ),
    written('case:c1', 'closed', { disposition: 'judgment', date: d('2026-11-18') }),
  ];

  it('client schema and server validate_doc_update accept them', () => {
    for (const w of good)
      expect(accepted(w.doc), JSON.stringify(w.doc['data'])).toEqual({ client: [], server: 'ok' });
  });

  it('both refuse malformed indicator fields (the lenient reader would silently drop them)', () => {
    const base = good[3]!.doc;
    const withData = (data: Record<string, unknown>, kind = 'appeal') => ({ ...base, kind, data });
    const bad: [string, Record<string, unknown>][] = [
      [
        'negative amount',
        withData({ disposition: 'enforced', date: '2026-11-18', amountRecovered: -1 }, 'closed'),
      ],
      [
        'three decimals',
        withData({ disposition: 'enforced', date: '2026-11-18', amountRecovered: 1.005 }, 'closed'),
      ],
      [
        'amount as text',
        withData({ disposition: 'enforced', date: '2026-11-18', amountRecovered: '100' }, 'closed'),
      ],
      ['unknown route', withData({ date: '2026-10-20', route: 'cassation' })],
      [
        'unknown outcome',
        withData({ date: '2026-10-20', route: 'appeal', outcome: 'quashed', decidedOn: '2026-11-01' }),
      ],
      ['outcome without date', withData({ date: '2026-10-20', route: 'appeal', outcome: 'reversed' })],
      [
        'decided before the appeal',
        withData({ date: '2026-10-20', route: 'appeal', outcome: 'reversed', decidedOn: '2026-10-01' }),
      ],
      [
        'appealOf without outcome',
        withData({ date: '2026-10-20', route: 'appeal', appealOf: prior.eventId }),
      ],
      [
        'appealOf of another case',
        withData({
          date: '2026-10-20',
          route: 'appeal',
          appealOf: 'event:case:c2:x',
          outcome: 'upheld',
          decidedOn: '2026-11-01',
        }),
      ],
      [
        'appealOf itself',
        withData({
          date: '2026-10-20',
          route: 'appeal',
          appealOf: base['_id'],
          outcome: 'upheld',
          decidedOn: '2026-11-01',
        }),
      ],
    ];
    for (const [what, doc] of bad) {
      const r = accepted(doc);
      expect(r.client.length, what).toBeGreaterThan(0);
      expect(
        r.client.every((p) => p.startsWith('data.')),
        what,
      ).toBe(true);
      expect(r.server, what).toBe('forbidden');
    }
  });
});

// ---- indicators from those documents --------------------------------------------------------

describe('indicators from events as the form writes them', () => {
  function caseOf(id: string, type: string, procedure: string, filed: string, events: Written[]) {
    const caseDoc = {
      _id: id,
      type: 'case',
      court: '甘0402',
      caseType: type,
      procedure,
      division: 'min1',
      filingDate: filed,
      provisionalNumber: `临-${id}`,
    };
    const state = foldCaseState({
      caseDoc,
      assignmentDoc: { judge: 'judge.zhao' },
      events: events.map((w) => w.doc),
      asOf: '2026-12-31',
    });
    return { state, facts: caseFactsOf(state, caseDoc) };
  }

  // P: 民初 closed 10-10 by judgment; appealed 10-20 (no outcome yet); the outcome, remanded on
  //    11-12, is recorded later as a separate event naming the appeal.
  const pAppeal = written('case:P', 'appeal', { route: 'appeal', appellant: '被告', date: d('2026-10-20') });
  const P = caseOf('case:P', '民初', 'civilSummary', '2026-08-01', [
    written('case:P', 'closed', { disposition: 'judgment', date: d('2026-10-10') }),
    pAppeal,
    written(
      'case:P',
      'appeal',
      { appealOutcome: 'remanded', decidedOn: d('2026-11-12') },
      { outcomeOf: { eventId: String(pAppeal.doc['_id']), date: '2026-10-20', route: 'appeal' } },
    ),
  ]);
  // Q: 民初 closed 10-15; a retrial petition 10-25 entered with its outcome (upheld 11-20).
  const Q = caseOf('case:Q', '民初', 'civilSummary', '2026-08-05', [
    written('case:Q', 'closed', { disposition: 'judgment', date: d('2026-10-15') }),
    written('case:Q', 'appeal', {
      route: 'retrial',
      date: d('2026-10-25'),
      appealOutcome: 'upheld',
      decidedOn: d('2026-11-20'),
    }),
  ]);
  // R: 民初 closed 11-03 by mediation, never appealed.
  const R = caseOf('case:R', '民初', 'civilSummary', '2026-09-01', [
    written('case:R', 'closed', { disposition: 'mediation', date: d('2026-11-03') }),
  ]);
  // S: 执 closed 11-18, 12,345.678 typed → 12,345.68 recovered.
  const S = caseOf('case:S', '执', 'enforcement', '2026-09-01', [
    written(
      'case:S',
      'closed',
      { disposition: 'enforced', date: d('2026-11-18'), amountRecovered: 12345.678 },
      { enforcement: true },
    ),
  ]);
  // T: 执保 (enforcement family) closed 12-02, 654.32 recovered.
  const T = caseOf('case:T', '执保', 'enforcement', '2026-11-01', [
    written(
      'case:T',
      'closed',
      { disposition: 'enforced', date: d('2026-12-02'), amountRecovered: 654.32 },
      { enforcement: true },
    ),
  ]);
  const all = [P, Q, R, S, T];

  it('the outcome event completes the appeal: one appeal, remanded on 11-12', () => {
    expect(P.state.appeals).toHaveLength(1);
    expect(P.state.appeals[0]).toMatchObject({
      route: 'appeal',
      outcome: 'remanded',
      decidedOn: '2026-11-12',
    });
    expect(P.facts).toMatchObject({
      challengedOn: '2026-10-20',
      reversal: 'remanded',
      reversedOn: '2026-11-12',
    });
    expect(Q.facts).toMatchObject({ challengedOn: '2026-10-25', reversal: null });
    expect(P.state.ignored).toEqual([]);
  });

  it('2026 Q4: 发回改判率 1/3, 服判息诉率 1/3, 执行到位 12,345.68 + 654.32 = 13,000', () => {
    const [q4] = computeIndicators(
      all.map((c) => c.facts),
      [quarterPeriod('2026-11-01')],
    );
    const t = q4!.total;
    // First-instance litigation closed in Q4: P (10-10), Q (10-15), R (11-03) → 3; reversed or
    // remanded in Q4: P (11-12) → 1/3. Q's retrial was upheld.
    expect([...t.remandReversalRate.baseIds].sort()).toEqual(['case:P', 'case:Q', 'case:R']);
    expect(t.remandReversalRate.ids).toEqual(['case:P']);
    expect(t.remandReversalRate.value).toBeCloseTo(1 / 3, 10);
    // Not challenged after closing: R only → 1/3.
    expect(t.acceptanceRate.ids).toEqual(['case:R']);
    expect(t.acceptanceRate.value).toBeCloseTo(1 / 3, 10);
    // Recovered in Q4: S 12,345.68 (11-18) + T 654.32 (12-02) = 13,000.00.
    expect([...t.amountRecovered.ids].sort()).toEqual(['case:S', 'case:T']);
    expect(t.amountRecovered.value).toBeCloseTo(13000, 6);
  });

  it('the timeline reader sees route, outcome and amount as written', () => {
    expect(parseEventDoc(pAppeal.doc)).toMatchObject({
      ok: true,
      event: { route: 'appeal', appellant: '被告', outcome: null },
    });
    expect(S.state.closing).toMatchObject({ amountRecovered: 12345.68 });
  });
});
