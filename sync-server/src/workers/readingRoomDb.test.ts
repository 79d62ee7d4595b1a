import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lobbyValidateSource, readerSecurity, visitValidateSource } from './readingRoomDb';

type Vdu = (
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  userCtx: unknown,
) => void;

function load(source: string): Vdu {
  return runInNewContext(`(${source}\n)`, {}) as Vdu;
}

function outcome(
  vdu: Vdu,
  doc: Record<string, unknown>,
  old: Record<string, unknown> | null,
  ctx: unknown,
): string {
  try {
    vdu(doc, old, ctx);
    return 'ok';
  } catch (err) {
    return Object.keys(err as object)[0] ?? 'thrown';
  }
}

const reader = { name: 'reading.pc1', roles: ['reader'] };
const admin = { name: 'admin', roles: ['_admin'] };
const view = {
  _id: 'pageView:1',
  type: 'pageView',
  volumeId: 'archiveVolume:c1:main:01',
  page: 3,
  action: 'view',
  at: '2026-12-07T08:00:00.000Z',
  createdBy: 'reading.pc1',
};

describe('the visit database’s validate_doc_update', () => {
  const noPrint = load(visitValidateSource(false));
  const print = load(visitValidateSource(true));

  it('lets the reader add page records, and prints only where allowed', () => {
    expect(outcome(noPrint, view, null, reader)).toBe('ok');
    expect(outcome(noPrint, { ...view, action: 'print' }, null, reader)).toBe('forbidden');
    expect(outcome(print, { ...view, action: 'print' }, null, reader)).toBe('ok');
  });

  it('refuses anything else the reader writes', () => {
    const bad: Record<string, unknown>[] = [
      { ...view, createdBy: 'someone' },
      { ...view, page: 0 },
      { ...view, page: 1.5 },
      { ...view, action: 'copy' },
      { ...view, at: 'yesterday' },
      { ...view, volumeId: 'file:x' },
      { ...view, extra: 1 },
      { ...view, _attachments: { 'a.pdf': { data: 'AA==' } } },
      { ...view, _id: 'archiveVolume:c1:main:01', type: 'archiveVolume' },
      { ...view, _id: 'visit', type: 'readingInfo' },
    ];
    for (const doc of bad) expect(outcome(noPrint, doc, null, reader), JSON.stringify(doc)).toBe('forbidden');
    expect(outcome(noPrint, { ...view, page: 4 }, view, reader)).toBe('forbidden');
    expect(outcome(noPrint, { _id: view._id, _deleted: true }, view, reader)).toBe('forbidden');
    expect(outcome(noPrint, view, null, { name: null, roles: [] })).toBe('unauthorized');
  });

  it('leaves the worker (server admin) free, and the lobby to the worker alone', () => {
    expect(outcome(noPrint, { _id: 'archiveVolume:x', type: 'archiveVolume' }, null, admin)).toBe('ok');
    const lobby = load(lobbyValidateSource());
    expect(outcome(lobby, { _id: 'current', db: 'x' }, null, reader)).toBe('forbidden');
    expect(outcome(lobby, { _id: 'current', db: 'x' }, null, admin)).toBe('ok');
  });

  it('admits the reading PC by name only; closing empties the members (admins only)', () => {
    expect(readerSecurity('reading.pc1')).toEqual({
      admins: { names: [], roles: [] },
      members: { names: ['reading.pc1'], roles: [] },
    });
    expect(readerSecurity(null)).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: [] },
    });
  });
});
