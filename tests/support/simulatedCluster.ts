/**
 * A deterministic simulated CouchDB cluster for the case-number log's unit tests: n copies of every
 * document, each copy a set of leaf revisions, and clients that behave like a coordinating node of
 * CouchDB 3.4 (fabric_doc_update.erl, couch_db.erl):
 *  - a create (no `_rev`) is refused by a copy holding a live revision, accepted by any other;
 *  - with w = n the answer is 201 when n copies accepted the same revision, 202 when some did,
 *    409 when every copy that answered refused — copies that are down or whose reply is lost are
 *    simply not counted, exactly like the real coordinator;
 *  - identical bodies get identical revision ids (the id is a hash of the body);
 *  - ordinary reads come from one copy that is up (possibly stale), node-local reads from each copy
 *    (a copy that is down answers "unreachable").
 * Faults come from a seeded random source, so every run is reproducible: copies go down and up,
 * replies are lost after the write, internal replication copies leaves at arbitrary moments, and
 * concurrent requests interleave copy by copy. A client can be killed: its request in flight
 * still reaches the copies (CouchDB finishes the fan-out), but its caller gets an error.
 */
import { createHash } from 'node:crypto';
import { CouchHttpError, type CouchDoc } from '../../sync-server/src/workers/couchHttp';
import type { CopyView, CreateOutcome, ReplicatedDocs } from '../../sync-server/src/workers/replicatedDocs';

/** Probabilities per step of the simulation (each copy-level operation is one step). */
export interface Faults {
  /** A copy that is up goes down. */
  down: number;
  /** A copy that is down comes back. */
  up: number;
  /** A copy applies a write but its reply never reaches the coordinator. */
  lostReply: number;
  /** Internal replication copies the leaves of one document from one copy to another. */
  replicate: number;
}

interface Leaf {
  rev: string;
  deleted: boolean;
  body: Record<string, unknown>;
  /** Older revisions of this branch, newest first. */
  ancestors: string[];
}

interface Entry {
  leaves: Map<string, Leaf>;
  known: Set<string>;
}

function hash(value: unknown): string {
  return createHash('md5').update(JSON.stringify(value)).digest('hex');
}

function gen(rev: string): number {
  return Number.parseInt(rev, 10);
}

function bodyOf(doc: CouchDoc): Record<string, unknown> {
  const { _id: _i, _rev: _r, _deleted: _d, _revisions: _v, _conflicts: _c, ...body } = doc;
  return body;
}

/** CouchDB's winner among live leaves (highest generation, then highest revision id). */
function winner(leaves: Iterable<Leaf>): Leaf | undefined {
  let best: Leaf | undefined;
  for (const l of leaves)
    if (
      !l.deleted &&
      (!best || gen(l.rev) > gen(best.rev) || (gen(l.rev) === gen(best.rev) && l.rev > best.rev))
    )
      best = l;
  return best;
}

class Copy {
  up = true;
  readonly docs = new Map<string, Entry>();

  constructor(readonly name: string) {}

  entry(id: string): Entry {
    let e = this.docs.get(id);
    if (!e) this.docs.set(id, (e = { leaves: new Map(), known: new Set() }));
    return e;
  }

  create(id: string, body: Record<string, unknown>): { ok: string } | 'conflict' {
    const e = this.docs.get(id);
    if (e && winner(e.leaves.values())) return 'conflict';
    // Re-creating a deleted document extends its winning tombstone (couch_db_updater.erl).
    const tomb = e
      ? [...e.leaves.values()].sort((a, b) => gen(b.rev) - gen(a.rev) || (b.rev > a.rev ? 1 : -1))[0]
      : undefined;
    const rev = tomb ? `${gen(tomb.rev) + 1}-${hash([tomb.rev, body])}` : `1-${hash(body)}`;
    this.add(id, { rev, deleted: false, body, ancestors: tomb ? [tomb.rev, ...tomb.ancestors] : [] });
    return { ok: rev };
  }

  remove(id: string, rev: string): boolean {
    const leaf = this.docs.get(id)?.leaves.get(rev);
    if (!leaf || leaf.deleted) return false;
    this.add(id, {
      rev: `${gen(rev) + 1}-${hash(['deleted', rev])}`,
      deleted: true,
      body: {},
      ancestors: [rev, ...leaf.ancestors],
    });
    return true;
  }

