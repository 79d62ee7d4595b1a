/**
 * Bench `enforcement-case-read-20k` (issue 12, docs/enforcement.md "Per-case reads"): ms for one
 * enforcement case page to read its records (asset inquiries, measures, payments, closing) from a
 * local replica holding 20,000 records over 2,000 cases. Ours: `loadCaseRecords` over records with
 * case-scoped ids (`<type>:<case id>:<uuid>`), which reads the case's own id range plus the older
 * `<type>:<uuid>` records. Baseline, same run: the read before per-case ids, every record of each
 * type by id prefix, then filtered by `caseId` (over the same records with the older ids).
 * Also measured: the compatible read over a replica where 10 % of the records still have the older
 * ids (what a replica looks like after the upgrade), against the same baseline.
 *
 * Runs in Node (tsx) on PouchDB's memory adapter (tests/support/renderer/memory.ts), not on
 * Chromium's IndexedDB: both read an id range in key order, so the ratio carries over, the absolute
 * times do not. Each sample reads 50 cases picked at random (the same cases on both sides).
 * ENFORCEMENT_BENCH_CASES overrides the case count (smoke runs). Writes results/enforcementReads.json.
 */
import { memoryDb } from '../support/renderer/memory';
import { closingId } from '../../core/schemas/enforcement';
import type { LocalDb } from '../../renderer/src/db';
import { loadCaseRecords } from '../../renderer/src/features/enforcement/model/enforcementRecords';
import { LoadMonitor, machineInfo } from './lib/machine';
import { describeRow, pairedRow, writeResults, type MetricRow } from './lib/results';
import { alternate, ROUNDS } from './lib/samples';

