/**
 * A query over a local database as an RxJS observable: re-run (debounced) whenever the database
 * changes. React-free, so non-React modules (attachments.ts) and hooks.ts share it.
 */
import { debounceTime, from, Observable, startWith, switchMap } from 'rxjs';
import type { LocalDb } from './localDb';

/** Re-runs `query` against a local database whenever it changes (debounced); undefined until the first result. */
export function liveQuery<T>(
  db: LocalDb,
  query: (db: LocalDb) => Promise<T>,
  debounceMs = 100,
): Observable<T> {
  const changes = new Observable<void>((sub) => {
    const feed = db
      .changes({ since: 'now', live: true, return_docs: false })
      .on('change', () => sub.next())
      .on('error', (e) => sub.error(e));
    return () => feed.cancel();
  });
  return changes.pipe(
    debounceTime(debounceMs),
    startWith(undefined),
    switchMap(() => from(query(db))),
  );
}
