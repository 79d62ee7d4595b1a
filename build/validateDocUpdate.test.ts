/**
 * Every validate_doc_update of sync-server/ddocs, evaluated from its compiled text in a bare VM
 * context (no Node globals, as in CouchDB's JS engine) and called with fake userCtx for every
 * role × document type × create/update/delete. The expectation table below restates docs/product-rules.md
 * §3.2
 * independently of the ddoc RULES tables, so a wrong rule in either fails here.
 */
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../core/databases';
import { ROLES, type Role } from '../core/roles';
import { DOC_TYPES } from '../core/schemas/base';
import { claimDoc } from '../sync-server/src/workers/caseNumberLog';
import { caseNumberDoc } from '../sync-server/src/workers/caseNumberWorker';
import { ctx, docOf, loadVdu, marked, outcome } from '../tests/support/vdu';
import { compileDdocs } from './compileDdocs';

/** Roles, optionally with `'author'` (the document's creator, whatever their role). */
type Rule = readonly (Role | 'author')[] | 'author' | 'nobody';
interface Expect {
  create: Rule;
  update: Rule;
  remove: Rule;
  /** Fields the stored document needs before anyone may delete it (a board: closed first, intranetRules.test.ts). */
  deletable?: Record<string, unknown>;
}

const STAFF: readonly Role[] = ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'];
const W: Expect = { create: ['worker'], update: ['worker'], remove: ['worker'] };
const ADMIN: Expect = { create: ['admin'], update: ['admin'], remove: ['admin'] };

const EXPECTED: Record<string, Record<string, Expect>> = {
  courtdesk_cases: {
    case: { create: ['clerk'], update: ['clerk'], remove: 'nobody' },
    event: { create: ['clerk', 'judge', 'assistant', 'enforcement'], update: 'nobody', remove: 'nobody' },
    approval: { create: ['leader'], update: ['leader'], remove: 'nobody' },
    caseNumber: W,
    assignment: W,
    readingVisit: { create: ['clerk'], update: ['clerk'], remove: 'nobody' },
    readingLog: { create: ['worker'], update: ['worker'], remove: 'nobody' },
  },
  courtdesk_documents: {
    file: { create: STAFF, update: 'nobody', remove: ['author', 'admin'] },
    draft: {
      create: ['judge', 'assistant', 'clerk'],
      update: ['judge', 'assistant', 'clerk'],
      remove: 'author',
    },
    template: ADMIN,
    volume: { create: ['clerk'], update: ['clerk'], remove: 'nobody' },
    archiveVolume: {
      create: ['clerk', 'judge', 'assistant', 'admin'],
      update: ['author', 'admin'],
      remove: ['admin'],
    },
    caseFilePaper: {
      create: ['clerk', 'judge', 'assistant', 'admin'],
      update: ['author', 'admin'],
      remove: ['admin'],
    },
    archiveText: {
      create: ['clerk', 'judge', 'assistant', 'admin'],
      update: ['author', 'admin'],
      remove: ['admin'],
    },
    archiveImport: ADMIN,
    draftUpdate: { create: ['judge', 'assistant', 'clerk'], update: 'nobody', remove: 'author' },
    draftSnapshot: { create: ['judge', 'assistant', 'clerk'], update: 'nobody', remove: 'author' },
    draftVersion: { create: ['judge', 'assistant', 'clerk', 'leader'], update: 'nobody', remove: 'nobody' },
    publication: { create: ['clerk'], update: 'nobody', remove: 'nobody' },
  },
  courtdesk_enforcement: {
    enforcementAction: { create: ['enforcement'], update: ['enforcement'], remove: 'nobody' },
    assetInquiry: { create: ['enforcement'], update: ['enforcement'], remove: 'nobody' },
    enforcementPayment: { create: ['enforcement'], update: 'nobody', remove: 'nobody' },
    enforcementClosing: { create: ['enforcement'], update: ['enforcement'], remove: 'nobody' },
    dishonestDebtor: { create: ['enforcement'], update: ['enforcement'], remove: 'nobody' },
  },
  courtdesk_forum: {
    board: { ...ADMIN, deletable: { archived: true } },
    post: { create: STAFF, update: 'author', remove: 'author' },
    file: { create: STAFF, update: 'nobody', remove: ['author', 'admin'] },
  },
  courtdesk_notices: {
    notice: { create: ['leader', 'admin'], update: ['author', 'admin'], remove: ['author', 'admin'] },
    receipt: { create: STAFF, update: 'nobody', remove: 'nobody' },
    file: { create: ['leader', 'admin'], update: 'nobody', remove: ['author', 'admin'] },
    directory: W,
  },
  courtdesk_library: {
    libraryItem: ADMIN,
    download: ADMIN,
    file: { create: ['admin'], update: 'nobody', remove: ['author', 'admin'] },
  },
  courtdesk_public: { publicCase: W, hearingNotice: W },
  courtdesk_audit: { audit: { create: ['worker'], update: 'nobody', remove: 'nobody' } },
  courtdesk_accounts: {
    accountKey: W,
    passwordChange: { create: STAFF, update: 'nobody', remove: ['worker'] },
    passwordChangeResult: W,
  },
};

