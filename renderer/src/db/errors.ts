/**
 * Classifies what PouchDB reports from a replication or a local write, so the engine can decide:
 * retry (network), wait for sign-in (auth), stop with a translated reason (quota, forbidden).
 */

/** The kinds of failure the sync engine reacts to differently. */
export type SyncErrorKind = 'network' | 'auth' | 'forbidden' | 'quota' | 'safetyNet' | 'server';

/** A failure with its kind and the i18n key of the message the user sees. */
export interface ClassifiedError {
  readonly kind: SyncErrorKind;
  /** i18n key under `sync.errors.*`. */
  readonly messageKey: string;
  readonly status?: number;
  /** The server's or browser's own wording, for the details line. */
  readonly detail: string;
}

function field(err: unknown, name: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[name] : undefined;
}

/** True for IndexedDB's "quota exceeded" in any of the shapes browsers and PouchDB give it. */
export function isQuotaError(err: unknown): boolean {
  const name = String(field(err, 'name') ?? '');
  const message = String(field(err, 'message') ?? field(err, 'reason') ?? '');
  return name === 'QuotaExceededError' || /quota/i.test(name) || /quota/i.test(message);
}

/** Maps any thrown value to a {@link ClassifiedError}. */
export function classifyError(err: unknown): ClassifiedError {
  const status = typeof field(err, 'status') === 'number' ? (field(err, 'status') as number) : undefined;
  const detail = String(field(err, 'reason') ?? field(err, 'message') ?? err);
  if (isQuotaError(err))
    return { kind: 'quota', messageKey: 'sync.errors.quota', detail, ...(status ? { status } : {}) };
  if (field(err, 'name') === 'SafetyNetError')
    return { kind: 'safetyNet', messageKey: 'sync.errors.safetyNet', detail };
  if (status === 401 || field(err, 'name') === 'unauthorized' || field(err, 'error') === 'unauthorized') {
    return { kind: 'auth', messageKey: 'sync.errors.auth', detail, status: 401 };
  }
  if (status === 403) return { kind: 'forbidden', messageKey: 'sync.errors.forbidden', detail, status };
  // No HTTP answer (fetch rejected), the proxy could not reach CouchDB, or a non-JSON page.
  if (
    status === undefined ||
    status === 0 ||
    status === 502 ||
    status === 503 ||
    status === 504 ||
    err instanceof TypeError ||
    err instanceof SyntaxError
  ) {
    return { kind: 'network', messageKey: 'sync.errors.network', detail, ...(status ? { status } : {}) };
  }
  return { kind: 'server', messageKey: 'sync.errors.server', detail, status };
}

/** `syncNow` failed for a database: which one, and why. */
export class SyncFailure extends Error {
  constructor(
    readonly key: string,
    readonly error: ClassifiedError,
  ) {
    super(`sync of ${key} failed: ${error.kind}: ${error.detail}`);
    this.name = 'SyncFailure';
  }
}

/** Thrown into a pull by the safety net: the batch would delete too many local documents. */
export class SafetyNetError extends Error {
  constructor(
    readonly deletions: number,
    readonly localDocs: number,
  ) {
    super(`pull paused: it would delete ${deletions} of ${localDocs} local documents`);
    this.name = 'SafetyNetError';
  }
}
