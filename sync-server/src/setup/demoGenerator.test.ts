import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { compileDdocs } from '../../../build/compileDdocs';
import { DATABASES } from '../../../core/databases';
import { ROLES } from '../../../core/roles';
import { validateBaseDoc } from '../../../core/schemas/base';
import { issuesForWrite, migrate } from '../../../core/schemas/registry';
import { foldCaseState } from '../../../core/domain/caseState';
import { STANDARD_BOARDS } from '../../../core/domain/forum';
import { isValidResidentId } from '../../../core/domain/identity';
import { lapseWarnings, type InquiryForWarnings } from '../../../core/enforcement/assetControl';
import { listingState, type DishonestEntry } from '../../../core/enforcement/dishonest';
import { measureState, type Measure } from '../../../core/enforcement/measures';
import {
  DEMO_AS_OF,
  demoReference,
  formatCaseNumber,
  generateDemo,
  mulberry32,
  residentId,
  type DemoDoc,
  type DemoParty,
} from './demoGenerator';

const full = generateDemo();
const cases = full.docs['courtdesk_cases'] ?? [];
const ofType = (t: string) => cases.filter((d) => d.type === t);

describe('demo generator', () => {
  it('generates ~30 staff covering every role, with one kiosk and one worker', () => {
    expect(full.users.length).toBeGreaterThanOrEqual(28);
    expect(full.users.length).toBeLessThanOrEqual(34);
    for (const r of ROLES)
      expect(
        full.users.some((u) => u.roles.includes(r)),
        r,
      ).toBe(true);
    expect(full.users.filter((u) => u.roles.includes('kiosk')).map((u) => u.name)).toEqual(['kiosk']);
    expect(full.users.filter((u) => u.roles.includes('worker')).map((u) => u.name)).toEqual(['worker']);
    for (const u of full.users) {
      expect(u.name).toMatch(/^[a-z]+(\.[a-z]+)?$/);
      expect(u.displayName).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(full.divisions.map((d) => d.code)).toContain(u.division);
    }
    expect(new Set(full.users.map((u) => u.name)).size).toBe(full.users.length);
    expect(full.divisions.map((d) => d.name)).toEqual(
      expect.arrayContaining(['立案庭', '刑事审判庭', '行政审判庭', '执行局']),
    );
  });

  it('generates the requested number of cases, with a case number and an assignment each', () => {
    expect(ofType('case')).toHaveLength(3000);
    expect(ofType('caseNumber')).toHaveLength(3000);
    expect(ofType('assignment')).toHaveLength(3000);
    expect(ofType('event').length).toBeGreaterThan(3000);
    expect(
      generateDemo({ cases: 40 }).docs['courtdesk_cases']?.filter((d) => d.type === 'case'),
    ).toHaveLength(40);
    expect(generateDemo({ cases: 0 }).docs['courtdesk_cases']).toHaveLength(0);
    expect(() => generateDemo({ cases: -1 })).toThrow();
  });

  it('is deterministic and ids are unique', () => {
    expect(JSON.stringify(generateDemo())).toBe(JSON.stringify(full));
    expect(JSON.stringify(generateDemo({ seed: 7, cases: 50 }))).not.toBe(
      JSON.stringify(generateDemo({ cases: 50 })),
    );
    const ids = cases.map((d) => d._id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays byte-identical across code changes (screenshots depend on it)', () => {
    // If you change the demo data on purpose, update this fingerprint in the same commit.
    const small = generateDemo({ cases: 50 });
    expect(createHash('sha256').update(JSON.stringify(small)).digest('hex').slice(0, 16)).toBe(
      '7120c33f047114de',
    );
    expect(small.docs['courtdesk_cases']?.[0]).toMatchObject({
      _id: 'case:b1121226-73c5-4594-883d-4752335d0ce3',
      summary: '林雪梅诉苏丽娟抚养纠纷一案',
    });
  });

  it('writes only to known databases, with valid envelopes the design documents would accept', () => {
    for (const db of Object.keys(full.docs)) expect(DATABASES.map((d) => d.name)).toContain(db);
    const all = Object.values(full.docs).flat();
    for (const d of all) expect(validateBaseDoc(d), d._id).toEqual([]);
    const authors = new Set(full.users.map((u) => u.name));
    for (const d of all) expect(authors.has(d.createdBy), d.createdBy).toBe(true);
    for (const d of ofType('caseNumber').concat(ofType('assignment'))) expect(d.createdBy).toBe('worker');
    for (const e of ofType('event')) expect(e._id.startsWith(`event:${String(e['caseId'])}:`)).toBe(true);
  });

  it('emits every document at its current version, valid per the schemas', () => {
    for (const d of Object.values(full.docs).flat()) {
      expect(issuesForWrite(d), d._id).toEqual([]);
      expect(migrate(d)).toBe(d);
    }
    const procedures = new Set(ofType('case').map((c) => c['procedure']));
    for (const p of ['civilOrdinary', 'civilSummary', 'civilSmallClaims', 'criminalSummary', 'enforcement'])
      expect(procedures.has(p), p).toBe(true);
  });

  it('folds into case states the way the list shows them', () => {
    const small = generateDemo({ cases: 200 }).docs['courtdesk_cases'] ?? [];
    const by = (t: string) => small.filter((d) => d.type === t);
    const closedIds = new Set(
      by('event')
        .filter((e) => e['kind'] === 'closed')
        .map((e) => e['caseId']),
    );
    for (const c of by('case')) {
      const uuid = c._id.slice(5);
      const s = foldCaseState({
        caseDoc: c,
        caseNumberDoc: small.find((d) => d._id === `caseNumber:${uuid}`) ?? null,
        assignmentDoc: small.find((d) => d._id === `assignment:${uuid}`) ?? null,
        events: by('event').filter((e) => e['caseId'] === c._id),
        asOf: DEMO_AS_OF,
      });
      expect(s.ignored, c._id).toEqual([]);
      expect(s.officialNumber).not.toBeNull();
      expect(s.status).toMatch(closedIds.has(c._id) ? /^closed$/ : /^(assigned|inHearing)$/);
    }
  });

  it('would pass the validate_doc_update of its database if its author wrote it', () => {
    const roles = new Map(full.users.map((u) => [u.name, u.roles]));
    for (const { db, docs } of compileDdocs()) {
      const src = docs[0]?.validate_doc_update;
      const generated = full.docs[db] ?? [];
      if (!src || generated.length === 0) continue;
      const vdu = runInNewContext(`(${src}\n)`, {}) as (
        n: unknown,
        o: unknown,
        u: unknown,
        s: unknown,
      ) => void;
      for (const d of generated) {
        const as = (name: string) => ({ name, roles: roles.get(name) });
        const approval = d['approval'] as { by: string } | undefined;
        if (!approval) {
          expect(() => vdu(d, null, as(d.createdBy), {}), d._id).not.toThrow();
          continue;
        }
        // An approved record: the officer files it, a leader approves it, the officer publishes it.
        const { approval: _a, publishedOn: _p, ...filed } = d;
        const approved = { ...filed, approval };
        expect(() => vdu(filed, null, as(d.createdBy), {}), d._id).not.toThrow();
        expect(() => vdu(approved, filed, as(approval.by), {}), d._id).not.toThrow();
        expect(() => vdu(d, approved, as(d.createdBy), {}), d._id).not.toThrow();
      }
    }
  });

  it('spreads cases over types and the years 2023–2026, up to the as-of date', () => {
    const types = new Set(ofType('case').map((c) => c['caseType']));
    for (const t of ['民初', '刑初', '行初', '执', '执保', '执恢', '执异', '民特', '民督', '财保', '司救'])
      expect(types.has(t), t).toBe(true);
    const years = new Set(ofType('case').map((c) => c['year']));
    expect([...years].sort()).toEqual([2023, 2024, 2025, 2026]);
    for (const c of ofType('case')) expect(String(c['filingDate']) <= DEMO_AS_OF).toBe(true);
    const closed = new Set(
      ofType('event')
        .filter((e) => e['kind'] === 'closed')
        .map((e) => e['caseId']),
    );
    expect(closed.size).toBeGreaterThan(1500);
    expect(closed.size).toBeLessThan(3000); // some are still pending
  });

  it('numbers cases consecutively per year and type in the official format', () => {
    const byKey = new Map<string, number[]>();
    for (const n of ofType('caseNumber')) {
      const key = `${String(n['year'])}${String(n['caseTypeCode'])}`;
      byKey.set(key, [...(byKey.get(key) ?? []), Number(n['seq'])]);
      expect(n['caseNumber']).toBe(
        formatCaseNumber(Number(n['year']), '甘0402', String(n['caseTypeCode']), Number(n['seq'])),
      );
      expect(n['caseNumber']).toMatch(
        /^（20(2[3-6])）甘0402(民初|民特|民督|刑初|行初|执|执保|执恢|执异|财保|司救)[1-9]\d*号$/,
      );
    }
    for (const seqs of byKey.values())
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs.map((_, i) => i + 1));
  });

  it('builds every name from the reference lists (no gibberish)', () => {
    const { names, caseTypes } = demoReference();
    const alt = (xs: readonly string[]) => xs.map((x) => x.replace(/[()]/g, '\\$&')).join('|');
    const personName = new RegExp(
      `^(${alt(names.surnames)})(${alt([...names.givenMale, ...names.givenFemale])})$`,
    );
    const company = new RegExp(
      `^(${alt(names.companyPlaces)})(${alt(names.companyBrands)})(${alt(names.companyTrades)})(${alt(names.companyForms)})$`,
    );
    const fixed = new Set([...names.banks, ...names.agencies, names.prosecutor]);
    const causes = new Set(caseTypes.flatMap((t) => t.causes.map((c) => c.name)));
    for (const c of ofType('case')) {
      expect(causes.has(String(c['cause']))).toBe(true);
      for (const p of c['parties'] as DemoParty[]) {
        if (p.kind === 'natural') {
          expect(p.name).toMatch(personName);
          expect(p.idNumber).toBe(
            residentId('620402', String(p.birthDate), String(p.idNumber).slice(14, 17), p.gender === '男'),
          );
          expect(p.phone).toMatch(/^1\d{10}$/);
          expect(p.address).toMatch(/^甘肃省白银市白银区.+(路|街|大道)\d+号$/);
        } else {
          expect(fixed.has(p.name) || company.test(p.name), p.name).toBe(true);
          if (p.legalRepresentative) expect(p.legalRepresentative).toMatch(personName);
        }
        expect(p.queryCode).toMatch(/^\d{6}$/);
      }
      expect(String(c['summary'])).toContain(String(c['cause']));
    }
  });

  it('gives realistic amounts and procedures', () => {
    for (const c of ofType('case')) {
      const amount = c['claimAmount'] as number | null;
      if (amount !== null) expect(amount).toBeGreaterThan(0);
      if (c['procedure'] === 'civilSmallClaims') expect(amount).not.toBeNull();
      if (c['caseType'] === '刑初') expect(amount).toBeNull();
    }
  });
});

