/**
 * What the case-number integration tests check after a run, against the server's documents only:
 * the numbers are exactly 1..n with matching text, nothing else holds a number of the key, and the
 * claim log the worker wrote explains every number (docs/case-numbers.md): positions 0..m without
 * a hole, genesis base 0, each case numbered by the rank of its first position, no conflicted
 * claim left for the conflict centre to show.
 */
import { expect } from 'vitest';
import { DEFAULT_COURT } from '../../../core/court';
import { formatCaseNumber, parseCaseNumber } from '../../../core/domain/caseNumber';
import { claimPrefix, positionOfClaim } from '../../../sync-server/src/workers/caseNumberLog';
import { couchFetch, type CouchTarget, type Credentials } from '../../support/couchTarget';
import {
  caseDoc,
  docsWithPrefix,
  fileCases,
  getDocs,
  numberIdOf,
  sequencesOf,
  waitFor,
} from './workerFixture';

type Doc = Record<string, unknown>;

/** A test year (2100–2899) no earlier run used on this server: no claim and no legacy counter. */
export async function unusedYear(target: CouchTarget): Promise<number> {
  for (;;) {
    const year = 2100 + Math.floor(Math.random() * 800);
    const used = await Promise.all(
      [`caseNumber:claim:${year}:`, `caseNumber:counter:${year}:`].map(async (prefix) => {
        const q = new URLSearchParams({
          startkey: JSON.stringify(prefix),
          endkey: JSON.stringify(`${prefix}\ufff0`),
          limit: '1',
        });
        const r = await couchFetch(`${target.url}/courtdesk_cases/_all_docs?${q.toString()}`, {
          auth: target.admin,
        });
        return r.body.rows.length > 0;
      }),
    );
    if (!used.includes(true)) return year;
  }
}

/** `n` new cases of one type and year, spread over the clerks. */
export function newCases(clerks: Credentials[], n: number, typeCode: string, year: number): Doc[] {
  return Array.from({ length: n }, (_, i) =>
    caseDoc((clerks[i % clerks.length] as Credentials).name, typeCode, year),
  );
}

/** Each clerk files their own share, all at once; returns the case ids in `docs` order. */
export async function fileAll(target: CouchTarget, clerks: Credentials[], docs: Doc[]): Promise<string[]> {
  await Promise.all(
    clerks.map((c) =>
      fileCases(
        target,
        c,
        docs.filter((d) => d['createdBy'] === c.name),
        10,
      ),
    ),
  );
  return docs.map((d) => String(d['_id']));
}

/**
 * Waits until at least `atLeast` of `caseIds` have their number document, for as long as numbering
 * moves: a busy server numbers slowly, a stuck worker numbers nothing for `stallMs`. `busy` (e.g.
 * the lines the workers printed so far) counts as movement too: a worker catching up with older
 * changes first is not stuck.
 */
export async function whileNumbering(
  target: CouchTarget,
  caseIds: string[],
  atLeast = caseIds.length,
  busy: () => number = () => 0,
  stallMs = 60_000,
): Promise<Map<string, Doc>> {
  let docs = new Map<string, Doc>();
  let moved = Date.now();
  let work = busy();
  await waitFor(
    `${atLeast} of ${caseIds.length} case numbers (numbering still moving)`,
    async () => {
      const now = await getDocs(target, 'courtdesk_cases', caseIds.map(numberIdOf));
      if (now.size > docs.size || busy() > work) [moved, work] = [Date.now(), busy()];
      docs = now;
      if (docs.size < atLeast && Date.now() - moved > stallMs)
        throw new Error(`numbering stalled at ${docs.size} of ${caseIds.length} for ${stallMs / 1000} s`);
      return docs.size >= atLeast;
    },
    3_600_000,
  );
  return new Map([...docs.values()].map((d) => [String(d['caseId']), d]));
}

/** The claims of one key as the server shows them (winners, with `_conflicts`), by position. */
export async function claimsOf(target: CouchTarget, year: number, typeCode: string): Promise<Doc[]> {
  const prefix = claimPrefix({ year, court: DEFAULT_COURT.code, typeCode });
  const q = new URLSearchParams({
    startkey: JSON.stringify(prefix),
    endkey: JSON.stringify(`${prefix}\ufff0`),
    include_docs: 'true',
    conflicts: 'true',
  });
  const r = await couchFetch(`${target.url}/courtdesk_cases/_all_docs?${q.toString()}`, {
    auth: target.admin,
  });
  return (r.body.rows as { doc: Doc }[]).map((row) => row.doc);
}

/** Problems of the claim log of a key against the numbers recorded (empty: consistent). */
function logProblems(claims: Doc[], numbers: Map<string, Doc>): string[] {
  const problems: string[] = [];
  const positions = claims.map((c) => positionOfClaim(String(c['_id'])));
  if (positions.some((p, i) => p !== i)) problems.push(`positions ${JSON.stringify(positions)}`);
  if (claims[0]?.['base'] !== 0) problems.push(`genesis ${JSON.stringify(claims[0])}`);
  const conflicted = claims.filter((c) => Array.isArray(c['_conflicts']) && c['_conflicts'].length > 0);
  if (conflicted.length > 0) problems.push(`conflicted claims ${conflicted.map((c) => c['_id']).join(', ')}`);
  const first = new Map<string, number>();
  for (const c of claims.slice(1))
    if (!first.has(String(c['caseId']))) first.set(String(c['caseId']), Number(c['position']));
  if ([...first.keys()].sort().join() !== [...numbers.keys()].sort().join())
    problems.push(`holders ${first.size} vs numbered cases ${numbers.size}`);
  const ranked = [...first.entries()].sort((a, b) => a[1] - b[1]).map(([caseId]) => caseId);
  for (const [caseId, d] of numbers) {
    if (d['position'] !== first.get(caseId)) problems.push(`${caseId}: position ${String(d['position'])}`);
    if (d['seq'] !== ranked.indexOf(caseId) + 1)
      problems.push(`${caseId}: seq ${String(d['seq'])} is not its rank`);
  }
  return problems;
}

/** Checks the numbers of `caseIds` are exactly 1..n, and that the claim log explains them. */
export async function expectConsecutive(
  target: CouchTarget,
  caseIds: string[],
  year: number,
  typeCode: string,
  busy?: () => number,
): Promise<void> {
  const numbers = await whileNumbering(target, caseIds, caseIds.length, busy);
  expect(sequencesOf(numbers.values())).toEqual(Array.from({ length: caseIds.length }, (_, i) => i + 1));
  for (const [caseId, d] of numbers) {
    expect(d['caseId']).toBe(caseId);
    expect(d['createdBy']).toBe('worker');
    expect(d['caseNumber']).toBe(
      formatCaseNumber({ year, court: DEFAULT_COURT.code, typeCode, sequence: Number(d['seq']) }),
    );
    expect(parseCaseNumber(String(d['caseNumber'])).ok).toBe(true);
  }
  // Nothing else holds a number of this key.
  const all = (await docsWithPrefix(target, 'courtdesk_cases', 'caseNumber:')).filter(
    (d) => d['kind'] === undefined && d['year'] === year && d['caseTypeCode'] === typeCode,
  );
  expect(all.length).toBe(caseIds.length);
  // The log settles (losing leaves deleted, every copy holding the winners) and explains every number.
  let problems: string[] = [];
  await waitFor(
    'the claim log to explain the numbers',
    async () => (problems = logProblems(await claimsOf(target, year, typeCode), numbers)).length === 0,
    60_000,
  ).catch(() => undefined);
  expect(problems).toEqual([]);
}
