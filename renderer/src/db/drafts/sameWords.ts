/**
 * Same-words detection: where two writers changed the same words without seeing each other's
 * change, a CRDT keeps both (「十五日三十日」). Called right after a remote batch ("R") was applied
 * to a document ("L", the state before). Every character of a touched text is classified from what
 * Yjs keeps (client and clock of every insertion, deletion sets) plus two facts the caller knows:
 * the state vector R's writer had seen, and the deletions of L that R's writer had not seen (the
 * journal). A *region* is a run of characters between two characters both sides still have and
 * never touched; a region is a spot when both sides changed something in it and at least one side
 * wrote text there. Pure deletions never conflict (both wanted the words gone).
 */
import * as Y from 'yjs';
import type { DeleteSet } from './journal';

/** What the detector needs besides the document. */
export interface SameWordsInput {
  /** L's state vector before R was applied. */
  readonly svBefore: ReadonlyMap<number, number>;
  /** L's deletions before R was applied. */
  readonly dsBefore: DeleteSet;
  /** The state vector R's writer had seen when it made the changes. */
  readonly remoteSv: ReadonlyMap<number, number>;
  /** R's deletions (a snapshot's: every deletion it holds). */
  readonly remoteDs: DeleteSet;
  /** True when R is a snapshot: its deletion set then says nothing about what R did itself. */
  readonly remoteIsSnapshot: boolean;
  /** L's deletions that R's writer had not seen. */
  readonly localUnknownDs: DeleteSet;
}

/** One spot: where to mark it (indices of the live text) and what could not stay visible. */
export interface DetectedSpot {
  /** Stable across replicas: the smallest inserted character of the region (`client-clock`, base 36). */
  readonly id: string;
  readonly text: Y.XmlText;
  /** Live text indices `[from, to)` of the inserted characters; `from === to` when none is visible. */
  readonly from: number;
  readonly to: number;
  /** Text one side wrote into something the other side deleted (a deleted paragraph). */
  readonly lostText: string;
  /** Yjs clients whose insertions are in the region. */
  readonly clients: readonly number[];
}

const NEUTRAL = 0;
const R = 1;
const L = 2;
const INSERT = 4;
const LIVE = 8;
const LOST = 16;
const SEPARATOR = 32;

function classify(input: SameWordsInput, client: number, clock: number, deleted: boolean): number {
  const inL = clock < (input.svBefore.get(client) ?? 0);
  const id = Y.createID(client, clock);
  if (!inL) {
    if (!deleted) return R | INSERT | LIVE;
    return Y.isDeleted(input.remoteDs, id) ? NEUTRAL : R | INSERT | LOST;
  }
  if (clock >= (input.remoteSv.get(client) ?? 0)) {
    if (!deleted) return L | INSERT | LIVE;
    return Y.isDeleted(input.dsBefore, id) ? NEUTRAL : L | INSERT | LOST;
  }
  if (!deleted) return SEPARATOR;
  if (!Y.isDeleted(input.dsBefore, id)) return R;
  let kind = NEUTRAL;
  if (Y.isDeleted(input.localUnknownDs, id)) kind |= L;
  // R deleted what L had already deleted: R had not seen L's deletion.
  if (!input.remoteIsSnapshot && Y.isDeleted(input.remoteDs, id)) kind |= R | L;
  return kind;
}

class Region {
  sides = 0;
  from = -1;
  to = -1;
  lost = '';
  min: [number, number] | null = null;
  readonly clients = new Set<number>();

  add(kind: number, client: number, clock: number, liveIndex: number, char: string): void {
    this.sides |= kind;
    if (kind & LIVE) {
      if (this.from < 0) this.from = liveIndex;
      this.to = liveIndex + 1;
    }
    if (kind & LOST) this.lost += char;
    if (kind & INSERT) {
      this.clients.add(client);
      if (!this.min || client < this.min[0] || (client === this.min[0] && clock < this.min[1]))
        this.min = [client, clock];
    }
  }

  spot(text: Y.XmlText): DetectedSpot | null {
    if (!(this.sides & R) || !(this.sides & L) || !(this.sides & INSERT) || !this.min) return null;
    const live = this.from >= 0;
    return {
      id: `${this.min[0].toString(36)}-${this.min[1].toString(36)}`,
      text,
      from: live ? this.from : 0,
      to: live ? this.to : 0,
      lostText: this.lost,
      clients: [...this.clients].sort((a, b) => a - b),
    };
  }
}

function charsOf(item: Y.Item): string {
  return item.content instanceof Y.ContentString ? item.content.str : '';
}

/** The spots of one text after R was applied (see the module comment). */
export function detectInText(text: Y.XmlText, input: SameWordsInput): DetectedSpot[] {
  const spots: DetectedSpot[] = [];
  let region = new Region();
  const close = () => {
    const s = region.spot(text);
    if (s) spots.push(s);
    region = new Region();
  };
  let liveIndex = 0;
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.countable) continue; // formatting attributes are not words
    const { client, clock } = item.id;
    const deleted = item.deleted;
    const settled = Math.min(input.svBefore.get(client) ?? 0, input.remoteSv.get(client) ?? 0);
    if (!deleted && clock + item.length <= settled) {
      close(); // untouched text both sides had
      liveIndex += item.length;
      continue;
    }
    const chars = charsOf(item);
    for (let i = 0; i < item.length; i++) {
      const kind = classify(input, client, clock + i, deleted);
      if (kind === SEPARATOR) close();
      else if (kind !== NEUTRAL) region.add(kind, client, clock + i, liveIndex, chars[i] ?? '');
      if (!deleted) liveIndex++;
    }
  }
  close();
  return spots;
}

/** The spots of every given text. */
export function detectSameWords(texts: Iterable<Y.XmlText>, input: SameWordsInput): DetectedSpot[] {
  const out: DetectedSpot[] = [];
  for (const t of texts) out.push(...detectInText(t, input));
  return out;
}

/**
 * The texts holding the structs and deletions of an applied update: where a region can have
 * changed. Found by id in the document after applying, so texts inside deleted paragraphs count.
 */
export function touchedTexts(doc: Y.Doc, update: Uint8Array): Set<Y.XmlText> {
  const out = new Set<Y.XmlText>();
  const store = doc.store;
  const add = (client: number, clock: number, end: number) => {
    const structs = store.clients.get(client);
    if (!structs || structs.length === 0) return;
    let i = Y.findIndexSS(structs, clock);
    for (; i < structs.length; i++) {
      const s = structs[i];
      if (!s || s.id.clock >= end) break;
      if (s instanceof Y.Item && s.parent instanceof Y.XmlText) out.add(s.parent);
    }
  };
  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) {
    const last = store.clients.get(s.id.client);
    const known = last ? Y.getState(store, s.id.client) : 0;
    if (s.id.clock < known) add(s.id.client, s.id.clock, s.id.clock + s.length);
  }
  for (const [client, items] of ds.clients)
    for (const d of items) {
      if (d.clock < Y.getState(store, client)) add(client, d.clock, d.clock + d.len);
    }
  return out;
}
