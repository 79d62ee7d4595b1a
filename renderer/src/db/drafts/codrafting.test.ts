import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appendParagraph,
  createDraftDoc,
  editParagraph,
  memoryDb,
  paragraphs,
  sync,
  waitFor,
  closeTestSessions,
  openTestSession,
  teamTrust,
} from '../../../../tests/support/drafts/replicas';
import { draftDataRange } from '../../../../core/schemas/draftData';
import { createRepository } from '../repository';
import { BatchRecorder } from './batchRecorder';
import { openSpots } from './conflictSpots';
import { loadDraft } from './draftLoad';
import { REMOTE_ORIGIN } from './draftState';
import { writeBatch } from './draftStore';

/**
 * Two workstations drafting one judgment over PouchDB replicas and a memory server: offline edits
 * merge, batches arriving out of order (a sync cut short) converge, and documents of someone
 * outside the case's team change nothing. The same runs against the real server in
 * tests/integration/drafts/.
 */
const trust = teamTrust;
afterEach(closeTestSessions);

async function open(db: ReturnType<typeof memoryDb>, user: string, draftId: string) {
  return openTestSession({ db, user, draftId });
}

async function setUp() {
  const server = memoryDb('server');
  const a = memoryDb('judge');
  const b = memoryDb('assistant');
  const draftId = await createDraftDoc(a, 'judge.zhao', 'c1');
  const sa = await open(a, 'judge.zhao', draftId);
  for (const line of ['民事判决书', '原告张某诉被告李某民间借贷纠纷一案。', '本院认为，', '判决如下：'])
    appendParagraph(sa.fragment, line);
  await sa.flush();
  await sync(a, server);
  await sync(b, server);
  const sb = await open(b, 'assistant.hu', draftId);
  return { server, a, b, sa, sb, draftId };
}

describe('co-drafting over replicas', () => {
  it('merges interleaved offline edits of two people: both present, same text on both after sync', async () => {
    const { server, a, b, sa, sb, draftId } = await setUp();
    expect(paragraphs(sb.fragment)).toEqual(paragraphs(sa.fragment));
    // offline: interleaved batches on both laptops, different paragraphs
    for (let i = 0; i < 5; i++) {
      editParagraph(
        sa.fragment,
        2,
        paragraphs(sa.fragment)[2]!.length,
        paragraphs(sa.fragment)[2]!.length,
        `理由${i}；`,
      );
      await sa.flush();
      editParagraph(
        sb.fragment,
        1,
        paragraphs(sb.fragment)[1]!.length,
        paragraphs(sb.fragment)[1]!.length,
        `事实${i}。`,
      );
      await sb.flush();
    }
    appendParagraph(sb.fragment, '一、被告于本判决生效之日起十日内偿还原告借款本金100000元；');
    await sb.flush();
    await sync(a, server);
    await sync(b, server);
    await sync(a, server);
    await waitFor(
      'both sessions converge',
      () => paragraphs(sa.fragment).join('|') === paragraphs(sb.fragment).join('|'),
    );
    const text = paragraphs(sa.fragment);
    expect(text[1]).toBe('原告张某诉被告李某民间借贷纠纷一案。事实0。事实1。事实2。事实3。事实4。');
    expect(text[2]).toBe('本院认为，理由0；理由1；理由2；理由3；理由4；');
    expect(text[4]).toBe('一、被告于本判决生效之日起十日内偿还原告借款本金100000元；');
    expect(openSpots(sa.doc, sa.fragment)).toEqual([]);
    // and from storage alone, on both replicas and the server
    for (const db of [a, b, server])
      expect(paragraphs((await loadDraft(db, draftId, trust)).state.fragment)).toEqual(text);
  });

  it('records a same-words spot when both changed the same words offline, on both replicas', async () => {
    const { server, a, b, sa, sb } = await setUp();
    editParagraph(sa.fragment, 1, 9, 13, '民间借款'); // 民间借贷 → 民间借款
    editParagraph(sb.fragment, 1, 9, 13, '借款合同');
    await sa.flush();
    await sb.flush();
    await sync(a, server);
    await sync(b, server);
    await sync(a, server);
    await waitFor(
      'spot on both',
      () => openSpots(sa.doc, sa.fragment).length === 1 && openSpots(sb.doc, sb.fragment).length === 1,
    );
    expect(openSpots(sa.doc, sa.fragment)[0]!.id).toBe(openSpots(sb.doc, sb.fragment)[0]!.id);
    expect(paragraphs(sa.fragment)[1]).toMatch(/民间借款借款合同|借款合同民间借款/);
  });

  it('converges when a sync is cut short and batches arrive out of order', async () => {
    const { server, a, b, sa, sb, draftId } = await setUp();
    for (let i = 0; i < 6; i++) {
      editParagraph(sa.fragment, 3, 5 + i * 2, 5 + i * 2, `${i}、`);
      await sa.flush();
    }
    await a.replicate.to(server);
    const [u0, u1] = draftDataRange('draftUpdate', draftId);
    const ids = (await server.allDocs({ startkey: u0, endkey: u1 })).rows
      .map((r) => r.id)
      .filter((id) => !id.includes('assistant'));
    // the outage: only every other batch (newest first) reaches the assistant
    await b.replicate.from(server, { doc_ids: ids.filter((_, i) => i % 2 === 1).reverse() });
    await new Promise((r) => setTimeout(r, 50));
    await b.replicate.from(server);
    await waitFor('converged', () => paragraphs(sb.fragment).join('|') === paragraphs(sa.fragment).join('|'));
    expect(paragraphs(sb.fragment)[3]).toBe('判决如下：0、1、2、3、4、5、');
    expect(sb.doc.store.pendingStructs).toBeNull();
  });

  it('ignores content documents of someone outside the case team, live and when loading', async () => {
    const { server, a, b, sa, sb, draftId } = await setUp();
    // a clerk not on the team forges a batch that rewrites the operative part, and stores it validly
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(sa.doc), REMOTE_ORIGIN);
    const rec = new BatchRecorder(forger, draftId, 'clerk.x');
    editParagraph(forger.getXmlFragment('default'), 3, 0, 5, '驳回原告全部诉讼请求');
    await writeBatch(createRepository(server, { user: 'clerk.x' }), draftId, 'clerk.x', rec.cut()!);
    const before = paragraphs(sa.fragment);
    await sync(a, server);
    await sync(b, server);
    await new Promise((r) => setTimeout(r, 100));
    expect(paragraphs(sa.fragment)).toEqual(before);
    expect(paragraphs(sb.fragment)).toEqual(before);
    expect(sa.ignoredIds.some((id) => id.endsWith(':clerk.x'))).toBe(true);
    const loaded = await loadDraft(a, draftId, trust);
    expect(paragraphs(loaded.state.fragment)).toEqual(before);
    expect(loaded.ignored).toHaveLength(1);
    // once the worker puts the clerk on the team, the batch counts
    await sa.setTrust((x) => trust(x) || x === 'clerk.x');
    await waitFor('applied', () => paragraphs(sa.fragment)[3] === '驳回原告全部诉讼请求');
  });
});
