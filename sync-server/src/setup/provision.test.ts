import { describe, expect, it } from 'vitest';
import { DATABASES } from '../../../core/databases';
import { createFakeCouch } from '../couch/fakeCouch';
import { putSecurity } from '../couch/helpers';
import { runMigrations, type Migration } from '../migrations/migrations';
import { formatReport, provision, securityFor } from './provision';

describe('provision (against an in-memory fake; the real servers are in tests/integration)', () => {
  it('creates every database, _users, _security and design document, then changes nothing', async () => {
    const { couch, state } = createFakeCouch();
    const first = await provision(couch);
    expect(first.changes).toContain('created database _users');
    for (const spec of DATABASES) {
      const db = state.dbs.get(spec.name);
      expect(db, spec.name).toBeDefined();
      expect(db?.security).toEqual({
        admins: { names: [], roles: [...spec.adminRoles].sort() },
        members: { names: [], roles: [...spec.memberRoles].sort() },
      });
      expect(db?.docs.get('_design/courtdesk')?.['courtdesk_version']).toMatch(/\+[0-9a-f]{12}$/);
    }
    expect(first.changes).toHaveLength(1 + DATABASES.length * 3);
    const writes = state.writes.length;
    const second = await provision(couch);
    expect(second.changes).toEqual([]);
    expect(state.writes.length).toBe(writes);
    expect(formatReport(second)).toMatch(/already in place/);
    expect(formatReport(first)).toMatch(/change\(s\)/);
  });

  it('updates a design document only when its stamp differs, and repairs _security', async () => {
    const { couch, state } = createFakeCouch();
    await provision(couch);
    const cases = state.dbs.get('courtdesk_cases');
    const ddoc = cases?.docs.get('_design/courtdesk');
    if (!ddoc || !cases) throw new Error('not provisioned');
    cases.docs.set('_design/courtdesk', { ...ddoc, courtdesk_version: 'old' });
    cases.security = {};
    const r = await provision(couch);
    expect(r.changes).toEqual([
      expect.stringMatching(/^set _security of courtdesk_cases/),
      expect.stringMatching(/^updated courtdesk_cases\/_design\/courtdesk/),
    ]);
  });

  it('refuses to run without a server admin', async () => {
    const { couch } = createFakeCouch(['clerk']);
    await expect(provision(couch)).rejects.toThrow(/server admin/);
  });

  it('never writes an empty members list', async () => {
    const { couch } = createFakeCouch();
    await couch.db.create('x');
    await expect(
      putSecurity(couch, 'x', { admins: { names: [], roles: [] }, members: { names: [], roles: [] } }),
    ).rejects.toThrow(/public/);
    for (const spec of DATABASES) expect(securityFor(spec).members.roles.length).toBeGreaterThan(0);
    expect(
      securityFor(DATABASES.find((d) => d.key === 'cases') ?? DATABASES[0]!).members.roles,
    ).not.toContain('kiosk');
    expect(securityFor(DATABASES.find((d) => d.key === 'public') ?? DATABASES[0]!).members.roles).toContain(
      'kiosk',
    );
  });
});

describe('named migrations', () => {
  it('runs pending migrations once, in created order, and records them', async () => {
    const { couch } = createFakeCouch();
    await provision(couch);
    const order: string[] = [];
    const mk = (name: string, created: string): Migration => ({
      name,
      created,
      run: async () => void order.push(name),
    });
    const ms = [mk('b', '2026-11-02'), mk('a', '2026-11-01')];
    expect(await runMigrations(couch, ms)).toEqual(['a', 'b']);
    expect(await runMigrations(couch, ms)).toEqual([]);
    expect(await runMigrations(couch, [...ms, mk('c', '2026-11-03')])).toEqual(['c']);
    expect(order).toEqual(['a', 'b', 'c']);
    const r = await provision(couch, { migrations: [...ms, mk('c', '2026-11-03'), mk('d', '2026-11-04')] });
    expect(r.migrations).toEqual(['d']);
    expect(r.changes).toEqual(['ran migration d']);
  });

  it('stops at a failing migration and keeps the ones before it recorded', async () => {
    const { couch } = createFakeCouch();
    await provision(couch);
    const ok: Migration = { name: 'ok', created: '2026-01-01', run: async () => {} };
    const bad: Migration = {
      name: 'bad',
      created: '2026-01-02',
      run: async () => Promise.reject(new Error('boom')),
    };
    await expect(runMigrations(couch, [ok, bad])).rejects.toThrow('boom');
    expect(await runMigrations(couch, [ok])).toEqual([]);
  });

  it('rejects duplicate names and invalid dates', async () => {
    const { couch } = createFakeCouch();
    const m: Migration = { name: 'x', created: '2026-01-01', run: async () => {} };
    await expect(runMigrations(couch, [m, m])).rejects.toThrow(/duplicate/);
    await expect(runMigrations(couch, [{ ...m, created: 'soon' }])).rejects.toThrow(/invalid created/);
  });
});
