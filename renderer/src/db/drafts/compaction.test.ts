import { afterEach, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  createDraftDoc,
  editParagraph,
  memoryDb,
  memoryServerCheck,
  offlineServer,
  paragraphs,
  sync,
  waitFor,
  closeTestSessions,
  openTestSession,
  teamTrust,
  TEST_TEAM,
  testSessions,
} from '../../../../tests/support/drafts/replicas';
import { draftDataRange, parseDraftDataId } from '../../../../core/schemas/draftData';
import { compactDraft } from './compaction';
import { loadDraft } from './draftLoad';
import { openDraftSession, type DraftSession } from './draftSession';

/**
 * Compaction never loses work: not another replica's offline batches (not in the snapshot's
 * `covers`, so still applied), not when two replicas compact at once, not when the server never
 * got the snapshot (nothing is deleted until it has).
 */
const trust = teamTrust;
const sessions = testSessions;
afterEach(closeTestSessions);

type Db = ReturnType<typeof memoryDb>;

async function open(db: Db, user: string, draftId: string) {
  return openTestSession({ db, user, draftId });
}

async function ids(db: Db, type: 'draftUpdate' | 'draftSnapshot', draftId: string) {
  const [a, b] = draftDataRange(type, draftId);
  return (await db.allDocs({ startkey: a, endkey: b })).rows.map((r) => r.id);
}

async function setUp() {
  const server = memoryDb('server');
  const a = memoryDb('judge');
  const b = memoryDb('assistant');
  const draftId = await createDraftDoc(a, 'judge.zhao', 'k1');
  const sa = await open(a, 'judge.zhao', draftId);
  appendParagraph(sa.fragment, '本院认为，');
  appendParagraph(sa.fragment, '判决如下：');
  await sa.flush();
  await sync(a, server);
  await sync(b, server);
  const sb = await open(b, 'assistant.hu', draftId);
  return { server, a, b, sa, sb, draftId };
}

async function typeInto(s: DraftSession, para: number, words: readonly string[]) {
  for (const w of words) {
    const len = paragraphs(s.fragment)[para]!.length;
    editParagraph(s.fragment, para, len, len, w);
    await s.flush();
  }
}

