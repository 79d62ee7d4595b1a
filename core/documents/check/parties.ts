/**
 * `partyNotOnRecord`: a name in party position — after 原告, 被告, 上诉人 …, 法定代表人, 委托诉讼
 * 代理人 … — that is not on the case record. Two ways in, for precision:
 * - `nearMiss`: the name is one character away from a name on the record (欧阳晓锋 for 欧阳晓峰,
 *   a dropped or added character), so it is almost surely a typo; the record's name is suggested.
 * - `notOnRecord`: a name nobody on the record resembles, reported only where the document
 *   introduces or quotes a person (原告王五，男，… / 被告王五辩称 / 原告王五与被告 …), so that
 *   由被告承担，… is never taken for a person called 承担.
 * Short names the document defines (（以下简称…）) and anonymised names (张某) are accepted.
 */
import { finding, type DocumentFinding } from '../findings';
import { namedPeople, type DocumentRecord, type NamedPersonKind } from '../record';
import { mayFollowName, nameFollowLength, readNameAt, roleMentions } from '../personNames';
import { definedShortNames, isHan } from '../textScan';

const PARTY_WORDS = [
  '附带民事诉讼原告人',
  '附带民事诉讼被告人',
  '原审原告',
  '原审被告',
  '原审第三人',
  '再审申请人',
  '申请执行人',
  '被执行人',
  '被上诉人',
  '上诉人',
  '被申请人',
  '申请人',
  '第三人',
  '被告人',
  '被害人',
  '反诉原告',
  '反诉被告',
  '原告',
  '被告',
  '异议人',
];
const REPRESENTATIVE_WORDS = ['法定代表人', '法定代理人', '主要负责人', '负责人', '诉讼代表人'];
const AGENT_WORDS = ['委托诉讼代理人', '委托代理人', '诉讼代理人', '指定代理人', '辩护人'];

/** Edit distance, for names of a few characters. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * A record name the text at `pos` misspells, with the misspelt span, or null. Of several readings
 * the closest wins, then the one followed by the longer telling word (欧阳晓 + 诉称 over 欧阳晓诉 + 称).
 */
function nearMiss(text: string, pos: number, names: readonly string[]): { end: number; name: string } | null {
  let best: { end: number; name: string; distance: number; follow: number } | null = null;
  for (const name of names) {
    if (name.length < 2) continue;
    const long = name.length >= 8;
    const slack = long ? 2 : 1;
    for (let length = Math.max(2, name.length - slack); length <= name.length + slack; length += 1) {
      const written = text.slice(pos, pos + length);
      if (written.length !== length || written === name || names.includes(written)) continue;
      if (![...written].every(isHan) || written.includes('某')) continue;
      // Two-character names differ in the given name only: 张三/张山, not 张三/李三.
      if (name.length === 2 && written[0] !== name[0]) continue;
      const d = distance(written, name);
      const follow = nameFollowLength(text, pos + length, 'loose');
      if (d > slack || follow < 0) continue;
      if (!best || d < best.distance || (d === best.distance && follow > best.follow))
        best = { end: pos + length, name, distance: d, follow };
    }
  }
  return best && { end: best.end, name: best.name };
}

function kindOfRole(role: string): NamedPersonKind {
  if (REPRESENTATIVE_WORDS.includes(role)) return 'legalRepresentative';
  if (AGENT_WORDS.includes(role)) return 'agent';
  return 'party';
}

/** Finds names in party position that are not on the record. */
export function checkParties(text: string, record: DocumentRecord): DocumentFinding[] {
  const people = namedPeople(record);
  const names = [...new Set(people.map((p) => p.name))].sort((a, b) => b.length - a.length);
  const known = [...names, ...definedShortNames(text)];
  const out: DocumentFinding[] = [];
  for (const mention of roleMentions(text, [...PARTY_WORDS, ...REPRESENTATIVE_WORDS, ...AGENT_WORDS])) {
    const pos = mention.nameStart;
    const exact = known.find((n) => text.startsWith(n, pos));
    if (exact && mayFollowName(text, pos + exact.length, 'loose')) continue;
    if (text[pos + 1] === '某' || text[pos + 2] === '某') continue;
    // A record name followed by more text (被告李强偿还 …) is that name, not a misspelling.
    const miss = exact ? null : nearMiss(text, pos, names);
    if (miss) {
      const written = text.slice(pos, miss.end);
      out.push(
        finding(
          'partyNotOnRecord',
          'nearMiss',
          pos,
          miss.end,
          `“${written}”不在本案当事人名单中，案件记录为“${miss.name}”`,
          `${written} is not on the case record; the record has ${miss.name}`,
          miss.name,
        ),
      );
      continue;
    }
    if (exact) continue;
    // Report a stranger only where the record lists people of that kind at all.
    const kind = kindOfRole(mention.role);
    if (!people.some((p) => p.kind === kind)) continue;
    const stranger = readNameAt(text, pos, 'strict')[0];
    if (!stranger) continue;
    out.push(
      finding(
        'partyNotOnRecord',
        'notOnRecord',
        stranger.start,
        stranger.end,
        `${mention.role}“${stranger.name}”不在本案案件记录中`,
        `${mention.role} ${stranger.name} is not on the case record`,
      ),
    );
  }
  return out;
}
