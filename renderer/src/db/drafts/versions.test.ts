import { afterEach, describe, expect, it } from 'vitest';
import {
  appendParagraph,
  createDraftDoc,
  memoryDb,
  paragraphs,
  closeTestSessions,
  openTestSession,
} from '../../../../tests/support/drafts/replicas';
import { listVersions, saveVersion, versionDoc } from './versions';

afterEach(closeTestSessions);

describe('named versions of a draft', () => {
  it('saves milestones as documents of their own, lists them oldest first and reads each state back', async () => {
    const db = memoryDb('v');
    const draftId = await createDraftDoc(db, 'judge.zhao', 'v1');
    const s = await openTestSession({ db, user: 'judge.zhao', draftId });
    appendParagraph(s.fragment, '本院认为，');
    const first = await saveVersion(
      db,
      'judge.zhao',
      draftId,
      s.doc,
      {
        milestone: 'draft',
        openSpots: 0,
        openPlaceholders: 0,
        textLength: 5,
        note: '  初稿完成  ',
      },
      new Date('2026-03-02T08:00:00Z'),
    );
    appendParagraph(s.fragment, '判决如下：');
    const second = await saveVersion(
      db,
      'judge.zhao',
      draftId,
      s.doc,
      {
        milestone: 'submitted',
        openSpots: 0,
        openPlaceholders: 0,
        textLength: 10,
      },
      new Date('2026-03-02T09:00:00Z'),
    );

    const listed = await listVersions(db, draftId);
    expect(listed.map((v) => [v.id, v.milestone, v.note, v.textLength, v.createdBy])).toEqual([
      [first, 'draft', '初稿完成', 5, 'judge.zhao'],
      [second, 'submitted', '', 10, 'judge.zhao'],
    ]);
    // Each version holds the document as it was, whatever the live document became.
    appendParagraph(s.fragment, '驳回原告的其他诉讼请求。');
    expect(paragraphs((await versionDoc(db, first)).fragment)).toEqual(['本院认为，']);
    expect(paragraphs((await versionDoc(db, second)).fragment)).toEqual(['本院认为，', '判决如下：']);
    // Another draft's versions are not listed.
    const other = await createDraftDoc(db, 'judge.zhao', 'v2');
    expect(await listVersions(db, other)).toEqual([]);
  });

  it('refuses 定稿 and 签发 while a same-words spot is open, and keeps nothing of the attempt', async () => {
    const db = memoryDb('v');
    const draftId = await createDraftDoc(db, 'judge.zhao', 'v3');
    const s = await openTestSession({ db, user: 'judge.zhao', draftId });
    appendParagraph(s.fragment, '上诉期限为十五日三十日。');
    for (const milestone of ['final', 'issued'] as const)
      await expect(
        saveVersion(db, 'judge.zhao', draftId, s.doc, {
          milestone,
          openSpots: 1,
          openPlaceholders: 0,
          textLength: 12,
        }),
      ).rejects.toThrow();
    expect(await listVersions(db, draftId)).toEqual([]);
    await saveVersion(db, 'judge.zhao', draftId, s.doc, {
      milestone: 'final',
      openSpots: 0,
      openPlaceholders: 0,
      textLength: 12,
    });
    expect((await listVersions(db, draftId)).map((v) => v.milestone)).toEqual(['final']);
  });

  it('refuses 定稿 and 签发 while a place is still to fill (【…】), and keeps nothing of the attempt', async () => {
    const db = memoryDb('v');
    const draftId = await createDraftDoc(db, 'judge.zhao', 'v4');
    const s = await openTestSession({ db, user: 'judge.zhao', draftId });
    appendParagraph(s.fragment, '被告【被告名称】辩称。');
    for (const milestone of ['final', 'issued'] as const)
      await expect(
        saveVersion(db, 'judge.zhao', draftId, s.doc, {
          milestone,
          openSpots: 0,
          openPlaceholders: 1,
          textLength: 11,
        }),
      ).rejects.toThrow(/待填写|to fill/);
    expect(await listVersions(db, draftId)).toEqual([]);
    // A 初稿 may keep them.
    await saveVersion(db, 'judge.zhao', draftId, s.doc, {
      milestone: 'draft',
      openSpots: 0,
      openPlaceholders: 1,
      textLength: 11,
    });
    expect((await listVersions(db, draftId)).map((v) => v.milestone)).toEqual(['draft']);
  });
});
