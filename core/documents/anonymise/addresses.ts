/**
 * Home addresses of natural persons (法释〔2016〕19号 第十条 deletes them; 第十一条 keeps the county or
 * district of a party's domicile): after 住, 住址, 户籍地 … the province, city and county/district
 * stay and the rest (township, street, road, number, building, room) is masked. The 住所地 of a
 * legal person stays whole (第十一条), unless the clause it is in describes a natural person.
 */
import { allMatches } from '../textScan';
import type { ReplacementSet } from './replacements';

const LABEL =
  /(住所地|户籍所在地|户籍地|经常居住地|居住地|暂住地|现住址|居住于|居住在|住在|住于|现住|家住|住址|住)[：:\s]*/gu;
/** An administrative unit name never holds these (so 幸福小区 is not a district). */
const NOT_ADMIN = '路街巷道号村镇乡楼栋室组社园院厦苑弄庄屯区县市省';
const LEVELS: readonly RegExp[] = [
  new RegExp(`^(?:[^${NOT_ADMIN}]{2,7}(?:省|自治区)|北京市|天津市|上海市|重庆市)`, 'u'),
  new RegExp(`^[^${NOT_ADMIN}]{1,9}(?:自治州|地区|盟|市)`, 'u'),
  // 小区, 景区, 厂区 … are places inside a district, not districts (小店区 is one: 店 comes before 区).
  new RegExp(`^[^${NOT_ADMIN}]{1,12}(?<![小景厂校矿营])(?:自治县|自治旗|区|县|旗|市)`, 'u'),
];
/** Where an address ends. */
const END = /[，,。；;（(\n]|$/u;

/** Length of the province/city/county prefix of `address` (0 when it names none). */
export function adminPrefixLength(address: string): number {
  let at = 0;
  for (const level of LEVELS) {
    const m = level.exec(address.slice(at));
    if (m) at += m[0].length;
  }
  return at;
}

/** True when the clause before `at` describes a natural person (…，男，… / …出生). */
function naturalPersonClause(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('\n', at - 1), at - 80);
  const clause = text.slice(from + 1, at);
  return /[，,](?:男|女)[，,]|出生|生于|身份证|公民身份号码/u.test(clause);
}

/** Adds the replacements for the detailed part of home addresses to `set`. */
export function maskAddresses(text: string, set: ReplacementSet, mask: string): void {
  for (const m of allMatches(LABEL, text)) {
    const start = m.index + m[0].length;
    if (m[1] === '住所地' && !naturalPersonClause(text, m.index)) continue;
    const rest = text.slice(start);
    const length = END.exec(rest)?.index ?? rest.length;
    const address = rest.slice(0, length);
    // 住 also begins words (住院, 住宿): an address starts with a place name, not with these.
    if (m[1] === '住' && !/^[\p{Script=Han}]{2}/u.test(address)) continue;
    if (m[1] === '住' && /^(?:院|宿|房|处|所|户|持|手|口|进|满)/u.test(address)) continue;
    if (/^(?:同上|同原告|同被告|不详)/u.test(address)) continue;
    const detailStart = start + adminPrefixLength(address);
    let detailEnd = start + length;
    // A number masked already (a phone inside the address) ends the address part here.
    const taken = set.nextStart(detailStart);
    if (taken !== null && taken < detailEnd) detailEnd = taken;
    if (detailEnd > detailStart) set.add(detailStart, detailEnd, mask, 'address');
  }
}
