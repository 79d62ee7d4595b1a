/**
 * The document styles (文书样式) shipped in `resources/templates/`, checked when loaded: a style
 * naming an unknown field, a field outside its `each`, or an unknown fragment throws here, so every
 * test fails rather than a judge's screen. Sources of each style: `resources/templates/README.md`.
 */
import administrativeJudgment from '../../../resources/templates/administrativeJudgment.json';
import civilJudgmentOrdinary from '../../../resources/templates/civilJudgmentOrdinary.json';
import civilJudgmentSummary from '../../../resources/templates/civilJudgmentSummary.json';
import civilMediation from '../../../resources/templates/civilMediation.json';
import civilRulingDismissal from '../../../resources/templates/civilRulingDismissal.json';
import civilRulingWithdrawal from '../../../resources/templates/civilRulingWithdrawal.json';
import criminalJudgmentFirst from '../../../resources/templates/criminalJudgmentFirst.json';
import enforcementRulingTermination from '../../../resources/templates/enforcementRulingTermination.json';
import fragmentsFile from '../../../resources/templates/fragments.json';
import hearingAnnouncement from '../../../resources/templates/hearingAnnouncement.json';
import serviceReceipt from '../../../resources/templates/serviceReceipt.json';
import summons from '../../../resources/templates/summons.json';
import { checkTemplate, type DocumentTemplate, type TemplateFragments } from './templateFormat';

/** The raw style files, in the order the documents screen offers them. */
export const TEMPLATE_FILES: readonly unknown[] = [
  civilJudgmentOrdinary,
  civilJudgmentSummary,
  civilRulingWithdrawal,
  civilRulingDismissal,
  civilMediation,
  criminalJudgmentFirst,
  administrativeJudgment,
  enforcementRulingTermination,
  summons,
  serviceReceipt,
  hearingAnnouncement,
];

/** The shared fragments (`fragments.json`). */
export const TEMPLATE_FRAGMENTS: TemplateFragments = (fragmentsFile as { fragments: TemplateFragments })
  .fragments;

/** Checks every style file; throws listing all problems at once. */
export function loadTemplates(files: readonly unknown[], fragments: TemplateFragments): DocumentTemplate[] {
  const problems: string[] = [];
  const out: DocumentTemplate[] = [];
  const ids = new Set<string>();
  files.forEach((file, i) => {
    const { template, issues } = checkTemplate(file, fragments);
    const id = (file as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' ? id : `template #${i}`;
    for (const issue of issues) problems.push(`${name} ${issue.at}: ${issue.message}`);
    if (template) {
      if (ids.has(template.id)) problems.push(`${name}: duplicate id`);
      ids.add(template.id);
      out.push(template);
    }
  });
  if (problems.length > 0) throw new Error(`invalid document templates:\n${problems.join('\n')}`);
  return out;
}

/** Every shipped document style, checked. */
export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = loadTemplates(
  TEMPLATE_FILES,
  TEMPLATE_FRAGMENTS,
);

/** A style by id, or null. */
export function templateById(id: string): DocumentTemplate | null {
  return DOCUMENT_TEMPLATES.find((t) => t.id === id) ?? null;
}

/** The styles that serve a case of this type and procedure. */
export function templatesFor(caseType: string, procedure: string | null): DocumentTemplate[] {
  return DOCUMENT_TEMPLATES.filter(
    (t) =>
      t.caseTypes.includes(caseType) &&
      (t.procedures === undefined || (procedure !== null && t.procedures.includes(procedure))),
  );
}
