import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { firstValueFrom, of, filter } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  attachFile,
  attachmentStates,
  FileDigestError,
  listLocalFiles,
  readFile,
  watchAttachmentStates,
} from './attachments';
import { EMPTY_QUEUE, FILES_ONLY, NO_FILES, type FileInfo } from './fileSync';
import { md5Digest } from './seed/md5';
import type { SyncEngine } from './replication';
import { createTestEngine } from '../../../tests/support/renderer/testEngine';

/** Files as `file:` documents, their separate replication, and their states (memory server). */
type Db = ReturnType<typeof memoryDb>;
const engines: SyncEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

function bytes(n: number, seed = 1): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}
const opts = (name: string) => ({ user: 'clerk.wang', name, contentType: 'application/pdf' });

function engineFor(local: Db, remote: Db) {
  const made = createTestEngine(local, remote, { filePollIntervalMs: 200, pollIntervalMs: 200 });
  engines.push(made.engine);
  return made;
}

const docStatus = (e: SyncEngine) => e.status().databases.find((d) => d.key === 'documents');

describe('attachFile / readFile', () => {
  it('stores a file document with size and MD5 digest and reads it back byte-exact', async () => {
    const db = memoryDb('files');
    const data = bytes(300_000);
    const info = await attachFile(db, 'volume:v1', new Blob([data as BlobPart]), opts('scan.pdf'));
    expect(info).toMatchObject({
      ownerId: 'volume:v1',
      name: 'scan.pdf',
      size: 300_000,
      digest: md5Digest(data),
    });
    expect(info.fileId).toMatch(/^file:/);
    const stub = (await db.get(info.fileId)) as { _attachments: Record<string, { digest: string }> };
    expect(stub._attachments['scan.pdf']?.digest).toBe(info.digest); // PouchDB computes the same MD5
    const { blob } = await readFile(db, info.fileId);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(data);
    expect(await listLocalFiles(db)).toEqual([{ ...info, intact: true, seq: 1 }]);
  });

  it('refuses a file whose bytes do not match the recorded digest, and invalid file documents', async () => {
    const db = memoryDb('files');
    const info = await attachFile(db, 'volume:v1', new Blob([bytes(1000) as BlobPart]), opts('a.pdf'));
    const doc = await db.get(info.fileId);
    // Another body under the same digest (a corrupted copy).
    await db.put({
      ...doc,
      _attachments: { 'a.pdf': { content_type: 'application/pdf', data: btoa('not the scan') } },
    });
    await expect(readFile(db, info.fileId)).rejects.toBeInstanceOf(FileDigestError);
    expect((await listLocalFiles(db))[0]?.intact).toBe(false);
    await expect(attachFile(db, 'file:x', new Blob([bytes(10) as BlobPart]), opts('b.pdf'))).rejects.toThrow(
      /ownerId/,
    );
  });
});

describe('attachment states', () => {
  const f = (id: string, owner = 'volume:v1'): FileInfo => ({
    fileId: id,
    ownerId: owner,
    name: `${id}.pdf`,
    contentType: 'application/pdf',
    size: 10,
    digest: 'md5-x',
  });
  it('derives local / pendingUpload / pendingDownload / failed per owner', () => {
    const local = [
      { ...f('file:a'), intact: true, seq: 1 },
      { ...f('file:b'), intact: true, seq: 2 },
      { ...f('file:c'), intact: false, seq: 3 },
      { ...f('file:d'), intact: true, seq: 4 },
      { ...f('file:e', 'volume:other'), intact: true, seq: 5 },
      { ...f('file:f'), intact: true, seq: 6 }, // written after the last count
      { ...f('file:g'), intact: true, seq: 7 }, // pulled after the last count
    ];
    const queue = {
      uploads: [f('file:b')],
      downloads: [f('file:x'), f('file:a'), f('file:y', 'volume:other')],
      settledSeq: 5,
      pulled: new Set(['file:g']),
    };
    const states = attachmentStates(local, queue, new Set(['file:d']), ['volume:v1']);
    expect(states.map((s) => [s.fileId, s.state])).toEqual([
      ['file:a', 'local'],
      ['file:b', 'pendingUpload'],
      ['file:c', 'failed'],
      ['file:d', 'failed'],
      ['file:f', 'pendingUpload'],
      ['file:g', 'local'],
      ['file:x', 'pendingDownload'],
    ]);
  });

  it('is live over the local replica', async () => {
    const db = memoryDb('files');
    const states$ = watchAttachmentStates(db, of(EMPTY_QUEUE), of(new Set<string>()), ['volume:v1']);
    const seen = firstValueFrom(states$.pipe(filter((s) => s.length === 1)));
    await attachFile(db, 'volume:v1', new Blob([bytes(10) as BlobPart]), opts('late.pdf'));
    expect((await seen)[0]).toMatchObject({ name: 'late.pdf', state: 'local' });
  });
});

