/**
 * Minimal documents that pass the collection rules of core/schemas at their current version, for
 * tests that exercise something else (roles, replication, the worker) and now meet the same rules
 * on the server (validate_doc_update runs core/schemas compiled to ES5). `validDocs.test.ts`
 * proves every body here is valid, so a schema change shows up there first.
 */
import { currentVersion } from '../../core/schemas/registry';
import type { DocType } from '../../core/schemas/base';

/** A valid resident ID (checksum correct) and a valid unified social credit code. */
export const VALID_RESIDENT_ID = '11010519491231002X';
export const VALID_CREDIT_CODE = '91350100M000100Y43';

/** The draft the draft data documents (updates, snapshots, versions, publication) belong to. */
export const VALID_DRAFT_ID = 'draft:0a1b2c3d';
const KEY = '0123456789abcdef0123456789abcdef';

/** The type-specific fields of a valid document of `type` (empty for types without a schema). */
export function validFields(type: string, opts: { caseId?: string } = {}): Record<string, unknown> {
  const caseId = opts.caseId ?? 'case:c1';
  switch (type) {
    case 'case':
      return {
        court: '甘0402',
        caseType: '民初',
        procedure: 'civilOrdinary',
        cause: '民间借贷纠纷',
        filingDate: '2026-01-05',
        claimAmount: 100_000,
        provisionalNumber: '临（2026）甘0402民初-7K3M9Q2P',
        parties: [
          {
            role: 'plaintiff',
            kind: 'natural',
            name: '张三',
            idNumber: VALID_RESIDENT_ID,
            queryCode: '482913',
          },
          {
            role: 'defendant',
            kind: 'legal',
            name: '白银某某有限公司',
            idNumber: VALID_CREDIT_CODE,
            queryCode: '105377',
          },
        ],
      };
    case 'event':
      return { caseId, kind: 'note', at: '2026-01-05T08:00:00.000Z', note: '卷宗已移交' };
    case 'approval':
      return {
        caseId,
        kind: 'extension',
        requestId: `event:${caseId}:20260105T080000Z:r1`,
        decision: 'approved',
        level: 'president',
        months: 6,
        days: 0,
        at: '2026-01-05T08:00:00.000Z',
      };
    case 'post':
      return { board: 'board:general', title: '关于调整开庭时间的通知', body: '<p>正文</p>' };
    case 'board':
      return { name: '审判业务' };
    case 'receipt':
      return { noticeId: 'notice:n1', readAt: '2026-01-05T08:00:00.000Z' };
    case 'notice':
      return { title: '院务通知', body: '<p>正文</p>', priority: 'normal' };
    case 'libraryItem':
      return {
        law: 'civil-procedure',
        lawTitle: '中华人民共和国民事诉讼法',
        category: '法律法规',
        title: '民事诉讼法·审限',
        source: {
          issuer: '全国人民代表大会',
          version: '2023年第五次修正',
          promulgated: '2023-09-01',
          effective: '2024-01-01',
        },
        articles: [
          {
            label: '第一百五十二条',
            paragraphs: ['人民法院适用普通程序审理的案件，应当在立案之日起六个月内审结。'],
          },
        ],
      };
    case 'download':
      return { title: '民事起诉状（样式）', category: 'style' };
    case 'draft':
      return { caseId, kind: 'judgment', title: '民事判决书' };
    case 'draftUpdate':
      return { draftId: VALID_DRAFT_ID, update: 'AAA=', sv: 'AA==' };
    case 'draftSnapshot':
      return { draftId: VALID_DRAFT_ID, state: 'AAA=', sv: 'AA==', covers: {}, folds: [] };
    case 'draftVersion':
      return { draftId: VALID_DRAFT_ID, milestone: 'draft', state: 'AAA=', openSpots: 0, textLength: 0 };
    case 'publication':
      return {
        draftId: VALID_DRAFT_ID,
        caseId,
        versionId: `draftVersion:${VALID_DRAFT_ID}:${KEY}:judge.zhao`,
        text: '原告张某诉被告李某',
        replacements: [],
        publishedAt: '2026-01-05T08:00:00.000Z',
      };
    case 'file':
      return {
        ownerId: 'volume:v1',
        name: 'scan.pdf',
        contentType: 'application/pdf',
        size: 1024,
        digest: 'md5-1B2M2Y8AsgTpgAmY7PhCfg==',
        _attachments: {
          'scan.pdf': {
            stub: true,
            content_type: 'application/pdf',
            length: 1024,
            digest: 'md5-1B2M2Y8AsgTpgAmY7PhCfg==',
            revpos: 1,
          },
        },
      };
    case 'publicCase':
      return {
        caseNumber: '（2026）甘0402民初123号',
        cause: '离婚纠纷',
        caseTypeCode: '民初',
        filedOn: '2026-01-05',
        stage: 'inHearing',
        stageLabel: '审理中',
        judgeInCharge: '赵志刚',
        panel: ['赵志刚'],
        parties: [
          { role: '原告', name: '王某' },
          { role: '被告', name: '李某' },
        ],
        hearings: [{ startsAt: '2026-02-03T01:30:00.000Z', courtroom: '第三法庭', status: 'scheduled' }],
        timeLimitChanges: [],
        services: [{ on: '2026-01-08', label: '直接送达' }],
        enforcement: null,
        access: [{ salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }],
        updatedAt: '2026-01-05T08:00:00.000Z',
      };
    case 'hearingNotice':
      return {
        kind: 'hearing',
        caseNumber: '（2026）甘0402民初123号',
        cause: '离婚纠纷',
        startsAt: '2026-02-03T01:30:00.000Z',
        courtroom: '第三法庭',
        judge: '赵志刚',
        parties: [{ role: '原告', name: '王某' }],
        status: 'scheduled',
        label: '公开开庭',
        updatedAt: '2026-01-05T08:00:00.000Z',
      };
    case 'archiveVolume':
      return {
        caseId: `case:${ARCHIVE_CASE_UUID}`,
        caseNumber: '（2020）京0105民初1234号',
        kind: 'main',
        seq: 1,
        title: '正卷 第1册',
        year: 2020,
        parties: ['张三', '李四'],
        pageCount: 12,
        fileId: 'file:0a1b2c3d-0000-4000-8000-000000000001',
        catalogue: [
          { title: '民事起诉状', firstPage: 1, lastPage: 3, docDate: '2020-03-05', confirmed: true },
        ],
      };
    case 'caseFilePaper':
      return {
        caseId: `case:${ARCHIVE_CASE_UUID}`,
        title: '民事起诉状',
        receivedOn: '2026-01-05',
        kind: 'main',
        pageCount: 3,
        fileId: 'file:0a1b2c3d-0000-4000-8000-000000000002',
        catalogue: [{ title: '民事起诉状', firstPage: 1, lastPage: 3, confirmed: false }],
      };
    case 'archiveText':
      return {
        ownerId: `archiveVolume:${ARCHIVE_CASE_UUID}:main:01`,
        pages: ['民事起诉状'],
        engine: 'tesseract.js 7 chi_sim',
      };
    case 'archiveImport':
      return {
        csvName: 'volumes.csv',
        total: 10,
        done: 5,
        failed: 0,
        skipped: 0,
        state: 'running',
        updatedAt: '2026-01-05T08:00:00.000Z',
        errors: [],
      };
    case 'directory':
      return {
        updatedAt: '2026-01-05T08:00:00.000Z',
        staff: [
          { name: 'judge.zhao', displayName: '赵志刚', roles: ['judge'], division: 'min1', title: '审判员' },
        ],
      };
    case 'accountKey':
      return {
        kid: 'k1',
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
        publicKey: { kty: 'RSA', n: 'xjlCRBqkO8p3', e: 'AQAB' },
      };
    case 'passwordChange':
      return {
        kid: 'k1',
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
        encryptedKey: 'a2V5',
        iv: 'aXY',
        ciphertext: 'Y3Q',
      };
    case 'passwordChangeResult':
      return {
        requestId: 'passwordChange:0a1b2c3d:clerk.me',
        user: 'clerk.me',
        outcome: 'changed',
        at: '2026-01-05T08:00:00.000Z',
      };
    case 'assetInquiry':
      return {
        caseId,
        channel: 'network',
        assetKind: 'bankDeposit',
        institution: '中国工商银行白银分行',
        requestDate: '2026-01-05',
        result: 'found',
        amountFound: 5_000,
        controls: [{ kind: 'freeze', date: '2026-01-06', amount: 5_000, expiresOn: '2027-01-05' }],
      };
    case 'enforcementAction':
      return {
        caseId,
        kind: 'reportOrder',
        target: '李四',
        targetKind: 'natural',
        decidedOn: '2026-01-05',
        reason: '责令被执行人报告财产',
      };
    case 'enforcementPayment':
      return {
        caseId,
        direction: 'received',
        amount: 1_000,
        date: '2026-01-05',
        party: '李四',
        source: 'voluntary',
      };
    case 'enforcementClosing':
      return { caseId, mode: 'performed', closedOn: '2026-01-05', reason: '全部履行完毕' };
    case 'dishonestDebtor':
      return {
        caseId,
        respondent: { name: '李四', kind: 'natural', idNumber: VALID_RESIDENT_ID },
        ground: 'reportViolation',
        listedOn: '2026-01-05',
        facts: '拒不报告财产',
      };
    case 'readingVisit':
      return {
        caseId,
        caseNumber: '（2026）甘0402民初1号',
        readerName: '王律师',
        readerIdNumber: VALID_RESIDENT_ID,
        capacity: 'agent',
        partyName: '张三',
        allowPrint: false,
        readerAccount: 'reading.pc1',
        expiresAt: '2026-01-05T10:00:00.000Z',
      };
    case 'readingLog':
      return {
        visitId: 'readingVisit:0a1b2c3d',
        caseId,
        state: 'open',
        db: 'courtdesk_reading_0a1b2c3d',
        volumes: 1,
        entries: [],
      };
    default:
      return {};
  }
}