const compiled = compileDdocs();

function permits(rule: Rule, role: Role, isAuthor: boolean): boolean {
  if (role === 'kiosk') return false;
  if (rule === 'nobody') return false;
  if (rule === 'author') return isAuthor;
  return rule.includes(role) || (isAuthor && rule.includes('author'));
}

describe('validate_doc_update role matrix', () => {
  it('covers every database in core/databases.ts and only known document types', () => {
    expect(compiled.map((c) => c.db).sort()).toEqual(DATABASES.map((d) => d.name).sort());
    const covered = Object.values(EXPECTED).flatMap((types) => Object.keys(types));
    // every envelope type lives in exactly one database, except `file` (in each that holds attachments)
    expect([...new Set(covered)].sort()).toEqual([...DOC_TYPES].sort());
    expect(covered.filter((t) => t !== 'file').length).toBe(new Set(covered).size - 1);
  });

  for (const [db, types] of Object.entries(EXPECTED)) {
    describe(db, () => {
      const vdu = loadVdu(db);
      for (const [type, rule] of Object.entries(types)) {
        it(`${type}: create / update / delete for every role`, () => {
          for (const role of ROLES) {
            const me = `${role}.me`;
            const other = `${role === 'clerk' ? 'judge' : 'clerk'}.other`;
            const user = ctx(me, [role]);
            // create
            expect(outcome(vdu, docOf(type, me), null, user), `${role} create ${type}`).toBe(
              permits(rule.create, role, true) ? 'ok' : 'forbidden',
            );
            // update of my own and of someone else's document
            for (const [author, isAuthor] of [
              [me, true],
              [other, false],
            ] as const) {
              const old: Record<string, unknown> = { ...docOf(type, author), _rev: '1-a' };
              const upd = { ...old, note: 'changed' };
              expect(outcome(vdu, upd, old, user), `${role} update ${type} author=${isAuthor}`).toBe(
                permits(rule.update, role, isAuthor) ? 'ok' : 'forbidden',
              );
              // delete: bare tombstone, and a tombstone carrying the old body (one server does that)
              const want = permits(rule.remove, role, isAuthor) ? 'ok' : 'forbidden';
              const stored = { ...old, ...rule.deletable };
              expect(
                outcome(vdu, { _id: old['_id'], _rev: '1-a', _deleted: true }, stored, user),
                `${role} delete ${type}`,
              ).toBe(want);
              expect(
                outcome(vdu, { ...stored, _deleted: true }, stored, user, undefined),
                `${role} delete(body) ${type}`,
              ).toBe(want);
              // tombstone of a losing conflict branch: the update right decides, not the remove right
              const resolve = permits(rule.update, role, isAuthor) ? 'ok' : 'forbidden';
              expect(outcome(vdu, marked(old['_id'], '1-a'), old, user), `${role} resolve ${type}`).toBe(
                resolve,
              );
              expect(
                outcome(vdu, { ...old, ...marked(old['_id'], '1-a') }, old, user),
                `${role} resolve(body) ${type}`,
              ).toBe(resolve);
            }
          }
          // anonymous is told to sign in; the server admin bypasses, as CouchDB does for ddocs
          expect(outcome(vdu, docOf(type, 'x'), null, ctx(null, []))).toBe('unauthorized');
          expect(outcome(vdu, docOf(type, 'someone.else'), null, ctx('root', ['_admin']))).toBe('ok');
          expect(
            outcome(
              vdu,
              { _id: docOf(type, 'x')['_id'], _deleted: true },
              docOf(type, 'x'),
              ctx('root', ['_admin']),
            ),
          ).toBe('ok');
        });
      }

      it('rejects types that do not belong to this database', () => {
        const foreign = DOC_TYPES.filter((t) => !(t in types));
        for (const t of foreign)
          expect(outcome(vdu, docOf(t, 'w'), null, ctx('w', [...ROLES.filter((r) => r !== 'kiosk')]))).toBe(
            'forbidden',
          );
      });
    });
  }
});

