/**
 * Same-words spots in the draft's Yjs document, so they sync with it: the `conflictSpot` mark of
 * the court-document schema on the words (as y-tiptap stores an overlapping mark: the attribute
 * `conflictSpot--<hash>` with the mark's attrs) and, in the `conflicts` map, `s:<id>` (found: who,
 * when, text that could not stay visible) and `r:<id>` (resolved: by whom, when). A spot is open
 * while `s:` exists without `r:`; a resolution is never undone by a replica that found the spot
 * later, and every replica removes the marks of resolved spots.
 */
import * as buffer from 'lib0/buffer';
import * as sha256 from 'lib0/hash/sha256';
import * as Y from 'yjs';
import type { DetectedSpot } from './sameWords';

/** Name of the mark (core/documents/content/docModel.ts `MARK.conflictSpot`). */
export const CONFLICT_MARK = 'conflictSpot';
/** Name of the Y.Map holding spot records. */
export const CONFLICTS_MAP = 'conflicts';
/** Transaction origin of spot changes (persisted like edits). */
export const SPOTS_ORIGIN = 'courtdesk:spots';

/** A spot as the draft lists it. */
export interface ConflictSpot {
  readonly id: string;
  /** The marked words as they read now ('' when none is visible). */
  readonly text: string;
  /** Words written into something the other side deleted. */
  readonly lostText: string;
  readonly authors: readonly string[];
  readonly foundAt: string;
  readonly resolved: { readonly by: string; readonly at: string } | null;
}

interface FoundRecord {
  readonly authors: readonly string[];
  readonly lostText: string;
  readonly at: string;
}

/** y-tiptap's attribute key of a `conflictSpot` mark with this id (its `hashOfJSON` of the mark). */
export function spotAttribute(id: string): string {
  const json = { type: CONFLICT_MARK, attrs: { id } };
  const digest = sha256.digest(buffer.encodeAny(json));
  for (let i = 6; i < digest.length; i++) digest[i % 6] = (digest[i % 6] ?? 0) ^ (digest[i] ?? 0);
  return `${CONFLICT_MARK}--${buffer.toBase64(digest.slice(0, 6))}`;
}

function spotIdOf(key: string, value: unknown): string | null {
  if (!key.startsWith(`${CONFLICT_MARK}--`)) return null;
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

/** Every XmlText of the draft, in document order. */
export function textsOf(type: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) out.push(...textsOf(child));
  }
  return out;
}

/**
 * Records and marks newly found spots in one transaction; spots already found or resolved (by this
 * or another replica) are left alone. Returns the ids recorded.
 */
export function recordSpots(
  doc: Y.Doc,
  spots: readonly DetectedSpot[],
  authorsOf: (spot: DetectedSpot) => readonly string[],
  now: Date,
): string[] {
  const map = doc.getMap<unknown>(CONFLICTS_MAP);
  const fresh = spots.filter((s) => !map.has(`s:${s.id}`) && !map.has(`r:${s.id}`));
  if (fresh.length === 0) return [];
  doc.transact(() => {
    for (const s of fresh) {
      const found: FoundRecord = { authors: authorsOf(s), lostText: s.lostText, at: now.toISOString() };
      map.set(`s:${s.id}`, found);
      if (s.to > s.from) s.text.format(s.from, s.to - s.from, { [spotAttribute(s.id)]: { id: s.id } });
    }
  }, SPOTS_ORIGIN);
  return [...new Set(fresh.map((s) => s.id))];
}

function clearMarks(fragment: Y.XmlFragment, ids: ReadonlySet<string>): void {
  for (const text of textsOf(fragment)) {
    let index = 0;
    for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const id = spotIdOf(key, value);
        if (id !== null && ids.has(id)) text.format(index, length, { [key]: null });
      }
      index += length;
    }
  }
}

/** Marks a spot resolved by `user` and removes its marks (the person accepted the words as they are). */
export function resolveSpot(doc: Y.Doc, fragment: Y.XmlFragment, id: string, user: string, now: Date): void {
  const map = doc.getMap<unknown>(CONFLICTS_MAP);
  doc.transact(() => {
    if (!map.has(`r:${id}`)) map.set(`r:${id}`, { by: user, at: now.toISOString() });
    clearMarks(fragment, new Set([id]));
  }, SPOTS_ORIGIN);
}

/** Removes marks of spots resolved elsewhere (a replica that marked a spot after its resolution). */
export function clearResolvedMarks(doc: Y.Doc, fragment: Y.XmlFragment): void {
  const map = doc.getMap<unknown>(CONFLICTS_MAP);
  const resolved = new Set([...map.keys()].filter((k) => k.startsWith('r:')).map((k) => k.slice(2)));
  if (resolved.size === 0) return;
  const marked = new Set(markedText(fragment).keys());
  const stale = new Set([...resolved].filter((id) => marked.has(id)));
  if (stale.size > 0) doc.transact(() => clearMarks(fragment, stale), SPOTS_ORIGIN);
}

function markedText(fragment: Y.XmlFragment): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of textsOf(fragment))
    for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const id = spotIdOf(key, value);
        if (id !== null && typeof op.insert === 'string') out.set(id, (out.get(id) ?? '') + op.insert);
      }
  return out;
}

/** Every spot of the draft (open first, then resolved), with the words marked now. */
export function listSpots(doc: Y.Doc, fragment: Y.XmlFragment): ConflictSpot[] {
  const map = doc.getMap<unknown>(CONFLICTS_MAP);
  const marked = markedText(fragment);
  const ids = new Set([...map.keys()].filter((k) => k.startsWith('s:')).map((k) => k.slice(2)));
  for (const id of marked.keys()) ids.add(id);
  const out: ConflictSpot[] = [];
  for (const id of ids) {
    const found = map.get(`s:${id}`) as FoundRecord | undefined;
    const resolved = (map.get(`r:${id}`) as { by: string; at: string } | undefined) ?? null;
    out.push({
      id,
      text: marked.get(id) ?? '',
      lostText: found?.lostText ?? '',
      authors: found?.authors ?? [],
      foundAt: found?.at ?? '',
      resolved,
    });
  }
  return out.sort(
    (a, b) => Number(a.resolved !== null) - Number(b.resolved !== null) || a.foundAt.localeCompare(b.foundAt),
  );
}

/** The spots not yet resolved: 定稿 and 签发 wait until this is empty. */
export function openSpots(doc: Y.Doc, fragment: Y.XmlFragment): ConflictSpot[] {
  return listSpots(doc, fragment).filter((s) => s.resolved === null);
}
