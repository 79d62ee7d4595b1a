/**
 * Writes the public projection of cases into courtdesk_public (issue 11 item 4): for one case,
 * reads its documents, projects them (core/public/projection.ts) and writes `publicCase:<uuid>`
 * and `hearingNotice:<uuid>:<key>` only where the public content changed; removes them when the
 * case no longer qualifies or a hearing is gone. Query codes are stored only as salted PBKDF2
 * hashes (core/public/queryCode.ts); existing hashes are kept when they still verify against the
 * parties' current codes, so an unchanged case is never rewritten (idempotent: a rebuild over an
 * up-to-date projection writes nothing). {@link PublicProjector.rebuild} projects every case from
 * scratch and removes public documents of cases that are gone.
 */
import { databaseByKey } from '../../../core/databases';
import {
  hearingNoticePrefix,
  projectCase,
  publicCaseId,
  type CaseProjection,
} from '../../../core/public/projection';
import { hashQueryCode, matchesQueryCode, type QueryCodeHash } from '../../../core/public/queryCode';
import { parseStaffDirectory, STAFF_DIRECTORY_ID } from '../../../core/schemas/directory';
import { issuesForWrite, validateForWrite } from '../../../core/schemas/registry';
import { CouchHttp, CouchHttpError, encId, type CouchDoc } from './couchHttp';
import { CaseSideIndex } from './publicSources';

const CASES_DB = databaseByKey('cases').name;
const ENFORCEMENT_DB = databaseByKey('enforcement').name;
const NOTICES_DB = databaseByKey('notices').name;
/** The database the kiosk and the hearing board replicate. */
export const PUBLIC_DB = databaseByKey('public').name;
/** Prefixes of the enforcement records projected (core/schemas/enforcement.ts). */
export const ENFORCEMENT_PREFIXES = [
  'assetInquiry:',
  'enforcementAction:',
  'enforcementPayment:',
  'enforcementClosing:',
];
const STAMPS = new Set(['_rev', 'access', 'updatedAt', 'createdAt', 'createdBy']);
const STAFF_TTL_MS = 30_000;

/** What one projection of a case did. */
export interface ProjectOutcome {
  /** Documents created, changed or deleted in courtdesk_public. */
  readonly writes: number;
  /** Whether the case is public (has a `publicCase` now). */
  readonly public: boolean;
}

/** What {@link PublicProjector.rebuild} did. */
export interface RebuildReport {
  readonly cases: number;
  readonly public: number;
  readonly writes: number;
}

/** JSON with sorted keys: stored documents need not keep the key order they were written in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    return `{${Object.keys(rec)
      .filter((k) => rec[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(rec[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The public content of a stored document: without revision, hashes and stamps. */
function contentOf(doc: CouchDoc): string {
  return stableJson(Object.fromEntries(Object.entries(doc).filter(([k]) => !STAMPS.has(k))));
}

/** Options of {@link PublicProjector}. */
export interface PublicProjectorOptions {
  /** `createdBy` of the public documents (default `worker`). */
  workerName?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

/** Projects cases into courtdesk_public; see the module comment. */
export class PublicProjector {
  readonly approvals: CaseSideIndex;
  readonly enforcement: CaseSideIndex;
  /** Documents written (created, changed, deleted) since start. */
  writes = 0;
  private readonly workerName: string;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private staff: { at: number; names: Map<string, string> } | undefined;
  /** publicCase id → `<rev>|<codes>` whose hashes verified (worker memory only, never stored). */
  private readonly verified = new Map<string, string>();
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly couch: CouchHttp,
    o: PublicProjectorOptions = {},
  ) {
    this.workerName = o.workerName ?? 'worker';
    this.now = o.now ?? (() => new Date());
    this.log = o.log ?? (() => {});
    this.approvals = new CaseSideIndex(couch, CASES_DB, ['approval:']);
    this.enforcement = new CaseSideIndex(couch, ENFORCEMENT_DB, ENFORCEMENT_PREFIXES);
  }

