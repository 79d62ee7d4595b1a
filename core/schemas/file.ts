/**
 * `file` documents (`file:<uuid>`, in the attachment-heavy databases: documents, library): the
 * carrier of one attachment body (a scan, an archive volume, a library file). Metadata documents
 * stay small and point at their files; the file points back with `ownerId`. The sync engine
 * replicates `file:` documents separately, one at a time (renderer/src/db/fileSync.ts), so a
 * 50 MB upload never holds back small documents. Files are written once and never updated.
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';

/**
 * Largest attachment a file document may carry (bytes; docs/product-rules.md §2.5: files up to 50 MB, with
 * headroom).
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** `md5-<base64>` as CouchDB and PouchDB report an attachment's digest. */
export const MD5_DIGEST = /^md5-[A-Za-z0-9+/]{22}==$/;

/**
 * Owners whose files are fetched on demand, never pulled to every workstation (a court's scan
 * archive is tens of gigabytes; docs/archives.md "Scans on demand"). Their files must carry
 * `onDemand: true`, the field the eager file pull's selector skips.
 */
export const ON_DEMAND_OWNER_PREFIXES: readonly string[] = ['archiveVolume:', 'caseFilePaper:'];

/** True when files of `ownerId` are fetched on demand. */
export function isOnDemandOwner(ownerId: string): boolean {
  return ON_DEMAND_OWNER_PREFIXES.some((p) => ownerId.startsWith(p));
}

/** Schema of `file` documents. */
export const fileSchema: CollectionSchema = {
  type: 'file',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    const owner = d['ownerId'];
    if (typeof owner !== 'string' || !/^[A-Za-z]+:.+/.test(owner) || owner.startsWith('file:'))
      l.add('ownerId', 'ownerId 必须是所属文档的编号', 'ownerId must be the id of the owning document');
    const onDemand = d['onDemand'];
    if (onDemand !== undefined && onDemand !== true)
      l.add('onDemand', 'onDemand 只能是 true', 'onDemand must be true or absent');
    if (typeof owner === 'string' && isOnDemandOwner(owner) && onDemand !== true)
      l.add(
        'onDemand',
        '卷宗和电子卷宗的扫描件必须按需下载 (onDemand: true)',
        'archive scans must carry onDemand: true',
      );
    l.text(d, 'name', 255);
    l.text(d, 'contentType', 255);
    const size = d['size'];
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_FILE_BYTES)
      l.add(
        'size',
        `size 必须是 0 到 ${MAX_FILE_BYTES} 之间的整数`,
        `size must be an integer 0…${MAX_FILE_BYTES}`,
      );
    const digest = d['digest'];
    if (typeof digest !== 'string' || !MD5_DIGEST.test(digest))
      l.add('digest', 'digest 必须是 md5-<base64>', 'digest must be md5-<base64>');
    const atts = d['_attachments'];
    const names = isRecord(atts) ? Object.keys(atts) : [];
    if (names.length !== 1)
      l.add('_attachments', '文件文档必须恰好有一个附件', 'a file document carries exactly one attachment');
    else if (names[0] !== d['name'])
      l.add('_attachments', '附件名必须与 name 相同', 'the attachment must be named like `name`');
    return l.issues;
  },
};
