/**
 * The merge fields a template may name, each with a label for the list of fields a merge could not
 * fill. A field is text (merged, or shown as a place to fill when the record lacks it), a flag (for
 * `when`/`unless`) or a list (for `each`). Fields under `party.`, `agent.` and `member.` read the
 * item of the enclosing `each`; the template check refuses them anywhere else.
 */
import { calculateFee } from '../../domain/fees';
import { feeKindFor } from '../../domain/causes';
import { beijingDate, isInstant } from '../../domain/processEvents';
import { procedureLimit } from '../../domain/timeLimits';
import { PARTY_ROLES, PARTY_ROLE_NAMES } from '../../schemas/case';
import { amountInCapitals } from '../amountInCapitals';
import type { PartyRole } from '../record';
import type {
  PanelMember,
  TemplateAgent,
  TemplateHearing,
  TemplateParty,
  TemplateRecord,
} from './templateRecord';
import {
  appealCourtName,
  arabicDate,
  arabicDateTime,
  chineseDate,
  documentCourtName,
  spacedName,
  spacedTitle,
  yuanFigures,
} from './wording';

/** The kind of item an `each` walks over (`recipient`: the addressee of a per-person document). */
export type ItemKind = 'party' | 'agent' | 'member' | 'recipient';

/** Why a fee is halved (《诉讼费用交纳办法》 第十五条, 第十六条). */
export type FeeHalving = 'summary' | 'mediation' | 'withdrawal';

/** Choices made for one merge, beside the record. */
export interface MergeOptions {
  /** The signing date (落款日期); without it the date is left to fill. */
  readonly documentDate?: string | null;
  /** Name of the party a per-person document (传票, 送达回证) is addressed to. */
  readonly recipient?: string | null;
  /** Who bears the fee (names of parties), as the judgment decides. */
  readonly feeBearers?: readonly string[] | null;
  /** The fee in fen where the schedule gives a range (离婚 50–300 元 …) and the court fixed it. */
  readonly feeFen?: number | null;
}

/** What field readers see: the record, the options, and the current `each` items. */
export interface MergeScope {
  readonly record: TemplateRecord;
  readonly options: MergeOptions;
  /** Halvings the document itself implies (撤诉 → withdrawal, 调解 → mediation). */
  readonly feeHalving: readonly FeeHalving[];
  readonly party?: TemplateParty;
  readonly agent?: TemplateAgent;
  readonly member?: PanelMember;
}

interface FieldBase {
  readonly label: string;
  readonly labelEn: string;
  /** The `each` item the field reads, if any. */
  readonly item?: ItemKind;
}

/** A field that merges text. */
export interface TextField extends FieldBase {
  readonly kind: 'text';
  read(scope: MergeScope): string | null;
}

/** A field tested by `when` / `unless`. */
export interface FlagField extends FieldBase {
  readonly kind: 'flag';
  read(scope: MergeScope): boolean;
}

/** A field an `each` walks over. */
export interface ListField extends FieldBase {
  readonly kind: 'list';
  /** What each element is. */
  readonly of: ItemKind;
  read(scope: MergeScope): readonly (TemplateParty | TemplateAgent | PanelMember)[];
}

/** Any field. */
export type FieldSpec = TextField | FlagField | ListField;

function text(label: string, labelEn: string, read: TextField['read'], item?: ItemKind): TextField {
  return { kind: 'text', label, labelEn, read, ...(item ? { item } : {}) };
}
function flag(label: string, labelEn: string, read: FlagField['read'], item?: ItemKind): FlagField {
  return { kind: 'flag', label, labelEn, read, ...(item ? { item } : {}) };
}
function nonEmpty(value: string | null | undefined): string | null {
  const v = value?.trim() ?? '';
  return v.length > 0 ? v : null;
}
function date(value: string | null | undefined, format: (d: string) => string | null): string | null {
  return value ? format(value) : null;
}

/** The hearing a document refers to: the latest one scheduled (the next, or the last held). */
export function currentHearing(record: TemplateRecord): TemplateHearing | null {
  return record.hearings[record.hearings.length - 1] ?? null;
}

/** The party a per-person document is addressed to, or null. */
export function recipientOf(scope: MergeScope): TemplateParty | null {
  const name = scope.options.recipient?.trim();
  return name ? (scope.record.parties.find((p) => p.name === name) ?? null) : null;
}

