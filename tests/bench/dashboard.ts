/**
 * Bench `dashboard-quarter-100k` (issue 11): ms to compute the quarterly analysis (季分析: 8
 * quarters + the 4 before them for year-on-year, every indicator, total and per division) over
 * 100,000 cases, from the case facts the case catalog keeps beside each summary
 * (renderer/src/features/cases/model/summarize.ts → core/quality). Baseline, same run: the naive
 * way, one full fold of every case's documents per indicator (17 × 100,000 folds), each fold then
 * used for that indicator alone. The two results are compared figure by figure.
 *
 * Runs in Node (tsx) over the bench documents of lib/catalogDocs.ts (same generator as the case
 * catalog bench), with dispositions, appeals and recoveries added so every indicator has data.
 * Also reported without a baseline: `dashboard-facts-100k`, the one-off cost of folding every
 * case into facts (what the catalog's build already pays for the case list).
 * Every sample starts after a full garbage collection.
 * DASHBOARD_BENCH_N overrides the case count (smoke runs). Writes results/dashboard.json.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { foldCaseState } from '../../core/domain/caseState';
import { caseFactsOf, type CaseFacts } from '../../core/quality/caseFacts';
import { INDICATOR_NAMES, type IndicatorName } from '../../core/quality/indicators';
import { quarterlyAnalysis, type QuarterlyAnalysis } from '../../core/quality/views';
import { benchCaseDocs } from './lib/catalogDocs';
import { LoadMonitor, machineInfo } from './lib/machine';
import { describeRow, pairedRow, soloRow, writeResults, type MetricRow } from './lib/results';
import { alternate, repeat } from './lib/samples';

const N = Number(process.env['DASHBOARD_BENCH_N'] ?? 100_000);
const DAY = '2026-11-30';
const started = Date.now();
const log = (m: string) => console.log(`[dashboard ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

// A full collection before every sample, on both sides: the naive side leaves ~2M folded objects
// behind, and a collection of them landing in the next sample of ours measured the baseline's garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

type Doc = Record<string, unknown>;
interface CaseDocs {
  caseDoc: Doc;
  caseNumberDoc: Doc | null;
  assignmentDoc: Doc | null;
  events: Doc[];
}

/** The bench cases, with varied closings, appeals (some reversed) and enforcement recoveries. */
function makeCases(n: number): CaseDocs[] {
  const seq = new Map<string, number>();
  const seqOf = (k: string) => {
    const v = (seq.get(k) ?? 0) + 1;
    seq.set(k, v);
    return v;
  };
  const out: CaseDocs[] = [];
  for (let i = 0; i < n; i++) {
    const docs = benchCaseDocs(i, seqOf);
    const caseDoc = docs[0] as Doc;
    const c: CaseDocs = { caseDoc, caseNumberDoc: null, assignmentDoc: null, events: [] };
    for (const d of docs.slice(1)) {
      if (d['type'] === 'caseNumber') c.caseNumberDoc = d;
      else if (d['type'] === 'assignment') c.assignmentDoc = d;
      else c.events.push(d);
    }
    const closed = c.events.find((e) => e['kind'] === 'closed');
    if (closed) {
      const data = closed['data'] as Doc;
      const enforcement = String(caseDoc['caseType']).startsWith('执');
      if (enforcement) {
        data['disposition'] = i % 3 === 0 ? 'enforcementEnded' : 'enforced';
        data['amountRecovered'] = (i % 50) * 1000;
      } else if (i % 7 === 0) data['disposition'] = 'mediation';
      else if (i % 11 === 0) data['disposition'] = 'withdrawal';
      else if (i % 13 === 0) {
        const at = String(closed['at']);
        const appealId = `${String(closed['_id'])}:appeal`;
        c.events.push({ ...closed, _id: appealId, kind: 'appeal', at: at.replace('T10', 'T11'), data: {} });
        if (i % 39 === 0)
          c.events.push({
            ...closed,
            _id: `${appealId}:decided`,
            kind: 'appeal',
            at: at.replace('T10', 'T12'),
            data: { appealOf: appealId, outcome: i % 78 === 0 ? 'remanded' : 'reversed' },
          });
      }
    }
    out.push(c);
  }
  return out;
}