  /** Projects one case (`case:<uuid>`), one projection per case at a time. */
  project(caseId: string): Promise<ProjectOutcome> {
    const before = this.running.get(caseId) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(() => this.projectNow(caseId));
    this.running.set(caseId, next);
    void next
      .finally(() => {
        if (this.running.get(caseId) === next) this.running.delete(caseId);
      })
      .catch(() => undefined);
    return next;
  }

  /** Projects every case and removes public documents whose case is gone. */
  async rebuild(): Promise<RebuildReport> {
    const start = this.writes;
    const caseIds = new Set<string>();
    let publicCount = 0;
    for await (const c of this.couch.scan(CASES_DB, 'case:')) {
      caseIds.add(c._id);
      if ((await this.project(c._id)).public) publicCount += 1;
    }
    for (const prefix of ['publicCase:', 'hearingNotice:']) {
      for await (const d of this.couch.scan(PUBLIC_DB, prefix)) {
        const uuid = d._id.slice(prefix.length).split(':')[0] ?? '';
        if (!caseIds.has(`case:${uuid}`)) await this.remove(d);
      }
    }
    return { cases: caseIds.size, public: publicCount, writes: this.writes - start };
  }

  private async projectNow(caseId: string): Promise<ProjectOutcome> {
    const start = this.writes;
    const uuid = caseId.slice('case:'.length);
    const docs = await this.getMany(CASES_DB, [caseId, `caseNumber:${uuid}`, `assignment:${uuid}`]);
    const caseDoc = docs.get(caseId);
    const projected = caseDoc
      ? projectCase({
          caseDoc,
          caseNumberDoc: docs.get(`caseNumber:${uuid}`) ?? null,
          assignmentDoc: docs.get(`assignment:${uuid}`) ?? null,
          events: await this.all(CASES_DB, `event:${caseId}:`),
          approvals: await this.approvals.of(caseId),
          enforcementRecords: await this.enforcement.of(caseId),
          staffNames: await this.staffNames(),
          now: this.now(),
        })
      : null;
    const projection = this.checked(caseId, projected);
    const existingCase = await this.couch.get(PUBLIC_DB, publicCaseId(caseId));
    const existingNotices = await this.all(PUBLIC_DB, hearingNoticePrefix(caseId));
    if (!projection) {
      for (const n of existingNotices) await this.remove(n);
      if (existingCase) await this.remove(existingCase);
      return { writes: this.writes - start, public: false };
    }
    await this.writeCase(projection, existingCase);
    const wanted = new Set(projection.hearingNotices.map((n) => n._id));
    for (const n of existingNotices) if (!wanted.has(n._id)) await this.remove(n);
    const byId = new Map(existingNotices.map((n) => [n._id, n]));
    for (const n of projection.hearingNotices) await this.writeIfChanged({ ...n }, byId.get(n._id));
    return { writes: this.writes - start, public: true };
  }

  /**
   * The projection, or null (fail closed: nothing public) when its documents break the schema —
   * a case with unusable data, or a projection bug letting an ID or phone number through. Logged;
   * not thrown, so one such case cannot hold up the feed.
   */
  private checked(caseId: string, p: CaseProjection | null): CaseProjection | null {
    if (!p) return null;
    const stamps = {
      createdAt: this.now().toISOString(),
      createdBy: this.workerName,
      updatedAt: this.now().toISOString(),
    };
    const issues = [
      ...issuesForWrite({ ...p.publicCase, access: [], ...stamps }),
      ...p.hearingNotices.flatMap((n) => issuesForWrite({ ...n, ...stamps })),
    ];
    if (issues.length === 0) return p;
    this.log(`${caseId}: not projected (${issues.map((i) => `${i.field}: ${i.message}`).join('; ')})`);
    return null;
  }

  private async writeCase(p: CaseProjection, existing: CouchDoc | undefined): Promise<void> {
    const content = { ...p.publicCase } as Record<string, unknown>;
    const access = await this.accessFor(p.queryCodes, existing);
    const same = existing && contentOf(existing) === stableJson(content);
    if (same && access === existing['access']) return;
    const rev = await this.writeIfChanged({ ...content, access }, existing, true);
    if (rev) this.verified.set(p.publicCase._id, `${rev}|${p.queryCodes.join(',')}`);
  }