/** The case acceptance fee: full and payable amounts in fen, or null where none can be named. */
export function feeOf(scope: MergeScope): { fullFen: number; payableFen: number; halved: boolean } | null {
  const { record, options } = scope;
  const halving: FeeHalving[] = [...scope.feeHalving];
  if (record.procedure === 'civilSummary' || record.procedure === 'civilSmallClaims') halving.push('summary');
  const kind = feeKindFor(record.caseType, record.cause, record.claimAmountFen !== null);
  if (!kind) return null;
  const quote = (h: FeeHalving[]) => calculateFee({ kind, amountFen: record.claimAmountFen, halving: h });
  let result = quote(halving);
  // Application fees are never halved (第十五条, 第十六条 speak of 案件受理费): quote them in full.
  if (!result.ok && result.error.code === 'halvingNotApplicable') result = quote([]);
  if (!result.ok) return null;
  const q = result.value;
  if (q.isRange) {
    const fixed = options.feeFen ?? null;
    if (fixed === null) return null;
    return { fullFen: fixed, payableFen: q.halved ? Math.round(fixed / 2) : fixed, halved: q.halved };
  }
  return { fullFen: q.fullMaxFen, payableFen: q.maxFen, halved: q.halved };
}

function partiesOf(record: TemplateRecord, role: PartyRole): TemplateParty[] {
  return record.parties.filter((p) => p.role === role);
}

const ROOT_FIELDS: Record<string, FieldSpec> = {
  'court.name': text('法院名称', 'court name', (s) => documentCourtName(s.record.court)),
  'court.appealCourt': text('上诉审法院', 'appeal court', (s) => appealCourtName(s.record.court)),
  'case.number': text('案号', 'case number', (s) => nonEmpty(s.record.caseNumber)),
  'case.cause': text('案由', 'cause of action', (s) => nonEmpty(s.record.cause)),
  'case.charge': text('罪名', 'charge', (s) => {
    const c = nonEmpty(s.record.cause);
    return c === null ? null : c.endsWith('罪') ? c : `${c}罪`;
  }),
  'case.procedureName': text('审理程序', 'procedure', (s) => {
    const name = s.record.procedure ? procedureLimit(s.record.procedure)?.name : null;
    return name ? (/(普通程序|简易程序|小额诉讼程序|速裁程序)/u.exec(name)?.[1] ?? null) : null;
  }),
  'case.filingDate': text('立案日期', 'filing date', (s) => date(s.record.filingDate, arabicDate)),
  hearing: flag('开庭', 'a hearing', (s) => currentHearing(s.record) !== null),
  'hearing.date': text('开庭日期', 'hearing date', (s) => {
    const h = currentHearing(s.record);
    return h && isInstant(h.startsAt) ? arabicDate(beijingDate(h.startsAt)) : null;
  }),
  'hearing.time': text('开庭时间', 'hearing time', (s) =>
    date(currentHearing(s.record)?.startsAt, arabicDateTime),
  ),
  'hearing.place': text('开庭地点', 'courtroom', (s) => nonEmpty(currentHearing(s.record)?.courtroom)),
  claim: flag('诉讼标的额', 'a claim amount', (s) => s.record.claimAmountFen !== null),
  'claim.amount': text('诉讼标的额', 'claim amount', (s) =>
    s.record.claimAmountFen === null ? null : yuanFigures(s.record.claimAmountFen),
  ),
  'claim.capitals': text('诉讼标的额（大写）', 'claim amount in capitals', (s) =>
    s.record.claimAmountFen === null ? null : amountInCapitals(s.record.claimAmountFen),
  ),
  fee: flag('案件受理费', 'a fee', (s) => feeOf(s) !== null),
  'fee.amount': text('案件受理费', 'case acceptance fee', (s) => {
    const f = feeOf(s);
    return f ? yuanFigures(f.fullFen) : null;
  }),
  'fee.reduced': text('减半后受理费', 'halved fee', (s) => {
    const f = feeOf(s);
    return f?.halved ? yuanFigures(f.payableFen) : null;
  }),
  'fee.bearer': text('诉讼费负担方', 'who bears the fee', (s) => {
    const names = (s.options.feeBearers ?? []).map((n) => n.trim()).filter((n) => n.length > 0);
    return names.length > 0 ? names.join('、') : null;
  }),
  panel: { kind: 'list', of: 'member', label: '合议庭成员', labelEn: 'panel', read: (s) => s.record.panel },
  'clerk.name': text('书记员', 'clerk', (s) => nonEmpty(s.record.clerk)),
  'clerk.nameSpaced': text('书记员', 'clerk', (s) => {
    const n = nonEmpty(s.record.clerk);
    return n ? spacedName(n) : null;
  }),
  'document.date': text('落款日期', 'date of the document', (s) => date(s.options.documentDate, chineseDate)),
  'recipient.name': text('受送达人', 'recipient', (s) => recipientOf(s)?.name ?? null, 'recipient'),
  'recipient.roleName': text(
    '受送达人诉讼地位',
    'recipient role',
    (s) => {
      const r = recipientOf(s);
      return r ? PARTY_ROLE_NAMES[r.role] : null;
    },
    'recipient',
  ),
  'recipient.address': text(
    '受送达人住址',
    'recipient address',
    (s) => nonEmpty(recipientOf(s)?.address),
    'recipient',
  ),
};