function factsOf(c: CaseDocs): CaseFacts {
  return caseFactsOf(foldCaseState({ ...c, asOf: DAY }), c.caseDoc);
}

/** Every figure value of an analysis for one indicator (trend, year before, per division). */
function valuesOf(a: QuarterlyAnalysis, name: IndicatorName): (number | null)[] {
  const out = [...a.trend, ...a.lastYear].map((x) => x[name].value);
  for (const [, qs] of a.byDivision) for (const x of qs) out.push(x ? x[name].value : null);
  return out;
}

async function main(): Promise<void> {
  const load = new LoadMonitor();
  const rows: MetricRow[] = [];
  const add = (row: MetricRow) => {
    rows.push(row);
    log(describeRow(row));
  };
  const cases = makeCases(N);
  log(`built ${N} cases (${cases.reduce((s, c) => s + 3 + c.events.length, 0)} documents) in memory`);

  let facts: CaseFacts[] = [];
  const foldSamples = await repeat(
    async () => {
      collect();
      const t0 = performance.now();
      facts = cases.map(factsOf);
      return performance.now() - t0;
    },
    { log },
  );
  add(
    soloRow('dashboard-facts-100k', 'ms', foldSamples, 'one-off cost, paid by the case catalog build', {
      note: 'fold every case (core foldCaseState) and take its facts (core/quality caseFactsOf)',
    }),
  );

  let ours: QuarterlyAnalysis | null = null;
  let naive: Map<IndicatorName, (number | null)[]> = new Map();
  quarterlyAnalysis(facts, DAY); // warm-up (JIT), not counted
  const samples = await alternate(
    async () => {
      collect();
      const t0 = performance.now();
      ours = quarterlyAnalysis(facts, DAY);
      return performance.now() - t0;
    },
    async () => {
      collect();
      const t0 = performance.now();
      const result = new Map<IndicatorName, (number | null)[]>();
      for (const name of INDICATOR_NAMES) {
        // Naive: fold every case again for each indicator, then compute just that indicator.
        const folded = cases.map(factsOf);
        result.set(name, valuesOf(quarterlyAnalysis(folded, DAY), name));
      }
      naive = result;
      return performance.now() - t0;
    },
    { log },
  );
  let mismatches = 0;
  for (const name of INDICATOR_NAMES) {
    const a = valuesOf(ours as unknown as QuarterlyAnalysis, name);
    const b = naive.get(name) ?? [];
    if (a.length !== b.length || a.some((v, i) => v !== b[i])) mismatches++;
  }
  const latest = (ours as unknown as QuarterlyAnalysis).trend.at(-1);
  add(
    pairedRow(
      'dashboard-quarter-100k',
      'ms',
      samples,
      'naive: a full fold of every case per indicator (17 × 100,000 folds), then that indicator',
      {
        note: `8 quarters to ${DAY} + 4 earlier (year-on-year), 17 indicators, total and per division; target ≤ 1000 ms`,
      },
    ),
  );
  const file = writeResults('dashboard', rows, machineInfo(load, 'n/a (Node, no browser)'), {
    setup: `${N} cases (lib/catalogDocs.ts + dispositions, appeals, recoveries) folded in Node ${process.version}`,
    indicatorMismatches: mismatches,
    latestQuarter: latest
      ? { received: latest.received.value, closed: latest.closed.value, pending: latest.pending.value }
      : null,
  });
  log(`indicator mismatches ours vs naive: ${mismatches}; wrote ${file}`);
  if (mismatches > 0) process.exitCode = 1;
}

await main();
