/**
 * Whose names the published text hides (法释〔2016〕19号 第八条) and how (第九条): parties and their
 * legal representatives in marriage, family and succession cases; victims, incidental civil
 * plaintiffs, witnesses and appraisers in criminal cases, with the representatives of victims and
 * civil plaintiffs; minors and their legal representatives in any case. Agents are never hidden
 * (第十一条 keeps them). People on the record come first; then people the text names after a role
 * word (被害人张某某, 证人李四、王五) who are not on the record.
 */
import { anonymisedName, readNameAt, roleMentions } from '../personNames';
import { isCriminalCase, isFamilyCase, namedPeople, type DocumentRecord, type NamedPerson } from '../record';
import type { PlainDate } from '../../domain/plainDate';
import type { ProtectionReason } from './replacements';

/** A name to hide, with why. */
export interface ProtectedName {
  readonly name: string;
  readonly reason: ProtectionReason;
  readonly fromRecord: boolean;
}

const CRIMINAL_ROLES: Readonly<Record<string, ProtectionReason>> = {
  victim: 'victim',
  civilPlaintiff: 'civilPlaintiff',
  witness: 'witness',
  appraiser: 'appraiser',
};

/** Why a person on the record is protected, or null when the rules keep the name. */
function protectionOf(p: NamedPerson, family: boolean, criminal: boolean): ProtectionReason | null {
  if (!p.natural || p.kind === 'agent') return null;
  const subject = p.kind === 'legalRepresentative' ? p.of : p;
  if (!subject) return null;
  if (subject.minor) return 'minor';
  if (family && subject.kind === 'party' && subject.natural) return 'familyCase';
  if (criminal) {
    const reason = CRIMINAL_ROLES[subject.role];
    // Witnesses and appraisers themselves; victims and civil plaintiffs with their representatives.
    if (reason && (p.kind !== 'legalRepresentative' || reason === 'victim' || reason === 'civilPlaintiff'))
      return reason;
  }
  return null;
}

const CRIMINAL_WORDS: Readonly<Record<string, ProtectionReason>> = {
  附带民事诉讼原告人: 'civilPlaintiff',
  被害人: 'victim',
  证人: 'witness',
  鉴定人: 'appraiser',
};
const FAMILY_WORDS = [
  '原审原告',
  '原审被告',
  '原审第三人',
  '被上诉人',
  '上诉人',
  '被申请人',
  '申请人',
  '第三人',
  '原告',
  '被告',
  '被继承人',
  '非婚生子',
  '非婚生女',
  '婚生子',
  '婚生女',
  '养子',
  '养女',
  '继子',
  '继女',
  '长子',
  '长女',
  '次子',
  '次女',
  '儿子',
  '女儿',
  '之子',
  '之女',
  '孙子',
  '孙女',
  '外孙女',
  '外孙',
  '配偶',
  '丈夫',
  '妻子',
  '其父',
  '其母',
  '父亲',
  '母亲',
];
const REPRESENTATIVE_WORD = '法定代理人';

/** Names the text gives after role words that call for protection in this case. */
function namesInText(text: string, record: DocumentRecord, onRecord: ReadonlySet<string>): ProtectedName[] {
  const family = isFamilyCase(record);
  const criminal = isCriminalCase(record);
  const words: Record<string, ProtectionReason> = { [REPRESENTATIVE_WORD]: 'legalRepresentative' };
  if (criminal) Object.assign(words, CRIMINAL_WORDS);
  if (family) for (const w of FAMILY_WORDS) words[w] = 'familyCase';
  const out: ProtectedName[] = [];
  for (const mention of roleMentions(text, Object.keys(words))) {
    let pos = mention.nameStart;
    // 证人李四、王五 names two witnesses.
    for (let guard = 0; guard < 10; guard += 1) {
      const name = readNameAt(text, pos, 'loose')[0];
      if (!name) break;
      // People on the record are decided by the record, but a list may go on after them.
      if (!onRecord.has(name.name))
        out.push({
          name: name.name,
          reason: words[mention.role] ?? 'legalRepresentative',
          fromRecord: false,
        });
      const joiner = /^(?:、|和|及|与)/u.exec(text.slice(name.end));
      if (!joiner) break;
      pos = name.end + joiner[0].length;
    }
  }
  return out;
}

/** Every protected name of the document: from the record, then from the text; first reason wins. */
export function protectedNames(
  text: string,
  record: DocumentRecord,
  asOf?: PlainDate | null,
): ProtectedName[] {
  const family = isFamilyCase(record);
  const criminal = isCriminalCase(record);
  const people = namedPeople(record, asOf);
  const byName = new Map<string, ProtectedName>();
  for (const p of people) {
    const reason = protectionOf(p, family, criminal);
    // A one-character “name” (a data-entry slip) would mask that character everywhere.
    if (reason && p.name.length >= 2 && !byName.has(p.name))
      byName.set(p.name, { name: p.name, reason, fromRecord: true });
  }
  const onRecord = new Set(people.map((p) => p.name));
  for (const n of namesInText(text, record, onRecord)) if (!byName.has(n.name)) byName.set(n.name, n);
  return [...byName.values()];
}

/**
 * The replacement text of each protected name: surname + 某 (第九条), with 1, 2 … appended in
 * order of first appearance when two different names would read the same (张三, 张四 → 张某1,
 * 张某2), as 第九条 asks, rather than 张某甲/张某乙.
 */
export function pseudonyms(text: string, names: readonly ProtectedName[]): Map<string, string> {
  const groups = new Map<string, { name: string; first: number }[]>();
  for (const n of names) {
    const first = text.indexOf(n.name);
    if (first < 0) continue;
    const form = anonymisedName(n.name);
    groups.set(form, [...(groups.get(form) ?? []), { name: n.name, first }]);
  }
  const out = new Map<string, string>();
  for (const [form, members] of groups) {
    members.sort((a, b) => a.first - b.first);
    members.forEach((m, i) => out.set(m.name, members.length > 1 ? `${form}${i + 1}` : form));
  }
  return out;
}
