import { describe, expect, it } from 'vitest';
// First: installs the Node globals PouchDB's browser build needs.
import { memoryDb } from '../../../../../tests/support/renderer/memory';
import { VALID_RESIDENT_ID } from '../../../../../tests/support/validDocs';
import { listingState, publicList, type DishonestEntry } from '../../../../../core/enforcement/dishonest';
import { createRepository, type LocalDb } from '../../../db';
import {
  addControl,
  createInquiry,
  createMeasure,
  decide,
  proposeListing,
  recordPayment,
  releaseControl,
  removeListing,
} from './enforcementCommands';
import { loadCaseRecords } from './enforcementRecords';

const CASE_A = 'case:0a1b2c3d-0000-4000-8000-00000000000a';
const CASE_B = 'case:0a1b2c3d-0000-4000-8000-00000000000b';
const inquiry = (caseId: string) => ({
  caseId,
  channel: 'network' as const,
  assetKind: 'bankDeposit' as const,
  institution: '中国工商银行白银分行',
  requestDate: '2026-01-05',
  result: 'found' as const,
});

/** A record as a client from before per-case ids wrote it: `<type>:<uuid>`. */
async function legacyInquiry(db: LocalDb, caseId: string, uuid: string): Promise<void> {
  await db.put({
    _id: `assetInquiry:${uuid}`,
    type: 'assetInquiry',
    schemaVersion: 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    createdBy: 'enf.liu',
    ...inquiry(caseId),
  });
}

const listing = (caseId: string, listedOn: string): Omit<DishonestEntry, '_id'> => ({
  caseId,
  respondent: { name: '李四', kind: 'natural', idNumber: VALID_RESIDENT_ID },
  ground: 'reportViolation',
  listedOn,
  facts: '拒不报告财产',
});

describe('per-case reads', () => {
  it('new records live in their case’s id range; a case page reads those and the older records of its case', async () => {
    const db = memoryDb('enf');
    const repo = createRepository(db, { user: 'enf.liu' });
    const a = await createInquiry(repo, inquiry(CASE_A));
    await createInquiry(repo, inquiry(CASE_B));
    expect(a._id.startsWith(`assetInquiry:${CASE_A}:`)).toBe(true);
    await legacyInquiry(db, CASE_A, 'c0ffee00-0000-4000-8000-000000000001');
    await legacyInquiry(db, CASE_B, 'c0ffee00-0000-4000-8000-000000000002');
    await legacyInquiry(db, CASE_A, 'f0000000-0000-4000-8000-000000000003');
    const measure = await createMeasure(repo, {
      caseId: CASE_A,
      kind: 'executionNotice',
      target: '李四',
      targetKind: 'natural',
      decidedOn: '2026-01-05',
      reason: '发出执行通知',
    });
    expect(measure._id.startsWith(`enforcementAction:${CASE_A}:`)).toBe(true);
    const paid = await recordPayment(repo, {
      caseId: CASE_B,
      direction: 'received',
      amount: 100,
      date: '2026-01-06',
      party: '李四',
      source: 'voluntary',
    });
    expect(paid._id.startsWith(`enforcementPayment:${CASE_B}:`)).toBe(true);

    const recordsA = await loadCaseRecords(db, CASE_A);
    expect(recordsA.inquiries.map((d) => d._id).sort()).toEqual(
      [
        a._id,
        'assetInquiry:c0ffee00-0000-4000-8000-000000000001',
        'assetInquiry:f0000000-0000-4000-8000-000000000003',
      ].sort(),
    );
    expect(recordsA.measures.map((d) => d._id)).toEqual([measure._id]);
    expect(recordsA.payments).toEqual([]);
    expect((await loadCaseRecords(db, CASE_B)).inquiries).toHaveLength(2);
    // A record whose scoped id names another case is refused before it is stored.
    await expect(repo.create('assetInquiry', [CASE_B, 'x1'], { ...inquiry(CASE_A) })).rejects.toThrow(
      /所属案件/,
    );
  });

  it('a released freeze stops warning and stays on the case page with its ruling', async () => {
    const db = memoryDb('enf');
    const repo = createRepository(db, { user: 'enf.liu' });
    const q = await createInquiry(repo, inquiry(CASE_A));
    await addControl(repo, q._id, {
      kind: 'freeze',
      date: '2026-01-06',
      amount: 5_000,
      expiresOn: '2027-01-05',
    });
    await expect(
      releaseControl(repo, q._id, 0, {
        on: '2026-01-05',
        rulingNo: '（2026）甘0402执1号之一',
        reason: '已履行',
        by: 'enf.liu',
      }),
    ).rejects.toThrow(/解除日期不得早于/);
    await releaseControl(repo, q._id, 0, {
      on: '2026-06-01',
      rulingNo: '（2026）甘0402执1号之一',
      reason: '已履行',
      by: 'enf.liu',
    });
    const [stored] = (await loadCaseRecords(db, CASE_A)).inquiries;
    expect(stored?.controls?.[0]?.release).toMatchObject({ on: '2026-06-01', by: 'enf.liu' });
  });
});

