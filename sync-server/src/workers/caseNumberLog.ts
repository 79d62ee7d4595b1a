/**
 * The claim log of one counter key (收案年度, 法院代字, 类型代字): an append-only sequence of
 * create-only documents `caseNumber:claim:<year>:<court>:<type>:<position>`, each naming the case
 * that holds that position. Position 0 (genesis) holds the base: the highest number already
 * recorded without claims (seeded data). The official number of a case is
 *
 *     base + #{distinct holders of positions 1..p}, p = the first position the case holds,
 *
 * a pure function of the log, so every worker computes the same numbers (docs/case-numbers.md).
 *
 * Invariants, and why they hold on a cluster where writes reach only some copies:
 *  1. A position is *decided* once every copy of its claim holds a live revision: from then on no
 *     copy accepts a create, so no revision can ever be added. Its holder is CouchDB's winner among
 *     the live leaves (highest generation, then highest revision id), identical for every reader.
 *  2. A worker records a position only when it is decided: (a) its own create was acknowledged by
 *     every copy (`?w=n` → 201: each copy had no live revision and now has only ours), or (b) it
 *     read every copy on its own (`readCopies`) and each had a live leaf — an unreachable copy means
 *     "undecided, wait", never "absent" — or (c) the holder's `caseNumber:<uuid>` document says it
 *     holds this position (written only after (a) or (b)).
 *  3. Positions are recorded strictly in order, so a case's first position and its rank are
 *     computed from decided positions only: numbers never change once computed, two cases never
 *     share one (distinct first positions have distinct ranks), and none is skipped (the ranks of
 *     the holders are 1..k by construction).
 * Losing leaves of a decided claim are deleted once every copy holds the winner (so the conflict
 * centre never shows them, and no copy can be left without a live revision).
 */
import type { CouchDoc } from './couchHttp';
import { CouchHttpError, revGeneration } from './couchHttp';
import type { CopyView, ReplicatedDocs } from './replicatedDocs';

/** The counter a case number is drawn from. */
export interface CaseNumberKey {
  readonly year: number;
  readonly court: string;
  readonly typeCode: string;
}

/** A case's place in the log: its first position and its official sequence number. */
export interface Numbered {
  readonly caseId: string;
  readonly position: number;
  readonly seq: number;
  /** Of the winning claim, so that the number document every worker derives is the same. */
  readonly createdAt: string;
  readonly createdBy: string;
  /** Its number document was seen with this number when the position was recorded. */
  readonly recorded: boolean;
}

const DIGITS = 8;
const LAST_POSITION = 10 ** DIGITS - 1;
const PAGE = 500;

/** Id of the claim of `position` in the log of `key` (zero-padded: id order is position order). */
export function claimId(key: CaseNumberKey, position: number): string {
  return `${claimPrefix(key)}${String(position).padStart(DIGITS, '0')}`;
}

/** The common start of every claim id of `key`. */
export function claimPrefix(key: CaseNumberKey): string {
  return `caseNumber:claim:${key.year}:${key.court}:${key.typeCode}:`;
}

