/**
 * Documents a plain fill lacks but a court's replica has: conflicts (two leaves written with
 * `new_edits: false`, as replication from two offline workstations leaves them), tombstones and
 * attachments. Added to the sync bench's big database so the fresh-vs-replicated comparison at its
 * end compares something in every respect.
 */
import { createHash } from 'node:crypto';
import { couchFetch, type CouchTarget } from '../../support/couchTarget';
import { serverBulkDocs } from './harness';

/** What {@link addVariety} wrote. */
export interface Variety {
  conflicted: number;
  deleted: number;
  withAttachments: number;
}

const hex = (s: string) => createHash('md5').update(s).digest('hex');

/**
 * Gives `count` existing documents `<prefix>:<7 digits>` (from `from`) a second leaf each, deletes
 * the next `count`, and adds `count` `file:` documents carrying a ~20 KB attachment.
 */
export async function addVariety(
  target: CouchTarget,
  db: string,
  opts: { prefix?: string; from?: number; count?: number } = {},
): Promise<Variety> {
  const prefix = opts.prefix ?? 'case';
  const from = opts.from ?? 0;
  const count = opts.count ?? 200;
  const ids = (start: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}:${String(start + i).padStart(7, '0')}`);
  const read = async (keys: string[]) => {
    const r = await couchFetch(`${target.url}/${db}/_all_docs?include_docs=true`, {
      method: 'POST',
      auth: target.admin,
      body: { keys },
    });
    return (r.body.rows as { id: string; doc: Record<string, unknown> & { _rev: string } }[]).map(
      (x) => x.doc,
    );
  };
  // Two branches on top of revision 1: CouchDB shows one, keeps the other as a conflict.
  const base = await read(ids(from));
  const branches = base.flatMap((doc) =>
    ['a', 'b'].map((side) => {
      const h = hex(`${doc._id}:${side}`);
      return {
        ...doc,
        _rev: `2-${h}`,
        _revisions: { start: 2, ids: [h, doc._rev.slice(2)] },
        editedOffline: side,
      };
    }),
  );
  await serverBulkDocs(target, db, branches, { newEdits: false });
  const doomed = await read(ids(from + count));
  await serverBulkDocs(
    target,
    db,
    doomed.map((d) => ({ _id: d._id, _rev: d._rev, _deleted: true })),
  );
  const files = Array.from({ length: count }, (_, i) => {
    const bytes = Buffer.alloc(20_000, i % 251);
    bytes.write(`scan ${i}`);
    return {
      _id: `file:bench:${String(i).padStart(5, '0')}`,
      type: 'file',
      ownerId: `${prefix}:${String(from + i).padStart(7, '0')}`,
      _attachments: { 'scan.pdf': { content_type: 'application/pdf', data: bytes.toString('base64') } },
    };
  });
  await serverBulkDocs(target, db, files);
  return { conflicted: base.length, deleted: doomed.length, withAttachments: files.length };
}
