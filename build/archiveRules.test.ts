/**
 * The archive's write rules as the server enforces them (compiled validate_doc_update of
 * courtdesk_documents, core schemas inside; docs/archives.md): the catalogue is changed only by
 * the volume's creator or an admin, only an admin deletes a volume, archive scans must be
 * on-demand files, and malformed volumes (ids, page ranges) are refused. The role matrix is in
 * validateDocUpdate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ARCHIVE_CASE_UUID, validFields } from '../tests/support/validDocs';
import { ctx, docOf, loadVdu, marked, outcome } from '../tests/support/vdu';

const vdu = loadVdu('courtdesk_documents');
const clerk = ctx('clerk.wang', ['clerk']);
const otherClerk = ctx('clerk.li', ['clerk']);
const judge = ctx('judge.zhao', ['judge']);
const admin = ctx('it.sun', ['admin']);
const kiosk = ctx('kiosk.hall', ['kiosk']);
const enforcement = ctx('enf.zhou', ['enforcement']);
const VOL = `archiveVolume:${ARCHIVE_CASE_UUID}:main:01`;

function volume(by: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return docOf('archiveVolume', by, extra);
}

describe('archive volumes', () => {
  it('are created by clerks, judges, assistants and admins; never by enforcement officers or the kiosk', () => {
    expect(outcome(vdu, volume('clerk.wang'), null, clerk)).toBe('ok');
    expect(outcome(vdu, volume('judge.zhao'), null, judge)).toBe('ok');
    expect(outcome(vdu, volume('enf.zhou'), null, enforcement)).toBe('forbidden');
    expect(outcome(vdu, volume('kiosk.hall'), null, kiosk)).toBe('forbidden');
  });

  it('have their catalogue changed only by their creator or an admin, with a readable reason', () => {
    const old = { ...volume('clerk.wang'), _rev: '1-a' };
    const upd = {
      ...old,
      catalogue: [
        { title: '民事起诉状', firstPage: 1, lastPage: 3, confirmed: true },
        { title: '答辩状', firstPage: 4, lastPage: 6, confirmed: true },
      ],
    };
    expect(outcome(vdu, upd, old, clerk)).toBe('ok');
    expect(outcome(vdu, upd, old, admin)).toBe('ok');
    expect(() => vdu(upd, old, otherClerk, {})).toThrow(
      expect.objectContaining({
        forbidden: expect.stringContaining('只有卷宗的创建人或系统管理员可以修改目录'),
      }),
    );
  });

  it('are deleted by nobody but an admin (not even their creator)', () => {
    const old = { ...volume('clerk.wang'), _rev: '1-a' };
    const del = { _id: VOL, _rev: '1-a', _deleted: true };
    expect(() => vdu(del, old, clerk, {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('只有系统管理员可以删除卷宗') }),
    );
    expect(outcome(vdu, del, old, admin)).toBe('ok');
  });

  it('refuse ids that do not match kind and number, page ranges past the end, and bad parties', () => {
    const bad = (extra: Record<string, unknown>) => outcome(vdu, volume('clerk.wang', extra), null, clerk);
    expect(bad({ kind: 'secondary' })).toBe('forbidden');
    expect(bad({ seq: 2 })).toBe('forbidden');
    expect(bad({ _id: `archiveVolume:${ARCHIVE_CASE_UUID}:main:1` })).toBe('forbidden');
    expect(bad({ caseId: 'case:0a1b2c3d-0000-4000-8000-0000000000c2' })).toBe('forbidden');
    expect(bad({ catalogue: [{ title: '起诉状', firstPage: 3, lastPage: 2, confirmed: true }] })).toBe(
      'forbidden',
    );
    expect(bad({ catalogue: [{ title: '起诉状', firstPage: 1, lastPage: 13, confirmed: true }] })).toBe(
      'forbidden',
    );
    expect(bad({ catalogue: [{ title: '起诉状', firstPage: 1, lastPage: 2 }] })).toBe('forbidden');
    expect(bad({ parties: [''] })).toBe('forbidden');
    expect(bad({ year: 1800 })).toBe('forbidden');
    expect(bad({ fileId: 'file:x' })).toBe('forbidden');
    expect(bad({})).toBe('ok');
  });
});

describe('archive scans (file documents owned by a volume or paper)', () => {
  const scan = (extra: Record<string, unknown>) =>
    docOf('file', 'clerk.wang', { ...validFields('file'), ownerId: VOL, ...extra });

  it('must be on-demand files, so no workstation pulls the archive eagerly', () => {
    expect(outcome(vdu, scan({ onDemand: true }), null, clerk)).toBe('ok');
    expect(() => vdu(scan({}), null, clerk, {})).toThrow(
      expect.objectContaining({ forbidden: expect.stringContaining('onDemand') }),
    );
    expect(outcome(vdu, scan({ onDemand: false }), null, clerk)).toBe('forbidden');
    // Other files keep the eager lane.
    expect(outcome(vdu, docOf('file', 'clerk.wang'), null, clerk)).toBe('ok');
  });
});

describe('electronic case file papers and OCR texts', () => {
  it('papers: created by the trial staff, catalogue confirmed by the creator, deleted only by an admin', () => {
    const paper = docOf('caseFilePaper', 'clerk.wang');
    expect(outcome(vdu, paper, null, clerk)).toBe('ok');
    const old = { ...paper, _rev: '1-a' };
    const confirmed = {
      ...old,
      catalogue: [{ title: '民事起诉状', firstPage: 1, lastPage: 3, confirmed: true }],
    };
    expect(outcome(vdu, confirmed, old, clerk)).toBe('ok');
    expect(outcome(vdu, confirmed, old, otherClerk)).toBe('forbidden');
    expect(outcome(vdu, { _id: String(paper['_id']), _rev: '1-a', _deleted: true }, old, clerk)).toBe(
      'forbidden',
    );
    expect(
      outcome(vdu, docOf('caseFilePaper', 'clerk.wang', { receivedOn: '2026-02-30' }), null, clerk),
    ).toBe('forbidden');
  });

  it('OCR text: id follows its owner; pages are strings', () => {
    expect(outcome(vdu, docOf('archiveText', 'clerk.wang'), null, clerk)).toBe('ok');
    expect(
      outcome(
        vdu,
        docOf('archiveText', 'clerk.wang', { ownerId: `archiveVolume:${ARCHIVE_CASE_UUID}:main:02` }),
        null,
        clerk,
      ),
    ).toBe('forbidden');
    expect(outcome(vdu, docOf('archiveText', 'clerk.wang', { pages: [1] }), null, clerk)).toBe('forbidden');
  });

  it('background OCR claims: checked progress; only the claim’s author or an admin carries it on; the author deletes a losing leaf', () => {
    const claim = (
      by: string,
      ocr: Record<string, unknown>,
      pages: unknown[] = [],
    ): Record<string, unknown> =>
      docOf('archiveText', by, {
        pages,
        ocr: {
          state: 'running',
          workstation: 'ws-archive',
          pageCount: 3,
          updatedAt: '2026-12-07T10:00:00.000Z',
          ...ocr,
        },
      });
    expect(outcome(vdu, claim('clerk.wang', {}), null, clerk)).toBe('ok');
    expect(outcome(vdu, claim('enf.zhou', {}), null, enforcement)).toBe('forbidden');
    expect(outcome(vdu, claim('clerk.wang', { state: 'paused' }), null, clerk)).toBe('forbidden');
    expect(outcome(vdu, claim('clerk.wang', {}, ['a', 'b', 'c', 'd']), null, clerk)).toBe('forbidden');
    expect(outcome(vdu, claim('clerk.wang', { state: 'done' }, ['a']), null, clerk)).toBe('forbidden');
    expect(outcome(vdu, claim('clerk.wang', { workstation: '' }), null, clerk)).toBe('forbidden');
    const old: Record<string, unknown> = { ...claim('clerk.wang', {}), _rev: '1-a' };
    const taken = {
      ...claim('clerk.wang', { workstation: 'ws-other', state: 'done' }, ['a', 'b', 'c']),
      _rev: '1-a',
    };
    expect(outcome(vdu, taken, old, clerk)).toBe('ok');
    expect(outcome(vdu, taken, old, otherClerk)).toBe('forbidden');
    expect(outcome(vdu, taken, old, admin)).toBe('ok');
    const id = String(old['_id']);
    expect(outcome(vdu, marked(id, '1-a'), old, clerk)).toBe('ok');
    expect(outcome(vdu, marked(id, '1-a'), old, otherClerk)).toBe('forbidden');
  });

  it('import runs: admins only', () => {
    expect(outcome(vdu, docOf('archiveImport', 'clerk.wang'), null, clerk)).toBe('forbidden');
    expect(outcome(vdu, docOf('archiveImport', 'it.sun'), null, admin)).toBe('ok');
  });
});
