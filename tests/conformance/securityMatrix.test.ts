import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseByKey } from '../../core/databases';
import { ROLES } from '../../core/roles';
import { couchFetch, createDb, createUser, uniqueDbName } from '../support/couchTarget';
import { ACTORS, setupFixture, type Fixture } from './fixture';
import { describeExpected, expectAnswer } from './expectations';
import { CORE_ROWS, isSkip, type Row } from './matrix';
import { ADMIN_ROWS, SERVER_ROWS } from './matrixAdminRows';

const ROWS: Row[] = [...CORE_ROWS, ...ADMIN_ROWS, ...SERVER_ROWS];

// One security and protocol matrix (matrix.ts) × the six kinds of caller, against the embedded
// server or, with COUCH_URL, Apache CouchDB.
let f: Fixture;

beforeAll(async () => {
  f = await setupFixture();
  const seed = await f.admin('PUT', `/${f.db}/seed`, { kind: 'seed' });
  expect(seed.status).toBe(201);
  const att = await couchFetch(`${f.target.url}/${f.db}/seed_att/file.txt`, {
    method: 'PUT',
    auth: f.target.admin,
    rawBody: 'seed file',
    contentType: 'text/plain',
  });
  expect(att.status).toBe(201);
  expect((await f.admin('PUT', `/${f.db}/_local/seed_local`, { last_seq: 0 })).status).toBe(201);
  const views = await f.admin('PUT', `/${f.db}/_design/seed_views`, {
    views: { by_kind: { map: 'function (doc) { if (doc.kind) emit(doc.kind, null); }' } },
  });
  expect(views.status).toBe(201);
});

afterAll(async () => {
  await f?.stop();
});

describe('security and protocol matrix', () => {
  for (const row of ROWS) {
    for (const actor of ACTORS) {
      const cell = row.expect[actor];
      if (isSkip(cell)) {
        // Reported, never silent: the title says it is skipped and why, and the reason is printed.
        it.skip(`${row.name} as ${actor} — SKIPPED: ${cell.skip}`, () => undefined);
        process.stdout.write(`SKIPPED matrix cell ${row.name} as ${actor}: ${cell.skip}\n`);
        continue;
      }
      it(`${row.name} as ${actor} → ${describeExpected(cell)} ${row.cite}`, async () => {
        const c = { f, actor };
        await row.prepare?.(c);
        const res = await f.as(
          actor,
          row.method,
          row.path(c),
          row.body?.(c),
          row.raw
            ? { rawBody: row.raw.body, contentType: row.raw.contentType, headers: row.headers }
            : { headers: row.headers },
        );
        try {
          expectAnswer(res, cell, f.target.embedded, `${row.name} as ${actor}`);
          await row.verify?.(c, res.status);
        } finally {
          await row.cleanup?.(c, res.status);
        }
      });
    }
  }

  it('the secured database survived every non-admin DELETE', async () => {
    expect((await f.admin('GET', `/${f.db}`)).status).toBe(200);
  });

  it('a database whose security was never set is admin-only (CouchDB 3 default) [sec]', async () => {
    const name = uniqueDbName();
    await createDb(f.target, name);
    expect((await f.as('memberRole', 'GET', `/${name}/_all_docs`)).status).toBe(403);
    expect((await f.as('anonymous', 'GET', `/${name}`)).status).toBe(401);
    expect((await f.as('anonymous', 'PUT', `/${name}/x`, { a: 1 })).status).toBe(401);
    expect((await f.as('serverAdmin', 'GET', `/${name}/_all_docs`)).status).toBe(200);
  });
});

describe('each CourtDesk role against the databases provisioned for it', () => {
  // The audit database admits leader/admin/worker only; the public one also the kiosk.
  const roleUsers = new Map<string, { name: string; password: string }>();

  beforeAll(async () => {
    for (const role of ROLES) {
      const name = `conf_role_${role}_${Math.random().toString(16).slice(2, 8)}`;
      await createUser(f.target, name, 'role-pw', [role]);
      roleUsers.set(role, { name, password: 'role-pw' });
    }
  });

  for (const key of ['audit', 'public'] as const) {
    for (const role of ROLES) {
      const spec = databaseByKey(key);
      const isMember = (spec.memberRoles as readonly string[]).includes(role);
      it(`${key}: role ${role} reads _all_docs → ${isMember ? 200 : 403}`, async () => {
        const db = `${uniqueDbName()}_${key}`;
        await createDb(f.target, db, {
          admins: { names: [], roles: [...spec.adminRoles] },
          members: { names: [], roles: [...spec.memberRoles] },
        });
        const res = await couchFetch(`${f.target.url}/${db}/_all_docs`, { auth: roleUsers.get(role) });
        expect(res.status).toBe(isMember ? 200 : 403);
        if (!isMember) expect(res.body?.error).toBe('forbidden');
      });
    }
  }
});