  /**
   * The access entries for `codes`: the stored ones when each still verifies against the code in
   * its position (checked once per stored revision and code list, then remembered in memory),
   * else fresh salted hashes.
   */
  private async accessFor(codes: readonly string[], existing: CouchDoc | undefined): Promise<unknown> {
    const stored = existing?.['access'];
    if (existing && Array.isArray(stored) && stored.length === codes.length) {
      const key = `${existing._rev ?? ''}|${codes.join(',')}`;
      if (this.verified.get(existing._id) === key) return stored;
      const entries = stored as QueryCodeHash[];
      let ok = true;
      for (let i = 0; i < codes.length && ok; i++) {
        const e = entries[i];
        ok = !!e && typeof e.salt === 'string' && (await matchesQueryCode(codes[i] as string, [e]));
      }
      if (ok) {
        this.verified.set(existing._id, key);
        return stored;
      }
    }
    const fresh: QueryCodeHash[] = [];
    for (const c of codes) fresh.push(await hashQueryCode(c));
    return fresh;
  }

  /**
   * Writes `content` unless the stored document has the same public content (and `force` is
   * off); the new revision, or undefined when nothing was written.
   */
  private async writeIfChanged(
    content: Record<string, unknown>,
    existing: CouchDoc | undefined,
    force = false,
  ): Promise<string | undefined> {
    if (!force && existing && contentOf(existing) === stableJson(content)) return undefined;
    const now = this.now().toISOString();
    const doc: CouchDoc = {
      ...(content as CouchDoc),
      ...(existing?._rev ? { _rev: existing._rev } : {}),
      createdAt: typeof existing?.['createdAt'] === 'string' ? existing['createdAt'] : now,
      createdBy: typeof existing?.['createdBy'] === 'string' ? existing['createdBy'] : this.workerName,
      updatedAt: now,
    };
    // The worker writes as server admin, which validate_doc_update lets through: check here (the
    // schema also refuses any ID or mobile number that a projection bug let through).
    validateForWrite(doc);
    const r = await this.couch.put(PUBLIC_DB, doc);
    // Another worker wrote meanwhile: the follower retries the change, which re-reads and compares.
    if (!r.ok) throw new CouchHttpError(`${doc._id}: changed under the worker`, 409);
    this.writes += 1;
    this.log(`${doc._id}: ${existing ? 'updated' : 'created'}`);
    return r.rev;
  }

  private async remove(doc: CouchDoc): Promise<void> {
    const r = await this.couch.expect(
      'DELETE',
      `${PUBLIC_DB}/${encId(doc._id)}?rev=${encodeURIComponent(doc._rev ?? '')}`,
      [200, 202, 404, 409],
    );
    if (r.status === 409) throw new CouchHttpError(`${doc._id}: changed under the worker`, 409);
    if (r.status !== 404) {
      this.writes += 1;
      this.log(`${doc._id}: removed`);
    }
  }

  private async staffNames(): Promise<Map<string, string>> {
    const t = this.now().getTime();
    if (this.staff && t - this.staff.at < STAFF_TTL_MS) return this.staff.names;
    const doc = await this.couch.get(NOTICES_DB, STAFF_DIRECTORY_ID);
    const names = new Map(parseStaffDirectory(doc).map((e) => [e.name, e.displayName]));
    this.staff = { at: t, names };
    return names;
  }

  private async all(db: string, prefix: string): Promise<CouchDoc[]> {
    const out: CouchDoc[] = [];
    for await (const d of this.couch.scan(db, prefix)) out.push(d);
    return out;
  }

  private async getMany(db: string, ids: string[]): Promise<Map<string, CouchDoc>> {
    const r = await this.couch.expect('POST', `${db}/_all_docs?include_docs=true`, [200], { keys: ids });
    const out = new Map<string, CouchDoc>();
    for (const row of (r.body as { rows: { key: string; doc?: CouchDoc | null }[] }).rows)
      if (row.doc && !row.doc._deleted) out.set(row.key, row.doc);
    return out;
  }
}