describe('validate_doc_update structure layer', () => {
  const vdu = loadVdu('courtdesk_cases');
  const clerk = ctx('clerk.wang', ['clerk']);
  const ok = docOf('case', 'clerk.wang');

  it('accepts a valid case with an empty or missing secObj', () => {
    expect(outcome(vdu, ok, null, clerk, {})).toBe('ok');
    expect(outcome(vdu, ok, null, clerk, undefined)).toBe('ok');
    expect(outcome(vdu, ok, null, clerk, { members: { roles: ['clerk'] }, admins: {} })).toBe('ok');
  });

  it.each([
    ['id prefix differs from type', { _id: 'event:x' }],
    ['id without a body', { _id: 'case:' }],
    ['missing type', { type: undefined }],
    ['schemaVersion 0', { schemaVersion: 0 }],
    ['schemaVersion 1.5', { schemaVersion: 1.5 }],
    ['schemaVersion as string', { schemaVersion: '1' }],
    ['createdAt not ISO', { createdAt: '2026年1月5日' }],
    ['createdAt without zone', { createdAt: '2026-01-05T08:00:00' }],
    ['missing createdBy', { createdBy: '' }],
    ['createdBy another user', { createdBy: 'clerk.li' }],
  ])('forbids %s', (_label, patch) => {
    expect(outcome(vdu, { ...ok, ...patch }, null, clerk)).toBe('forbidden');
  });

  it('forbids changing type, createdBy or createdAt on update', () => {
    const old = { ...ok, _rev: '1-a' };
    expect(outcome(vdu, { ...old, createdBy: 'clerk.li' }, old, clerk)).toBe('forbidden');
    expect(outcome(vdu, { ...old, createdAt: '2026-02-01T00:00:00Z' }, old, clerk)).toBe('forbidden');
    expect(outcome(vdu, { ...old, note: 'x' }, old, clerk)).toBe('ok');
  });

  it('treats an update of a deleted document as a creation', () => {
    const tomb = { _id: ok['_id'], _rev: '2-b', _deleted: true };
    expect(outcome(vdu, { ...ok, createdBy: 'clerk.wang' }, tomb, clerk)).toBe('ok');
    expect(outcome(vdu, { ...ok, createdBy: 'clerk.wang' }, tomb, ctx('judge.zhao', ['judge']))).toBe(
      'forbidden',
    );
  });

  it('accepts a tombstone for a document the server never had', () => {
    expect(outcome(vdu, { _id: 'case:zzz', _deleted: true }, null, clerk)).toBe('ok');
    expect(outcome(vdu, { _id: 'case:zzz', _deleted: true }, null, ctx('kiosk', ['kiosk']))).toBe(
      'forbidden',
    );
  });

  it('ties an event id to its case', () => {
    const judge = ctx('judge.zhao', ['judge']);
    expect(outcome(vdu, docOf('event', 'judge.zhao'), null, judge)).toBe('ok');
    expect(outcome(vdu, docOf('event', 'judge.zhao', { caseId: 'case:other' }), null, judge)).toBe(
      'forbidden',
    );
    expect(outcome(vdu, docOf('event', 'judge.zhao', { caseId: 42 }), null, judge)).toBe('forbidden');
  });

  it('passes design documents through (CouchDB checks those itself)', () => {
    expect(outcome(vdu, { _id: '_design/x', views: {} }, null, clerk)).toBe('ok');
  });

  it('gives the clerk-readable reasons from the brief', () => {
    expect(() => vdu(docOf('case', 'judge.zhao'), null, ctx('judge.zhao', ['judge']), {})).toThrow(
      expect.objectContaining({ forbidden: '只有书记员可以立案 (only clerks may file cases)' }),
    );
    expect(() => vdu(docOf('caseNumber', 'clerk.wang'), null, clerk, {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('服务端程序') }),
    );
    expect(() => vdu(docOf('case', 'k'), null, ctx('k', ['kiosk', 'clerk']), {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('read-only') }),
    );
  });

  it('only lets a reader own their receipt', () => {
    const nv = loadVdu('courtdesk_notices');
    const r = docOf('receipt', 'judge.zhao');
    expect(outcome(nv, r, null, ctx('judge.zhao', ['judge']))).toBe('ok');
    expect(
      outcome(nv, { ...r, _id: 'receipt:notice:n1:clerk.wang' }, null, ctx('judge.zhao', ['judge'])),
    ).toBe('forbidden');
  });
});

