import { describe, expect, it } from 'vitest';
import { classifyRoute, isValidDbName, pathSegments } from './routes';
import { decide } from './rules';

describe('classifyRoute', () => {
  it('server endpoints', () => {
    expect(classifyRoute('/')).toEqual({ kind: 'root' });
    expect(classifyRoute('/_session')).toEqual({ kind: 'session' });
    expect(classifyRoute('/_uuids')).toEqual({ kind: 'public', name: '_uuids' });
    expect(classifyRoute('/_all_dbs')).toEqual({ kind: 'serverAdmin', name: '_all_dbs', rest: [] });
    expect(classifyRoute('/_node/_local/_config')).toEqual({
      kind: 'serverAdmin',
      name: '_node',
      rest: ['_local', '_config'],
    });
  });

  it('database targets', () => {
    expect(classifyRoute('/cases')).toEqual({ kind: 'db', db: 'cases', target: { type: 'db' } });
    expect(classifyRoute('/cases/_security')).toMatchObject({ target: { type: 'security' } });
    expect(classifyRoute('/cases/_bulk_docs')).toMatchObject({
      target: { type: 'endpoint', name: '_bulk_docs' },
    });
    expect(classifyRoute('/cases/_index/_design/x/json/y')).toMatchObject({
      target: { type: 'endpoint', name: '_index' },
    });
    expect(classifyRoute('/cases/case%3A1')).toMatchObject({ target: { type: 'doc', docId: 'case:1' } });
    expect(classifyRoute('/cases/d/scan%2F1.pdf')).toMatchObject({
      target: { type: 'doc', docId: 'd', attachment: 'scan/1.pdf' },
    });
    expect(classifyRoute('/cases/_design/app/_view/v')).toMatchObject({
      target: { type: 'design', docId: '_design/app', rest: ['_view', 'v'] },
    });
    expect(classifyRoute('/cases/_design%2Fapp')).toMatchObject({
      target: { type: 'design', docId: '_design/app', rest: [] },
    });
    expect(classifyRoute('/cases/_local/cp')).toMatchObject({
      target: { type: 'local', docId: '_local/cp' },
    });
    expect(classifyRoute('/cases/_temp_view')).toMatchObject({
      target: { type: 'unknown', name: '_temp_view' },
    });
    expect(classifyRoute('/_users/org.couchdb.user%3Abob')).toMatchObject({
      db: '_users',
      target: { type: 'doc', docId: 'org.couchdb.user:bob' },
    });
  });

  it('rejects broken percent-encoding with 400', () => {
    expect(() => pathSegments('/db/%E0%A4%A')).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('database names follow CouchDB', () => {
    expect(isValidDbName('courtdesk_cases')).toBe(true);
    expect(isValidDbName('_users')).toBe(true);
    expect(isValidDbName('Cases')).toBe(false);
    expect(isValidDbName('1cases')).toBe(false);
    expect(isValidDbName('_secret')).toBe(false);
  });
});

describe('decide (access level per route)', () => {
  const d = (method: string, path: string) => decide(method, classifyRoute(path));
  it('creating and deleting databases needs a server admin', () => {
    expect(d('PUT', '/x')).toEqual({ kind: 'serverAdmin' });
    expect(d('DELETE', '/x')).toEqual({ kind: 'serverAdmin' });
  });
  it('reads and document writes need membership', () => {
    for (const [m, p] of [
      ['GET', '/x'],
      ['GET', '/x/_all_docs'],
      ['POST', '/x/_find'],
      ['POST', '/x/_bulk_get'],
      ['PUT', '/x/doc'],
      ['GET', '/x/_changes'],
      ['PUT', '/x/_local/cp'],
      ['GET', '/x/_design/a/_view/v'],
    ]) {
      expect(d(m as string, p as string), `${m} ${p}`).toMatchObject({ kind: 'db', level: 'member' });
    }
  });
  it('design documents, _security writes, _compact, _purge, _index creation need a db admin', () => {
    for (const [m, p] of [
      ['PUT', '/x/_design/a'],
      ['DELETE', '/x/_design/a'],
      ['PUT', '/x/_design/a/att.txt'],
      ['PUT', '/x/_security'],
      ['POST', '/x/_compact'],
      ['POST', '/x/_purge'],
      ['POST', '/x/_index'],
    ]) {
      expect(d(m as string, p as string), `${m} ${p}`).toMatchObject({ kind: 'db', level: 'dbAdmin' });
    }
  });
  it('never exposes the stored security document or unsandboxed ddoc functions', () => {
    expect(d('GET', '/x/_local/_security')).toMatchObject({ kind: 'refuse', status: 404 });
    expect(d('PUT', '/x/_local/_security')).toMatchObject({ kind: 'refuse', status: 403 });
    expect(d('GET', '/x/_design/a/_show/s')).toMatchObject({ kind: 'refuse', status: 404 });
    expect(d('POST', '/x/_temp_view')).toMatchObject({ kind: 'refuse', status: 400 });
  });
  it('server endpoints', () => {
    expect(d('GET', '/_all_dbs')).toEqual({ kind: 'serverAdmin' });
    expect(d('POST', '/_replicate')).toEqual({ kind: 'serverAdmin' });
    expect(d('GET', '/_config')).toEqual({ kind: 'serverAdmin' });
    expect(d('GET', '/')).toEqual({ kind: 'open' });
    expect(d('POST', '/_session')).toEqual({ kind: 'open' });
  });
  it('_users goes to the _users rules (usersDb.test.ts)', () => {
    expect(d('PUT', '/_users/org.couchdb.user:bob')).toMatchObject({ kind: 'usersDb', listing: false });
  });
});
