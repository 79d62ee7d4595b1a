import PouchDB from 'pouchdb-node';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { checkpointDoc, replicationCheckpointId, replicationIdInput } from './checkpoints';

PouchDB.plugin(MemoryAdapter);

let n = 0;
function memDb(): PouchDB.Database {
  return new PouchDB(`cp-${Date.now()}-${n++}`, { adapter: 'memory' });
}
async function idOf(db: PouchDB.Database): Promise<string> {
  return (db as unknown as { id(): Promise<string> }).id();
}

describe('replicationCheckpointId', () => {
  it('is the id PouchDB 9 itself uses for its checkpoint documents', async () => {
    const src = memDb();
    const tgt = memDb();
    await src.bulkDocs([{ _id: 'a' }, { _id: 'b', kind: 'x' }]);
    await src.replicate.to(tgt);
    const id = replicationCheckpointId(await idOf(src), await idOf(tgt));
    const onTarget = (await tgt.get(id)) as unknown as {
      last_seq: number;
      replicator: string;
      version: number;
    };
    const onSource = (await src.get(id)) as unknown as { last_seq: number };
    expect(onTarget.last_seq).toBe(2);
    expect(onSource.last_seq).toBe(2);
    expect(onTarget.replicator).toBe('pouchdb');
    expect(onTarget.version).toBe(1);
  });

  it('follows doc_ids and selector like PouchDB', async () => {
    const src = memDb();
    const tgt = memDb();
    await src.bulkDocs([
      { _id: 'a', kind: 'x' },
      { _id: 'b', kind: 'y' },
    ]);
    await src.replicate.to(tgt, { doc_ids: ['b', 'a'] });
    await src.replicate.to(tgt, { selector: { kind: 'x' } });
    const ids = [await idOf(src), await idOf(tgt)] as const;
    await expect(tgt.get(replicationCheckpointId(...ids, { doc_ids: ['b', 'a'] }))).resolves.toBeTruthy();
    await expect(tgt.get(replicationCheckpointId(...ids, { selector: { kind: 'x' } }))).resolves.toBeTruthy();
    expect(replicationIdInput('s', 't', { doc_ids: ['b', 'a'] })).toBe('sta,b');
  });

  it('lets PouchDB resume from a checkpoint we wrote', async () => {
    const src = memDb();
    const tgt = memDb();
    await src.bulkDocs([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]);
    const id = replicationCheckpointId(await idOf(src), await idOf(tgt));
    // Pretend the first two changes were seeded already: the replication must read only the third.
    await tgt.put(checkpointDoc(id, 2, 'seed-session') as unknown as PouchDB.Core.PutDocument<object>);
    await src.put(checkpointDoc(id, 2, 'seed-session') as unknown as PouchDB.Core.PutDocument<object>);
    const res = await src.replicate.to(tgt);
    expect(res.docs_read).toBe(1);
    expect((await tgt.allDocs()).rows.map((r) => r.id)).toEqual(['c']);
  });
});

describe('checkpointDoc', () => {
  it('puts the new session first and keeps at most five entries', () => {
    const prev = {
      _rev: '0-3',
      history: Array.from({ length: 6 }, (_, i) => ({ last_seq: i, session_id: `s${i}` })),
    };
    const doc = checkpointDoc('_local/x', 42, 'new', prev);
    expect(doc._rev).toBe('0-3');
    expect(doc.history).toHaveLength(5);
    expect(doc.history[0]).toEqual({ last_seq: 42, session_id: 'new' });
    expect(doc).toMatchObject({ session_id: 'new', last_seq: 42, replicator: 'pouchdb', version: 1 });
  });
});
