/**
 * The bulk archive import (docs/archives.md "Bulk import") as a real child process against a real
 * server: 2,000 generated volumes (tiny PDFs), the importer killed (SIGKILL) in the middle, started
 * again, and then every CSV row is on the server exactly once — one volume document and one scan
 * file per row, nothing missing, nothing twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../sync-server/src/cli';
import { couchFetch, getCouchTarget, type CouchTarget } from '../support/couchTarget';
import { startArchiveImport, writeArchive, type GeneratedVolume } from '../support/archiveFixtures';

const VOLUMES = 2_000;
const RUN = `it-${Date.now().toString(36)}`;
let target: CouchTarget;
let root: string;
let csv: string;
let volumes: GeneratedVolume[];

beforeAll(async () => {
  target = await getCouchTarget();
  const quiet = { out: () => undefined, err: () => undefined };
  expect(await main(['provision', '--couch', target.adminUrl], quiet)).toBe(0);
  root = mkdtempSync(join(tmpdir(), 'courtdesk-archive-'));
  ({ csv, volumes } = writeArchive(root, VOLUMES, { year: 2000 + (Date.now() % 50) }));
}, 120_000);

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await target?.stop();
});

function runImporter(): { done: Promise<number | null>; kill: () => void; output: () => string } {
  const run = startArchiveImport(target.adminUrl, csv, root, RUN, ['--duty', '1']);
  return { done: run.exited, kill: () => run.child.kill('SIGKILL'), output: run.output };
}

async function progress(): Promise<Record<string, unknown> | null> {
  const r = await couchFetch(
    `${target.url}/courtdesk_documents/${encodeURIComponent(`archiveImport:${RUN}`)}`,
    {
      auth: target.admin,
    },
  );
  return r.status === 200 ? (r.body as Record<string, unknown>) : null;
}

async function allIds(prefix: string): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  const q = new URLSearchParams({
    startkey: JSON.stringify(prefix),
    endkey: JSON.stringify(`${prefix}\ufff0`),
    include_docs: 'true',
  });
  const r = await couchFetch(`${target.url}/courtdesk_documents/_all_docs?${q.toString()}`, {
    auth: target.admin,
  });
  const body = r.body as { rows: { id: string; doc: Record<string, unknown> }[] };
  return body.rows;
}

describe('bulk archive import', () => {
  it('is killed in the middle, resumes, and ends with every volume exactly once', async () => {
    const first = runImporter();
    let killedAt = -1;
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const p = await progress();
      const done = typeof p?.['done'] === 'number' ? p['done'] : 0;
      if (done >= VOLUMES * 0.3) {
        first.kill();
        killedAt = done;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const code = await first.done;
    expect(killedAt, first.output()).toBeGreaterThan(0);
    expect(code).not.toBe(0); // really killed, not finished
    const afterKill = await progress();
    expect(afterKill?.['state']).toBe('running'); // it never got to say it stopped
    expect(afterKill?.['nextRow']).toBeLessThan(VOLUMES);

    const second = runImporter();
    expect(await second.done, second.output()).toBe(0);
    expect(second.output()).toMatch(/resuming archiveImport:it-/u);

    const p = await progress();
    expect(p).toMatchObject({
      state: 'finished',
      done: VOLUMES,
      total: VOLUMES,
      failed: 0,
      nextRow: VOLUMES,
    });
    const vols = await allIds('archiveVolume:');
    const mine = vols.filter((v) => v.doc['importId'] === RUN);
    expect(mine).toHaveLength(VOLUMES);
    // Every CSV row: its case number and volume appear once.
    const key = (caseNumber: unknown, kind: unknown) => `${String(caseNumber)}|${String(kind)}`;
    const want = new Set(
      volumes.map((v) => key(v.caseNumber, v.volume.startsWith('正') ? 'main' : 'secondary')),
    );
    expect(new Set(mine.map((v) => key(v.doc['caseNumber'], v.doc['kind'])))).toEqual(want);
    // One scan file per volume, each owned by its volume, on demand, with the right page count.
    const files = (await allIds('file:')).filter((f) =>
      String(f.doc['ownerId']).startsWith('archiveVolume:'),
    );
    const owners = new Map<string, number>();
    for (const f of files)
      owners.set(String(f.doc['ownerId']), (owners.get(String(f.doc['ownerId'])) ?? 0) + 1);
    for (const v of mine) {
      expect(owners.get(v.id)).toBe(1);
      expect(files.find((f) => f.id === v.doc['fileId'])?.doc['onDemand']).toBe(true);
    }
    const pages = new Map(
      volumes.map((v) => [key(v.caseNumber, v.volume.startsWith('正') ? 'main' : 'secondary'), v.pages]),
    );
    expect(mine.every((v) => v.doc['pageCount'] === pages.get(key(v.doc['caseNumber'], v.doc['kind'])))).toBe(
      true,
    );
    // Nothing was ever written twice: every document is at its first revision.
    expect(mine.every((v) => String(v.doc['_rev']).startsWith('1-'))).toBe(true);

    // A third run finds everything there and changes nothing.
    const third = runImporter();
    expect(await third.done).toBe(0);
    expect((await allIds('archiveVolume:')).filter((v) => v.doc['importId'] === RUN)).toHaveLength(VOLUMES);
  }, 600_000);
});