  /** Merges a leaf as replication does (`new_edits: false`): an extension replaces its ancestor. */
  add(id: string, leaf: Leaf): void {
    const e = this.entry(id);
    if (e.known.has(leaf.rev)) return;
    for (const a of leaf.ancestors) e.leaves.delete(a);
    e.leaves.set(leaf.rev, leaf);
    for (const r of [leaf.rev, ...leaf.ancestors]) e.known.add(r);
  }

  doc(id: string, leaf: Leaf): CouchDoc {
    const ids = [leaf.rev, ...leaf.ancestors].map((r) => r.slice(r.indexOf('-') + 1));
    return {
      _id: id,
      _rev: leaf.rev,
      ...leaf.body,
      ...(leaf.deleted ? { _deleted: true } : {}),
      _revisions: { start: gen(leaf.rev), ids },
    };
  }
}

/** The simulated cluster; see the module comment. */
export class SimulatedCluster {
  readonly copies: Copy[];
  private state: number;

  constructor(
    n: number,
    seed: number,
    /** Changeable during a run (e.g. no more faults for the final check). */
    public faults: Faults = { down: 0, up: 0, lostReply: 0, replicate: 0 },
  ) {
    this.copies = Array.from({ length: n }, (_, i) => new Copy(`node${i + 1}`));
    this.state = seed >>> 0 || 1;
  }

  /** Seeded random number in [0, 1) (mulberry32). */
  random(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  /** One step: maybe a fault, then a random number of yields so concurrent requests interleave. */
  async step(): Promise<void> {
    const f = this.faults;
    const up = this.copies.filter((c) => c.up);
    const down = this.copies.filter((c) => !c.up);
    if (down.length > 0 && this.random() < f.up) (this.pick(down) as Copy).up = true;
    else if (up.length > 0 && this.random() < f.down) (this.pick(up) as Copy).up = false;
    if (this.random() < f.replicate) this.replicateOne();
    for (let k = Math.floor(this.random() * 4); k > 0; k--) await Promise.resolve();
  }

  private replicateOne(): void {
    const up = this.copies.filter((c) => c.up);
    const from = this.pick(up);
    const to = this.pick(up);
    const id = from && this.pick([...from.docs.keys()]);
    if (!from || !to || id === undefined) return;
    for (const leaf of from.docs.get(id)?.leaves.values() ?? []) to.add(id, leaf);
  }

  /** Every copy up and every document fully replicated (the end of an outage). */
  heal(): void {
    for (const c of this.copies) c.up = true;
    const ids = new Set(this.copies.flatMap((c) => [...c.docs.keys()]));
    for (const id of ids)
      for (const from of this.copies)
        for (const leaf of from.docs.get(id)?.leaves.values() ?? [])
          for (const to of this.copies) to.add(id, leaf);
  }

  /** Stores `doc` on every copy, as data written before the test (seeded documents). */
  seed(doc: CouchDoc): void {
    for (const c of this.copies) c.create(doc._id, bodyOf(doc));
  }

  /** Live leaves of `id` on every copy (after {@link heal}: the same on each). */
  liveLeaves(id: string): CouchDoc[] {
    const out = new Map<string, CouchDoc>();
    for (const c of this.copies)
      for (const l of c.docs.get(id)?.leaves.values() ?? []) if (!l.deleted) out.set(l.rev, c.doc(id, l));
    return [...out.values()];
  }

  /** Ids stored on any copy that start with `prefix`, sorted. */
  ids(prefix: string): string[] {
    return [...new Set(this.copies.flatMap((c) => [...c.docs.keys()]))]
      .filter((id) => id.startsWith(prefix))
      .sort();
  }

  /** A new coordinating client. */
  client(): SimulatedClient {
    return new SimulatedClient(this);
  }
}

/** A client of the simulated cluster: the {@link ReplicatedDocs} a worker uses. */
export class SimulatedClient implements ReplicatedDocs {
  private killed = false;
  private killAfter = Infinity;

  constructor(private readonly sim: SimulatedCluster) {}

  /** Kills this client after `steps` more copy-level steps (0: at once). */
  kill(steps = 0): void {
    this.killAfter = steps;
    if (steps <= 0) this.killed = true;
  }

  get dead(): boolean {
    return this.killed;
  }

  private async step(): Promise<void> {
    if (--this.killAfter <= 0) this.killed = true;
    await this.sim.step();
  }

  private check(): void {
    if (this.killed) throw new Error('killed');
  }

  private upCopy(): Copy {
    const c = this.sim.pick(this.sim.copies.filter((x) => x.up));
    if (!c) throw new CouchHttpError('no node answered', 500);
    return c;
  }

  copiesPerDoc(): Promise<number> {
    return Promise.resolve(this.sim.copies.length);
  }

