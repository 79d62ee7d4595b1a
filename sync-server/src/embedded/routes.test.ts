import { describe, expect, it } from 'vitest';
import { classifyRoute, isValidDbName, pathSegments } from './routes';
import { decide } from './allowList';

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

describe('decide (the allow-list)', () => {
  const d = (method: string, path: string) => decide(method, classifyRoute(path));
  const level = (method: string, path: string) => {
    const r = d(method, path);
    return r.kind === 'allow' ? r.permit.level : r.kind;
  };
  it('creating and deleting databases needs a server admin', () => {
    expect(level('PUT', '/x')).toBe('serverAdmin');
    expect(level('DELETE', '/x')).toBe('serverAdmin');
  });
  it('what the app and replication use needs membership', () => {
    for (const [m, p] of [
      ['GET', '/x'],
      ['POST', '/x'],
      ['GET', '/x/_all_docs'],
      ['POST', '/x/_all_docs'],
      ['POST', '/x/_bulk_get'],
      ['POST', '/x/_bulk_docs'],
      ['POST', '/x/_revs_diff'],
      ['PUT', '/x/doc'],
      ['GET', '/x/doc/att.pdf'],
      ['GET', '/x/_changes'],
      ['POST', '/x/_changes'],
      ['PUT', '/x/_local/cp'],
    ]) {
      expect(level(m as string, p as string), `${m} ${p}`).toBe('member');
    }
  });
  it('design documents, Mango, views and _purge need the server admin; _security writes a db admin', () => {
    for (const [m, p] of [
      ['PUT', '/x/_design/a'],
      ['DELETE', '/x/_design/a'],
      ['PUT', '/x/_design/a/att.txt'],
      ['POST', '/x/_purge'],
      ['POST', '/x/_find'],
      ['POST', '/x/_index'],
      ['GET', '/x/_design/a/_view/v'],
    ]) {
      expect(level(m as string, p as string), `${m} ${p}`).toBe('serverAdmin');
    }
    expect(level('PUT', '/x/_security')).toBe('dbAdmin');
    expect(level('POST', '/x/_compact')).toBe('dbAdmin');
  });
  it('JSON bodies where the app sends JSON, any type for attachments', () => {
    const body = (m: string, p: string) => {
      const r = d(m, p);
      return r.kind === 'allow' ? r.permit.body : r.kind;
    };
    expect(body('POST', '/x/_bulk_docs')).toBe('json');
    expect(body('PUT', '/x/doc')).toBe('json');
    expect(body('PUT', '/x/doc/a.pdf')).toBe('attachment');
    expect(body('POST', '/_session')).toBe('json');
  });
  it('everything else is refused: unknown endpoints 404, other methods 405, reserved local ids', () => {
    expect(d('GET', '/x/_local/_security')).toMatchObject({ kind: 'refuse', status: 404 });
    expect(d('PUT', '/x/_local/_security')).toMatchObject({ kind: 'refuse', status: 403 });
    expect(d('PUT', '/x/_local/purges')).toMatchObject({ kind: 'refuse', status: 403 });
    expect(d('GET', '/x/_design/a/_show/s')).toMatchObject({ kind: 'refuse', status: 404 });
    expect(d('POST', '/x/_temp_view')).toMatchObject({ kind: 'refuse', status: 404 });
    expect(d('POST', '/x/_missing_revs')).toMatchObject({ kind: 'refuse', status: 404 });
    expect(d('GET', '/_stats')).toMatchObject({ kind: 'refuse', status: 404 });
    expect(d('GET', '/_config')).toMatchObject({ kind: 'refuse', status: 404 });
    expect(d('COPY', '/x/doc')).toMatchObject({
      kind: 'methodNotAllowed',
      allowed: ['DELETE', 'GET', 'HEAD', 'PUT'],
    });
    expect(d('POST', '/x/doc')).toMatchObject({ kind: 'methodNotAllowed' });
    expect(d('PATCH', '/x')).toMatchObject({ kind: 'methodNotAllowed' });
  });
  it('server endpoints', () => {
    expect(level('GET', '/_all_dbs')).toBe('serverAdmin');
    expect(level('POST', '/_replicate')).toBe('serverAdmin');
    expect(level('GET', '/_node/_local/_config')).toBe('serverAdmin');
    expect(level('PUT', '/_node/_local/_config/a/b')).toBe('serverAdmin');
    expect(level('GET', '/')).toBe('open');
    expect(level('POST', '/_session')).toBe('open');
    expect(level('GET', '/_up')).toBe('open');
  });
  it('_users is for the server admin only (usersDb.ts; usersDb.test.ts)', () => {
    expect(level('PUT', '/_users/org.couchdb.user:bob')).toBe('usersDb');
    expect(level('GET', '/_users/_all_docs')).toBe('usersDb');
  });
});