describe('validate_doc_update conflict-resolution tombstones', () => {
  const vdu = loadVdu('courtdesk_cases');
  const clerk = ctx('clerk.wang', ['clerk']);
  const judge = ctx('judge.zhao', ['judge']);
  const old: Record<string, unknown> = { ...docOf('case', 'clerk.li'), _rev: '2-aaaa' };

  it('lets a clerk remove a losing branch of a case (normal and replication path), not delete it', () => {
    expect(outcome(vdu, marked(old['_id'], '2-aaaa'), old, clerk)).toBe('ok');
    expect(outcome(vdu, marked(old['_id'], '3-bbbb'), old, clerk)).toBe('ok'); // new_edits:false: own rev
    expect(outcome(vdu, { _id: old['_id'], _rev: '2-aaaa', _deleted: true }, old, clerk)).toBe('forbidden');
    expect(outcome(vdu, marked(old['_id'], '2-aaaa'), old, judge)).toBe('forbidden');
    expect(outcome(vdu, marked(old['_id'], '2-aaaa'), old, ctx('k', ['kiosk', 'clerk']))).toBe('forbidden');
    expect(outcome(vdu, marked(old['_id'], '2-aaaa'), old, ctx(null, []))).toBe('unauthorized');
  });

  it.each([
    ['no keptRev', { at: '2026-01-06T09:00:00Z' }],
    ['keptRev not a revision', { keptRev: 'latest', at: '2026-01-06T09:00:00Z' }],
    ['keeps the branch it deletes', { keptRev: '2-aaaa', at: '2026-01-06T09:00:00Z' }],
    ['no time', { keptRev: '2-0123' }],
    ['not an object', 'yes'],
    ['null', null],
  ])('refuses a malformed marker: %s', (_label, marker) => {
    const tomb = { _id: old['_id'], _rev: '2-aaaa', _deleted: true, conflictResolution: marker };
    expect(outcome(vdu, tomb, old, clerk)).toBe('forbidden');
  });

  it('never accepts the marker on a live document', () => {
    const marker = { keptRev: '1-0123', at: '2026-01-06T09:00:00Z' };
    expect(outcome(vdu, { ...docOf('case', 'clerk.wang'), conflictResolution: marker }, null, clerk)).toBe(
      'forbidden',
    );
    expect(outcome(vdu, { ...old, conflictResolution: marker }, old, clerk)).toBe('forbidden');
  });

  it('keeps author rules: a post branch is resolved only by its author', () => {
    const fv = loadVdu('courtdesk_forum');
    const post: Record<string, unknown> = { ...docOf('post', 'judge.zhao'), _rev: '1-a' };
    expect(outcome(fv, marked(post['_id'], '1-a'), post, judge)).toBe('ok');
    expect(outcome(fv, marked(post['_id'], '1-a'), post, ctx('leader.qian', ['leader']))).toBe('forbidden');
  });

  it('passes a marked tombstone for a document the server never had, and lets admins through', () => {
    expect(outcome(vdu, marked('case:zzz', '1-a'), null, clerk)).toBe('ok');
    expect(outcome(vdu, marked(old['_id'], '2-aaaa'), old, ctx('root', ['_admin']))).toBe('ok');
  });
});

