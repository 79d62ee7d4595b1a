/**
 * Bench of the court-document editor in Chromium (tests/bench/page/documentsMain.ts: the app's own
 * editor extensions over Yjs), on a 40,000-character judgment built from 5,000 edits:
 *
 *  - `keystroke-p95-40k` / `keystroke-p50-40k`: input-to-next-frame latency of Chinese characters
 *    committed one at a time in the middle of the document (`beforeinput` → the frame after the
 *    editor, Yjs and the decorations have handled it); baseline: the same text in a TipTap editor
 *    with the schema only (no Yjs, no numbering, no checker). One sample = the p95 (p50) of one
 *    pass of KEYS keystrokes. `keystroke-handling-p95-40k`: the same keystrokes until the end of
 *    their input task, without the wait for the frame (the editor's own work).
 *  - `draft-open-40k`: from the draft's 5,000 stored updates to an editable, laid-out editor;
 *    baseline: the same text opened as plain HTML in the same editor without Yjs.
 *  - `draft-open-snapshot-40k`: the same draft after compaction, from one snapshot folding those
 *    updates; baseline: the 5,000 unfolded updates (draft-open-40k's ours), in the same run.
 *  - `merge-two-offline-500`: a 38,000-character judgment edited offline on two copies, 500 edits
 *    each in batches of 10; one copy integrates the other's 50 batches through the app's DraftState
 *    (same-words detection and spot recording included); baseline: bare `Y.applyUpdate` of the
 *    same batches.
 *
 * Every metric: lib/samples.ts (≥ 3 samples per side, alternating). Writes results/documents.json.
 * Never a pass/fail on time (docs/product-rules.md §8.5).
 */
import { LoadMonitor, machineInfo } from './lib/machine';
import { openBenchPage } from './lib/harness';
import { describeRow, pairedRow, writeResults, type MetricRow } from './lib/results';
import { alternate } from './lib/samples';
import { percentile } from './lib/stats';
import type { DocPageApi, Latencies, MountOptions } from './page/documentsMain';

