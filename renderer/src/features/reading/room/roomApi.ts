/**
 * The reading PC's conversation with the server (docs/file-reading.md). Online only: the visit's
 * database exists only while the visit lasts, so nothing is replicated to the PC and nothing stays
 * behind when the visit ends. Same-origin `fetch` with the session cookie; the server's
 * `_security` decides what this account may read.
 */
import { readingLobbyDbName } from '../../../../../core/schemas/readingVisit';

/** A volume as the visit's description lists it. */
export interface RoomVolume {
  readonly id: string;
  readonly title: string;
  readonly fileId: string | null;
  readonly pageCount: number;
}

/** The visit's description (`visit` in its database, written by the worker). */
export interface RoomVisit {
  readonly visitId: string;
  readonly db: string;
  readonly caseNumber: string;
  readonly readerName: string;
  readonly allowPrint: boolean;
  readonly expiresAt: string;
  readonly volumes: readonly RoomVolume[];
}

/** Thrown when the server refuses or the visit's database is gone. */
export class RoomError extends Error {
  constructor(
    readonly code: 'ended' | 'refused' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}

const enc = encodeURIComponent;

async function get(url: string): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch (err) {
    throw new RoomError('unreachable', (err as Error).message);
  }
}

/** The visit open for `account` now, or null (none, or the server has not opened it yet). */
export async function currentVisit(base: string, account: string): Promise<RoomVisit | null> {
  const lobby = await get(`${base}/${readingLobbyDbName(account)}/current`);
  if (lobby.status === 404 || lobby.status === 403) return null;
  if (!lobby.ok) throw new RoomError('unreachable', `lobby: ${lobby.status}`);
  const pointer = (await lobby.json()) as { db?: unknown };
  if (typeof pointer.db !== 'string') return null;
  const info = await get(`${base}/${pointer.db}/visit`);
  if (info.status === 404 || info.status === 403 || info.status === 401) return null;
  if (!info.ok) throw new RoomError('unreachable', `visit: ${info.status}`);
  const body = (await info.json()) as Omit<RoomVisit, 'db'>;
  return { ...body, db: pointer.db };
}

/** The PDF bytes of a volume's file. */
export async function volumePdf(base: string, db: string, fileId: string): Promise<Uint8Array> {
  const meta = await get(`${base}/${db}/${enc(fileId)}`);
  if (meta.status === 403 || meta.status === 404 || meta.status === 401)
    throw new RoomError('ended', String(meta.status));
  const doc = (await meta.json()) as { _attachments?: Record<string, unknown> };
  const name = Object.keys(doc._attachments ?? {})[0];
  if (!name) throw new RoomError('refused', 'the volume has no file');
  const res = await get(`${base}/${db}/${enc(fileId)}/${enc(name)}`);
  if (!res.ok)
    throw new RoomError(
      res.status === 403 || res.status === 404 ? 'ended' : 'unreachable',
      String(res.status),
    );
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Records that `page` of `volumeId` was viewed or printed. The server refuses a print record when
 * the clerk did not allow printing (the visit's validate_doc_update): then nothing is printed.
 */
export async function recordPage(
  base: string,
  db: string,
  account: string,
  volumeId: string,
  page: number,
  action: 'view' | 'print',
): Promise<void> {
  const id = `pageView:${crypto.randomUUID()}`;
  let res: Response;
  try {
    res = await fetch(`${base}/${db}/${enc(id)}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        type: 'pageView',
        volumeId,
        page,
        action,
        at: new Date().toISOString(),
        createdBy: account,
      }),
    });
  } catch (err) {
    throw new RoomError('unreachable', (err as Error).message);
  }
  if (res.status === 403) throw new RoomError('refused', await res.text());
  if (res.status === 404 || res.status === 401) throw new RoomError('ended', String(res.status));
  if (!res.ok) throw new RoomError('unreachable', String(res.status));
}
