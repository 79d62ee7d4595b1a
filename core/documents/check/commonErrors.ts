/**
 * `commonError`: frequent mistakes in legal Chinese from `resources/documents/commonErrors.json`
 * (帐户 → 账户, 其它 → 其他, 做出判决 → 作出判决 …). Each entry proves itself when the file loads:
 * its pattern matches its example, not its `keep` texts, and its own fix no longer matches. Quoted
 * passages (“…”) are skipped: a quoted clause or statement keeps its wording.
 */
import raw from '../../../resources/documents/commonErrors.json';
import { finding, type DocumentFinding } from '../findings';
import { allMatches, insideAny, quotedSpans } from '../textScan';

/** One dictionary entry, compiled. */
export interface CommonError {
  readonly id: string;
  readonly pattern: RegExp;
  /** Replacement template: `$1` … are the pattern's groups (an unmatched group is empty). */
  readonly replace: string;
  /** Why, in zh-CN and in English. */
  readonly note: string;
  readonly noteEn: string;
  readonly source: string;
}

/** The replacement for one match of an entry. */
export function commonErrorFix(entry: CommonError, match: RegExpExecArray): string {
  return entry.replace.replace(/\$(\d)/gu, (_, n: string) => match[Number(n)] ?? '');
}

function fixAll(entry: CommonError, text: string): string {
  let out = '';
  let last = 0;
  for (const m of allMatches(entry.pattern, text)) {
    out += text.slice(last, m.index) + commonErrorFix(entry, m);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

/** Checks and compiles commonErrors.json; throws naming the entry that fails its own examples. */
export function parseCommonErrors(data: unknown): CommonError[] {
  const list = (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new Error('commonErrors.json: entries must be an array');
  const ids = new Set<string>();
  return list.map((item: unknown, i): CommonError => {
    const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const where = `commonErrors.json: entries[${i}]`;
    for (const key of ['id', 'pattern', 'replace', 'example', 'note', 'noteEn', 'source'])
      if (typeof r[key] !== 'string' || (r[key] as string).length === 0)
        throw new Error(`${where}.${key} missing`);
    const keep = r['keep'] ?? [];
    if (!Array.isArray(keep) || !keep.every((k) => typeof k === 'string'))
      throw new Error(`${where}.keep must be a list of texts`);
    const id = r['id'] as string;
    if (ids.has(id)) throw new Error(`${where}: duplicate id ${id}`);
    ids.add(id);
    let pattern: RegExp;
    try {
      pattern = new RegExp(r['pattern'] as string, 'gu');
    } catch (e) {
      throw new Error(`${where}.pattern: ${(e as Error).message}`);
    }
    const entry: CommonError = {
      id,
      pattern,
      replace: r['replace'] as string,
      note: r['note'] as string,
      noteEn: r['noteEn'] as string,
      source: r['source'] as string,
    };
    const example = r['example'] as string;
    const matches = (t: string): boolean => allMatches(pattern, t).length > 0;
    if (!matches(example)) throw new Error(`${where} (${id}): pattern does not match its example`);
    if (matches(fixAll(entry, example))) throw new Error(`${where} (${id}): the fixed example still matches`);
    for (const k of keep as string[])
      if (matches(k)) throw new Error(`${where} (${id}): matches “${k}”, which it must keep`);
    return entry;
  });
}

/** Every entry of the dictionary. */
export const COMMON_ERRORS: readonly CommonError[] = parseCommonErrors(raw);

/** Finds the dictionary's mistakes in `text`, outside quotations. */
export function checkCommonErrors(
  text: string,
  entries: readonly CommonError[] = COMMON_ERRORS,
): DocumentFinding[] {
  const quoted = quotedSpans(text);
  const out: DocumentFinding[] = [];
  for (const entry of entries) {
    for (const m of allMatches(entry.pattern, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (insideAny(quoted, start, end)) continue;
      const fix = commonErrorFix(entry, m);
      out.push(
        finding(
          'commonError',
          entry.id,
          start,
          end,
          `“${m[0]}”应为“${fix}”：${entry.note}`,
          `“${m[0]}” should be “${fix}”: ${entry.noteEn}`,
          fix,
        ),
      );
    }
  }
  return out;
}