describe('validate_doc_update file documents', () => {
  const dv = loadVdu('courtdesk_documents');
  const judge = ctx('judge.zhao', ['judge']);
  const file = docOf('file', 'judge.zhao');

  it('accepts a file with one attachment, as a stub or inline', () => {
    expect(outcome(dv, file, null, judge)).toBe('ok');
    const inline = {
      ...file,
      _attachments: { 'scan.pdf': { content_type: 'application/pdf', data: 'JVBERi0=' } },
    };
    expect(outcome(dv, inline, null, judge)).toBe('ok');
  });

  it.each([
    ['no attachment', { _attachments: undefined }],
    ['empty _attachments', { _attachments: {} }],
    [
      'two attachments',
      {
        _attachments: {
          'a.pdf': { content_type: 'application/pdf', data: 'JVBERi0=' },
          'b.pdf': { content_type: 'application/pdf', data: 'JVBERi0=' },
        },
      },
    ],
    [
      'attachment type differs',
      { _attachments: { 'scan.pdf': { content_type: 'image/png', data: 'iVBO' } } },
    ],
    ['missing ownerId', { ownerId: undefined }],
    ['empty name', { name: '' }],
    ['missing contentType', { contentType: undefined }],
    ['negative size', { size: -1 }],
    ['fractional size', { size: 1.5 }],
    ['size as text', { size: '1024' }],
    ['missing digest', { digest: undefined }],
  ])('refuses %s', (_label, patch) => {
    expect(outcome(dv, { ...file, ...patch }, null, judge)).toBe('forbidden');
  });

  it('is never updated, even by its author; deleted by its author or an admin', () => {
    const old: Record<string, unknown> = { ...file, _rev: '1-a' };
    expect(outcome(dv, { ...old, name: 'renamed.pdf' }, old, judge)).toBe('forbidden');
    const tomb = { _id: old['_id'], _rev: '1-a', _deleted: true };
    expect(outcome(dv, tomb, old, judge)).toBe('ok');
    expect(outcome(dv, tomb, old, ctx('clerk.wang', ['clerk']))).toBe('forbidden');
    expect(outcome(dv, tomb, old, ctx('it.sun', ['admin']))).toBe('ok');
  });

  it('in the library only admins add files', () => {
    const lv = loadVdu('courtdesk_library');
    expect(outcome(lv, docOf('file', 'it.sun'), null, ctx('it.sun', ['admin']))).toBe('ok');
    expect(outcome(lv, file, null, judge)).toBe('forbidden');
  });

  it('in the library a forged item is refused: by a clerk, or by an admin without a source or articles', () => {
    const lv = loadVdu('courtdesk_library');
    const admin = ctx('it.sun', ['admin']);
    const item = docOf('libraryItem', 'it.sun');
    expect(outcome(lv, item, null, admin)).toBe('ok');
    expect(outcome(lv, docOf('libraryItem', 'clerk.wang'), null, ctx('clerk.wang', ['clerk']))).toBe(
      'forbidden',
    );
    expect(outcome(lv, { ...item, source: undefined }, null, admin)).toBe('forbidden');
    expect(outcome(lv, { ...item, articles: [{ label: '第10条', paragraphs: ['x'] }] }, null, admin)).toBe(
      'forbidden',
    );
    expect(outcome(lv, docOf('download', 'clerk.wang'), null, ctx('clerk.wang', ['clerk']))).toBe(
      'forbidden',
    );
    expect(outcome(lv, { ...docOf('download', 'it.sun'), category: 'music' }, null, admin)).toBe('forbidden');
  });
});

