/**
 * This workstation's background OCR setting (docs/archives.md "Background OCR"): on or off,
 * paused, and the queue's workstation id, in a `_local/` document of the documents replica (never
 * replicated: it is this computer's). Only archive staff turn it on (the screen); the server
 * refuses OCR texts from anyone else whatever this says.
 */
import type { LocalDb } from './localDb';

const SETTINGS_ID = '_local/archiveOcrQueue';

/** The setting as stored. */
export interface OcrQueueSettings {
  readonly enabled: boolean;
  readonly paused: boolean;
  /** This computer's id in OCR claims (made on first read). */
  readonly workstation: string;
}

type Stored = OcrQueueSettings & Record<string, unknown> & { _id: string; _rev?: string };

async function stored(db: LocalDb): Promise<Stored> {
  try {
    return (await db.get(SETTINGS_ID)) as unknown as Stored;
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
    const fresh: Stored = {
      _id: SETTINGS_ID,
      enabled: false,
      paused: false,
      workstation: `ws-${crypto.randomUUID()}`,
    };
    await db.put(fresh);
    return (await db.get(SETTINGS_ID)) as unknown as Stored;
  }
}

/** The setting (off until archive staff turn it on). */
export async function readOcrSettings(db: LocalDb): Promise<OcrQueueSettings> {
  const { enabled, paused, workstation } = await stored(db);
  return { enabled: enabled === true, paused: paused === true, workstation };
}

/** Changes the setting; returns it. */
export async function writeOcrSettings(
  db: LocalDb,
  change: Partial<Pick<OcrQueueSettings, 'enabled' | 'paused'>>,
): Promise<OcrQueueSettings> {
  const current = await stored(db);
  await db.put({ ...current, ...change });
  return readOcrSettings(db);
}
