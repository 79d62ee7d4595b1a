import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../core/domain/identity';
import { startNextRound } from '../../core/enforcement/listingRounds';
import type { DishonestEntry } from '../../core/enforcement/dishonest';
import { createCouchClient } from '../../sync-server/src/couch/client';
import { provision } from '../../sync-server/src/setup/provision';
import {
  couchFetch,
  readFromEveryCopy,
  refusedWrite,
  createUser,
  getCouchTarget,
  type CouchTarget,
  type Credentials,
} from '../support/couchTarget';
import { validDoc } from '../support/validDocs';

/**
 * Attacks on the enforcement rules of the provisioned server (embedded, or COUCH_URL), sent as a
 * modified client would send them over HTTP: a second concurrent dishonest-debtor listing, a forged
 * listing round, a release of a freeze by a clerk or before the freeze, a forged un-release, a
 * leader approving their own proposal. Two officers re-listing offline reach the server by
 * replication (`new_edits: false`) and leave one document with a conflict, never two entries.
 * The same rules, request by request: build/enforcementReleaseRoundsRules.test.ts.
 */
let target: CouchTarget;
const tag = randomBytes(3).toString('hex');
const password = randomBytes(9).toString('hex');
const user = (name: string): Credentials => ({ name: `${name}.${tag}`, password });
const OFFICER = user('enf.liu');
const OTHER = user('enf.zhou');
const LEADER = user('leader.qian');
const CHIEF = user('chief.wang'); // 执行局长: enforcement and leader
const CLERK = user('clerk.sun');
const AT = '2026-03-02T08:00:00.000Z';
type Doc = Record<string, unknown>;

function url(id: string, query = ''): string {
  return `${target.url}/courtdesk_enforcement/${encodeURIComponent(id)}${query}`;
}
async function put(who: Credentials, doc: Doc): Promise<{ status: number; reason: string; doc: Doc }> {
  // A forged write right after a write may meet a cluster's lagging copy: refusedWrite sends it again on that 409.
  const r = await refusedWrite(target, () =>
    couchFetch(url(String(doc['_id'])), { method: 'PUT', auth: who, body: doc }),
  );
  const body = r.body as Doc;
  return { status: r.status, reason: String(body['reason'] ?? ''), doc: { ...doc, _rev: body['rev'] } };
}
async function ok(who: Credentials, doc: Doc): Promise<Doc> {
  const r = await put(who, doc);
  expect(r.status, r.reason).toBe(201);
  return r.doc;
}
const approval = (who: Credentials) => ({ decision: 'approved', by: who.name, at: AT });

beforeAll(async () => {
  target = await getCouchTarget();
  await provision(createCouchClient(target.adminUrl));
  await createUser(target, OFFICER.name, password, ['enforcement']);
  await createUser(target, OTHER.name, password, ['enforcement']);
  await createUser(target, LEADER.name, password, ['leader']);
  await createUser(target, CHIEF.name, password, ['enforcement', 'leader']);
  await createUser(target, CLERK.name, password, ['clerk']);
});

afterAll(async () => {
  await target?.stop();
});

