import { beforeAll, describe, expect, it } from 'vitest';
import { couchFetch, createDb, uniqueDbName, type CouchTarget } from '../../../tests/support/couchTarget';
import { embeddedServerForFile } from '../../../tests/support/embeddedServerForFile';
import { ConflictGuard, GUARDED_DATABASES } from './conflictGuard';
import { CouchHttp, type CouchDoc } from './couchHttp';

// One embedded server for the file; every test builds its revision tree in databases of its own
// (replicated revisions written with new_edits:false, exactly as PouchDB's replicator writes them).
// The whole worker against CouchDB is in tests/integration/worker/conflictGuard.test.ts.
const server = embeddedServerForFile();
let target: CouchTarget;
let couch: CouchHttp;
beforeAll(() => {
  target = server.target;
  couch = new CouchHttp(target.adminUrl);
});

const AT = '2026-01-06T09:00:00.000Z';
const now = () => new Date('2026-01-07T00:00:00.000Z');
const change = { seq: 1, id: 'case:1', deleted: true };
const body = (cause: string) => ({ type: 'case', createdBy: 'clerk.wang', cause });

/** A revision of `case:1` with its history (newest first), as a replicator writes it. */
function rev(history: string[], fields: Record<string, unknown>): CouchDoc {
  return {
    _id: 'case:1',
    _rev: history[0],
    _revisions: { start: parseInt(history[0] ?? '', 10), ids: history.map((h) => h.split('-')[1] ?? '') },
    ...fields,
  };
}
/** A tombstone, marked as a conflict resolution keeping `keptRev` when given. */
function tomb(history: string[], keptRev?: string): CouchDoc {
  return rev(history, { _deleted: true, ...(keptRev ? { conflictResolution: { keptRev, at: AT } } : {}) });
}

interface Setup {
  db: string;
  audit: string;
  guard: ConflictGuard;
  /** Documents in the audit database. */
  audits(): Promise<Record<string, unknown>[]>;
  /** Every leaf of `case:1`: rev → deleted. */
  leaves(): Promise<Record<string, boolean>>;
}

/** Two fresh databases; `revisions` written in order (bodies first, then the leaves on top). */
async function setup(revisions: CouchDoc[]): Promise<Setup> {
  const db = uniqueDbName('courtdesk_cases');
  const audit = uniqueDbName('courtdesk_audit');
  await createDb(target, db);
  await createDb(target, audit);
  for (const doc of revisions) {
    const r = await couchFetch(`${target.url}/${db}/_bulk_docs`, {
      method: 'POST',
      auth: target.admin,
      body: { docs: [doc], new_edits: false },
    });
    if (r.status !== 201) throw new Error(`write ${String(doc._rev)}: ${r.status} ${r.text}`);
  }
  return {
    db,
    audit,
    guard: new ConflictGuard(couch, { db, auditDb: audit, now }),
    async audits() {
      const r = await couchFetch(`${target.url}/${audit}/_all_docs?include_docs=true`, {
        auth: target.admin,
      });
      return (r.body.rows as { doc: Record<string, unknown> }[]).map((row) => row.doc);
    },
    async leaves() {
      const r = await couchFetch(`${target.url}/${db}/case%3A1?open_revs=all`, { auth: target.admin });
      return Object.fromEntries(
        (r.body as { ok: CouchDoc }[]).map(({ ok }) => [ok._rev as string, ok._deleted === true]),
      );
    },
  };
}

/** The live document as CouchDB shows it now, with its revision history. */
async function current(s: Setup): Promise<Record<string, unknown>> {
  return (await couchFetch(`${target.url}/${s.db}/case%3A1?revs=true`, { auth: target.admin })).body;
}