const KEYS = Number(process.env['DOCUMENTS_BENCH_KEYS'] ?? 150);
const PARAGRAPHS = 250;
const EDITS_PER_PARAGRAPH = 20;
const started = Date.now();
const log = (m: string) => console.log(`[documents ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

/** Judgment prose, 160 characters a paragraph, 40,000 in all (each paragraph a little different). */
function judgmentParagraphs(): string[] {
  const prose =
    '原告欧阳晓峰向本院提出诉讼请求：判令被告白银市恒达商贸有限公司支付货款人民币壹拾万元及逾期付款利息。事实和理由：双方于二〇二五年三月签订买卖合同，约定原告供货后三十日内付款，被告收货后至今未付。被告辩称，原告交付的货物存在质量问题，其已于合理期限内提出异议，不应支付全部货款。本院经审理认定事实如下，对当事人无争议的证据本院予以确认并在卷佐证。';
  return Array.from({ length: PARAGRAPHS }, (_, i) => {
    const head = `第${i + 1}段`;
    return (head + prose).slice(0, 160);
  });
}

const TYPED =
  '本院认为当事人应当按照约定全面履行自己的义务被告未按约定支付货款应承担继续履行及赔偿损失的违约责任';

async function main(): Promise<void> {
  const load = new LoadMonitor();
  const page = await openBenchPage<DocPageApi>('documents.html', 'docPage');
  const rows: MetricRow[] = [];
  const add = (row: MetricRow) => {
    rows.push(row);
    log(describeRow(row));
  };
  const paragraphs = judgmentParagraphs();
  const options = (kind: MountOptions['kind']): MountOptions => ({
    paragraphs,
    kind,
    editsPerParagraph: EDITS_PER_PARAGRAPH,
    numberEvery: 10,
  });
  try {
    const { call } = page;
    const first = await call('mount', options('ours')); // warm-up, not counted
    log(`warm-up: ${first.chars} characters from ${first.updates} updates (state ${first.stateBytes} B)`);
    if (first.chars !== 40_000) throw new Error(`expected 40,000 characters, got ${first.chars}`);

    const open = await alternate(
      async () => (await call('mount', options('ours'))).ms,
      async () => (await call('mount', options('baseline'))).ms,
      { log },
    );
    add(
      pairedRow(
        'draft-open-40k',
        'ms',
        open,
        'the same text as plain HTML in a TipTap editor with the schema only (no Yjs)',
        {
          note: `${first.updates} stored updates (one session's batches) applied through the app's DraftState as draftLoad.ts does, editor created and laid out; the IndexedDB read of the batch documents is not included`,
        },
      ),
    );

    // The same draft once compaction has folded its updates into one snapshot.
    const fromSnapshot: MountOptions = { ...options('ours'), from: 'snapshot' };
    const snapshotOpen = await alternate(
      async () => (await call('mount', fromSnapshot)).ms,
      async () => (await call('mount', options('ours'))).ms,
      { log },
    );
    add(
      pairedRow(
        'draft-open-snapshot-40k',
        'ms',
        snapshotOpen,
        `the same draft opened from its ${first.updates} unfolded updates (draft-open-40k's ours)`,
        {
          note: `the ${first.updates} updates folded into one snapshot (Y.encodeStateAsUpdate, as compaction writes it) applied to a fresh document, editor created and laid out; the IndexedDB read is not included`,
        },
      ),
    );

    const merge38k = paragraphs.map((p) => p.slice(0, 152));
    const mergeInfo = { chars: [0, 0], spots: 0, batches: 0 };
    const merge = await alternate(
      async (round) => {
        const r = await call('mergeOffline', 'ours', merge38k, 500, 2026 + round);
        mergeInfo.chars[0] = r.chars;
        mergeInfo.spots = r.spots;
        mergeInfo.batches = r.batches;
        return r.ms;
      },
      async (round) => {
        const r = await call('mergeOffline', 'baseline', merge38k, 500, 2026 + round);
        mergeInfo.chars[1] = r.chars;
        if (mergeInfo.chars[0] !== r.chars)
          throw new Error(`merged texts differ: ${mergeInfo.chars.join(' vs ')}`);
        return r.ms;
      },
      { log },
    );
    add(
      pairedRow(
        'merge-two-offline-500',
        'ms',
        merge,
        'bare Y.applyUpdate of the same batches (no same-words detection)',
        {
          note: `${merge38k.length * 152} characters; ${mergeInfo.batches} batches of the other writer integrated; ${mergeInfo.spots} same-words spots found in the last round (random edits collide)`,
        },
      ),
    );

    /** One pass of KEYS keystrokes in the middle of the document; all latencies of the pass. */
    async function pass(kind: MountOptions['kind']): Promise<Latencies> {
      await call('mount', options(kind));
      await call('caret', PARAGRAPHS / 2, 80);
      await call('startLatency');
      for (let i = 0; i < KEYS; i++) {
        await page.page.keyboard.insertText(TYPED[i % TYPED.length] as string);
        await call('settle');
      }
      const latencies = await call('stopLatency');
      const text = (await call('editorParagraphs'))[PARAGRAPHS / 2] ?? '';
      if (text.length !== 160 + KEYS)
        throw new Error(`typed text lost or doubled: ${text.length} characters`);
      return latencies;
    }
    const passes: Record<'ours' | 'baseline', Latencies[]> = { ours: [], baseline: [] };
    const p95 = await alternate(
      async () => {
        const xs = await pass('ours');
        passes.ours.push(xs);
        return percentile(xs.frame, 95);
      },
      async () => {
        const xs = await pass('baseline');
        passes.baseline.push(xs);
        return percentile(xs.frame, 95);
      },
      { log },
    );
    const baselineName =
      'the same text in a TipTap editor with the schema only (no Yjs, no numbering, no checker)';
    const note = `${KEYS} Chinese characters committed one at a time (CDP insertText) mid-document; latency = beforeinput → the frame after`;
    add(pairedRow('keystroke-p95-40k', 'ms', p95, baselineName, { note }));
    const fromPasses = (pick: (l: Latencies) => number[], p: number) => ({
      ours: passes.ours.map((l) => percentile(pick(l), p)),
      baseline: passes.baseline.map((l) => percentile(pick(l), p)),
      order: p95.order,
    });
    const same = { note: 'the same passes as keystroke-p95-40k' };
    add(
      pairedRow(
        'keystroke-p50-40k',
        'ms',
        fromPasses((l) => l.frame, 50),
        baselineName,
        same,
      ),
    );
    add(
      pairedRow(
        'keystroke-handling-p95-40k',
        'ms',
        fromPasses((l) => l.handled, 95),
        baselineName,
        {
          note: 'the same passes; beforeinput → the end of its task (the work of the editor, Yjs, decorations), without waiting for the frame',
        },
      ),
    );
    // Where a keystroke's time goes: the frame's own work (style, layout, paint of the 40,000
    // characters) is the part after the frame starts; before it, the input task and the wait for vsync.
    const render = (l: Latencies) => l.frame.map((f, i) => f - (l.frameStart[i] ?? f));
    add(
      pairedRow('keystroke-render-p95-40k', 'ms', fromPasses(render, 95), baselineName, {
        note: 'the same passes; from the start of the frame after the input (animation-frame callbacks) to the end of that frame (style, layout, paint)',
      }),
    );
    const file = writeResults('documents', rows, machineInfo(load, page.chromium), {
      setup: `${PARAGRAPHS} paragraphs × 160 characters = 40,000 characters, every 10th numbered, built from ${first.updates} Yjs updates (${first.stateBytes} B state); headless Chromium`,
    });
    log(`wrote ${file}`);
  } finally {
    await page.close();
  }
}

await main();
