/**
 * Writing the seed's replication checkpoints (documents: checkpoints.ts): the local copy, and the
 * server's copy as best effort (PouchDB falls back to the target's copy when the source refuses).
 */
import { checkpointDoc, type CheckpointDoc } from './checkpoints';

/** What the checkpoint writers use of a PouchDB http database. */
export interface CheckpointHttp {
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** A new replication session id (PouchDB compares the two sides' copies by it). */
export function randomSessionId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Writes (or overwrites) the local checkpoint document `id` at `seq`. */
export async function writeLocalCheckpoint(
  local: PouchDB.Database,
  id: string,
  seq: string | number,
  session: string,
): Promise<void> {
  let previous: Partial<CheckpointDoc> | undefined;
  try {
    previous = (await local.get(id)) as unknown as CheckpointDoc;
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
  }
  await local.put(checkpointDoc(id, seq, session, previous) as unknown as PouchDB.Core.PutDocument<object>);
}

/** Writes the server's copy of checkpoint `id` at `seq`; false when the server refused it. */
export async function writeRemoteCheckpoint(
  http: CheckpointHttp,
  id: string,
  seq: string | number,
  session: string,
): Promise<boolean> {
  const path = '_local/' + encodeURIComponent(id.slice('_local/'.length));
  try {
    const got = await http.fetch(path, { headers: { accept: 'application/json' } });
    const previous = got.ok ? ((await got.json()) as Partial<CheckpointDoc>) : undefined;
    const put = await http.fetch(path, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(checkpointDoc(id, seq, session, previous)),
    });
    return put.ok;
  } catch {
    return false;
  }
}