const PARTY_FIELDS: Record<string, FieldSpec> = {
  'party.name': text('当事人名称', 'party name', (s) => nonEmpty(s.party?.name), 'party'),
  'party.roleName': text(
    '诉讼地位',
    'role',
    (s) => (s.party ? PARTY_ROLE_NAMES[s.party.role] : null),
    'party',
  ),
  'party.natural': flag('自然人', 'natural person', (s) => s.party?.kind === 'natural', 'party'),
  'party.legal': flag('法人或其他组织', 'legal person', (s) => s.party?.kind === 'legal', 'party'),
  'party.sex': text(
    '性别',
    'sex',
    (s) => (s.party?.sex === 'male' ? '男' : s.party?.sex === 'female' ? '女' : null),
    'party',
  ),
  'party.birthDate': text('出生日期', 'date of birth', (s) => date(s.party?.birthDate, arabicDate), 'party'),
  'party.ethnicity': text('民族', 'ethnicity', (s) => nonEmpty(s.party?.ethnicity), 'party'),
  'party.occupation': text('职业或工作单位', 'occupation', (s) => nonEmpty(s.party?.occupation), 'party'),
  'party.address': text('住所', 'address', (s) => nonEmpty(s.party?.address), 'party'),
  'party.idNumber': text('身份证号码', 'ID number', (s) => nonEmpty(s.party?.idNumber), 'party'),
  'party.legalRepresentative': text(
    '法定代表人',
    'legal representative',
    (s) => nonEmpty(s.party?.legalRepresentative),
    'party',
  ),
  'party.legalRepresentativeTitle': text(
    '法定代表人职务',
    'representative’s post',
    (s) => nonEmpty(s.party?.legalRepresentativeTitle),
    'party',
  ),
  'party.agents': {
    kind: 'list',
    of: 'agent',
    item: 'party',
    label: '诉讼代理人',
    labelEn: 'agents',
    read: (s) => s.party?.agents ?? [],
  },
};

const AGENT_FIELDS: Record<string, FieldSpec> = {
  'agent.name': text('代理人姓名', 'agent name', (s) => nonEmpty(s.agent?.name), 'agent'),
  'agent.organisation': text(
    '代理人所在律师事务所或法律服务所',
    'agent’s firm',
    (s) => nonEmpty(s.agent?.organisation),
    'agent',
  ),
  'agent.relation': text(
    '代理人与当事人的关系',
    'agent’s relation',
    (s) => nonEmpty(s.agent?.relation),
    'agent',
  ),
  'agent.lawyer': flag('律师', 'lawyer', (s) => s.agent?.kind === 'lawyer', 'agent'),
  'agent.legalWorker': flag(
    '基层法律服务工作者',
    'legal worker',
    (s) => s.agent?.kind === 'legalWorker',
    'agent',
  ),
  'agent.citizen': flag(
    '近亲属或其他公民',
    'relative or citizen',
    (s) => s.agent?.kind !== 'lawyer' && s.agent?.kind !== 'legalWorker',
    'agent',
  ),
};

const MEMBER_FIELDS: Record<string, FieldSpec> = {
  'member.titleSpaced': text(
    '审判组织成员职务',
    'panel title',
    (s) => (s.member ? spacedTitle(s.member.title) : null),
    'member',
  ),
  'member.nameSpaced': text(
    '审判组织成员姓名',
    'panel member',
    (s) => {
      const n = nonEmpty(s.member?.name);
      return n ? spacedName(n) : null;
    },
    'member',
  ),
};

function roleFields(): Record<string, FieldSpec> {
  const out: Record<string, FieldSpec> = {};
  for (const role of PARTY_ROLES) {
    const name = PARTY_ROLE_NAMES[role];
    out[`parties.${role}`] = {
      kind: 'list',
      of: 'party',
      label: name,
      labelEn: role,
      read: (s) => partiesOf(s.record, role),
    };
    out[`names.${role}`] = text(`${name}名称`, `${role} names`, (s) => {
      const names = partiesOf(s.record, role).map((p) => p.name.trim());
      return names.length > 0 ? names.join('、') : null;
    });
  }
  return out;
}

/** Every field a template may name. */
export const FIELDS: Readonly<Record<string, FieldSpec>> = {
  ...ROOT_FIELDS,
  ...roleFields(),
  ...PARTY_FIELDS,
  ...AGENT_FIELDS,
  ...MEMBER_FIELDS,
};

/** The field of that name, or null. */
export function fieldSpec(name: string): FieldSpec | null {
  return Object.prototype.hasOwnProperty.call(FIELDS, name) ? (FIELDS[name] ?? null) : null;
}
