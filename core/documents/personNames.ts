/**
 * People's names in court documents: surnames (from `resources/documents/surnames.json`, compound
 * ones first), the SPC's anonymised form of a name, and reading a name right after a role word
 * (原告欧阳晓峰诉称 …) — one reader shared by the error checker and the anonymiser.
 */
import raw from '../../resources/documents/surnames.json';
import { isHan } from './textScan';

/** Checks surnames.json; throws when malformed. */
export function parseSurnames(data: unknown): { single: Set<string>; compound: Set<string> } {
  const r = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const { single, compound, modern } = r;
  if (typeof single !== 'string' || typeof modern !== 'string' || !Array.isArray(compound))
    throw new Error('surnames.json: single, modern (strings) and compound (list) are required');
  const singles = new Set<string>([...single, ...modern]);
  for (const c of singles) if (!isHan(c)) throw new Error(`surnames.json: “${c}” is not a Han character`);
  const compounds = new Set<string>();
  for (const c of compound as unknown[]) {
    if (typeof c !== 'string' || c.length !== 2 || ![...c].every(isHan))
      throw new Error(`surnames.json: compound surname “${String(c)}” must be two Han characters`);
    compounds.add(c);
  }
  return { single: singles, compound: compounds };
}

const SURNAMES = parseSurnames(raw);

/** True when `s` is a listed single or compound surname. */
export function isSurname(s: string): boolean {
  return SURNAMES.single.has(s) || SURNAMES.compound.has(s);
}

/** The surname of a Han name: a listed compound surname, else the first character. */
export function surnameOf(name: string): string {
  const two = name.slice(0, 2);
  return name.length > 2 && SURNAMES.compound.has(two) ? two : name.slice(0, 1);
}

/**
 * The name as the SPC's rules on publishing judgments write it (第九条): surname + 某 for a Han
 * name; for a name with a separator dot (ethnic-minority and foreign names in Chinese) the first
 * character + 某; for a name in Latin letters its first letter.
 */
export function anonymisedName(name: string): string {
  const n = name.trim();
  if (/^[A-Za-z]/u.test(n)) return (n[0] as string).toUpperCase();
  if (/[·•・.]/u.test(n)) return `${n[0] ?? ''}某`;
  return `${surnameOf(n)}某`;
}

/** Characters that never stand in a given name here (particles, verbs of the sentence, 某). */
const NOT_IN_GIVEN_NAME = new Set([
  ...'的了在是和与及称等均都也又被将把向于对为已未不之其所着过诉辩述某告人方',
]);
/** Words that look like surname + given name after a role word but are not names. */
const NOT_NAMES = new Set([
  '家属',
  '家中',
  '家里',
  '家人',
  '家门',
  '亲属',
  '方面',
  '双方',
  '一方',
  '身上',
  '本人',
  '公司',
  '单位',
  '承担',
  '支付',
  '负担',
  '偿还',
  '返还',
  '赔偿',
  '应当',
  '明确',
  '全部',
  '时间',
  '金额',
  '房屋',
  '车辆',
  '银行',
  '利息',
  '关于',
  '解除',
  '成立',
  '计算',
]);

/**
 * Surnames that are also everyday words (应当, 于是, 向, 和, 时, 全部 …): after one of them, a
 * loosely read name must be followed by punctuation or a telling word (证实, 陈述 …), so
 * 其父应继承的份额 holds no person 应继承.
 */
