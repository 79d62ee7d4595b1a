/**
 * Asks the server which documents it has (`POST <db>/_all_docs` with `keys`), through the app's
 * same-origin CouchDB path with the session cookie. Compaction deletes only what a snapshot the
 * server holds covers.
 */
import type { ServerCheck } from './compaction';

/** A {@link ServerCheck} against `${couchBaseUrl}/${dbName}`; rejects when the server cannot answer. */
export function serverCheck(couchBaseUrl: string, dbName: string): ServerCheck {
  return async (ids) => {
    const res = await fetch(`${couchBaseUrl}/${encodeURIComponent(dbName)}/_all_docs`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ keys: ids }),
    });
    if (!res.ok) throw new Error(`_all_docs: ${res.status}`);
    const body = (await res.json()) as {
      rows: { id?: string; key: string; value?: { deleted?: boolean } }[];
    };
    return new Set(body.rows.filter((r) => r.id && r.value && !r.value.deleted).map((r) => r.key));
  };
}