describe('dishonest-debtor listings', () => {
  const idNumber = makeResidentId(
    '620402',
    `19${randomInt(50, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`,
    randomInt(1, 999),
  );
  const id = `dishonestDebtor:${idNumber}:evasion`;
  const first = validDoc('dishonestDebtor', id, OFFICER.name, {
    respondent: { name: '李四', kind: 'natural', idNumber },
    ground: 'evasion',
    listedOn: '2026-02-01',
  });
  const removal = { reason: 'performed', note: '已全部履行', on: '2026-03-01', by: OFFICER.name };
  const terms = { caseId: 'case:c2', listedOn: '2026-04-01', facts: '再次转移财产' };
  const nextRound = (from: Doc, who: Credentials): Doc =>
    startNextRound(from as unknown as DishonestEntry, terms, who.name) as unknown as Doc;
  let listed: Doc;

  it('refuse a second concurrent listing: a new round over a current listing, or a second id', async () => {
    const created = await ok(OFFICER, first);
    listed = await ok(LEADER, { ...created, approval: approval(LEADER) });
    const claimsRemoved = { ...nextRound({ ...listed, removal }, OTHER), _rev: listed['_rev'] };
    const over = await put(OTHER, claimsRemoved);
    expect(over.status).toBe(403);
    expect(over.reason).toContain('删除后才能再次纳入');
    const secondId = await put(OTHER, { ...validDoc('dishonestDebtor', `${id}:2`, OTHER.name), ...terms });
    expect(secondId.status).toBe(403);
    const fresh = nextRound({ ...listed, removal }, OFFICER);
    delete fresh['_rev'];
    expect((await put(OFFICER, { ...fresh, _id: `dishonestDebtor:${idNumber}:obstruction` })).status).toBe(
      403,
    );
  });

  it('refuse a forged round; after the removal the next round is accepted and approved by a leader', async () => {
    const removed = await ok(OFFICER, { ...listed, removal });
    const skipped = await put(OTHER, { ...nextRound(removed, OTHER), round: 3 });
    expect(skipped.status).toBe(403);
    const rewritten = nextRound(removed, OTHER);
    const history = (rewritten['earlierRounds'] as Doc[]).map((r) => ({ ...r, facts: '改写的事实' }));
    expect((await put(OTHER, { ...rewritten, earlierRounds: history })).status).toBe(403);
    expect((await put(OTHER, { ...rewritten, approval: approval(OTHER) })).status).toBe(403);
    const round2 = await ok(OTHER, nextRound(removed, OTHER));
    const stored = (await couchFetch(url(id), { auth: OFFICER })).body as Doc;
    expect(stored).toMatchObject({ round: 2, proposedBy: OTHER.name, caseId: 'case:c2' });
    expect(await ok(LEADER, { ...round2, approval: approval(LEADER) })).toBeTruthy();
  });

  it('two officers re-listing offline leave one document with a conflict, never two entries', async () => {
    const current = (await couchFetch(url(id), { auth: OFFICER })).body as Doc;
    const removed = await ok(OFFICER, { ...current, removal: { ...removal, on: '2026-05-01' } });
    // Two workstations that synced the removal: every copy of a cluster holds it (a lagging copy
    // would validate the replicated round against no stored entry, and CouchDB 3.4 reports a lone
    // forbidden among replicated `noreply`s as the answer: fabric_doc_update:check_forbidden_msg).
    await readFromEveryCopy(url(id), OFFICER);
    const rev = String(removed['_rev']);
    const [gen, hash] = rev.split('-') as [string, string];
    const branch = (who: Credentials, suffix: string, listedOn: string): Doc => ({
      ...startNextRound(removed as unknown as DishonestEntry, { ...terms, listedOn }, who.name),
      _rev: `${Number(gen) + 1}-${suffix.repeat(32)}`,
      _revisions: { start: Number(gen) + 1, ids: [suffix.repeat(32), hash] },
    });
    for (const [who, suffix, day] of [
      [OFFICER, 'a', '2026-05-02'],
      [OTHER, 'b', '2026-05-03'],
    ] as const) {
      const r = await couchFetch(`${target.url}/courtdesk_enforcement/_bulk_docs`, {
        method: 'POST',
        auth: who,
        body: { new_edits: false, docs: [branch(who, suffix, day)] },
      });
      expect(r.status).toBe(201);
      expect(JSON.stringify(r.body)).not.toContain('forbidden');
    }
    const merged = (await couchFetch(url(id, '?conflicts=true'), { auth: OFFICER })).body as Doc;
    expect(merged['round']).toBe(3);
    expect(merged['_conflicts']).toHaveLength(1);
    const all = await couchFetch(
      `${target.url}/courtdesk_enforcement/_all_docs?startkey=${encodeURIComponent(JSON.stringify(`dishonestDebtor:${idNumber}:`))}&endkey=${encodeURIComponent(JSON.stringify(`dishonestDebtor:${idNumber}:\ufff0`))}`,
      { auth: OFFICER },
    );
    expect((all.body as { rows: unknown[] }).rows).toHaveLength(1);
  });
});

describe('releasing a freeze', () => {
  const freeze = { kind: 'freeze', date: '2026-01-06', amount: 5_000, expiresOn: '2027-01-05' };
  const release = (who: Credentials, on = '2026-06-01') => ({
    on,
    rulingNo: '（2026）甘0402执12号之一',
    reason: '已履行',
    by: who.name,
  });

  it('only an officer releases, as themselves, never before the freeze; a release is never undone', async () => {
    const inquiry = await ok(
      OFFICER,
      validDoc('assetInquiry', `assetInquiry:case:c1:${tag}-r`, OFFICER.name, { controls: [freeze] }),
    );
    const byClerk = await put(CLERK, { ...inquiry, controls: [{ ...freeze, release: release(CLERK) }] });
    expect(byClerk.status).toBe(403);
    const early = await put(OTHER, {
      ...inquiry,
      controls: [{ ...freeze, release: release(OTHER, '2026-01-05') }],
    });
    expect(early.status).toBe(403);
    expect(early.reason).toContain('解除日期不得早于');
    const inName = await put(OTHER, { ...inquiry, controls: [{ ...freeze, release: release(OFFICER) }] });
    expect(inName.status).toBe(403);
    const released = await ok(OTHER, { ...inquiry, controls: [{ ...freeze, release: release(OTHER) }] });
    const undone = await put(OFFICER, { ...released, controls: [freeze] });
    expect(undone.status).toBe(403);
    expect(undone.reason).toContain('不得更改');
    expect((await put(OFFICER, { ...released, controls: [] })).status).toBe(403);
  });

  it('refuse an id scoped to another case', async () => {
    const wrong = validDoc('assetInquiry', `assetInquiry:case:other:${tag}`, OFFICER.name);
    expect((await put(OFFICER, wrong)).status).toBe(403);
  });
});

describe('four eyes', () => {
  it('a leader who proposed a measure cannot approve it; another leader can', async () => {
    const measure = await ok(
      CHIEF,
      validDoc('enforcementAction', `enforcementAction:case:c1:${tag}-m`, CHIEF.name, {
        kind: 'fine',
        amount: 5_000,
        reason: '拒不报告财产',
      }),
    );
    const own = await put(CHIEF, { ...measure, approval: approval(CHIEF) });
    expect(own.status).toBe(403);
    expect(own.reason).toContain('不得是提出人');
    expect((await put(LEADER, { ...measure, approval: approval(LEADER) })).status).toBe(201);
  });
});
