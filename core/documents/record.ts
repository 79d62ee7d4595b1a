/**
 * What the document rules know about a case: its number, type, cause, the people on the record and
 * its key dates. The checker compares a draft with it; the anonymiser decides from it whose names
 * are hidden. Built from a case document and its folded state by {@link documentRecordOf}, or by
 * hand in tests.
 */
import { causeByName } from '../domain/causes';
import type { CaseState } from '../domain/caseState';
import { caseTypeByCode } from '../domain/courtReference';
import { birthDateFromResidentId } from '../domain/identity';
import { addMonths, compareDates, isPlainDate, type PlainDate } from '../domain/plainDate';
import type { CaseFields, PARTY_ROLES } from '../schemas/case';

/** Procedural role of a party (the case schema's codes). */
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Roles of people on the record who are not parties. */
export type OtherPersonRole = 'witness' | 'appraiser' | 'civilPlaintiff' | 'legalRepresentative' | 'other';

/** A party as the document rules need it (a subset of the case schema's party). */
export interface RecordParty {
  readonly role: PartyRole;
  /** Natural person or legal person/organisation; natural when absent. */
  readonly kind?: 'natural' | 'legal';
  readonly name: string;
  /** Resident ID: gives the birth date, hence whether the party is a minor. */
  readonly idNumber?: string;
  readonly birthDate?: PlainDate;
  /** Set when the record says so (it wins over the birth date). */
  readonly minor?: boolean;
  /** 法定代表人 of a legal person, 法定代理人 of a natural person. */
  readonly legalRepresentative?: string;
  readonly agents?: readonly { readonly name: string; readonly kind?: string }[];
}

/** Someone on the record who is not a party: a witness, an appraiser, a civil plaintiff … */
export interface RecordPerson {
  readonly role: OtherPersonRole;
  readonly name: string;
  readonly birthDate?: PlainDate;
  readonly minor?: boolean;
  /** 法定代理人 of this person. */
  readonly legalRepresentative?: string;
}

/** The case facts a document is checked and anonymised against. */
export interface DocumentRecord {
  /** The official case number, or null before the worker assigned one. */
  readonly caseNumber?: string | null;
  /** 类型代字 (民初, 刑初 …). */
  readonly caseType?: string | null;
  /** 案由. */
  readonly cause?: string | null;
  readonly parties: readonly RecordParty[];
  readonly people?: readonly RecordPerson[];
  readonly dates?: {
    readonly filing?: PlainDate | null;
    readonly hearings?: readonly PlainDate[];
    readonly judgment?: PlainDate | null;
  };
}

/** How a named person relates to the case. */
export type NamedPersonKind = 'party' | 'legalRepresentative' | 'agent' | 'other';

/** One name on the record with what the rules need to know about its bearer. */
export interface NamedPerson {
  readonly name: string;
  readonly kind: NamedPersonKind;
  /** Party role, other-person role, or the role of the person represented. */
  readonly role: PartyRole | OtherPersonRole;
  readonly natural: boolean;
  readonly minor: boolean;
  /** For representatives and agents: the person they act for. */
  readonly of: NamedPerson | null;
}

/**
 * True when someone born on `birthDate` is under 18 on `asOf`. Age counts from the day after the
 * birthday (民法典 第二百零一条: the first day is not counted; for crimes 法释〔2006〕1号 第二条:
 * 从周岁生日的第二天起算), so on the 18th birthday itself a person is still a minor; a 29 February
 * birthday falls on 28 February in other years (第二百零二条).
 */
export function isMinorOn(birthDate: PlainDate, asOf: PlainDate): boolean {
  return compareDates(addMonths(birthDate, 18 * 12), asOf) >= 0;
}

function minorOf(
  p: { minor?: boolean; birthDate?: PlainDate; idNumber?: string },
  asOf: PlainDate | null,
): boolean {
  if (p.minor !== undefined) return p.minor;
  const birth = p.birthDate ?? (p.idNumber ? birthDateFromResidentId(p.idNumber) : null);
  return birth !== null && asOf !== null && isPlainDate(birth) && isMinorOn(birth, asOf);
}

/**
 * Every name on the record, parties first, each with its bearer's role. Minors are judged on
 * `asOf` (default: the judgment date of the record, else no one is a minor by birth date alone).
 */
export function namedPeople(record: DocumentRecord, asOf?: PlainDate | null): NamedPerson[] {
  const day = asOf ?? record.dates?.judgment ?? null;
  const out: NamedPerson[] = [];
  const add = (p: NamedPerson): NamedPerson => {
    const person = { ...p, name: p.name.trim() };
    if (person.name.length > 0) out.push(person);
    return person;
  };
  for (const party of record.parties) {
    const natural = party.kind !== 'legal';
    const self = add({
      name: party.name,
      kind: 'party',
      role: party.role,
      natural,
      minor: natural && minorOf(party, day),
      of: null,
    });
    if (party.legalRepresentative)
      add({
        name: party.legalRepresentative,
        kind: 'legalRepresentative',
        role: party.role,
        natural: true,
        minor: false,
        of: self,
      });
    for (const agent of party.agents ?? [])
      add({ name: agent.name, kind: 'agent', role: party.role, natural: true, minor: false, of: self });
  }
  for (const person of record.people ?? []) {
    const self = add({
      name: person.name,
      kind: 'other',
      role: person.role,
      natural: true,
      minor: minorOf(person, day),
      of: null,
    });
    if (person.legalRepresentative)
      add({
        name: person.legalRepresentative,
        kind: 'legalRepresentative',
        role: person.role,
        natural: true,
        minor: false,
        of: self,
      });
  }
  return out;
}

const FAMILY_PART = '婚姻家庭、继承纠纷';
/** Causes outside the reference list that still concern marriage, family or succession. */
const FAMILY_WORDS = /婚|继承|抚养|扶养|赡养|收养|监护|探望|同居关系|亲子|遗嘱|遗赠|分家析产/u;

/** True for marriage, family and succession cases (婚姻家庭、继承纠纷), whatever the case type. */
export function isFamilyCase(record: Pick<DocumentRecord, 'cause'>): boolean {
  const cause = record.cause?.trim() ?? '';
  if (cause.length === 0) return false;
  const known = causeByName(cause);
  return known ? known.part === FAMILY_PART : FAMILY_WORDS.test(cause);
}

/** True for criminal cases (刑初, 刑终 …). */
export function isCriminalCase(record: Pick<DocumentRecord, 'caseType'>): boolean {
  return caseTypeByCode(record.caseType ?? '')?.family === 'criminal';
}

/** The calendar day in China (UTC+8, the one time zone of every court) of an ISO instant. */
function chinaDate(instant: string): PlainDate | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The record of a case from its document and folded state: the official number, the parties as
 * filed, the filing date, the days of its hearings and, when it ended in a judgment, that day.
 */
export function documentRecordOf(
  caseDoc: Pick<CaseFields, 'caseType' | 'cause' | 'filingDate' | 'parties'>,
  state?: Pick<CaseState, 'officialNumber' | 'hearings' | 'closing'> | null,
): DocumentRecord {
  const hearings = (state?.hearings ?? [])
    .map((h) => chinaDate(h.startsAt))
    .filter((d): d is PlainDate => d !== null)
    .sort(compareDates);
  const closing = state?.closing ?? null;
  return {
    caseNumber: state?.officialNumber ?? null,
    caseType: caseDoc.caseType,
    cause: caseDoc.cause,
    parties: caseDoc.parties,
    dates: {
      filing: caseDoc.filingDate,
      hearings,
      judgment: closing && closing.disposition === 'judgment' ? closing.date : null,
    },
  };
}
