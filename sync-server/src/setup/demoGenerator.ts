/**
 * Deterministic demo data for 白银市白银区人民法院 (甘0402): staff from resources/demo/staff.json and
 * a few thousand invented cases built only from the word lists in resources/demo/*.json, with a
 * seeded PRNG and a fixed reference date, so every run (and every screenshot) is identical.
 * Pure: no I/O besides reading the reference files; `demo.ts` writes the result to CouchDB.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_COURT } from '../../../core/court';
import { procedureOf } from '../../../core/domain/caseState';
import { isRole, type Role } from '../../../core/roles';
import { currentVersion } from '../../../core/schemas/registry';
import { generateOffice } from './demoOffice';
import { DAY, Rng, addDays, beijing, compact, formatCaseNumber, nextWorkday, residentId } from './demoRandom';

export { formatCaseNumber, mulberry32, residentId } from './demoRandom';

/** The shared password of every demo account. DEMO ONLY — never use on a real installation. */
export const DEMO_PASSWORD = 'courtdesk';
/** The date the demo data is "as of": cases are filed up to this day; later ones stay pending. */
export const DEMO_AS_OF = '2026-11-20';
/** Default number of demo cases. */
export const DEFAULT_DEMO_CASES = 3000;

/** A demo staff account. */
export interface DemoUser {
  name: string;
  displayName: string;
  roles: Role[];
  division: string;
  title: string;
}

/** A division (庭/局/科) of the court. */
export interface DemoDivision {
  code: string;
  name: string;
  short?: string;
  nameEn: string;
}

/** Party roles of the word lists (resources/demo/caseTypes.json) → core/schemas/case.ts codes. */
const ROLE_CODES: Readonly<Record<string, string>> = {
  原告: 'plaintiff',
  被告: 'defendant',
  申请人: 'applicant',
  被申请人: 'respondent',
  公诉机关: 'prosecutor',
  被告人: 'defendantCriminal',
  申请执行人: 'creditor',
  被执行人: 'debtor',
  异议人: 'objector',
};

function roleCode(name: string): string {
  const code = ROLE_CODES[name];
  if (!code) throw new Error(`caseTypes.json: unknown party role ${name}`);
  return code;
}

/** A party of a demo case. */
export interface DemoParty {
  role: string;
  kind: 'natural' | 'legal';
  name: string;
  gender?: '男' | '女';
  birthDate?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
  /** Six-digit code the party uses in the public case-progress query. */
  queryCode: string;
}

/** Any generated document (envelope of core/schemas/base.ts plus its fields). */
export interface DemoDoc {
  _id: string;
  type: string;
  /** The current version of the type (core/schemas/registry.ts `currentVersion`). */
  schemaVersion: number;
  createdAt: string;
  createdBy: string;
  [key: string]: unknown;
}

/** Everything the demo seeds. */
export interface DemoData {
  users: DemoUser[];
  divisions: DemoDivision[];
  /** Documents per CouchDB database name. */
  docs: Record<string, DemoDoc[]>;
}

/** Options of {@link generateDemo}. */
export interface DemoOptions {
  cases?: number;
  seed?: number;
}

