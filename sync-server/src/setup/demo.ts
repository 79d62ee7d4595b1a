/**
 * Seeds the demo data of {@link generateDemo} into a provisioned CouchDB: the staff accounts
 * (password `courtdesk`, DEMO ONLY) and the case documents, written with `_bulk_docs` in batches.
 * Idempotent: ids are deterministic, existing documents and accounts are left untouched, so a
 * re-run writes nothing (and never re-enables a user an admin disabled).
 */
import { describeCouchError, type CouchClient } from '../couch/client';
import { ensureUser, getDocOrUndefined, userDocId, type UserDoc } from '../couch/helpers';
import { DEMO_PASSWORD, generateDemo, type DemoDoc } from './demoGenerator';

/** Options of {@link seedDemo}. */
export interface SeedDemoOptions {
  /** Number of demo cases (default 3000). */
  cases?: number;
  /** Documents per `_bulk_docs` request (default 500). */
  batchSize?: number;
  log?: (line: string) => void;
}

/** What {@link seedDemo} did. */
export interface SeedDemoReport {
  usersCreated: string[];
  usersKept: string[];
  /** Per database: documents written now and documents already there. */
  docs: Record<string, { written: number; existing: number }>;
}

interface BulkResult {
  id: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** Seeds users and documents; throws with the first real write error (conflicts mean "already there"). */
export async function seedDemo(couch: CouchClient, options: SeedDemoOptions = {}): Promise<SeedDemoReport> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize}`);
  const data = generateDemo(options.cases === undefined ? {} : { cases: options.cases });
  const report: SeedDemoReport = { usersCreated: [], usersKept: [], docs: {} };

  for (const u of data.users) {
    const existing = await getDocOrUndefined<UserDoc>(couch, '_users', userDocId(u.name));
    if (existing) {
      report.usersKept.push(u.name);
      continue;
    }
    await ensureUser(couch, {
      name: u.name,
      roles: u.roles,
      password: DEMO_PASSWORD,
      displayName: u.displayName,
      extra: { division: u.division, title: u.title, demo: true },
    });
    report.usersCreated.push(u.name);
  }
  log(
    `demo users: ${report.usersCreated.length} created, ${report.usersKept.length} already present (password "${DEMO_PASSWORD}", demo only)`,
  );

  for (const [db, docs] of Object.entries(data.docs)) {
    const tally = { written: 0, existing: 0 };
    report.docs[db] = tally;
    for (let i = 0; i < docs.length; i += batchSize) {
      const batch = docs.slice(i, i + batchSize);
      const missing = await missingDocs(couch, db, batch);
      tally.existing += batch.length - missing.length;
      if (missing.length === 0) continue;
      let results: BulkResult[];
      try {
        results = (await couch.request({
          db,
          path: '_bulk_docs',
          method: 'POST',
          body: { docs: missing },
        })) as BulkResult[];
      } catch (err) {
        throw new Error(`${db}: _bulk_docs failed: ${describeCouchError(err)}`, { cause: err });
      }
      for (const r of results) {
        if (r.ok) tally.written++;
        else if (r.error === 'conflict') tally.existing++;
        else throw new Error(`${db}: could not write ${r.id}: ${r.error ?? '?'}: ${r.reason ?? ''}`);
      }
      log(`${db}: ${Math.min(i + batchSize, docs.length)}/${docs.length}`);
    }
    log(`${db}: ${tally.written} written, ${tally.existing} already present`);
  }
  return report;
}

/** The documents of `batch` whose ids the database has never seen (deleted ones count as seen). */
async function missingDocs(couch: CouchClient, db: string, batch: readonly DemoDoc[]): Promise<DemoDoc[]> {
  const res = (await couch.request({
    db,
    path: '_all_docs',
    method: 'POST',
    body: { keys: batch.map((d) => d._id) },
  })) as {
    rows: { key: string; error?: string; value?: unknown }[];
  };
  const seen = new Set(res.rows.filter((r) => !r.error && r.value).map((r) => r.key));
  return batch.filter((d) => !seen.has(d._id));
}
