/**
 * Bench of the archive list (档案) on 20,000 volumes (docs/archives.md "The list at scale"), in
 * Node on PouchDB's `memory` adapter as the renderer tests use it. Ours: the archive index
 * (renderer/src/db/archiveIndex.ts: read once, then only the changed documents) sorted and
 * searched in memory. Baseline: what the list did before, a live query re-reading every volume
 * and paper with include_docs on each change of the replica, then sorting.
 *
 *  - `first-load-20k`: subscribe → the list's rows ready.
 *  - `one-volume-changed-20k`: a volume's parties edited → the list shows it (both debounce 100 ms).
 *  - `docs-read-per-foreign-batch-20k`: documents read after 50 unrelated documents are written
 *    (a co-drafting batch) — the baseline's re-read time is in the note.
 *
 * Samples alternate ours / baseline (lib/samples.ts). Writes results/archiveList.json.
 */
import '../support/renderer/nodeGlobals';
import 'fake-indexeddb/auto';
import { map, type Observable } from 'rxjs';
import {
  archiveEntryOf,
  searchArchive,
  sortArchive,
} from '../../renderer/src/features/archives/model/archiveTypes';
import { watchArchiveIndex } from '../../renderer/src/db/archiveIndex';
import { liveQuery } from '../../renderer/src/db/liveQuery';
import type { LocalDb } from '../../renderer/src/db/localDb';
import { archiveDocs, caseUuid } from '../support/renderer/archiveVolumes';
import { memoryDb } from '../support/renderer/memory';
import { volumeId } from '../../core/archives/ids';
import { LoadMonitor, machineInfo } from './lib/machine';
import { describeRow, pairedRow, writeResults } from './lib/results';
import { alternate } from './lib/samples';

const CASES = 6667; // 3 volumes each: 20,001
const FOREIGN_BATCH = 50;

/** Counts the documents the list reads (rows of allDocs with include_docs). */
function counted(db: LocalDb, reads: { docs: number }): LocalDb {
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== 'allDocs') return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        const res = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if ((args[0] as { include_docs?: boolean } | undefined)?.include_docs)
          reads.docs += (res as { rows: unknown[] }).rows.length;
        return res;
      };
    },
  }) as LocalDb;
}

/** The list before: every volume and paper re-read with its document on each change. */
function baselineList(db: LocalDb): Observable<ReturnType<typeof sortArchive>> {
  return liveQuery(db, async (d) => {
    const rows = [];
    for (const prefix of ['archiveVolume:', 'caseFilePaper:']) {
      const res = await d.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
      rows.push(...res.rows);
    }
    return sortArchive(
      rows.flatMap((r) => {
        const e = r.doc ? archiveEntryOf(r.doc) : null;
        return e ? [e] : [];
      }),
    );
  });
}

/** Ours: the index, sorted once per change. */
function oursList(db: LocalDb): Observable<ReturnType<typeof sortArchive>> {
  return watchArchiveIndex(db).pipe(map((ix) => sortArchive(ix.entries.values())));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let edits = 0;
let foreign = 0;

/** One sample of every metric for one side: [first load ms, one change ms, docs read per foreign batch, its time ms]. */
async function sample(db: LocalDb, list: (db: LocalDb) => Observable<ReturnType<typeof sortArchive>>) {
  const reads = { docs: 0 };
  const spied = counted(db, reads);
  let latest: ReturnType<typeof sortArchive> | undefined;
  let emitted = 0;
  const waiters: (() => void)[] = [];
  const t0 = performance.now();
  const sub = list(spied).subscribe((rows) => {
    latest = rows;
    emitted += 1;
    waiters.splice(0).forEach((w) => w());
  });
  const next = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      const poll = () => (check() ? resolve() : waiters.push(poll));
      poll();
    });
  await next(() => latest !== undefined);
  const firstLoad = performance.now() - t0;
  searchArchive(latest!, {}); // the first page

  const id = volumeId(caseUuid(1 + (edits % CASES)), 'main', 1);
  const party = `编辑${++edits}`;
  const doc = await db.get(id);
  const t1 = performance.now();
  await db.put({ ...doc, parties: [party] });
  await next(() => latest!.some((e) => e.id === id && e.parties[0] === party));
  const oneChange = performance.now() - t1;

  reads.docs = 0;
  const before = emitted;
  const t2 = performance.now();
  await db.bulkDocs(
    Array.from({ length: FOREIGN_BATCH }, () => ({
      _id: `draftUpdate:bench:${++foreign}`,
      type: 'draftUpdate',
    })),
  );
  await Promise.race([next(() => emitted > before), sleep(1500)]);
  const foreignMs = emitted > before ? performance.now() - t2 : 0;
  await sleep(200);
  sub.unsubscribe();
  return { firstLoad, oneChange, foreignDocs: reads.docs, foreignMs };
}

async function main() {
  const load = new LoadMonitor();
  const db = memoryDb('benchArchiveList');
  const docs = archiveDocs(CASES);
  for (let i = 0; i < docs.length; i += 2000) await db.bulkDocs(docs.slice(i, i + 2000));
  const ours: Awaited<ReturnType<typeof sample>>[] = [];
  const base: Awaited<ReturnType<typeof sample>>[] = [];
  const rounds = await alternate(
    async () => {
      ours.push(await sample(db, oursList));
      return 0;
    },
    async () => {
      base.push(await sample(db, baselineList));
      return 0;
    },
    { rounds: 5 },
  );
  const paired = (pick: (s: Awaited<ReturnType<typeof sample>>) => number) => ({
    ours: ours.map(pick),
    baseline: base.map(pick),
    order: rounds.order,
  });
  const baselineName = 'live query re-reading every volume with include_docs';
  const metrics = [
    pairedRow(
      'first-load-20k',
      'ms',
      paired((s) => s.firstLoad),
      baselineName,
    ),
    pairedRow(
      'one-volume-changed-20k',
      'ms',
      paired((s) => s.oneChange),
      baselineName,
    ),
    pairedRow(
      'docs-read-per-foreign-batch-20k',
      'documents',
      paired((s) => s.foreignDocs),
      baselineName,
      {
        note: `baseline's re-read after the batch (write → list re-emitted): ${base.map((s) => s.foreignMs.toFixed(0)).join(', ')} ms; ours re-emits nothing`,
      },
    ),
  ];
  metrics.forEach((m) => console.log(describeRow(m)));
  console.log(metrics[2]?.note);
  console.log(writeResults('archiveList', metrics, machineInfo(load, 'none (Node, PouchDB memory adapter)')));
}

await main();
