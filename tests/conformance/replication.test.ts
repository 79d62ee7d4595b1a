import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, uniqueDbName } from '../support/couchTarget';
import { setupFixture, type Fixture } from './fixture';

/**
 * The replication protocol as the app uses it (PouchDB 9's HTTP adapter: `_changes`, `_revs_diff`,
 * `_bulk_docs` with new_edits:false, `_bulk_get`/`open_revs`, `_local` checkpoints, attachments),
 * run as a member, both ways, through the same guard — and refused to a non-member.
 * https://docs.couchdb.org/en/stable/replication/protocol.html
 */
const require = createRequire(import.meta.url);
type Db = {
  put(doc: object): Promise<{ rev: string }>;
  get(id: string, opts?: object): Promise<Record<string, unknown>>;
  replicate: {
    to(target: unknown): Promise<{ ok: boolean; docs_written: number }>;
    from(source: unknown): Promise<{ ok: boolean; docs_written: number }>;
  };
  destroy(): Promise<void>;
  close(): Promise<void>;
  allDocs(o?: object): Promise<{ total_rows: number }>;
};
type PouchCtor = new (name: string, opts?: object) => Db;
const PouchDB = (
  require('pouchdb-node') as { plugin(p: unknown): PouchCtor & { plugin(p: unknown): unknown } }
).plugin(require('pouchdb-adapter-memory'));

let f: Fixture;
let db: string;

beforeAll(async () => {
  f = await setupFixture();
  db = uniqueDbName();
  await createDb(f.target, db, {
    admins: { names: [], roles: [] },
    members: { names: [], roles: ['clerk'] },
  });
  await f.admin('PUT', `/${db}/_design/rules`, {
    validate_doc_update:
      'function (n) { if (n.type === "case" && !n.caseNumber) throw({ forbidden: "caseNumber required" }); }',
  });
});

afterAll(async () => {
  await f?.stop();
});

function remote(actor: 'memberRole' | 'outsider'): Db {
  const c = f.creds[actor]!;
  return new PouchDB(`${f.target.url}/${db}`, {
    auth: { username: c.name, password: c.password },
    skip_setup: true,
  });
}

describe('PouchDB replication through the guard', () => {
  it('pushes documents and attachments as a member, then pulls them into a fresh replica', async () => {
    const local = new PouchDB(`push_${Date.now()}`, { adapter: 'memory' });
    for (let i = 0; i < 30; i++)
      await local.put({ _id: `case:${i}`, type: 'case', caseNumber: `（2026）甘0402民初${i + 1}号` });
    await local.put({
      _id: 'case:att',
      type: 'case',
      caseNumber: '（2026）甘0402民初99号',
      _attachments: {
        'scan.txt': { content_type: 'text/plain', data: Buffer.from('卷宗扫描件').toString('base64') },
      },
    });
    const push = await local.replicate.to(remote('memberRole'));
    expect(push.ok).toBe(true);
    expect(push.docs_written).toBe(31);

    const fresh = new PouchDB(`pull_${Date.now()}`, { adapter: 'memory' });
    const pull = await fresh.replicate.from(remote('memberRole'));
    expect(pull.ok).toBe(true);
    const att = await fresh.get('case:att', { attachments: true });
    expect(
      Buffer.from(
        (att._attachments as Record<string, { data: string }>)['scan.txt']!.data,
        'base64',
      ).toString(),
    ).toBe('卷宗扫描件');
    // incremental: a second push resumes from its _local checkpoint
    await local.put({ _id: 'case:late', type: 'case', caseNumber: '（2026）甘0402民初100号' });
    expect((await local.replicate.to(remote('memberRole'))).docs_written).toBe(1);
    await local.destroy();
    await fresh.destroy();
  });

  it('validate_doc_update rejects an invalid document on the replication path; the rest goes through', async () => {
    const local = new PouchDB(`vdu_${Date.now()}`, { adapter: 'memory' });
    await local.put({ _id: 'case:bad', type: 'case' });
    await local.put({ _id: 'case:good', type: 'case', caseNumber: '（2026）甘0402民初7号' });
    const push = await local.replicate.to(remote('memberRole'));
    expect(push.docs_written).toBe(1);
    expect((await f.admin('GET', `/${db}/case:bad`)).status).toBe(404);
    expect((await f.admin('GET', `/${db}/case:good`)).status).toBe(200);
    await local.destroy();
  });

  it('live pull (longpoll feed) delivers a document written after it started', async () => {
    const local = new PouchDB(`live_${Date.now()}`, { adapter: 'memory' }) as Db & {
      replicate: {
        from(source: unknown, opts: object): { cancel(): void; on(e: string, fn: () => void): unknown };
      };
    };
    const feed = local.replicate.from(remote('memberRole'), { live: true, retry: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(
      (await f.admin('PUT', `/${db}/case:live`, { type: 'case', caseNumber: '（2026）甘0402民初8号' }))
        .status,
    ).toBe(201);
    const deadline = Date.now() + 10_000;
    let got = false;
    while (!got && Date.now() < deadline) {
      got = await local.get('case:live').then(
        () => true,
        () => false,
      );
      if (!got) await new Promise((r) => setTimeout(r, 100));
    }
    feed.cancel();
    expect(got).toBe(true);
    await local.destroy();
  });

  it('a non-member can neither push nor pull', async () => {
    const local = new PouchDB(`out_${Date.now()}`, { adapter: 'memory' });
    await local.put({ _id: 'intruder', type: 'note' });
    await expect(local.replicate.to(remote('outsider'))).rejects.toMatchObject({ status: 403 });
    await expect(local.replicate.from(remote('outsider'))).rejects.toMatchObject({ status: 403 });
    expect((await f.admin('GET', `/${db}/intruder`)).status).toBe(404);
    await local.destroy();
  });
});