describe('office demo data (notices, forum, enforcement, dishonest list)', () => {
  const office = (db: string, t?: string) =>
    (full.docs[db] ?? []).filter((d) => t === undefined || d.type === t);
  const rolesOf = (name: string) => full.users.find((u) => u.name === name)?.roles ?? [];

  it('generates the expected documents per type, with ids stable across runs', () => {
    const count = (db: string) =>
      office(db).reduce<Record<string, number>>((m, d) => ({ ...m, [d.type]: (m[d.type] ?? 0) + 1 }), {});
    expect(count('courtdesk_notices')).toEqual({ notice: 4, receipt: 16 });
    expect(count('courtdesk_forum')).toEqual({ post: 15 });
    expect(count('courtdesk_enforcement')).toEqual({
      assetInquiry: 6,
      enforcementAction: 5,
      enforcementPayment: 2,
      dishonestDebtor: 1,
    });
    const again = generateDemo();
    for (const db of ['courtdesk_notices', 'courtdesk_forum', 'courtdesk_enforcement']) {
      expect(again.docs[db]?.map((d) => d._id)).toEqual(office(db).map((d) => d._id));
      const ids = office(db).map((d) => d._id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('notices come from leaders and admins: one pinned, one with a must-read date, receipts by readers', () => {
    const notices = office('courtdesk_notices', 'notice');
    for (const n of notices)
      expect(
        rolesOf(n.createdBy).some((r) => r === 'leader' || r === 'admin'),
        n.createdBy,
      ).toBe(true);
    expect(notices.filter((n) => n['pinned'] === true)).toHaveLength(1);
    expect(notices.some((n) => String(n['mustReadBy']) > DEMO_AS_OF)).toBe(true);
    const kinds = notices.map((n) => (n['audience'] as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['everyone', 'divisions']));
    for (const r of office('courtdesk_notices', 'receipt')) {
      const n = notices.find((x) => x._id === r['noticeId']);
      expect(n, r._id).toBeDefined();
      expect(String(r['readAt']) >= String(n?.createdAt)).toBe(true);
      const a = n?.['audience'] as { kind: string; divisions?: string[] };
      const division = full.users.find((u) => u.name === r.createdBy)?.division ?? '';
      if (a.kind === 'divisions') expect(a.divisions).toContain(division);
    }
  });

  it('forum threads sit on the standard boards, by several authors, with replies and a quote', () => {
    const posts = office('courtdesk_forum', 'post');
    const threads = posts.filter((p) => p['threadId'] === undefined);
    expect(threads.length).toBeGreaterThanOrEqual(4);
    expect(new Set(threads.map((t) => t['board']))).toEqual(
      new Set(STANDARD_BOARDS.map((b) => `board:${b.code}`)),
    );
    for (const t of threads) {
      const replies = posts.filter((p) => p['threadId'] === t._id);
      expect(replies.length).toBeGreaterThanOrEqual(1);
      expect(replies.length).toBeLessThanOrEqual(3);
      for (const r of replies) expect(r['board']).toBe(t['board']);
    }
    expect(new Set(posts.map((p) => p.createdBy)).size).toBeGreaterThanOrEqual(8);
    const quoting = posts.filter((p) => p['quotes'] !== undefined);
    expect(quoting.length).toBeGreaterThanOrEqual(1);
    for (const q of quoting) expect(posts.some((p) => p._id === q['quotes'])).toBe(true);
  });

  it('enforcement records belong to open 执 cases, by their officer, with a freeze lapsing within 30 days', () => {
    const records = office('courtdesk_enforcement');
    const caseIds = new Set(records.map((r) => r['caseId']));
    expect(caseIds.size).toBeGreaterThanOrEqual(2);
    for (const id of caseIds) {
      const c = cases.find((x) => x._id === id);
      expect(c?.['caseType']).toBe('执');
      const officer = cases.find((x) => x._id === `assignment:${String(id).slice(5)}`)?.[
        'enforcementOfficer'
      ];
      for (const r of records.filter((x) => x['caseId'] === id)) expect(r.createdBy).toBe(officer);
    }
    const inquiries = records.filter((r) => r.type === 'assetInquiry') as unknown as InquiryForWarnings[];
    const warnings = lapseWarnings(inquiries, DEMO_AS_OF);
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]?.assetKind).toBe('bankDeposit');
    expect(warnings[0]?.daysLeft).toBeGreaterThan(0);
    expect(warnings[0]?.daysLeft).toBeLessThanOrEqual(30);
    const pay = records.filter((r) => r.type === 'enforcementPayment').map((r) => r['direction']);
    expect(pay.sort()).toEqual(['disbursed', 'received']);
    const restrictions = records.filter((r) => r['kind'] === 'consumptionRestriction');
    expect(restrictions.map((r) => measureState(r as unknown as Measure)).sort()).toEqual([
      'approved',
      'pending',
    ]);
    for (const r of records) expect(String(r['createdAt']).slice(0, 10) <= DEMO_AS_OF).toBe(true);
  });

  it('lists one natural-person debtor, approved by a leader and published', () => {
    const [entry, ...rest] = office('courtdesk_enforcement', 'dishonestDebtor');
    expect(rest).toEqual([]);
    const e = entry as unknown as DishonestEntry;
    expect(e.respondent.kind).toBe('natural');
    expect(isValidResidentId(e.respondent.idNumber)).toBe(true);
    expect(listingState(e, DEMO_AS_OF)).toBe('listed');
    expect(e.publishedOn).toBeDefined();
    expect(rolesOf(e.approval?.by ?? '')).toContain('leader');
    const c = cases.find((x) => x._id === e.caseId);
    expect((c?.['parties'] as DemoParty[]).find((p) => p.role === 'debtor')?.idNumber).toBe(
      e.respondent.idNumber,
    );
  });
});

describe('helpers', () => {
  it('computes valid resident ID check digits (GB 11643)', () => {
    expect(residentId('110101', '1990-03-07', '123', true)).toMatch(/^11010119900307123[0-9X]$/);
    expect(residentId('110101', '1990-03-07', '123', true)).toBe(
      '11010119900307123' +
        '10X98765432'[
          [1, 1, 0, 1, 0, 1, 1, 9, 9, 0, 0, 3, 0, 7, 1, 2, 3].reduce(
            (s, d, i) => s + d * ([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i] ?? 0),
            0,
          ) % 11
        ],
    );
    expect(Number(residentId('620402', '1980-01-01', '124', true).slice(16, 17)) % 2).toBe(1);
    expect(Number(residentId('620402', '1980-01-01', '123', false).slice(16, 17)) % 2).toBe(0);
  });

  it('mulberry32 is reproducible', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('keeps types DemoDoc-shaped', () => {
    const d: DemoDoc | undefined = cases[0];
    expect(d?.schemaVersion).toBe(3);
  });
});