const CASES = Number(process.env['ENFORCEMENT_BENCH_CASES'] ?? 2_000);
const PER_CASE = { assetInquiry: 4, enforcementAction: 3, enforcementPayment: 3 } as const;
const READS = 50;
const started = Date.now();
const log = (m: string) => console.log(`[enforcement ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

type Doc = Record<string, unknown>;
const hex = (n: number, width = 12) => n.toString(16).padStart(width, '0');
const caseIdOf = (c: number) => `case:0a1b2c3d-0000-4000-8000-${hex(c)}`;

function fieldsOf(type: keyof typeof PER_CASE, caseId: string): Doc {
  if (type === 'assetInquiry')
    return {
      caseId,
      channel: 'network',
      assetKind: 'bankDeposit',
      institution: '工商银行',
      requestDate: '2026-01-05',
      result: 'notFound',
    };
  if (type === 'enforcementAction')
    return {
      caseId,
      kind: 'executionNotice',
      target: '李四',
      targetKind: 'natural',
      decidedOn: '2026-01-05',
      reason: '执行通知',
    };
  return {
    caseId,
    direction: 'received',
    amount: 100,
    date: '2026-01-06',
    party: '李四',
    source: 'voluntary',
  };
}

/** The records of every case; `legacy(n)` says whether record n keeps the older id. */
function records(legacy: (n: number) => boolean): Doc[] {
  const out: Doc[] = [];
  let n = 0;
  for (let c = 0; c < CASES; c++) {
    const caseId = caseIdOf(c);
    for (const [type, count] of Object.entries(PER_CASE) as [keyof typeof PER_CASE, number][]) {
      for (let i = 0; i < count; i++, n++) {
        const uuid = `${hex(n, 8)}-1111-4000-8000-${hex(c)}`;
        out.push({
          _id: legacy(n) ? `${type}:${uuid}` : `${type}:${caseId}:${uuid}`,
          type,
          schemaVersion: 1,
          createdAt: '2026-01-05T08:00:00.000Z',
          createdBy: 'enf.liu',
          ...fieldsOf(type, caseId),
        });
      }
    }
  }
  return out;
}

async function load(docs: Doc[]): Promise<LocalDb> {
  const db = memoryDb('enfbench');
  for (let i = 0; i < docs.length; i += 2_000) await db.bulkDocs(docs.slice(i, i + 2_000));
  return db;
}

/** The read before per-case ids: every record of each type, filtered by case. */
async function scanRead(db: LocalDb, caseId: string): Promise<number> {
  const types = Object.keys(PER_CASE);
  const lists = await Promise.all(
    types.map((t) => db.allDocs({ startkey: `${t}:`, endkey: `${t}:\ufff0`, include_docs: true })),
  );
  await db.get(closingId(caseId)).catch(() => null);
  return lists.reduce((s, r) => s + r.rows.filter((row) => row.doc?.['caseId'] === caseId).length, 0);
}

async function oursRead(db: LocalDb, caseId: string): Promise<number> {
  const r = await loadCaseRecords(db, caseId);
  return r.inquiries.length + r.measures.length + r.payments.length;
}

async function timeReads(db: LocalDb, picks: number[], read: typeof scanRead): Promise<number> {
  const t0 = performance.now();
  for (const c of picks) {
    const found = await read(db, caseIdOf(c));
    if (found !== 10) throw new Error(`case ${c}: ${found} records, expected 10`);
  }
  return (performance.now() - t0) / picks.length;
}

async function main(): Promise<void> {
  const load0 = new LoadMonitor();
  const total = CASES * 10;
  log(`writing ${total} records over ${CASES} cases, three replicas`);
  const legacyDb = await load(records(() => true));
  const scopedDb = await load(records(() => false));
  const mixedDb = await load(records((n) => n % 10 === 0));
  const rounds = Math.max(ROUNDS, 5);
  const picks = Array.from({ length: rounds }, () =>
    Array.from({ length: READS }, () => Math.floor(Math.random() * CASES)),
  );
  const rows: MetricRow[] = [];
  const baselineName = `every record of each type by id prefix, filtered by caseId (older ids), ${total} records`;
  const scoped = await alternate(
    (r) => timeReads(scopedDb, picks[r] ?? [], oursRead),
    (r) => timeReads(legacyDb, picks[r] ?? [], scanRead),
    { rounds, log },
  );
  rows.push(
    pairedRow(`enforcement-case-read-${total / 1000}k`, 'ms per case page', scoped, baselineName, {
      note: `${CASES} cases × 10 records (4 inquiries, 3 measures, 3 payments) + closing lookup; every record with a case-scoped id`,
    }),
  );
  const mixed = await alternate(
    (r) => timeReads(mixedDb, picks[r] ?? [], oursRead),
    (r) => timeReads(legacyDb, picks[r] ?? [], scanRead),
    { rounds, log },
  );
  rows.push(
    pairedRow(
      `enforcement-case-read-${total / 1000}k-10pct-older-ids`,
      'ms per case page',
      mixed,
      baselineName,
      {
        note: '10 % of the records keep the older <type>:<uuid> ids and are read by the compatible scan',
      },
    ),
  );
  const legacyOnly = await alternate(
    (r) => timeReads(legacyDb, picks[r] ?? [], oursRead),
    (r) => timeReads(legacyDb, picks[r] ?? [], scanRead),
    { rounds, log },
  );
  rows.push(
    pairedRow(
      `enforcement-case-read-${total / 1000}k-all-older-ids`,
      'ms per case page',
      legacyOnly,
      baselineName,
      {
        note: 'worst case: no record has a case-scoped id yet, so ours scans like the baseline',
      },
    ),
  );
  for (const row of rows) log(describeRow(row));
  const file = writeResults(
    'enforcementReads',
    rows,
    machineInfo(load0, 'n/a (Node, PouchDB memory adapter)'),
    {
      setup: `${total} records over ${CASES} cases in PouchDB (memory adapter) under Node ${process.version}; ${READS} case reads per sample`,
    },
  );
  log(`wrote ${file}`);
}

await main();