/** The position of a claim id, or undefined for any other id. */
export function positionOfClaim(id: string): number | undefined {
  const m = /^caseNumber:claim:[^:]+:[^:]+:[^:]+:(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** Id of the number document of a case (`case:<uuid>` → `caseNumber:<uuid>`). */
export function caseNumberDocId(caseId: string): string {
  return `caseNumber:${caseId.slice('case:'.length)}`;
}

/**
 * The claim of `position` for `caseId` (or, for position 0, the genesis holding `base`). The body
 * depends only on its arguments, so two workers claiming the same position for the same case write
 * the same revision (CouchDB derives the revision id from the body) and do not conflict.
 */
export function claimDoc(
  key: CaseNumberKey,
  position: number,
  holder: { caseId: string } | { base: number },
  createdAt: string,
  createdBy: string,
): CouchDoc {
  return {
    _id: claimId(key, position),
    type: 'caseNumber',
    kind: 'claim',
    schemaVersion: 1,
    createdAt,
    createdBy,
    year: key.year,
    court: key.court,
    caseTypeCode: key.typeCode,
    position,
    ...holder,
  };
}

/** A position cannot be decided now (a copy of its claim did not answer); retried by the caller. */
export class UndecidedPosition extends CouchHttpError {
  constructor(id: string, why: string) {
    super(`case-number claim ${id} undecided (${why}); numbering waits until every copy answers`, 503);
    this.name = 'UndecidedPosition';
  }
}

/** CouchDB's winner among live leaves: highest generation, then highest revision id. */
export function winningLeaf(leaves: readonly CouchDoc[]): CouchDoc | undefined {
  let best: CouchDoc | undefined;
  for (const l of leaves) {
    if (l._deleted) continue;
    const g = revGeneration(l._rev);
    const bg = revGeneration(best?._rev);
    if (!best || g > bg || (g === bg && String(l._rev) > String(best._rev))) best = l;
  }
  return best;
}

function hasLive(v: CopyView, rev?: string): boolean {
  return 'leaves' in v && v.leaves.some((l) => !l._deleted && (rev === undefined || l._rev === rev));
}

/** Options of {@link ClaimLog}. */
export interface ClaimLogOptions {
  /** The base of a new log: highest number already recorded for the key without claims. */
  baseOf: (key: CaseNumberKey) => Promise<number>;
  createdBy: string;
  log: (line: string) => void;
}

/** One key's log as far as this worker has decided it; see the module comment. */
export class ClaimLog {
  private base: number | undefined;
  private next = 1;
  private holders = 0;
  private readonly numbered = new Map<string, Numbered>();
  /** Decided positions whose losing leaves could not be deleted yet. */
  private readonly untidy = new Set<number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ReplicatedDocs,
    readonly key: CaseNumberKey,
    private readonly o: ClaimLogOptions,
  ) {}

  /** The number of `caseId`, claiming the next free position for it if it holds none. */
  ensure(caseId: string, createdAt: string): Promise<Numbered> {
    return this.serial(async () => {
      await this.ready(createdAt);
      for (let lost = 0; ;) {
        await this.advance();
        const known = this.numbered.get(caseId);
        if (known) return known;
        const position = this.next;
        const claim = claimDoc(this.key, position, { caseId }, createdAt, this.o.createdBy);
        const outcome = await this.store.create(claim);
        const holder = outcome === 'created' ? claim : await this.decide(position);
        if (holder) this.record(position, holder, undefined);
        // Refused, yet nothing is stored there: a server in an odd state; let the caller retry later.
        else if (++lost >= 3)
          throw new UndecidedPosition(claim._id, `create ${outcome}, yet no copy holds it`);
      }
    });
  }

  /**
   * Decides the log up to its end; returns the cases whose first position was decided now and
   * whose number document is missing (a worker killed between claiming and recording).
   */
  catchUp(): Promise<Numbered[]> {
    return this.serial(async () => {
      await this.ready(undefined);
      return this.advance();
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Decides the genesis (creating it when the log is new) and reads the base. */
  private async ready(createdAt: string | undefined): Promise<void> {
    if (this.base !== undefined) return;
    let genesis = await this.decide(0);
    if (!genesis) {
      if (createdAt === undefined) return; // nothing to catch up with: the log does not exist yet
      const base = await this.o.baseOf(this.key);
      const doc = claimDoc(this.key, 0, { base }, createdAt, this.o.createdBy);
      genesis = (await this.store.create(doc)) === 'created' ? doc : await this.decide(0);
      if (!genesis) throw new UndecidedPosition(doc._id, 'genesis not stored');
    }
    const base = genesis['base'];
    if (typeof base !== 'number' || !Number.isInteger(base) || base < 0)
      throw new Error(`malformed genesis ${genesis._id}: base ${JSON.stringify(base)}`);
    this.base = base;
  }

  /** Records every decided position from `next` on (see invariant 2). */
  private async advance(): Promise<Numbered[]> {
    const missing: Numbered[] = [];
    if (this.base === undefined) return missing;
    if (this.untidy.size > 0) await this.retidy();
    const single = (await this.store.copiesPerDoc()) === 1;
    for (;;) {
      const rows = await this.store.range(
        claimId(this.key, this.next),
        claimId(this.key, LAST_POSITION),
        PAGE,
      );
      const run: CouchDoc[] = [];
      for (const d of rows) if (positionOfClaim(d._id) === this.next + run.length) run.push(d);
      if (run.length === 0) return missing;
      const certificates = await this.store.getMany([
        ...new Set(
          run.flatMap((d) => (typeof d['caseId'] === 'string' ? [caseNumberDocId(d['caseId'])] : [])),
        ),
      ]);
      for (const d of run) {
        const position = this.next;
        const cert =
          typeof d['caseId'] === 'string' ? certificates.get(caseNumberDocId(d['caseId'])) : undefined;
        const certified = cert?.['position'] === position && cert['caseId'] === d['caseId'];
        const conflicted = Array.isArray(d['_conflicts']) && d['_conflicts'].length > 0;
        const holder = single || (certified && !conflicted) ? d : await this.decide(position);
        if (!holder) return missing; // not stored on any copy after all: claimable again
        const first = this.record(position, holder, certificates);
        if (first && !first.recorded) missing.push(first);
      }
      if (run.length < rows.length || rows.length < PAGE) return missing;
    }
  }

  /**
   * The holder of `position` once decided, or undefined when no copy holds a claim for it. Throws
   * {@link UndecidedPosition} while a copy cannot be read.
   */
  private async decide(position: number): Promise<CouchDoc | undefined> {
    const id = claimId(this.key, position);
    if ((await this.store.copiesPerDoc()) === 1) return this.store.get(id);
    for (let round = 0; round < 4; round++) {
      const views = await this.store.readCopies(id);
      const down = views.flatMap((v) => ('unreachable' in v ? [`${v.copy}: ${v.unreachable}`] : []));
      if (down.length > 0) throw new UndecidedPosition(id, down.join('; '));
      const live = [...new Map(views.flatMap((v) => ('leaves' in v ? v.leaves : [])).map((l) => [l._rev, l]))]
        .map(([, l]) => l)
        .filter((l) => !l._deleted);
      const winner = winningLeaf(live);
      if (!winner) return undefined;
      if (views.every((v) => hasLive(v))) {
        if (live.length > 1 && !(await this.tidy(id, winner, live, views))) this.untidy.add(position);
        return winner;
      }
      // A copy holds no revision yet, so it could still accept another create: give it one that
      // exists already (internal replication would, later), then read every copy again.
      await this.store.spread(winner);
    }
    throw new UndecidedPosition(id, 'copies did not converge');
  }

  /**
   * Deletes the losing leaves of a decided claim once every copy holds the winner; false when that
   * could not be done now (retried by {@link retidy}).
   */
  private async tidy(id: string, winner: CouchDoc, live: CouchDoc[], views: CopyView[]): Promise<boolean> {
    try {
      for (let round = 0; round < 3; round++) {
        if (views.every((v) => hasLive(v, winner._rev))) {
          for (const l of live) if (l._rev !== winner._rev) await this.store.removeLeaf(id, String(l._rev));
          return true;
        }
        await this.store.spread(winner);
        views = await this.store.readCopies(id);
      }
    } catch (err) {
      this.o.log(`tidying ${id} failed (${(err as Error).message}); will retry`);
    }
    return false;
  }

  /**
   * Decides again the positions whose losing leaves are still there, which tidies them: the
   * conflict centre of every workstation would otherwise show them. (A worker killed meanwhile
   * leaves them to the next one, which sees their `_conflicts` when it reads the log.)
   */
  private async retidy(): Promise<void> {
    for (const position of [...this.untidy]) {
      this.untidy.delete(position);
      try {
        await this.decide(position);
      } catch (err) {
        this.untidy.add(position);
        this.o.log(
          `tidying claim ${position} of ${claimPrefix(this.key)}… deferred (${(err as Error).message})`,
        );
      }
    }
  }

  /**
   * Takes the decided holder of `position` (= next); returns its entry if this is its first
   * position. `numberDocs`: the number documents read with the claims, if any.
   */
  private record(
    position: number,
    holder: CouchDoc,
    numberDocs: Map<string, CouchDoc> | undefined,
  ): Numbered | undefined {
    this.next = position + 1;
    const caseId = holder['caseId'];
    if (typeof caseId !== 'string' || !caseId.startsWith('case:')) {
      this.o.log(`claim ${holder._id} names no case; its position gives no number`);
      return undefined;
    }
    if (this.numbered.has(caseId) || this.base === undefined) return undefined;
    this.holders += 1;
    const seq = this.base + this.holders;
    const doc = numberDocs?.get(caseNumberDocId(caseId));
    const entry: Numbered = {
      caseId,
      position,
      seq,
      createdAt: String(holder['createdAt']),
      createdBy: String(holder['createdBy']),
      recorded: doc?.['seq'] === seq && doc['position'] === position,
    };
    this.numbered.set(caseId, entry);
    return entry;
  }
}
