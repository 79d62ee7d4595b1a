/**
 * The background OCR runner of this workstation (docs/archives.md "Background OCR"): while an
 * archive staff member is signed in and the setting is on, it runs the queue
 * (db/archiveOcrQueue.ts) in the app's OCR Web Worker, one page at a time and only when the user
 * has left keyboard and mouse alone for a while (requestIdleCallback, then the page); pausing
 * stops after the current page. One runner per app; the screens read its state.
 */
import { useSyncExternalStore } from 'react';
import { runOcrQueue, type OcrQueueProgress } from '../../../db/archiveOcrQueue';
import { readOcrSettings, writeOcrSettings, type OcrQueueSettings } from '../../../db/archiveOcrSettings';
import { readFile } from '../../../db/attachments';
import type { ArchiveSession } from '../model/useArchiveSession';
import { openScanPages } from './readScan';

/** What the runner is doing. */
export type BackgroundOcrStatus = 'off' | 'paused' | 'running' | 'idle' | 'error';

/** The runner's state as the screen shows it. */
export interface BackgroundOcrState {
  readonly status: BackgroundOcrStatus;
  readonly settings: OcrQueueSettings | null;
  readonly progress: OcrQueueProgress | null;
  /** Volumes finished since the app started. */
  readonly finished: number;
  readonly error: string | null;
}

/** No keyboard or mouse input for this long before a page is read. */
const IDLE_MS = 15_000;
/** A finished queue looks again for new volumes after this long (or when woken). */
const RECHECK_MS = 5 * 60_000;

let state: BackgroundOcrState = { status: 'off', settings: null, progress: null, finished: 0, error: null };
const listeners = new Set<() => void>();
function publish(change: Partial<BackgroundOcrState>): void {
  state = { ...state, ...change };
  for (const l of listeners) l();
}

let lastInput = 0;
let inputWatched = false;
function watchInput(): void {
  if (inputWatched) return;
  inputWatched = true;
  const seen = () => {
    lastInput = Date.now();
  };
  for (const e of ['pointerdown', 'keydown', 'wheel'])
    window.addEventListener(e, seen, { capture: true, passive: true });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Run {
  readonly session: ArchiveSession;
  stopped: boolean;
  interrupt: boolean;
  wake: () => void;
}
let current: Run | null = null;

function until(run: Run, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (run.stopped || run.interrupt) {
      resolve(); // changed while this iteration was reading the setting
      return;
    }
    const timer = setTimeout(resolve, ms);
    run.wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

async function waitIdle(run: Run): Promise<void> {
  while (!run.stopped && !run.interrupt && Date.now() - lastInput < IDLE_MS) await sleep(2_000);
  await new Promise<void>((r) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => r(), { timeout: 5_000 })
      : setTimeout(r, 0),
  );
}

async function loop(run: Run): Promise<void> {
  const { session } = run;
  while (!run.stopped) {
    run.interrupt = false;
    const settings = await readOcrSettings(session.db);
    publish({ settings });
    if (!settings.enabled || settings.paused) {
      publish({ status: settings.enabled ? 'paused' : 'off', progress: null });
      await until(run, RECHECK_MS);
      continue;
    }
    publish({ status: 'running', error: null });
    try {
      const result = await runOcrQueue({
        db: session.db,
        user: session.user,
        isAdmin: session.roles.includes('admin'),
        workstation: settings.workstation,
        fetchScan: async (fileId) => {
          await session.engine.fetchFile('documents', fileId);
          const { info, blob } = await readFile(session.db, fileId);
          return new Blob([blob], { type: info.contentType });
        },
        openScan: openScanPages,
        shouldStop: () => run.stopped || run.interrupt,
        waitIdle: () => waitIdle(run),
        onProgress: (progress) => publish({ progress }),
      });
      publish({ finished: state.finished + result.finished.length });
      if (!result.stopped) {
        publish({ status: 'idle', progress: null });
        await until(run, RECHECK_MS);
      }
    } catch (err) {
      publish({ status: 'error', error: (err as Error).message });
      await until(run, 60_000);
    }
  }
}

/** Starts the runner for a signed-in archive staff member; returns its stop. */
export function attachBackgroundOcr(session: ArchiveSession): () => void {
  watchInput();
  const run: Run = { session, stopped: false, interrupt: false, wake: () => {} };
  current = run;
  void loop(run);
  return () => {
    run.stopped = true;
    run.wake();
    if (current === run) current = null;
    publish({ status: 'off', progress: null, settings: null });
  };
}

/** Turns the queue on or off, or pauses or resumes it, on this workstation. */
export async function changeBackgroundOcr(
  session: ArchiveSession,
  change: Partial<Pick<OcrQueueSettings, 'enabled' | 'paused'>>,
): Promise<void> {
  publish({ settings: await writeOcrSettings(session.db, change) });
  if (current) {
    current.interrupt = true;
    current.wake();
  }
}

/** The runner's state, live. */
export function useBackgroundOcr(): BackgroundOcrState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
