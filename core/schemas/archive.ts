/**
 * Archive documents in courtdesk_documents (docs/archives.md):
 *
 * - `archiveVolume:<caseUuid>:<kind>:<nn>` — one volume (卷宗) of a closed case: 正卷 (`main`) or
 *   副卷 (`secondary`), its scanned PDF in a `file:<uuid>` document (`fileId`, owner = the volume)
 *   and its catalogue (目录): documents with page ranges;
 * - `caseFilePaper:<caseUuid>:<uuid>` — one paper of the electronic case file (电子卷宗), scanned and
 *   catalogued the day it is filed, before the case closes;
 * - `archiveText:<ownerType>:<owner rest>` — the OCR text of a volume or paper, page by page (its
 *   own document: the OCR and the catalogue are written by different people at different times);
 * - `archiveImport:<id>` — progress of one bulk import run (the server's import command).
 *
 * Id patterns are written without the `u` flag: these rules are compiled to ES5 for the design
 * documents (build/ddocSchemas.ts).
 */
import type { CollectionSchema } from './collection';
import { IssueList, isRecord, type Fields } from './fields';

/** Longest OCR text of one page (characters). */
export const MAX_PAGE_TEXT = 20_000;
/** Most pages a volume or paper may have. */
export const MAX_PAGES = 2_000;
/** Most catalogue entries. */
export const MAX_CATALOGUE = 500;

const VOLUME_ID = /^archiveVolume:([0-9a-f-]{36}):(main|secondary):(\d{2})$/;
const PAPER_ID = /^caseFilePaper:([0-9a-f-]{36}):[0-9a-f-]{36}$/;
const TEXT_ID = /^archiveText:(archiveVolume|caseFilePaper):(.+)$/;
const IMPORT_ID = /^archiveImport:[A-Za-z0-9._-]{1,80}$/;
const FILE_ID = /^file:[0-9a-f-]{36}$/;

function isCount(v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): boolean {
  return typeof v === 'number' && Math.floor(v) === v && v >= min && v <= max;
}

/** Checks the catalogue (目录) shared by volumes and papers: titles, page ranges inside the document. */
function checkCatalogue(l: IssueList, d: Fields): void {
  const cat = d['catalogue'];
  const pages = d['pageCount'];
  if (!Array.isArray(cat) || cat.length > MAX_CATALOGUE) {
    l.add(
      'catalogue',
      `目录必须是最多 ${MAX_CATALOGUE} 项的列表`,
      `catalogue must be a list of at most ${MAX_CATALOGUE} entries`,
    );
    return;
  }
  for (let i = 0; i < cat.length; i++) {
    const e: unknown = cat[i];
    const f = `catalogue[${i}]`;
    if (!isRecord(e)) {
      l.add(f, '目录项必须是对象', 'a catalogue entry must be an object');
      continue;
    }
    const sub = new IssueList();
    sub.text(e, 'title', 200);
    sub.date(e, 'docDate', { optional: true });
    for (const issue of sub.issues) l.add(`${f}.${issue.field}`, issue.message, 'see above');
    const first = e['firstPage'];
    const last = e['lastPage'];
    if (!isCount(first, 1) || !isCount(last, 1) || (last as number) < (first as number))
      l.add(
        f,
        '起止页码必须是正整数且止页不小于起页',
        'firstPage and lastPage must be integers ≥ 1, lastPage ≥ firstPage',
      );
    else if (isCount(pages) && (last as number) > (pages as number))
      l.add(f, `止页超出总页数 ${String(pages)}`, `lastPage is past the page count ${String(pages)}`);
    if (typeof e['confirmed'] !== 'boolean')
      l.add(`${f}.confirmed`, 'confirmed 必须是布尔值', 'confirmed must be a boolean');
  }
}

function checkParties(l: IssueList, d: Fields): void {
  const parties = d['parties'];
  if (
    !Array.isArray(parties) ||
    parties.length > 50 ||
    parties.some((p) => typeof p !== 'string' || p.trim() === '' || p.length > 100)
  )
    l.add(
      'parties',
      '当事人必须是姓名或名称的列表（最多 50 个）',
      'parties must be a list of up to 50 names',
    );
}

function checkCaseId(l: IssueList, d: Fields, caseUuid: string | undefined): void {
  if (caseUuid !== undefined && d['caseId'] !== `case:${caseUuid}`)
    l.add('caseId', 'caseId 必须与文档编号中的案件一致', 'caseId must be case:<the uuid in the _id>');
}

/** `archiveVolume` (卷宗). */
export const archiveVolumeSchema: CollectionSchema = {
  type: 'archiveVolume',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    const m = VOLUME_ID.exec(String(d['_id']));
    if (!m)
      l.add(
        '_id',
        '卷宗编号必须是 archiveVolume:<案件>:<main|secondary>:<两位卷号>',
        '_id must be archiveVolume:<caseUuid>:<kind>:<nn>',
      );
    checkCaseId(l, d, m?.[1]);
    l.text(d, 'caseNumber', 64);
    l.oneOf(d, 'kind', ['main', 'secondary']);
    if (m && d['kind'] !== m[2]) l.add('kind', 'kind 必须与编号一致', 'kind must match the _id');
    if (!isCount(d['seq'], 1, 99) || (m && Number(m[3]) !== d['seq']))
      l.add('seq', '卷号必须是 1–99 且与编号一致', 'seq must be 1–99 and match the _id');
    l.text(d, 'title', 200);
    const year = d['year'];
    if (!isCount(year, 1949, 2100))
      l.add('year', '年度必须是 1949–2100 的整数', 'year must be an integer 1949–2100');
    checkParties(l, d);
    if (!isCount(d['pageCount'], 0, MAX_PAGES))
      l.add('pageCount', `页数必须是 0–${MAX_PAGES} 的整数`, `pageCount must be 0–${MAX_PAGES}`);
    if (typeof d['fileId'] !== 'string' || !FILE_ID.test(d['fileId']))
      l.add('fileId', 'fileId 必须是 file:<uuid>', 'fileId must be file:<uuid>');
    checkCatalogue(l, d);
    l.text(d, 'importId', 100, { optional: true });
    return l.issues;
  },
};

