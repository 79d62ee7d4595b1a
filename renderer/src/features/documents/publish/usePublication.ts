/**
 * What publication review reads: the draft's issued version (else its final one) as plain text, the
 * case's publication decision, the anonymiser's result, and the publication record if one exists.
 */
import { useEffect, useState } from 'react';
import { anonymise } from '../../../../../core/documents/anonymise/anonymise';
import {
  publicationDecision,
  type PublicationDecision,
  type PublicationDocumentKind,
} from '../../../../../core/documents/publication';
import type { DraftInfo } from '../../../db/draftHooks';
import { listVersions, versionDoc, type DraftVersionInfo } from '../../../db/drafts/versions';
import { useLiveQuery, useSyncEngine } from '../../../db/hooks';
import type { CaseRecord } from '../model/useCaseRecord';
import { documentText } from '../../../../../core/documents/content/docText';
import { unfilledPlaceholders, type Placeholder } from '../../../../../core/documents/content/placeholders';
import { fragmentJson } from '../editor/versionText';
import type { ReviewReplacement } from './reviewModel';

/** The review's inputs, once read. */
export interface PublicationSource {
  readonly version: DraftVersionInfo | null;
  readonly text: string;
  /** Places still to fill (【…】) in that version: publication waits until there are none. */
  readonly places: readonly Placeholder[];
  readonly decision: PublicationDecision;
  readonly proposed: readonly ReviewReplacement[];
}

/** The stored publication record of a draft, live (null: not published). */
export function usePublicationRecord(draftId: string): Record<string, unknown> | null | undefined {
  const id = `publication:${draftId.slice('draft:'.length)}`;
  return useLiveQuery(
    'documents',
    (db) =>
      db.get(id).then(
        (d) => d as Record<string, unknown>,
        () => null,
      ),
    [id],
  );
}

/** Reads the version to publish and runs the decision and the anonymiser on it. */
export function usePublicationSource(
  draft: DraftInfo | null | undefined,
  record: CaseRecord | null | undefined,
): PublicationSource | null {
  const engine = useSyncEngine();
  const versions = useLiveQuery('documents', (db) => listVersions(db, draft?.id ?? 'draft:none'), [
    draft?.id,
  ]);
  const [source, setSource] = useState<PublicationSource | null>(null);
  useEffect(() => {
    if (!engine || !draft || !record || !versions) return;
    const version =
      [...versions].reverse().find((v) => v.milestone === 'issued') ??
      [...versions].reverse().find((v) => v.milestone === 'final') ??
      null;
    let active = true;
    void (async () => {
      const json = version
        ? fragmentJson((await versionDoc(engine.local('documents'), version.id)).fragment)
        : null;
      const text = json ? documentText(json) : '';
      const places = json ? unfilledPlaceholders(json) : [];
      const decision = publicationDecision({
        caseType: record.caseType,
        cause: record.cause,
        documentKind: draft.kind as PublicationDocumentKind,
        closing: record.state.closing?.disposition ?? null,
      });
      const proposed = text ? anonymise(text, record.document).replacements : [];
      if (active) setSource({ version, text, places, decision, proposed });
    })();
    return () => {
      active = false;
    };
  }, [engine, draft, record, versions]);
  return source;
}