  async create(doc: CouchDoc, everyCopy = true): Promise<CreateOutcome> {
    this.check();
    const body = bodyOf(doc);
    const replies: ({ ok: string } | 'conflict')[] = [];
    const order = [...this.sim.copies].sort(() => this.sim.random() - 0.5);
    for (const c of order) {
      await this.step();
      if (!c.up) continue;
      const r = c.create(doc._id, body);
      if (this.sim.random() >= this.sim.faults.lostReply) replies.push(r);
    }
    this.check();
    if (replies.length === 0) throw new CouchHttpError('timeout: no copy answered', 500);
    const oks = replies.flatMap((r) => (r === 'conflict' ? [] : [r.ok]));
    const w = everyCopy ? this.sim.copies.length : Math.floor(this.sim.copies.length / 2) + 1;
    if (oks.length >= w && new Set(oks).size === 1) return 'created';
    return oks.length > 0 ? 'accepted' : 'conflict';
  }

  async get(id: string): Promise<CouchDoc | undefined> {
    this.check();
    await this.step();
    const c = this.upCopy();
    const w = winner(c.docs.get(id)?.leaves.values() ?? []);
    this.check();
    return w ? this.strip(c.doc(id, w)) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, CouchDoc>> {
    const out = new Map<string, CouchDoc>();
    for (const id of ids) {
      const d = await this.get(id);
      if (d) out.set(id, d);
    }
    return out;
  }

  async range(startId: string, endId: string, limit: number): Promise<CouchDoc[]> {
    this.check();
    await this.step();
    const out: CouchDoc[] = [];
    for (const id of this.sim.ids('')) {
      if (id < startId || id > endId || out.length >= limit) continue;
      const c = this.upCopy(); // each shard range may be read from a different copy: per document here
      const leaves = [...(c.docs.get(id)?.leaves.values() ?? [])];
      const w = winner(leaves);
      if (!w) continue;
      const others = leaves.filter((l) => !l.deleted && l.rev !== w.rev).map((l) => l.rev);
      out.push({ ...this.strip(c.doc(id, w)), ...(others.length > 0 ? { _conflicts: others } : {}) });
    }
    this.check();
    return out;
  }

  async readCopies(id: string): Promise<CopyView[]> {
    this.check();
    const views: CopyView[] = [];
    for (const c of this.sim.copies) {
      await this.step();
      views.push(
        c.up
          ? { copy: c.name, leaves: [...(c.docs.get(id)?.leaves.values() ?? [])].map((l) => c.doc(id, l)) }
          : { copy: c.name, unreachable: '412 nodedown' },
      );
    }
    this.check();
    return views;
  }

  async spread(leaf: CouchDoc): Promise<void> {
    this.check();
    const revs = (leaf['_revisions'] as { start: number; ids: string[] } | undefined) ?? {
      start: gen(String(leaf._rev)),
      ids: [String(leaf._rev).split('-')[1]],
    };
    const all = revs.ids.map((h, i) => `${revs.start - i}-${h}`);
    const l: Leaf = {
      rev: String(all[0]),
      deleted: leaf._deleted === true,
      body: bodyOf(leaf),
      ancestors: all.slice(1),
    };
    let answered = 0;
    for (const c of this.sim.copies) {
      await this.step();
      if (c.up) {
        c.add(leaf._id, l);
        answered++;
      }
    }
    this.check();
    if (answered === 0) throw new CouchHttpError('timeout: no copy answered', 500);
  }

  async removeLeaf(id: string, rev: string): Promise<void> {
    this.check();
    for (const c of this.sim.copies) {
      await this.step();
      if (c.up) c.remove(id, rev);
    }
    this.check();
  }

  private strip(doc: CouchDoc): CouchDoc {
    const { _revisions: _r, ...rest } = doc;
    return rest;
  }
}

/** `docs` with some operations replaced: counting spies, or a weakened allocator's view. */
export function override(docs: ReplicatedDocs, patch: Partial<ReplicatedDocs>): ReplicatedDocs {
  return {
    copiesPerDoc: () => docs.copiesPerDoc(),
    create: (doc, everyCopy) => docs.create(doc, everyCopy),
    get: (id) => docs.get(id),
    getMany: (ids) => docs.getMany(ids),
    range: (a, b, limit) => docs.range(a, b, limit),
    readCopies: (id) => docs.readCopies(id),
    spread: (leaf) => docs.spread(leaf),
    removeLeaf: (id, rev) => docs.removeLeaf(id, rev),
    ...patch,
  };
}