/** `caseFilePaper` (电子卷宗 material filed before closing). */
export const caseFilePaperSchema: CollectionSchema = {
  type: 'caseFilePaper',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    const m = PAPER_ID.exec(String(d['_id']));
    if (!m)
      l.add(
        '_id',
        '材料编号必须是 caseFilePaper:<案件>:<uuid>',
        '_id must be caseFilePaper:<caseUuid>:<uuid>',
      );
    checkCaseId(l, d, m?.[1]);
    l.text(d, 'caseNumber', 64, { optional: true });
    l.text(d, 'title', 200);
    l.date(d, 'receivedOn');
    l.oneOf(d, 'kind', ['main', 'secondary']);
    if (!isCount(d['pageCount'], 1, MAX_PAGES))
      l.add('pageCount', `页数必须是 1–${MAX_PAGES} 的整数`, `pageCount must be 1–${MAX_PAGES}`);
    if (typeof d['fileId'] !== 'string' || !FILE_ID.test(d['fileId']))
      l.add('fileId', 'fileId 必须是 file:<uuid>', 'fileId must be file:<uuid>');
    checkCatalogue(l, d);
    return l.issues;
  },
};

/**
 * The background OCR queue's claim and progress on a volume's text (docs/archives.md "Background
 * OCR"): `{ state: 'running' | 'done', workstation, pageCount, updatedAt }`; absent on texts stored
 * whole (a paper's OCR when it is filed). Pages never outnumber the scan's pages.
 */
function checkOcrProgress(l: IssueList, d: Fields): void {
  const ocr = d['ocr'];
  if (ocr === undefined) return;
  if (!isRecord(ocr)) {
    l.add('ocr', 'ocr 必须是对象', 'ocr must be an object');
    return;
  }
  const sub = new IssueList();
  sub.oneOf(ocr, 'state', ['running', 'done']);
  sub.text(ocr, 'workstation', 100);
  sub.time(ocr, 'updatedAt');
  for (const issue of sub.issues) l.add(`ocr.${issue.field}`, issue.message, 'see above');
  const pageCount = ocr['pageCount'];
  const pages = d['pages'];
  if (!isCount(pageCount, 1, MAX_PAGES))
    l.add('ocr.pageCount', `页数必须是 1–${MAX_PAGES} 的整数`, `ocr.pageCount must be 1–${MAX_PAGES}`);
  else if (Array.isArray(pages) && pages.length > (pageCount as number))
    l.add('pages', '识别的页数超过扫描件页数', 'more page texts than the scan has pages');
  else if (ocr['state'] === 'done' && Array.isArray(pages) && pages.length !== pageCount)
    l.add('pages', '识别完成的文本必须每页一项', 'a finished text has one entry per page');
}

/** `archiveText`: OCR text of a volume or paper, one string per page. */
export const archiveTextSchema: CollectionSchema = {
  type: 'archiveText',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    const m = TEXT_ID.exec(String(d['_id']));
    const owner = d['ownerId'];
    if (!m || owner !== `${m[1]}:${m[2]}`)
      l.add('_id', '文本编号必须是 archiveText:<所属卷宗或材料编号>', '_id must be archiveText:<ownerId>');
    const pages = d['pages'];
    if (
      !Array.isArray(pages) ||
      pages.length > MAX_PAGES ||
      pages.some((p) => typeof p !== 'string' || p.length > MAX_PAGE_TEXT)
    )
      l.add(
        'pages',
        `pages 必须是每页不超过 ${MAX_PAGE_TEXT} 字的文本列表`,
        `pages must be a list of page texts ≤ ${MAX_PAGE_TEXT} characters`,
      );
    l.text(d, 'engine', 100);
    checkOcrProgress(l, d);
    // Shown with a search hit (copied from the owner when the text is stored).
    l.text(d, 'caseNumber', 64, { optional: true });
    l.text(d, 'title', 200, { optional: true });
    return l.issues;
  },
};

/** `archiveImport`: progress of a bulk import run, written by the import command. */
export const archiveImportSchema: CollectionSchema = {
  type: 'archiveImport',
  version: 1,
  richTextFields: [],
  migrations: {},
  validate(d: Fields) {
    const l = new IssueList();
    if (!IMPORT_ID.test(String(d['_id'])))
      l.add('_id', '导入编号无效', '_id must be archiveImport:<letters, digits, . _ ->');
    l.text(d, 'csvName', 255);
    for (const f of ['total', 'done', 'failed', 'skipped'])
      if (!isCount(d[f])) l.add(f, `${f} 必须是不小于 0 的整数`, `${f} must be an integer ≥ 0`);
    l.oneOf(d, 'state', ['running', 'paused', 'finished', 'failed']);
    l.time(d, 'updatedAt');
    const errs = d['errors'];
    if (!Array.isArray(errs) || errs.length > 100 || errs.some((e) => typeof e !== 'string'))
      l.add('errors', 'errors 必须是最多 100 条的文本列表', 'errors must be a list of at most 100 strings');
    return l.issues;
  },
};
