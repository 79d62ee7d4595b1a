/**
 * Who may write a draft: the case's team as the server worker assigned it (`assignment:<case
 * uuid>` in the cases database: the judge, the clerk, the assistant) and the draft's own author.
 * validate_doc_update cannot read another document, so the server lets any drafting role write
 * content documents; every client ignores the documents of people outside this team, and the
 * worker audits them (docs/documents.md "Who may edit").
 */
import type { LocalDb } from '../localDb';
import type { Trust } from './draftStore';

/** The team of a case from its assignment document (null: not assigned yet), plus the draft's author. */
export function draftTeam(
  assignment: Readonly<Record<string, unknown>> | null,
  draftAuthor: string,
): ReadonlySet<string> {
  const team = new Set<string>([draftAuthor]);
  for (const field of ['judge', 'clerk', 'assistant']) {
    const v = assignment?.[field];
    if (typeof v === 'string' && v.length > 0) team.add(v);
  }
  const panel = assignment?.['panel'];
  if (Array.isArray(panel)) for (const p of panel) if (typeof p === 'string') team.add(p);
  return team;
}

/** Reads the team of a draft's case from the local cases replica. */
export async function loadDraftTeam(
  casesDb: LocalDb,
  caseId: string,
  draftAuthor: string,
): Promise<ReadonlySet<string>> {
  const uuid = caseId.slice(caseId.indexOf(':') + 1);
  const assignment = await casesDb.get(`assignment:${uuid}`).then(
    (d) => d as Record<string, unknown>,
    () => null,
  );
  return draftTeam(assignment, draftAuthor);
}

/** A {@link Trust} from a team. */
export function trustOf(team: ReadonlySet<string>): Trust {
  return (author) => team.has(author);
}
