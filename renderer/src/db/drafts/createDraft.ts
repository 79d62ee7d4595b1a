/**
 * A new draft: its metadata document, then its first content batch written by the creator's own
 * session (so the merged template is stored like any edit, in the creator's name).
 */
import type { DraftKind } from '../../../../core/schemas/draft';
import type { LocalDb } from '../localDb';
import { createRepository } from '../repository';
import { randomKey } from './batchRecorder';
import { openDraftSession } from './draftSession';
import type * as Y from 'yjs';

/** The metadata of a new draft. */
export interface NewDraft {
  readonly caseId: string;
  readonly kind: DraftKind;
  readonly title: string;
  /** `template:<style id>` when it was made from a document style. */
  readonly templateId?: string;
}

/** Creates a draft and writes its first content with `fill`; returns the draft's id. */
export async function createDraft(
  db: LocalDb,
  user: string,
  meta: NewDraft,
  fill: (fragment: Y.XmlFragment) => void,
): Promise<string> {
  const repo = createRepository(db, { user });
  const fields = meta.templateId ? meta : { caseId: meta.caseId, kind: meta.kind, title: meta.title };
  const draft = await repo.create('draft', [randomKey()], { ...fields });
  const session = await openDraftSession({ db, user, draftId: draft._id, trust: (a) => a === user });
  try {
    fill(session.fragment);
    await session.flush();
  } finally {
    await session.close();
  }
  return draft._id;
}