describe('file replication', () => {
  it('selectors split file documents from the rest, tombstones included', async () => {
    const db = memoryDb('sel');
    await db.bulkDocs([{ _id: 'file:1' }, { _id: 'draft:1' }, { _id: 'profile:file:2' }]);
    const d = await db.get('file:1');
    await db.remove(d);
    const ids = async (selector: object) =>
      (await db.changes({ selector } as PouchDB.Core.ChangesOptions)).results.map((r) => r.id).sort();
    expect(await ids(FILES_ONLY)).toEqual(['file:1']);
    expect(await ids(NO_FILES)).toEqual(['draft:1', 'profile:file:2']);
  });

  it('uploads a file as pending, then local; the other replica receives it (pending download at most), byte-exact', async () => {
    const a = memoryDb('a');
    const b = memoryDb('b');
    const remote = memoryDb('remote');
    const { engine: ea, network } = engineFor(a, remote);
    await ea.start();
    await waitFor('a online', () => docStatus(ea)?.state === 'online');
    const { engine: eb } = engineFor(b, remote);
    await eb.start();
    await waitFor('b online', () => docStatus(eb)?.state === 'online');
    network.fire('offline'); // offline writer: the file waits
    const data = bytes(200_000, 7);
    const info = await attachFile(a, 'volume:v1', new Blob([data as BlobPart]), opts('scan.pdf'));
    const rejected = of(new Set<string>());
    const statesA: string[] = [];
    const sub = watchAttachmentStates(a, ea.attachmentQueue$('documents'), rejected, ['volume:v1']).subscribe(
      (s) => {
        const st = s[0]?.state;
        if (st && statesA.at(-1) !== st) statesA.push(st);
      },
    );
    await waitFor('pending upload', () => statesA.includes('pendingUpload'));
    // The state shows pendingUpload as soon as the write lands (seq after the last count); the
    // status sums the engine's own count of pending uploads, which the write triggers: wait for it.
    await waitFor('upload counted', () => (docStatus(ea)?.attachments?.uploadFiles ?? 0) > 0);
    expect(docStatus(ea)?.attachments).toEqual({
      uploadFiles: 1,
      uploadBytes: 200_000,
      downloadFiles: 0,
      downloadBytes: 0,
    });
    expect(ea.status().attachments.uploadBytes).toBe(200_000);
    expect(docStatus(ea)?.unpushed).toBe(1);
    network.fire('online');
    await waitFor('uploaded', () =>
      remote.get(info.fileId).then(
        () => true,
        () => false,
      ),
    ).catch((e) => {
      throw new Error(String(e) + JSON.stringify(docStatus(ea)));
    });
    await ea.recount();
    await waitFor('local on writer', () => statesA.at(-1) === 'local');
    expect(statesA).toEqual(['pendingUpload', 'local']);
    sub.unsubscribe();

    // The reader learns of it from the server before the body arrives (or directly gets it).
    const statesB: string[] = [];
    const subB = watchAttachmentStates(b, eb.attachmentQueue$('documents'), rejected, [
      'volume:v1',
    ]).subscribe((s) => {
      const st = s[0]?.state;
      if (st && statesB.at(-1) !== st) statesB.push(st);
    });
    await waitFor('local on reader', () => statesB.at(-1) === 'local', 15_000);
    subB.unsubscribe();
    // Received, never shown as the reader's own upload or as failed.
    expect(['pendingDownload,local', 'local']).toContain(statesB.join());
    expect((await readFile(b, info.fileId)).info.digest).toBe(md5Digest(data));
    // The download queue is read before each pull round: the file leaves it at the next one.
    await waitFor('download queue empty', () => docStatus(eb)?.attachments?.downloadFiles === 0);
    expect(docStatus(eb)?.attachments).toEqual({
      uploadFiles: 0,
      uploadBytes: 0,
      downloadFiles: 0,
      downloadBytes: 0,
    });
  });
});
