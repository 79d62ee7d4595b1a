import { afterEach, describe, expect, it } from 'vitest';
import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { createTestEngine } from '../../../tests/support/renderer/testEngine';
import { attachFile, listLocalFiles, readFile } from './attachments';
import { ANY_FILE, FILES_ONLY, filesOnlyFilter } from './fileSync';
import { fetchOnDemand } from './fileTransfer';
import type { SyncEngine } from './replication';

/**
 * Archive scans on demand (docs/archives.md "Scans on demand"): a file owned by an archive volume
 * or case-file paper reaches the server like any other, but the reader's file pull leaves it
 * out; opening it fetches it by id, and it then stays local.
 */
const VOL = 'archiveVolume:0a1b2c3d-0000-4000-8000-0000000000c1:main:01';
const engines: SyncEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

describe('archive scans on demand', () => {
  it('the eager selector and filter leave on-demand files out; tombstones and other files stay in', async () => {
    const db = memoryDb('sel-archive');
    await db.bulkDocs([
      { _id: 'file:1' },
      { _id: 'file:2', onDemand: true },
      { _id: 'file:3' },
      { _id: 'draft:1' },
    ]);
    await db.remove(await db.get('file:3'));
    const ids = async (selector: object) =>
      (await db.changes({ selector } as PouchDB.Core.ChangesOptions)).results.map((r) => r.id).sort();
    expect(await ids(FILES_ONLY)).toEqual(['file:1', 'file:3']);
    expect(await ids(ANY_FILE)).toEqual(['file:1', 'file:2', 'file:3']);
    expect(filesOnlyFilter({ _id: 'file:2', onDemand: true })).toBe(false);
    expect(filesOnlyFilter({ _id: 'file:1' })).toBe(true);
  });

  it('a reader gets the volume and ordinary files but not the scan, until it opens it; then it stays', async () => {
    const writer = memoryDb('w');
    const reader = memoryDb('r');
    const remote = memoryDb('remote');
    const { engine: ew } = createTestEngine(writer, remote, { filePollIntervalMs: 100, pollIntervalMs: 100 });
    const { engine: er } = createTestEngine(reader, remote, { filePollIntervalMs: 100, pollIntervalMs: 100 });
    engines.push(ew, er);
    await ew.start();
    await er.start();
    const scanBytes = bytes(150_000, 3);
    const scan = await attachFile(writer, VOL, new Blob([scanBytes as BlobPart]), {
      user: 'clerk.wang',
      name: 'volume.pdf',
      contentType: 'application/pdf',
    });
    expect((await writer.get(scan.fileId)) as { onDemand?: boolean }).toMatchObject({ onDemand: true });
    await writer.put({ _id: 'marker:1', type: 'volume' });
    const other = await attachFile(writer, 'volume:v1', new Blob([bytes(1000, 4) as BlobPart]), {
      user: 'clerk.wang',
      name: 'evidence.pdf',
      contentType: 'application/pdf',
    });
    // The writer's push carries the scan to the server like any file.
    await waitFor(
      'scan on the server',
      () =>
        remote.get(scan.fileId).then(
          () => true,
          () => false,
        ),
      15_000,
    );
    // The reader receives the ordinary document and the ordinary file …
    await waitFor(
      'ordinary file at the reader',
      () =>
        reader.get(other.fileId).then(
          () => true,
          () => false,
        ),
      15_000,
    );
    await waitFor(
      'marker at the reader',
      () =>
        reader.get('marker:1').then(
          () => true,
          () => false,
        ),
      15_000,
    );
    // … and after further pull rounds still not the scan, nor is it counted as a pending download.
    await new Promise((r) => setTimeout(r, 600));
    await expect(reader.get(scan.fileId)).rejects.toMatchObject({ status: 404 });
    const status = er.status().databases.find((d) => d.key === 'documents');
    expect(status?.attachments?.downloadFiles ?? 0).toBe(0);

    // Opening the volume fetches it, byte-exact; a second open finds it local.
    expect(await er.fetchFile('documents', scan.fileId)).toBe(true);
    const { blob } = await readFile(reader, scan.fileId);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(scanBytes);
    expect(await fetchOnDemand(reader, remote, scan.fileId)).toBe(false);
    expect((await listLocalFiles(reader)).map((f) => f.fileId).sort()).toEqual(
      [other.fileId, scan.fileId].sort(),
    );
    await expect(fetchOnDemand(reader, remote, 'file:missing')).rejects.toMatchObject({ status: 404 });
  }, 30_000);
});
