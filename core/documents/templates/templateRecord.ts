/**
 * What a document style (文书样式) is filled from: the case as the record holds it, plus the people
 * who sign (the panel and the clerk) and the particulars a filing does not capture (ethnicity,
 * occupation, an agent's firm). {@link templateRecordOf} builds it from a case document and its
 * folded state; whatever stays unknown is shown as a place to fill, never left blank.
 */
import { procedureOf, type CaseState } from '../../domain/caseState';
import { birthDateFromResidentId, sexFromResidentId } from '../../domain/identity';
import type { PlainDate } from '../../domain/plainDate';
import type { AGENT_KINDS, CaseFields } from '../../schemas/case';
import type { PartyRole } from '../record';

/** An agent (委托诉讼代理人 / 辩护人) with what the header line names. */
export interface TemplateAgent {
  readonly name: string;
  readonly kind?: (typeof AGENT_KINDS)[number] | null;
  /** Law firm or legal service office (律师事务所 / 法律服务所). */
  readonly organisation?: string | null;
  /** For a close relative or other citizen: the relation (原告之子 …). */
  readonly relation?: string | null;
}

/** A party with the particulars the 制作规范 lists for its header line. */
export interface TemplateParty {
  readonly role: PartyRole;
  readonly kind: 'natural' | 'legal';
  readonly name: string;
  readonly sex?: 'male' | 'female' | null;
  readonly birthDate?: PlainDate | null;
  readonly ethnicity?: string | null;
  /** 职业或者工作单位和职务; optional in the header line. */
  readonly occupation?: string | null;
  /** 住所 (natural person) or 住所地 (legal person). */
  readonly address?: string | null;
  readonly idNumber?: string | null;
  /** 法定代表人 of a legal person, 法定代理人 of a natural person. */
  readonly legalRepresentative?: string | null;
  /** The representative's post (该公司总经理 …). */
  readonly legalRepresentativeTitle?: string | null;
  readonly agents?: readonly TemplateAgent[];
}

/** Titles of the people who sign a decision. */
export const PANEL_TITLES = ['审判长', '审判员', '人民陪审员', '执行员'] as const;

/** One signature under a decision. */
export interface PanelMember {
  readonly title: (typeof PANEL_TITLES)[number];
  readonly name: string;
}

/** A scheduled or held hearing. */
export interface TemplateHearing {
  /** ISO instant. */
  readonly startsAt: string;
  readonly courtroom?: string | null;
}

/** Everything a template can be merged with. */
export interface TemplateRecord {
  /** 法院代字 (甘0402): gives the court's title name and its appeal court. */
  readonly court: string;
  /** The official number, or null before the worker assigned one. */
  readonly caseNumber: string | null;
  readonly caseType: string;
  /** Time-limit procedure code (civilOrdinary, civilSummary …), null when the type has none. */
  readonly procedure: string | null;
  readonly cause: string;
  readonly filingDate: PlainDate | null;
  /** In time order. */
  readonly hearings: readonly TemplateHearing[];
  readonly claimAmountFen: number | null;
  readonly parties: readonly TemplateParty[];
  /** In signing order: 审判长 first, 人民陪审员 after 审判员. */
  readonly panel: readonly PanelMember[];
  readonly clerk: string | null;
}

/** What {@link templateRecordOf} needs besides the case. */
export interface TemplateRecordInput {
  readonly caseDoc: CaseFields;
  readonly state?: Pick<CaseState, 'officialNumber' | 'hearings' | 'judge'> | null;
  /** The assigned clerk's user name (assignment document), if any. */
  readonly clerkUser?: string | null;
  /** Display name of a user (the staff directory); the user name when unknown. */
  readonly displayName?: (user: string) => string;
  /**
   * The panel as the judge composed it. Absent: the assigned judge alone as 审判员, which is right
   * for a single judge (独任) and leaves a collegial panel's other seats to fill.
   */
  readonly panel?: readonly PanelMember[];
  /** Particulars the filing does not hold, by party index. */
  readonly particulars?: Readonly<Record<number, Partial<TemplateParty>>>;
}

/**
 * The record of a case for templates: parties with sex and birth date read from resident IDs,
 * hearings in time order, the signing panel and clerk by display name.
 */
export function templateRecordOf(input: TemplateRecordInput): TemplateRecord {
  const { caseDoc, state } = input;
  const show = input.displayName ?? ((user: string) => user);
  const parties = caseDoc.parties.map((p, index): TemplateParty => {
    const natural = p.kind === 'natural';
    const id = p.idNumber?.trim() ?? '';
    const base: TemplateParty = {
      role: p.role,
      kind: p.kind,
      name: p.name,
      sex: natural && id ? sexFromResidentId(id) : null,
      birthDate: natural && id ? birthDateFromResidentId(id) : null,
      address: p.address ?? null,
      idNumber: id || null,
      legalRepresentative: p.legalRepresentative ?? null,
      agents: (p.agents ?? []).map((a) => ({ name: a.name, kind: a.kind ?? null })),
    };
    return { ...base, ...input.particulars?.[index] };
  });
  const hearings = [...(state?.hearings ?? [])]
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .map((h) => ({ startsAt: h.startsAt, courtroom: h.courtroom }));
  const judge = state?.judge ?? null;
  return {
    court: caseDoc.court,
    caseNumber: state?.officialNumber ?? null,
    caseType: caseDoc.caseType,
    procedure: procedureOf(caseDoc as unknown as Readonly<Record<string, unknown>>),
    cause: caseDoc.cause,
    filingDate: caseDoc.filingDate,
    hearings,
    claimAmountFen: typeof caseDoc.claimAmount === 'number' ? Math.round(caseDoc.claimAmount * 100) : null,
    parties,
    panel: input.panel ?? (judge ? [{ title: '审判员', name: show(judge) }] : []),
    clerk: input.clerkUser ? show(input.clerkUser) : null,
  };
}
