/**
 * Public API of the local database and sync engine (no React here: see hooks.ts). Feature code
 * and tests import from this module only.
 */
export {
  openLocalDb,
  localDbName,
  remoteDbName,
  REPLICATED_KEYS,
  type LocalAdapter,
  type LocalDb,
  type OpenLocalDbOptions,
} from './localDb';
export { createRepository, type Repository, type RepositoryOptions, type StoredDoc } from './repository';
export {
  createSyncEngine,
  SyncFailure,
  type NetworkEvents,
  type SyncEngine,
  type SyncEngineOptions,
} from './replication';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export { classifyError, isQuotaError, type ClassifiedError, type SyncErrorKind } from './errors';
export {
  combineStatus,
  overallState,
  STATE_PRECEDENCE,
  type DbSyncStatus,
  type InitialSyncProgress,
  type RejectedWrite,
  type StorageStatus,
  type SyncState,
  type SyncStatus,
} from './syncStatus';
export {
  diffRevisions,
  keepRevision,
  listConflicts,
  loadRevisions,
  mergeRevisions,
  watchConflicts,
  type ConflictSummary,
  type FieldDiff,
  type RevisionView,
} from './conflicts';
export { htmlToText, textDiff, type DiffPart } from './textDiff';
export {
  attachFile,
  attachmentStates,
  FileDigestError,
  listLocalFiles,
  readFile,
  watchAttachmentStates,
  type AttachFileOptions,
  type AttachmentEntry,
  type AttachmentState,
  type LocalFile,
} from './attachments';
export {
  FILE_DB_KEYS,
  FILES_ONLY,
  NO_FILES,
  type AttachmentQueue,
  type AttachmentSummary,
  type FileInfo,
} from './fileSync';
export { FileTransferError } from './fileTransfer';
export { liveQuery } from './liveQuery';