describe('re-listing', () => {
  it('a removed respondent is listed again on the ground as the next round; never twice at once', async () => {
    const db = memoryDb('enf');
    const officer = createRepository(db, { user: 'enf.liu' });
    const leader = createRepository(db, { user: 'leader.qian' });
    const first = await proposeListing(officer, listing(CASE_A, '2026-02-01'), 'enf.liu');
    const duplicate = proposeListing(officer, listing(CASE_B, '2026-02-02'), 'enf.zhou');
    await expect(duplicate).rejects.toMatchObject({ status: 409 });
    await decide(leader, first._id, 'leader.qian', 'approved');
    await expect(proposeListing(officer, listing(CASE_B, '2026-02-02'), 'enf.zhou')).rejects.toMatchObject({
      status: 409,
    });
    await removeListing(officer, first._id, {
      reason: 'performed',
      note: '已履行',
      on: '2026-03-01',
      by: 'enf.liu',
    });
    const again = await proposeListing(officer, listing(CASE_B, '2026-04-01'), 'enf.zhou');
    expect(again._id).toBe(first._id);
    expect(again).toMatchObject({ round: 2, caseId: CASE_B, proposedBy: 'enf.zhou' });
    await decide(leader, first._id, 'leader.qian', 'approved');
    const entry = (await db.get(first._id)) as unknown as DishonestEntry;
    expect(listingState(entry, '2026-04-02')).toBe('listed');
    expect(publicList([entry], '2026-04-02')).toHaveLength(1);
    expect(
      (await db.allDocs({ startkey: 'dishonestDebtor:', endkey: 'dishonestDebtor:\ufff0' })).rows,
    ).toHaveLength(1);
  });

  it('two officers re-listing offline write one document: a conflict once synced, not two entries', async () => {
    const one = memoryDb('enf1');
    const two = memoryDb('enf2');
    const officer = createRepository(one, { user: 'enf.liu' });
    const id = (await proposeListing(officer, listing(CASE_A, '2026-02-01'), 'enf.liu'))._id;
    await decide(createRepository(one, { user: 'leader.qian' }), id, 'leader.qian', 'approved');
    await removeListing(officer, id, { reason: 'error', note: '纳入错误', on: '2026-03-01', by: 'enf.liu' });
    await one.replicate.to(two);
    await proposeListing(officer, listing(CASE_A, '2026-04-01'), 'enf.liu');
    await proposeListing(
      createRepository(two, { user: 'enf.zhou' }),
      listing(CASE_B, '2026-04-02'),
      'enf.zhou',
    );
    await one.replicate.from(two);
    const merged = await one.get(id, { conflicts: true });
    expect(merged._conflicts).toHaveLength(1);
    expect(merged['round']).toBe(2);
    expect(
      (await one.allDocs({ startkey: 'dishonestDebtor:', endkey: 'dishonestDebtor:\ufff0' })).rows,
    ).toHaveLength(1);
  });
});
