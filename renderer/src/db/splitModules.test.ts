import { memoryDb } from '../../../tests/support/renderer/memory';
import { describe, expect, it } from 'vitest';
import { deriveError, deriveState, type StateInputs } from './dbSyncState';
import { newDir } from './directions';
import { classifyError } from './errors';
import { filesOnlyFilter, noFilesFilter, probeServerFilter, serverFilterOptions } from './fileSync';
import { RejectedWrites } from './rejectedWrites';
import { SyncStore } from './syncStore';
import { UnpushedCounter } from './unpushedCounter';

/** The modules dbSync.ts was split into, each on its own. */
const base: StateInputs = {
  needsSignIn: false,
  pendingDeletion: null,
  quotaError: null,
  stopped: false,
  offline: false,
  seedError: null,
  dirs: [],
};
const idle = () => ({ ...newDir(), phase: 'idle' as const });

describe('dbSyncState', () => {
  it('orders the states by urgency and reports the matching error', () => {
    expect(deriveState({ ...base, dirs: [idle(), idle()] })).toBe('online');
    expect(deriveState({ ...base, dirs: [idle(), { ...newDir(), phase: 'active' }] })).toBe('syncing');
    const net = { ...idle(), error: classifyError(new TypeError('Failed to fetch')) };
    expect(deriveState({ ...base, dirs: [idle(), net] })).toBe('offline');
    expect(deriveState({ ...base, dirs: [idle(), idle(), idle(), net] })).toBe('offline'); // a file direction counts
    expect(deriveState({ ...base, stopped: true, dirs: [idle()] })).toBe('offline');
    expect(deriveState({ ...base, needsSignIn: true, pendingDeletion: { deletions: 1, localDocs: 2 } })).toBe(
      'needs-sign-in',
    );
    expect(deriveError({ ...base, pendingDeletion: { deletions: 30, localDocs: 100 } })).toEqual({
      kind: 'safetyNet',
      messageKey: 'sync.errors.safetyNet',
      detail: '30/100',
    });
    expect(deriveError({ ...base, dirs: [idle(), net] })?.kind).toBe('network');
    expect(deriveError({ ...base, dirs: [idle()] })).toBeNull();
  });
});

describe('UnpushedCounter', () => {
  it('counts ordinary documents and pending file uploads (with sizes) apart', async () => {
    const local = memoryDb('count');
    const remote = memoryDb('count_remote');
    await local.bulkDocs([
      { _id: 'draft:1' },
      { _id: 'draft:2' },
      {
        _id: 'file:a',
        ownerId: 'volume:v',
        name: 'a.pdf',
        contentType: 'application/pdf',
        size: 12,
        digest: 'md5-x',
      },
    ]);
    let changes = 0;
    const c = new UnpushedCounter({
      local,
      remote,
      pulledRevs: new Map(),
      pushSeq: () => 0,
      filePushSeq: () => 0,
      skip: () => false,
      askServer: () => true,
      pushing: () => false,
      onChange: () => changes++,
    });
    await c.countNow();
    expect(c.unpushed).toBe(2);
    expect(c.method).toBe('revs_diff');
    expect(c.uploads.map((f) => [f.fileId, f.size])).toEqual([['file:a', 12]]);
    expect(c.settledSeq).toBe(3);
    expect(changes).toBe(1);
    await local.replicate.to(remote);
    await c.countNow();
    expect([c.unpushed, c.uploads.length]).toEqual([0, 0]);
  });
});

describe('RejectedWrites', () => {
  it('records a refusal, clears it when the document is pushed again, and persists the list', async () => {
    const local = memoryDb('rej');
    await local.put({ _id: 'draft:x' });
    const store = new SyncStore(local, () => undefined);
    let changes = 0;
    const r = new RejectedWrites({
      local,
      remote: memoryDb('rej_remote'),
      store,
      now: () => 0,
      onChange: () => changes++,
    });
    await r.record({ id: 'draft:x', name: 'forbidden', reason: 'only the author' });
    expect(r.items).toMatchObject([{ id: 'draft:x', kind: 'forbidden', reason: 'only the author' }]);
    expect(((await local.get('_local/rejected')) as unknown as { items: unknown[] }).items).toHaveLength(1);
    await r.clear(['draft:other']);
    expect(r.items).toHaveLength(1);
    await r.clear(['draft:x']);
    expect(r.items).toHaveLength(0);
    expect(changes).toBe(2);
  });
});

describe('server filter', () => {
  it('uses _selector where the server answers it and a client-side filter otherwise', async () => {
    expect(await probeServerFilter(memoryDb('probe'))).toBe('selector');
    const refusing = {
      changes: () => Promise.reject(Object.assign(new Error('missing'), { status: 404 })),
    } as unknown as PouchDB.Database<Record<string, unknown>>;
    expect(await probeServerFilter(refusing)).toBe('function');
    const offline = {
      changes: () => Promise.reject(new TypeError('Failed to fetch')),
    } as unknown as PouchDB.Database<Record<string, unknown>>;
    await expect(probeServerFilter(offline)).rejects.toThrow('Failed to fetch');
    expect(serverFilterOptions(true, 'function')).toEqual({ filter: filesOnlyFilter });
    expect([noFilesFilter({ _id: 'file:1' }), noFilesFilter({ _id: 'draft:1' })]).toEqual([false, true]);
    expect([filesOnlyFilter({ _id: 'file:1' }), filesOnlyFilter({ _id: 'profile:file:1' })]).toEqual([
      true,
      false,
    ]);
  });
});