interface Cause {
  name: string;
  division?: string;
  amount: [number, number] | null;
  plaintiff?: 'person' | 'company' | 'bank' | 'agency' | null;
  defendant?: 'person' | 'company' | 'bank' | 'agency' | null;
}
interface CaseTypeSpec {
  code: string;
  share: number;
  division: string[];
  sides: [string, string | null];
  causes: Cause[];
  procedures: [string, number][];
  closings: [string, number][];
  days: [number, number];
}
interface NameLists {
  surnames: string[];
  givenMale: string[];
  givenFemale: string[];
  companyPlaces: string[];
  companyBrands: string[];
  companyTrades: string[];
  companyForms: string[];
  banks: string[];
  agencies: string[];
  prosecutor: string;
  streets: string[];
  districtAreaCode: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../../resources/demo/${file}`, import.meta.url), 'utf8')) as T;
}

/** The reference lists (exported for tests that check nothing outside them is generated). */
export function demoReference(): {
  names: NameLists;
  caseTypes: CaseTypeSpec[];
  staff: DemoUser[];
  divisions: DemoDivision[];
} {
  const staffFile = readJson<{ staff: DemoUser[]; divisions: DemoDivision[] }>('staff.json');
  for (const u of staffFile.staff) {
    for (const r of u.roles) if (!isRole(r)) throw new Error(`staff.json: ${u.name} has unknown role ${r}`);
  }
  return {
    names: readJson<NameLists>('names.json'),
    caseTypes: readJson<{ types: CaseTypeSpec[] }>('caseTypes.json').types,
    staff: staffFile.staff,
    divisions: staffFile.divisions,
  };
}

/** Causes that small-claims procedure (小额诉讼程序) realistically covers: simple money claims. */
const SMALL_CLAIM_CAUSES = new Set([
  '民间借贷纠纷',
  '买卖合同纠纷',
  '信用卡纠纷',
  '物业服务合同纠纷',
  '金融借款合同纠纷',
  '房屋租赁合同纠纷',
]);

/** Generates the demo data set. Same options → byte-identical output. */
export function generateDemo(options: DemoOptions = {}): DemoData {
  const total = options.cases ?? DEFAULT_DEMO_CASES;
  if (!Number.isInteger(total) || total < 0)
    throw new Error(`invalid demo case count: ${String(options.cases)}`);
  const rng = new Rng(options.seed ?? 0x0402);
  const { names, caseTypes, staff, divisions } = demoReference();
  const court = DEFAULT_COURT.code;
  const filingClerks = staff
    .filter((s) => s.roles.includes('clerk') && s.division === 'lian')
    .map((s) => s.name);
  const judgesOf = (div: string) =>
    staff.filter((s) => s.roles.includes('judge') && s.division === div).map((s) => s.name);
  const clerksOf = (div: string) => {
    const c = staff.filter((s) => s.roles.includes('clerk') && s.division === div).map((s) => s.name);
    return c.length > 0 ? c : filingClerks;
  };
  const officers = staff.filter((s) => s.roles.includes('enforcement')).map((s) => s.name);
  const divisionName = (code: string) => divisions.find((d) => d.code === code)?.name ?? code;

  const person = (roleName: string): DemoParty => {
    const role = roleCode(roleName);
    const male = rng.float() < 0.55;
    const birth = addDays(`${rng.int(1955, 2002)}-01-01`, rng.int(0, 364));
    return {
      role,
      kind: 'natural',
      name: rng.pick(names.surnames) + rng.pick(male ? names.givenMale : names.givenFemale),
      gender: male ? '男' : '女',
      birthDate: birth,
      idNumber: residentId(names.districtAreaCode, birth, rng.digits(3), male),
      phone: `1${rng.pick(['39', '38', '51', '58', '77', '80', '89', '99'])}${rng.digits(8)}`,
      address: `甘肃省白银市白银区${rng.pick(names.streets)}${rng.int(1, 380)}号`,
      queryCode: rng.digits(6),
    };
  };
  const legal = (roleName: string, kind: 'company' | 'bank' | 'agency'): DemoParty => {
    const role = roleCode(roleName);
    const name =
      kind === 'bank'
        ? rng.pick(names.banks)
        : kind === 'agency'
          ? rng.pick(names.agencies)
          : `${rng.pick(names.companyPlaces)}${rng.pick(names.companyBrands)}${rng.pick(names.companyTrades)}${rng.pick(names.companyForms)}`;
    const rep = person('原告'); // only the name is used
    return {
      role,
      kind: 'legal',
      name,
      legalRepresentative: rep.name,
      address: `甘肃省白银市白银区${rng.pick(names.streets)}${rng.int(1, 380)}号`,
      queryCode: rng.digits(6),
    };
  };
  const party = (role: string, kind: Cause['plaintiff']): DemoParty =>
    !kind || kind === 'person' ? person(role) : legal(role, kind);

  const first = Date.parse('2023-01-03T00:00:00Z');
  const span = Math.floor((Date.parse(`${DEMO_AS_OF}T00:00:00Z`) - first) / DAY);
  const cases: DemoDoc[] = [];
  const facts = new Map<
    string,
    {
      judge: string;
      clerk: string;
      officer: string | undefined;
      closedAt: string | undefined;
      closingMethod: string | undefined;
    }
  >();
  for (let i = 0; i < total; i++) {
    const t = rng.weighted(caseTypes.map((ct) => [ct, ct.share] as const));
    const cause = rng.pick(t.causes);
    const filedAt = nextWorkday(addDays('2023-01-03', rng.int(0, span)));
    const year = Number(filedAt.slice(0, 4));
    const division = cause.division ?? rng.pick(t.division);
    const uuid = rng.uuid();
    const [sideA, sideB] = t.sides;
    const parties: DemoParty[] = [];
    if (t.code === '刑初') {
      parties.push(
        { role: roleCode(sideA), kind: 'legal', name: names.prosecutor, queryCode: rng.digits(6) },
        person(sideB ?? '被告人'),
      );
    } else {
      parties.push(party(sideA, cause.plaintiff ?? 'person'));
      if (sideB && cause.defendant !== null) parties.push(party(sideB, cause.defendant ?? 'person'));
    }
    let claimAmount: number | null = null;
    if (cause.amount) {
      const [lo, hi] = cause.amount;
      const v = Math.exp(Math.log(lo) + rng.float() * (Math.log(hi) - Math.log(lo)));
      claimAmount = rng.float() < 0.3 ? Math.round(v * 100) / 100 : Math.round(v / 100) * 100;
    }
    let procedureName = rng.weighted(t.procedures);
    if (
      procedureName === '小额诉讼程序' &&
      (!SMALL_CLAIM_CAUSES.has(cause.name) || claimAmount === null || claimAmount > 50_000)
    )
      procedureName = '简易程序';
    const procedure = procedureOf({ caseType: t.code, procedure: procedureName });
    const duration = rng.int(t.days[0], t.days[1]);
    const closedOn = nextWorkday(addDays(filedAt, duration));
    const closed = closedOn <= DEMO_AS_OF;
    const judges = judgesOf(division);
    const judge = judges.length > 0 ? rng.pick(judges) : 'judge.tian';
    const filingClerk = rng.pick(filingClerks);
    const createdAt = beijing(filedAt, rng.int(8, 11), rng.int(0, 59));
    const summary =
      parties.length > 1
        ? `${parties[0]?.name}诉${parties[1]?.name}${cause.name}一案`
        : `${parties[0]?.name}${cause.name}一案`;
    const doc: DemoDoc = {
      _id: `case:${uuid}`,
      type: 'case',
      schemaVersion: currentVersion('case'),
      createdAt,
      createdBy: filingClerk,
      court,
      caseType: t.code,
      year,
      cause: cause.name,
      ...(procedure ? { procedure } : {}),
      division,
      divisionName: divisionName(division),
      parties,
      claimAmount,
      filingDate: filedAt,
      summary,
      provisionalNumber: `临${filedAt.replace(/-/g, '')}-${String(i + 1).padStart(5, '0')}`,
    };
    // Server facts and process state live in the worker's and the event documents, not here.
    facts.set(doc._id, {
      judge,
      clerk: rng.pick(clerksOf(division)),
      officer: division === 'zhixing' ? rng.pick(officers) : undefined,
      closedAt: closed ? closedOn : undefined,
      closingMethod: closed ? rng.weighted(t.closings) : undefined,
    });
    cases.push(doc);
  }

  // Official numbers are consecutive per court, year and type, in filing order.
  const ordered = [...cases].sort(
    (a, b) =>
      String(a['caseType']).localeCompare(String(b['caseType'])) ||
      Number(a['year']) - Number(b['year']) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a._id.localeCompare(b._id),
  );
  const seqs = new Map<string, number>();
  const caseNumbers: DemoDoc[] = [];
  const assignments: DemoDoc[] = [];
  const events: DemoDoc[] = [];
  for (const c of ordered) {
    const key = `${String(c['year'])}|${String(c['caseType'])}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    const uuid = c._id.slice('case:'.length);
    const number = formatCaseNumber(Number(c['year']), court, String(c['caseType']), seq);
    const f = facts.get(c._id);
    if (!f) throw new Error(`internal: no facts for ${c._id}`);
    const filed = String(c['filingDate']);
    caseNumbers.push({
      _id: `caseNumber:${uuid}`,
      type: 'caseNumber',
      schemaVersion: currentVersion('caseNumber'),
      createdAt: beijing(filed, 14, 0),
      createdBy: 'worker',
      caseId: c._id,
      caseNumber: number,
      year: c['year'],
      caseTypeCode: c['caseType'],
      seq,
    });
    const assignment: DemoDoc = {
      _id: `assignment:${uuid}`,
      type: 'assignment',
      schemaVersion: currentVersion('assignment'),
      createdAt: beijing(filed, 15, 0),
      createdBy: 'worker',
      caseId: c._id,
      division: c['division'],
      judge: f.judge,
      clerk: f.clerk,
      method: 'random',
    };
    if (f.officer) assignment['enforcementOfficer'] = f.officer;
    assignments.push(assignment);
    const ev = (at: string, by: string, kind: string, data?: Record<string, unknown>): DemoDoc => ({
      _id: `event:${c._id}:${compact(at)}:${rng.uuid()}`,
      type: 'event',
      schemaVersion: currentVersion('event'),
      createdAt: at,
      createdBy: by,
      caseId: c._id,
      kind,
      at,
      ...(data ? { data } : {}),
    });
    events.push(ev(c.createdAt, c.createdBy, 'filed'));
    const hearingDay = nextWorkday(addDays(filed, 20 + (seq % 25)));
    const hears = ['民初', '刑初', '行初'].includes(String(c['caseType']));
    if (hears && (!f.closedAt || hearingDay < f.closedAt) && hearingDay <= DEMO_AS_OF) {
      events.push(
        ev(beijing(addDays(filed, 2), 10, 30), f.clerk, 'hearingScheduled', {
          startsAt: beijing(hearingDay, 9 + (seq % 2) * 5, 0),
          courtroom: `第${'一二三四五六'[seq % 6]}法庭`,
        }),
      );
    }
    if (f.closedAt)
      events.push(ev(beijing(f.closedAt, 16, 0), f.judge, 'closed', { method: f.closingMethod }));
  }

  // Open 执 cases with a natural-person debtor, filed long enough ago to have a history.
  const enforcementCases = cases
    .filter((c) => {
      const f = facts.get(c._id);
      const debtor = (c['parties'] as DemoParty[]).find((x) => x.role === 'debtor');
      return (
        c['caseType'] === '执' &&
        f?.officer !== undefined &&
        !f.closedAt &&
        debtor?.kind === 'natural' &&
        String(c['filingDate']) <= addDays(DEMO_AS_OF, -40)
      );
    })
    .sort(
      (a, b) => String(a['filingDate']).localeCompare(String(b['filingDate'])) || a._id.localeCompare(b._id),
    )
    .map((doc) => ({
      doc,
      caseNumber: String(caseNumbers.find((n) => n['caseId'] === doc._id)?.['caseNumber']),
      officer: facts.get(doc._id)?.officer ?? '',
    }));
  return {
    users: staff.map((s) => ({ ...s, roles: [...s.roles] })),
    divisions,
    docs: {
      courtdesk_cases: [...cases, ...caseNumbers, ...assignments, ...events],
      ...generateOffice({ asOf: DEMO_AS_OF, enforcementCases }),
    },
  };
}