describe('draft compaction', () => {
  it('loses nothing of a replica that is offline with unsynced edits while another compacts', async () => {
    const { server, a, b, sa, sb, draftId } = await setUp();
    await typeInto(sb, 0, ['原告的', '诉讼请求', '有事实依据，']); // the assistant, offline
    await typeInto(sa, 1, ['一、', '被告偿还借款；']);
    const first = await compactDraft({
      db: a,
      user: 'judge.zhao',
      draftId,
      trust,
      serverHas: memoryServerCheck(server),
    });
    expect(first.snapshotId).not.toBeNull();
    expect(first.removed).toBe(0); // the server has not got the snapshot yet
    await sync(a, server);
    const second = await compactDraft({
      db: a,
      user: 'judge.zhao',
      draftId,
      trust,
      serverHas: memoryServerCheck(server),
    });
    expect(second.removed).toBeGreaterThanOrEqual(3); // the judge's batches and the first snapshot
    await sync(a, server);
    expect((await ids(server, 'draftUpdate', draftId)).filter((id) => id.endsWith(':judge.zhao'))).toEqual(
      [],
    );
    // the assistant comes back online
    await sync(b, server);
    await sync(a, server);
    const want = ['本院认为，原告的诉讼请求有事实依据，', '判决如下：一、被告偿还借款；'];
    await waitFor('judge sees the assistant', () => paragraphs(sa.fragment).join('|') === want.join('|'));
    await waitFor('assistant sees the judge', () => paragraphs(sb.fragment).join('|') === want.join('|'));
    const fresh = memoryDb('third');
    await sync(fresh, server);
    expect(paragraphs((await loadDraft(fresh, draftId, trust)).state.fragment)).toEqual(want);
  });

  it('loses nothing when two replicas compact at the same time', async () => {
    const { server, a, b, sa, sb, draftId } = await setUp();
    await typeInto(sa, 0, ['甲', '乙']);
    await typeInto(sb, 1, ['丙', '丁']);
    await sync(a, server);
    await sync(b, server);
    await sync(a, server);
    await typeInto(sa, 0, ['戊']);
    await typeInto(sb, 1, ['己']);
    const check = memoryServerCheck(server);
    // both compact before either hears of the other's snapshot, twice (write, then delete)
    for (let round = 0; round < 2; round++) {
      const [ra, rb] = await Promise.all([
        compactDraft({ db: a, user: 'judge.zhao', draftId, trust, serverHas: check }),
        compactDraft({ db: b, user: 'assistant.hu', draftId, trust, serverHas: check }),
      ]);
      expect(ra.snapshotId).not.toBeNull();
      expect(rb.snapshotId).not.toBeNull();
      await sync(a, server);
      await sync(b, server);
      await sync(a, server);
    }
    const want = ['本院认为，甲乙戊', '判决如下：丙丁己'];
    for (const db of [a, b, server])
      expect(paragraphs((await loadDraft(db, draftId, trust)).state.fragment)).toEqual(want);
    const snaps = await ids(server, 'draftSnapshot', draftId);
    expect(snaps.length).toBeLessThanOrEqual(4);
    // each author deleted only their own documents
    const authors = new Set(
      (await ids(server, 'draftUpdate', draftId)).map((id) => parseDraftDataId(id)!.author),
    );
    expect([...authors].every((x) => TEST_TEAM.has(x))).toBe(true);
  });

  it('deletes nothing while the server cannot confirm the snapshot', async () => {
    const { a, sa, draftId } = await setUp();
    await typeInto(sa, 0, ['一', '二', '三']);
    const before = await ids(a, 'draftUpdate', draftId);
    const r = await compactDraft({ db: a, user: 'judge.zhao', draftId, trust, serverHas: offlineServer });
    expect(r.snapshotId).not.toBeNull();
    expect(r.removed).toBe(0);
    expect(await ids(a, 'draftUpdate', draftId)).toEqual(before);
  });

  it('deletes only batches covered by a snapshot the server has, not those of a newer unconfirmed one', async () => {
    const { server, a, sa, draftId } = await setUp();
    await typeInto(sa, 0, ['一', '二']);
    await compactDraft({ db: a, user: 'judge.zhao', draftId, trust, serverHas: memoryServerCheck(server) });
    await sync(a, server); // the first snapshot reaches the server
    await typeInto(sa, 0, ['三']);
    const third = (await ids(a, 'draftUpdate', draftId)).at(-1)!;
    const r = await compactDraft({
      db: a,
      user: 'judge.zhao',
      draftId,
      trust,
      serverHas: memoryServerCheck(server),
    });
    expect(r.removed).toBeGreaterThan(0);
    expect(await ids(a, 'draftUpdate', draftId)).toEqual([third]); // only the newest snapshot covers it
    expect(paragraphs((await loadDraft(a, draftId, trust)).state.fragment)).toEqual([
      '本院认为，一二三',
      '判决如下：',
    ]);
  });

  it('applies a batch that arrived after the snapshot was made (not in its covers)', async () => {
    const { server, a, b, sb, draftId } = await setUp();
    await typeInto(sb, 1, ['迟到的修改']);
    const r = await compactDraft({
      db: a,
      user: 'judge.zhao',
      draftId,
      trust,
      serverHas: memoryServerCheck(server),
    });
    expect(r.snapshotId).not.toBeNull();
    await sync(b, server);
    await sync(a, server);
    expect(paragraphs((await loadDraft(a, draftId, trust)).state.fragment)).toEqual([
      '本院认为，',
      '判决如下：迟到的修改',
    ]);
  });

  it('compacts on its own in an open session once enough batches pile up', async () => {
    const server = memoryDb('server');
    const a = memoryDb('judge');
    const draftId = await createDraftDoc(a, 'judge.zhao', 'k5');
    const s = await openDraftSession({
      db: a,
      user: 'judge.zhao',
      draftId,
      trust,
      compactAfter: 10,
      serverHas: memoryServerCheck(server),
    });
    sessions.push(s);
    appendParagraph(s.fragment, '');
    await typeInto(
      s,
      0,
      Array.from({ length: 12 }, (_, i) => `${i}`),
    );
    await waitFor('a snapshot', async () => (await ids(a, 'draftSnapshot', draftId)).length > 0);
    expect(paragraphs((await loadDraft(a, draftId, trust)).state.fragment)).toEqual(['01234567891011']);
  });
});
