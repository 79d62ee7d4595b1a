import { afterEach, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  createDraftDoc,
  editParagraph,
  manualScheduler,
  memoryDb,
  paragraphs,
  closeTestSessions,
  openTestSession,
  testSessions,
} from '../../../../tests/support/drafts/replicas';
import { draftDataRange } from '../../../../core/schemas/draftData';

const sessions = testSessions;
afterEach(closeTestSessions);

async function open(db: ReturnType<typeof memoryDb>, draftId: string, extra = {}) {
  return openTestSession({ db, user: 'judge.zhao', draftId, ...extra });
}

describe('draft session: autosave', () => {
  it('schedules one save at most a second after the first unsaved change, and never postpones it', async () => {
    const db = memoryDb('d');
    const draftId = await createDraftDoc(db, 'judge.zhao', 'd1');
    const clock = manualScheduler();
    const s = await open(db, draftId, { scheduler: clock });
    appendParagraph(s.fragment, '本院认为，');
    expect(clock.timers).toHaveLength(1);
    expect(clock.timers[0]!.ms).toBeLessThanOrEqual(1000);
    editParagraph(s.fragment, 0, 5, 5, '原告的诉讼请求');
    appendParagraph(s.fragment, '判决如下：');
    expect(clock.timers).toHaveLength(1); // later changes ride on the scheduled save
    expect(s.status$.value.state).toBe('unsaved');
    clock.runAll();
    await s.flush();
    expect(s.status$.value.state).toBe('saved');
    const [a, b] = draftDataRange('draftUpdate', draftId);
    expect((await db.allDocs({ startkey: a, endkey: b })).rows).toHaveLength(1);
  });

  it('loses only the batch whose save never ran when the app is killed between batches', async () => {
    const db = memoryDb('d');
    const draftId = await createDraftDoc(db, 'judge.zhao', 'd2');
    const clock = manualScheduler();
    const s = await open(db, draftId, { scheduler: clock });
    appendParagraph(s.fragment, '一、被告于本判决生效之日起十日内偿还原告借款本金100000元；');
    clock.runAll();
    await s.flush(); // batch 1 stored
    appendParagraph(s.fragment, '二、驳回原告的其他诉讼请求。');
    expect(clock.timers).toHaveLength(1); // batch 2 is waiting for its save: the kill comes now
    sessions.splice(sessions.indexOf(s), 1); // abandoned: no close, no flush
    const reopened = await open(db, draftId);
    expect(paragraphs(reopened.fragment)).toEqual([
      '一、被告于本判决生效之日起十日内偿还原告借款本金100000元；',
    ]);
    // the reopened session writes on: its batches do not collide with the dead session's ids
    appendParagraph(reopened.fragment, '二、驳回原告的其他诉讼请求。');
    await reopened.flush();
    const again = await open(db, draftId);
    expect(paragraphs(again.fragment)).toHaveLength(2);
  });

  it('saves on close and reads everything back in a new session', async () => {
    const db = memoryDb('d');
    const draftId = await createDraftDoc(db, 'judge.zhao', 'd3');
    const s = await open(db, draftId);
    for (let i = 0; i < 20; i++) {
      appendParagraph(s.fragment, `第${i}段`);
      if (i % 3 === 0) await s.flush();
    }
    await s.close();
    const r = await open(db, draftId);
    expect(paragraphs(r.fragment)).toEqual(Array.from({ length: 20 }, (_, i) => `第${i}段`));
  });

  it('keeps a batch whose write failed and stores it with the next save', async () => {
    const db = memoryDb('d');
    const draftId = await createDraftDoc(db, 'judge.zhao', 'd4');
    const s = await open(db, draftId);
    const put = db.put.bind(db);
    let fail = true;
    db.put = ((doc: never, ...rest: never[]) =>
      fail
        ? Promise.reject(Object.assign(new Error('QuotaExceededError'), { status: 500 }))
        : put(doc, ...rest)) as typeof db.put;
    appendParagraph(s.fragment, '本院认为');
    await expect(s.flush()).rejects.toThrow('QuotaExceededError');
    expect(s.status$.value.state).toBe('error');
    fail = false;
    appendParagraph(s.fragment, '判决如下');
    await s.flush();
    expect(s.status$.value.state).toBe('saved');
    const r = await open(db, draftId);
    expect(paragraphs(r.fragment)).toEqual(['本院认为', '判决如下']);
  });
});
