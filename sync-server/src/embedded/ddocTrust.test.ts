import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { designDocHash, DesignDocTrust, pouchdbAuthDesignDoc } from './ddocTrust';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function file(): string {
  const d = mkdtempSync(join(tmpdir(), 'courtdesk-trust-'));
  dirs.push(d);
  return join(d, 'trusted-design-docs.json');
}

describe('DesignDocTrust', () => {
  const ddoc = {
    _id: '_design/a',
    validate_doc_update: 'function () {}',
    views: { v: { map: 'function (d) {}' } },
  };

  it('hashes content: not the revision, not key order', () => {
    expect(designDocHash({ ...ddoc, _rev: '3-x', _revisions: { start: 3, ids: [] } })).toBe(
      designDocHash(ddoc),
    );
    expect(
      designDocHash({ views: ddoc.views, validate_doc_update: ddoc.validate_doc_update, _id: ddoc._id }),
    ).toBe(designDocHash(ddoc));
    expect(designDocHash({ ...ddoc, validate_doc_update: 'function () { throw 1; }' })).not.toBe(
      designDocHash(ddoc),
    );
    expect(designDocHash({ ...ddoc, _id: '_design/b' })).not.toBe(designDocHash(ddoc));
  });

  it('trusts what was recorded (kept across restarts, mode 0600) and what ships', async () => {
    const f = file();
    const shipped = { _id: '_design/shipped', views: {} };
    const trust = new DesignDocTrust(f, async () => [shipped]);
    expect(await trust.isTrusted(ddoc)).toBe(false);
    trust.trust(ddoc);
    expect(await trust.isTrusted({ ...ddoc, _rev: '1-x' })).toBe(true);
    expect(await trust.isTrusted(shipped)).toBe(true);
    expect(statSync(f).mode & 0o777).toBe(0o600);
    const again = new DesignDocTrust(f, async () => []);
    expect(await again.isTrusted(ddoc)).toBe(true);
    expect(await again.isTrusted(shipped)).toBe(false);
  });

  it('knows pouchdb-auth’s _users design document as older installs stored it', () => {
    const dd = pouchdbAuthDesignDoc();
    expect(dd._id).toBe('_design/_auth');
    expect(String(dd.validate_doc_update)).toMatch(/^function\s*\(newDoc, oldDoc, userCtx, secObj\)/);
  });
});