/** The case of the archive documents above (ids carry a uuid). */
export const ARCHIVE_CASE_UUID = '0a1b2c3d-0000-4000-8000-0000000000c1';

/** An id of the layout `type` requires, for a document by `createdBy`. */
export function validId(type: string, createdBy: string): string {
  switch (type) {
    case 'event':
      return 'event:case:c1:20260105T080000Z:0a1b2c3d';
    case 'receipt':
      return `receipt:notice:n1:${createdBy}`;
    case 'passwordChange':
      return `passwordChange:0a1b2c3d:${createdBy}`;
    case 'passwordChangeResult':
      return 'passwordChangeResult:0a1b2c3d:clerk.me'; // the result of validFields' requestId
    case 'draftUpdate':
      return `draftUpdate:${VALID_DRAFT_ID}:${KEY}:00000001:${createdBy}`;
    case 'draftSnapshot':
    case 'draftVersion':
      return `${type}:${VALID_DRAFT_ID}:${KEY}:${createdBy}`;
    case 'publication':
      return `publication:${VALID_DRAFT_ID.slice('draft:'.length)}`;
    case 'archiveVolume':
      return `archiveVolume:${ARCHIVE_CASE_UUID}:main:01`;
    case 'caseFilePaper':
      return `caseFilePaper:${ARCHIVE_CASE_UUID}:0a1b2c3d-0000-4000-8000-00000000000f`;
    case 'archiveText':
      return `archiveText:archiveVolume:${ARCHIVE_CASE_UUID}:main:01`;
    case 'enforcementClosing':
      return 'enforcementClosing:c1'; // derived from validFields' caseId
    case 'readingVisit':
      return 'readingVisit:0a1b2c3d-0000-4000-8000-000000000001';
    case 'dishonestDebtor':
      return `dishonestDebtor:${VALID_RESIDENT_ID}:reportViolation`; // derived from respondent and ground
    default:
      return `${type}:0a1b2c3d`;
  }
}

/** A whole valid document: envelope at the current schemaVersion plus {@link validFields}. */
export function validDoc(
  type: DocType,
  id: string,
  createdBy: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    _id: id,
    type,
    schemaVersion: currentVersion(type),
    createdAt: '2026-01-05T08:00:00.000Z',
    createdBy,
    ...validFields(type),
    ...extra,
  };
}