describe('ConflictGuard', () => {
  it('guards every replicated staff database, not the worker-only public and audit ones', () => {
    expect([...GUARDED_DATABASES].sort()).toEqual([
      'courtdesk_cases',
      'courtdesk_documents',
      'courtdesk_enforcement',
      'courtdesk_forum',
      'courtdesk_library',
      'courtdesk_notices',
    ]);
  });

  it('ignores live documents and ordinary tombstones without reading anything', async () => {
    // A server nobody listens on: any read or write would throw.
    const unreachable = new CouchHttp('http://admin:x@127.0.0.1:9');
    const g = new ConflictGuard(unreachable, { db: 'courtdesk_cases', now });
    expect(await g.handle({ seq: 1, id: 'case:1', doc: { _id: 'case:1', ...body('x') } })).toEqual({
      status: 'ignored',
    });
    expect(await g.handle({ ...change, doc: { _id: 'case:1', _rev: '2-a', _deleted: true } })).toEqual({
      status: 'ignored',
    });
    await expect(g.handle(change)).rejects.toMatchObject({ name: 'CouchHttpError', status: undefined });
  });

  it('leaves a document alone when one deletion took the remove right (no marker)', async () => {
    const s = await setup([
      rev(['2-a', '1-r'], body('a')),
      tomb(['3-c', '2-a', '1-r']),
      tomb(['3-d', '2-b', '1-r'], '2-a'),
    ]);
    expect(await s.guard.handle(change)).toMatchObject({ status: 'deleted' });
    expect(await s.audits()).toEqual([]);
    expect(await s.leaves()).toEqual({ '3-c': true, '3-d': true });
  });

  it('restores the branch the other tombstones named as kept, audit first', async () => {
    // a genuine resolution kept 2-a (3-a2 written on it; 5-d deleted the longer loser 4-b), then
    // 3-a2 was deleted by a forged marked tombstone 4-e naming the loser as kept; CouchDB shows the
    // longer 5-d as the winner, but 2-a vouches for the branch of 4-e
    const s = await setup([
      rev(['3-a2', '2-a', '1-r'], body('kept')),
      rev(['4-b', '3-b2', '2-b1', '1-r'], body('loser')),
      tomb(['4-e', '3-a2', '2-a', '1-r'], '4-b'),
      tomb(['5-d', '4-b', '3-b2', '2-b1', '1-r'], '2-a'),
    ]);
    const r = await s.guard.handle(change);
    expect(r).toMatchObject({ status: 'restored', tombstoneRev: '4-e', fromRev: '3-a2' });
    const short = s.db.replace(/^courtdesk_/, '');
    const audits = await s.audits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      _id: `audit:20260106T090000Z:conflict-restored-${short}-case:1-4-e`,
      type: 'audit',
      kind: 'conflictRestored',
      schemaVersion: 1,
      createdBy: 'worker',
      createdAt: '2026-01-07T00:00:00.000Z',
      docId: 'case:1',
      restoredFromRev: '3-a2',
      deletedLeaves: ['5-d', '4-e'],
    });
    // The kept body is live again, written without a `_rev` (CouchDB recreates a fully deleted
    // document only that way; 409 for a tombstone's rev), so on top of the winning tombstone 5-d.
    const doc = await current(s);
    expect(doc).toMatchObject({ ...body('kept'), _rev: r.status === 'restored' ? r.rev : '' });
    expect(doc['_revisions']).toMatchObject({
      start: 6,
      ids: [expect.any(String), 'd', 'b', 'b2', 'b1', 'r'],
    });
    expect(await s.leaves()).toMatchObject({ '4-e': true });
  });

  it('a forged keptRev naming a common ancestor or a directly deleted leaf vouches for nothing', async () => {
    // both leaves deleted directly, each claiming the other (or the root) was kept: CouchDB's winner
    const s = await setup([
      rev(['2-a', '1-r'], body('a')),
      rev(['2-b', '1-r'], body('b')),
      tomb(['3-c', '2-a', '1-r'], '1-r'),
      tomb(['3-d', '2-b', '1-r'], '2-a'),
    ]);
    const r = await s.guard.handle(change);
    expect(r).toMatchObject({ status: 'restored', tombstoneRev: '3-d', fromRev: '2-b' });
    expect(await current(s)).toMatchObject({ cause: 'b' });
  });

  it('walks back to the newest ancestor whose body survives compaction; audits when none does', async () => {
    // 3-c and 1-a were never stored here (as after compaction): only 2-b has a body
    const older = await setup([
      rev(['2-b', '1-a'], body('older')),
      tomb(['4-e', '3-c', '2-b', '1-a'], '1-z'),
    ]);
    expect(await older.guard.handle(change)).toMatchObject({ status: 'restored', fromRev: '2-b' });
    expect(await current(older)).toMatchObject({ cause: 'older' });

    const none = await setup([tomb(['4-e', '3-c', '2-b', '1-a'], '1-z')]);
    const r = await none.guard.handle(change);
    expect(r.status).toBe('unrecoverable');
    const audits = await none.audits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ kind: 'conflictRestoreFailed', docId: 'case:1' });
    expect(await none.leaves()).toEqual({ '4-e': true });
  });
});
