/**
 * Co-drafting (docs/documents.md "Co-drafting"): a draft's content as a Yjs document stored in
 * immutable batch and snapshot documents, autosaved within a second, merged across replicas, with
 * same-words spots, compaction, named versions and the case team's trust. Features import from
 * here (React bindings: ../draftHooks.ts).
 */
export { BatchRecorder, randomKey, type CutBatch } from './batchRecorder';
export {
  compactDraft,
  reapOwn,
  type CompactOptions,
  type CompactResult,
  type ServerCheck,
} from './compaction';
export {
  CONFLICT_MARK,
  listSpots,
  openSpots,
  resolveSpot,
  spotAttribute,
  textsOf,
  type ConflictSpot,
} from './conflictSpots';
export { loadDraft, type LoadedDraft } from './draftLoad';
export {
  DraftSession,
  openDraftSession,
  type DraftSessionOptions,
  type SaveStatus,
  type Scheduler,
} from './draftSession';
export { DraftState, FRAGMENT, REMOTE_ORIGIN, type StoredBatch } from './draftState';
export { readDraft, type Trust } from './draftStore';
export { serverCheck } from './serverCheck';
export { draftTeam, loadDraftTeam, trustOf } from './team';
export { listVersions, saveVersion, versionDoc, type DraftVersionInfo, type NewVersion } from './versions';
