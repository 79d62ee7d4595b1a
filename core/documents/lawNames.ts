/**
 * Full and short names of the laws and judicial interpretations a basic court cites, from
 * `resources/documents/lawNames.json` (sources in its README), checked once at load.
 */
import raw from '../../resources/documents/lawNames.json';

/** A law or interpretation with the short names drafters use for it. */
export interface LawName {
  /** Official title without 《》; a nested title in 〈〉. */
  readonly full: string;
  readonly short: readonly string[];
  readonly repealed: boolean;
}

/** Checks lawNames.json; throws naming the offending entry when malformed. */
export function parseLawNames(data: unknown): LawName[] {
  const list = (data as { laws?: unknown } | null)?.laws;
  if (!Array.isArray(list)) throw new Error('lawNames.json: laws must be an array');
  const seen = new Set<string>();
  return list.map((item: unknown, i): LawName => {
    const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const where = `lawNames.json: laws[${i}]`;
    const { full, short, repealed } = r;
    if (typeof full !== 'string' || full.length === 0 || /[《》]/u.test(full))
      throw new Error(`${where}.full must be a title without 《》`);
    if (!Array.isArray(short) || !short.every((s) => typeof s === 'string' && s.length > 0))
      throw new Error(`${where}.short must be a list of names`);
    for (const name of [full, ...(short as string[])]) {
      if (seen.has(name)) throw new Error(`${where}: ${name} is listed twice`);
      seen.add(name);
    }
    if (repealed !== undefined && typeof repealed !== 'boolean')
      throw new Error(`${where}.repealed must be a boolean`);
    return { full, short: short as string[], repealed: repealed === true };
  });
}

/** Every law name in the list. */
export const LAW_NAMES: readonly LawName[] = parseLawNames(raw);

const BY_NAME = new Map<string, LawName>();
for (const law of LAW_NAMES) for (const name of [law.full, ...law.short]) BY_NAME.set(name, law);

/** The law a full or short name stands for, or null. */
export function lawByName(name: string): LawName | null {
  return BY_NAME.get(name) ?? null;
}

/** Every full and short name, longest first (so 劳动合同法 is tried before 合同法). */
export const ALL_LAW_NAMES: readonly string[] = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);

/** The full name as written in the text: in 《》, with a nested title's 〈〉 kept. */
export function citedTitle(law: LawName): string {
  return `《${law.full}》`;
}