describe('validate_doc_update draft content and versions (courtdesk_documents)', () => {
  const vdu = loadVdu('courtdesk_documents');
  const judge = ctx('judge.zhao', ['judge']);
  const assistant = ctx('assistant.hu', ['assistant']);
  const leader = ctx('leader.zhang', ['leader']);

  it('lets only judges and court leaders finalise or issue, and never over open conflicts', () => {
    for (const milestone of ['final', 'issued']) {
      const settled = { milestone, openPlaceholders: 0 };
      expect(outcome(vdu, docOf('draftVersion', 'judge.zhao', settled), null, judge)).toBe('ok');
      expect(outcome(vdu, docOf('draftVersion', 'leader.zhang', settled), null, leader)).toBe('ok');
      expect(outcome(vdu, docOf('draftVersion', 'assistant.hu', settled), null, assistant)).toBe('forbidden');
      expect(
        outcome(vdu, docOf('draftVersion', 'judge.zhao', { ...settled, openSpots: 1 }), null, judge),
      ).toBe('forbidden');
    }
    expect(
      outcome(vdu, docOf('draftVersion', 'assistant.hu', { milestone: 'submitted' }), null, assistant),
    ).toBe('ok');
    expect(
      outcome(
        vdu,
        docOf('draftVersion', 'assistant.hu', { milestone: 'draft', openSpots: 2 }),
        null,
        assistant,
      ),
    ).toBe('ok');
  });

  it('refuses 定稿 and 签发 with places still to fill, or without saying how many are left', () => {
    for (const milestone of ['final', 'issued']) {
      for (const [patch, result] of [
        [{ openPlaceholders: 2 }, 'forbidden'],
        [{}, 'forbidden'],
        [{ openPlaceholders: -1 }, 'forbidden'],
        [{ openPlaceholders: '0' }, 'forbidden'],
        [{ openPlaceholders: 0 }, 'ok'],
      ] as const) {
        const doc = docOf('draftVersion', 'judge.zhao', { milestone, ...patch });
        if (!('openPlaceholders' in patch)) delete doc['openPlaceholders'];
        expect(outcome(vdu, doc, null, judge), `${milestone} ${JSON.stringify(patch)}`).toBe(result);
      }
    }
    // Earlier milestones may keep places to fill (a 初稿 is meant to have them).
    expect(
      outcome(
        vdu,
        docOf('draftVersion', 'judge.zhao', { milestone: 'draft', openPlaceholders: 5 }),
        null,
        judge,
      ),
    ).toBe('ok');
    expect(
      outcome(vdu, docOf('draftVersion', 'assistant.hu', { milestone: 'submitted' }), null, assistant),
    ).toBe('ok');
  });

  it('refuses a publication record whose text still has a place to fill', () => {
    const clerk = ctx('clerk.wang', ['clerk']);
    const record = docOf('publication', 'clerk.wang');
    expect(outcome(vdu, record, null, clerk)).toBe('ok');
    expect(outcome(vdu, { ...record, text: '原告张某诉被告【被告名称】买卖合同纠纷一案' }, null, clerk)).toBe(
      'forbidden',
    );
    // Other brackets court documents use are not places to fill.
    expect(outcome(vdu, { ...record, text: '依照法〔2016〕221号（一）项' }, null, clerk)).toBe('ok');
  });

  it('ties update ids to their draft and author, so nobody can take another writer’s id', () => {
    const mine = docOf('draftUpdate', 'assistant.hu');
    expect(outcome(vdu, mine, null, assistant)).toBe('ok');
    // an id naming someone else at the end (squatting the judge's next batch)
    const squat = { ...mine, _id: String(mine['_id']).replace(/assistant\.hu$/, 'judge.zhao') };
    expect(outcome(vdu, squat, null, assistant)).toBe('forbidden');
    expect(outcome(vdu, { ...mine, draftId: 'draft:other' }, null, assistant)).toBe('forbidden');
    expect(outcome(vdu, { ...mine, update: 'not base64!' }, null, assistant)).toBe('forbidden');
    expect(outcome(vdu, { ...mine, update: 'A'.repeat(4_000_004) }, null, assistant)).toBe('forbidden');
  });
});

describe('validate_doc_update and the case-number claim log', () => {
  const vdu = loadVdu('courtdesk_cases');
  const key = { year: 2026, court: '甘0402', typeCode: '民初' };
  const worker = ctx('worker', ['worker']);
  const claim = claimDoc(key, 7, { caseId: 'case:u1' }, '2026-03-02T08:00:00.000Z', 'worker');
  const genesis = claimDoc(key, 0, { base: 0 }, '2026-03-02T08:00:00.000Z', 'worker');
  const number = caseNumberDoc(key, {
    caseId: 'case:u1',
    position: 7,
    seq: 7,
    createdAt: '2026-03-02T08:00:00.000Z',
    createdBy: 'worker',
    recorded: false,
  });

  it('accepts the claims, the genesis and the number document from the worker only', () => {
    for (const doc of [claim, genesis, number]) {
      expect(outcome(vdu, doc, null, worker), String(doc._id)).toBe('ok');
      expect(outcome(vdu, doc, null, ctx('clerk.wang', ['clerk'])), String(doc._id)).toBe('forbidden');
      expect(outcome(vdu, doc, null, ctx('leader.li', ['leader'])), String(doc._id)).toBe('forbidden');
    }
  });

  it('lets the worker delete a losing claim leaf (a body-less tombstone), nobody else', () => {
    const old = { ...claim, _rev: '1-a' };
    const tomb = { _id: claim._id, _rev: '1-a', _deleted: true };
    expect(outcome(vdu, tomb, old, worker)).toBe('ok');
    expect(outcome(vdu, tomb, old, ctx('clerk.wang', ['clerk']))).toBe('forbidden');
  });
});
