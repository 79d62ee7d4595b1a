/**
 * The parties of a case as the public projection shows them (SPEC §4.4, §4.6): role label and
 * name only — never ID numbers, phones, addresses, representatives or agents. The names the
 * judgment-publication rules hide (core/documents/anonymise/names.ts: parties of marriage, family
 * and succession cases; victims and civil plaintiffs in criminal cases; minors in any case) become
 * surname + 某, numbered when two would read the same (the anonymiser's {@link pseudonyms}).
 */
import { protectedNames, pseudonyms } from '../documents/anonymise/names';
import { anonymisedName } from '../documents/personNames';
import { documentRecordOf } from '../documents/record';
import type { CaseState } from '../domain/caseState';
import type { PlainDate } from '../domain/plainDate';
import { PARTY_ROLE_NAMES, type CaseFields } from '../schemas/case';
import type { PublicParty } from './publicDocs';

/** The public parties of a (current-version) case and whether a minor is among them. */
export function publicParties(
  caseDoc: Pick<CaseFields, 'caseType' | 'cause' | 'filingDate' | 'parties'>,
  state: Pick<CaseState, 'officialNumber' | 'hearings' | 'closing'>,
  asOf: PlainDate,
): { parties: PublicParty[]; minorInvolved: boolean } {
  const record = documentRecordOf(caseDoc, state);
  const hidden = protectedNames('', record, asOf);
  const names = caseDoc.parties.map((p) => p.name.trim());
  const forms = pseudonyms(names.join('、'), hidden);
  const hiddenSet = new Set(hidden.map((h) => h.name));
  const parties = caseDoc.parties.map((p, i) => {
    const name = names[i] ?? '';
    const shown = hiddenSet.has(name) ? (forms.get(name) ?? anonymisedName(name)) : name;
    return { role: PARTY_ROLE_NAMES[p.role] ?? '当事人', name: shown };
  });
  return { parties, minorInvolved: hidden.some((h) => h.reason === 'minor') };
}
