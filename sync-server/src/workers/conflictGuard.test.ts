import { describe, expect, it } from 'vitest';
import { ConflictGuard, GUARDED_DATABASES } from './conflictGuard';
import type { CouchDoc, CouchHttp, PutResult } from './couchHttp';

/** A CouchHttp stand-in: leaves per id, stored revision bodies, and the writes made. */
function fakeCouch(leaves: CouchDoc[], bodies: Record<string, CouchDoc>) {
  const writes: { db: string; doc: CouchDoc }[] = [];
  const couch = {
    async expect(_method: string, path: string) {
      const u = new URL(`http://x/${path}`);
      if (u.searchParams.get('open_revs') === 'all')
        return { status: 200, body: leaves.map((ok) => ({ ok })) };
      const rev = u.searchParams.get('rev') ?? '';
      const b = bodies[rev];
      return b ? { status: 200, body: { ...b, _rev: rev } } : { status: 404, body: { error: 'not_found' } };
    },
    async put(db: string, doc: CouchDoc): Promise<PutResult> {
      writes.push({ db, doc });
      return { ok: true, rev: '9-new' };
    },
  };
  return { couch: couch as unknown as CouchHttp, writes };
}

const tomb = (rev: string, ids: string[], keptRev?: string): CouchDoc => ({
  _id: 'case:1',
  _rev: rev,
  _deleted: true,
  _revisions: { start: parseInt(rev, 10), ids },
  ...(keptRev ? { conflictResolution: { keptRev, at: '2026-01-06T09:00:00.000Z' } } : {}),
});
const body = (cause: string): CouchDoc => ({ _id: 'case:1', type: 'case', createdBy: 'clerk.wang', cause });
const change = { seq: 1, id: 'case:1', deleted: true };
const now = () => new Date('2026-01-07T00:00:00.000Z');

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
    const { couch, writes } = fakeCouch([], {});
    const g = new ConflictGuard(couch, { db: 'courtdesk_cases', now });
    expect(await g.handle({ seq: 1, id: 'case:1', doc: body('x') })).toEqual({ status: 'ignored' });
    expect(await g.handle({ ...change, doc: { _id: 'case:1', _rev: '2-a', _deleted: true } })).toEqual({
      status: 'ignored',
    });
    expect(writes).toEqual([]);
  });

  it('leaves a document alone when one deletion took the remove right (no marker)', async () => {
    const { couch, writes } = fakeCouch([tomb('3-c', ['c', 'a', 'r']), tomb('3-d', ['d', 'b', 'r'], '2-a')], {
      '2-a': body('a'),
    });
    const g = new ConflictGuard(couch, { db: 'courtdesk_cases', now });
    expect((await g.handle(change)).status).toBe('deleted');
    expect(writes).toEqual([]);
  });

  it('restores the branch the other tombstones named as kept, audit first', async () => {
    // a genuine resolution kept 2-a (3-a2 written on it; 5-d deleted the longer loser 4-b), then
    // 3-a2 was deleted by a forged marked tombstone 4-e naming the loser as kept; CouchDB shows the
    // longer 5-d as the winner, but 2-a vouches for the branch of 4-e
    const leaves = [
      tomb('4-e', ['e', 'a2', 'a', 'r'], '4-b'),
      tomb('5-d', ['d', 'b', 'b2', 'b1', 'r'], '2-a'),
    ];
    const { couch, writes } = fakeCouch(leaves, { '3-a2': body('kept'), '4-b': body('loser') });
    const g = new ConflictGuard(couch, { db: 'courtdesk_cases', now });
    const r = await g.handle(change);
    expect(r).toMatchObject({ status: 'restored', tombstoneRev: '4-e', fromRev: '3-a2', rev: '9-new' });
    expect(writes.map((w) => w.db)).toEqual(['courtdesk_audit', 'courtdesk_cases']);
    expect(writes[0]?.doc).toMatchObject({
      _id: 'audit:20260106T090000Z:conflict-restored-cases-case:1-4-e',
      type: 'audit',
      kind: 'conflictRestored',
      schemaVersion: 1,
      createdBy: 'worker',
      createdAt: '2026-01-07T00:00:00.000Z',
      docId: 'case:1',
      restoredFromRev: '3-a2',
      deletedLeaves: ['5-d', '4-e'],
    });
    // no `_rev`: CouchDB recreates a fully deleted document only that way (409 for a tombstone's rev)
    expect(writes[1]?.doc).toEqual(body('kept'));
  });

  it('a forged keptRev naming a common ancestor or a directly deleted leaf vouches for nothing', async () => {
    // both leaves deleted directly, each claiming the other (or the root) was kept: CouchDB's winner
    const leaves = [tomb('3-c', ['c', 'a', 'r'], '1-r'), tomb('3-d', ['d', 'b', 'r'], '2-a')];
    const { couch, writes } = fakeCouch(leaves, { '2-a': body('a'), '2-b': body('b') });
    const r = await new ConflictGuard(couch, { db: 'courtdesk_cases', now }).handle(change);
    expect(r).toMatchObject({ status: 'restored', tombstoneRev: '3-d', fromRev: '2-b' });
    expect(writes[1]?.doc['cause']).toBe('b');
  });

  it('walks back to the newest ancestor whose body survives compaction; audits when none does', async () => {
    const leaves = [tomb('4-e', ['e', 'c', 'b', 'a'], '1-z')];
    const older = fakeCouch(leaves, { '2-b': body('older') });
    expect(await new ConflictGuard(older.couch, { db: 'courtdesk_cases', now }).handle(change)).toMatchObject(
      {
        status: 'restored',
        fromRev: '2-b',
      },
    );
    const none = fakeCouch(leaves, {});
    const r = await new ConflictGuard(none.couch, { db: 'courtdesk_cases', now }).handle(change);
    expect(r.status).toBe('unrecoverable');
    expect(none.writes).toHaveLength(1);
    expect(none.writes[0]?.doc).toMatchObject({ kind: 'conflictRestoreFailed', docId: 'case:1' });
  });
});
