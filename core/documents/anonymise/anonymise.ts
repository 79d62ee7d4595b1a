/**
 * The anonymiser for publishing judgments (裁判文书公开, 法释〔2016〕19号 第八条至第十一条): hides the
 * names of protected people and removes identity numbers, phone numbers, bank accounts, plates and
 * the detailed part of home addresses. It returns every replacement with its span in the original,
 * so the clerk sees both texts side by side, can undo or add one and rebuild the result with
 * `applyReplacements`. Nothing else is changed: names the rules keep stay as written.
 */
import type { PlainDate } from '../../domain/plainDate';
import type { DocumentRecord } from '../record';
import { maskAddresses } from './addresses';
import { protectedNames, pseudonyms } from './names';
import { applyReplacements, ReplacementSet, type Replacement } from './replacements';
import { maskNumbers } from './sensitiveNumbers';

/**
 * What removed information is replaced with. The rules delete it and allow “×” where deleting would
 * make the sentence hard to follow (第十条); we always leave ××× so the reader sees that something
 * was removed and the sentence still reads (住甘肃省白银市白银区×××, 联系电话×××).
 */
export const REMOVED_MARK = '×××';

/** Options of {@link anonymise}. */
export interface AnonymiseOptions {
  /** The day minors are judged on (default: the record's judgment date). */
  readonly asOf?: PlainDate | null;
  /** Replacement for removed information (default {@link REMOVED_MARK}). */
  readonly mark?: string;
}

/** The anonymised text and how it was made from the original. */
export interface AnonymisedDocument {
  readonly text: string;
  /** Non-overlapping, in text order; `applyReplacements(original, replacements) === text`. */
  readonly replacements: readonly Replacement[];
}

/**
 * Anonymises `text` for publication against its case `record`. Rules run in order, earlier ones
 * winning any overlap: numbers (identity numbers, accounts, phones), plates, addresses, then names
 * (longest first, so 欧阳晓峰 is replaced before a shorter name inside it could be).
 */
export function anonymise(
  text: string,
  record: DocumentRecord,
  options: AnonymiseOptions = {},
): AnonymisedDocument {
  const mark = options.mark ?? REMOVED_MARK;
  const set = new ReplacementSet(text);
  maskNumbers(text, set, mark);
  maskAddresses(text, set, mark);
  const names = protectedNames(text, record, options.asOf).sort((a, b) => b.name.length - a.name.length);
  const aliases = pseudonyms(text, names);
  for (const n of names) {
    const replacement = aliases.get(n.name);
    if (!replacement) continue;
    for (let at = text.indexOf(n.name); at >= 0; at = text.indexOf(n.name, at + n.name.length)) {
      set.add(at, at + n.name.length, replacement, n.fromRecord ? 'name' : 'nameInText', n.reason);
    }
  }
  const replacements = set.list();
  return { text: applyReplacements(text, replacements), replacements };
}