const WORDLIKE_SURNAMES = new Set([...'应于向和时从万全成能都通那家国文公利东双后相别经']);
const TELLING_FOLLOW =
  /^(?:$|[\s，,。；;：:、（()）“”"《》！？!?]|诉称|辩称|述称|证实|证言|证明|作证|陈述|出庭|鉴定)/u;

/** What may follow a name when any plausible sentence can (the anonymiser, near misses). */
const LOOSE_FOLLOW =
  /^(?:$|[\s，,。；;：:、（()）“”"《》！？!?]|诉称|辩称|述称|称|陈述|向|与|和|及|等|的|系|在|于|未|已|到庭|经|对|提交|提出|提供|主张|认为|辩解|同意|不服|签订|出具|借|证实|证言|证明|作证|出庭|报警|鉴定|被|因|将|把|为|所|家|死亡|受伤|均|也|又|亦|是|之|持|驾驶|共同|一起|即)/u;
/**
 * What follows a party's name where a document introduces or quotes the party: the particulars
 * (，男，… ，住 …), 诉称/辩称, 与被告 …. Used where a name off the record is reported, so that a
 * sentence like 由被告承担，… is never read as a name.
 */
const STRICT_FOLLOW =
  /^(?:[，,](?:男|女|汉族|[\p{Script=Han}]{1,3}族|住|身份证|公民身份号码|出生|生于|[0-9０-９]{4}年|[〇○一二三四五六七八九]{4}年)|[（(]|诉称|辩称|述称|向本院|[\p{Script=Han}]{0,14}?(?:纠纷|罪)一案|与(?:原告|被告|第三人|上诉人|被上诉人|申请人|被申请人)|诉(?:被告|被申请人)|未到庭|经本院)/u;

/** How sure the text around a candidate name must make it that it is a name. */
export type NameFollow = 'loose' | 'strict';

/**
 * How much of the text at `end` reads as what follows a name under `follow` (诉称 → 2, ， → 1,
 * end of text → 0), or -1 when it does not. A longer match is the more telling one.
 */
export function nameFollowLength(text: string, end: number, follow: NameFollow): number {
  const m = (follow === 'strict' ? STRICT_FOLLOW : LOOSE_FOLLOW).exec(text.slice(end, end + 24));
  return m ? m[0].length : -1;
}

/** True when the text at `end` may follow a name, under `follow`. */
export function mayFollowName(text: string, end: number, follow: NameFollow): boolean {
  return nameFollowLength(text, end, follow) >= 0;
}

/** A name read from a text. */
export interface NameAt {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

/**
 * Reads a person's name starting at `pos`: a listed surname (compound first) and a given name of
 * one or two characters, followed by what `follow` allows. Returns the possible readings, longest
 * first (李四海 before 李四), or none. Names already anonymised (张某, 张某某) are not names here.
 */
export function readNameAt(text: string, pos: number, follow: NameFollow): NameAt[] {
  const out: NameAt[] = [];
  const two = text.slice(pos, pos + 2);
  const surnames = [
    SURNAMES.compound.has(two) ? two : null,
    SURNAMES.single.has(text[pos] ?? '') ? text[pos] : null,
  ];
  for (const surname of surnames) {
    if (!surname) continue;
    for (const givenLength of [2, 1]) {
      const end = pos + surname.length + givenLength;
      const given = text.slice(pos + surname.length, end);
      if (given.length !== givenLength || ![...given].every((c) => isHan(c) && !NOT_IN_GIVEN_NAME.has(c)))
        continue;
      const name = surname + given;
      if (NOT_NAMES.has(name) || text[end] === '某') continue;
      const wordlike = follow === 'loose' && WORDLIKE_SURNAMES.has(surname);
      if (wordlike ? TELLING_FOLLOW.test(text.slice(end, end + 2)) : mayFollowName(text, end, follow))
        out.push({ start: pos, end, name });
    }
  }
  return out.sort((a, b) => b.end - a.end);
}

/** A role word (原告, 委托诉讼代理人 …) followed by an optional （原审被告） and colon. */
export interface RoleMention {
  readonly role: string;
  readonly start: number;
  /** Where the name after the role word starts. */
  readonly nameStart: number;
}

/** Finds every occurrence of `roles` (longest first) and where the name after each would start. */
export function roleMentions(text: string, roles: readonly string[]): RoleMention[] {
  const sorted = [...roles].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(${sorted.join('|')})(?:[（(][^）)\\n]{1,10}[）)])?[：:]?\\s*`, 'gu');
  const out: RoleMention[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // 第三人民医院 is a hospital, not a third party.
    if (m[1] === '第三人' && text[m.index + 3] === '民') continue;
    out.push({ role: m[1] ?? '', start: m.index, nameStart: m.index + m[0].length });
  }
  return out;
}
