/**
 * Ids of the archive documents (docs/archives.md): volumes `archiveVolume:<caseUuid>:<kind>:<nn>`,
 * electronic case-file papers `caseFilePaper:<caseUuid>:<uuid>`, OCR text `archiveText:<owner
 * rest>` and bulk-import runs `archiveImport:<id>`. Volume ids are derived from the case and the
 * volume's place in it, so an import that runs again (after a crash) writes the same ids and never
 * a second copy.
 */

/** 正卷 (main) or 副卷 (secondary). */
export type VolumeKind = 'main' | 'secondary';

/** Both kinds, in display order. */
export const VOLUME_KINDS: readonly VolumeKind[] = ['main', 'secondary'];

/** Highest volume number of one kind in one case (two digits in the id). */
export const MAX_VOLUME_SEQ = 99;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

/** True for a lower-case RFC 4122 text uuid. */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** The id of volume `seq` (1…99) of `kind` of the case `case:<caseUuid>`. */
export function volumeId(caseUuid: string, kind: VolumeKind, seq: number): string {
  if (!isUuid(caseUuid)) throw new Error(`volumeId: not a uuid: ${caseUuid}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_VOLUME_SEQ) throw new Error(`volumeId: seq ${seq}`);
  return `archiveVolume:${caseUuid}:${kind}:${String(seq).padStart(2, '0')}`;
}

/** The parts of a volume id, or null when it is not one. */
export function parseVolumeId(id: string): { caseUuid: string; kind: VolumeKind; seq: number } | null {
  const m = /^archiveVolume:([0-9a-f-]{36}):(main|secondary):(\d{2})$/u.exec(id);
  if (!m || !isUuid(m[1] ?? '')) return null;
  const seq = Number(m[3]);
  if (seq < 1) return null;
  return { caseUuid: m[1] ?? '', kind: m[2] as VolumeKind, seq };
}

/** The id of an electronic case-file paper of `case:<caseUuid>`. */
export function paperId(caseUuid: string, uuid: string): string {
  if (!isUuid(caseUuid) || !isUuid(uuid)) throw new Error('paperId: not a uuid');
  return `caseFilePaper:${caseUuid}:${uuid}`;
}

/** The parts of a paper id, or null. */
export function parsePaperId(id: string): { caseUuid: string; uuid: string } | null {
  const m = /^caseFilePaper:([0-9a-f-]{36}):([0-9a-f-]{36})$/u.exec(id);
  if (!m || !isUuid(m[1] ?? '') || !isUuid(m[2] ?? '')) return null;
  return { caseUuid: m[1] ?? '', uuid: m[2] ?? '' };
}

/** The id of the OCR text document of a volume or paper. */
export function archiveTextId(ownerId: string): string {
  const i = ownerId.indexOf(':');
  return `archiveText:${ownerId.slice(0, i)}:${ownerId.slice(i + 1)}`;
}

/**
 * A uuid derived from a name (RFC 4122 version 5 layout over a 32-bit FNV-1a mix, enough to tell
 * cases of one court apart): the bulk import gives a case number with no case document the same
 * uuid on every run.
 */
export function nameUuid(name: string): string {
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (const ch of `${round}:${name}`) {
      h ^= ch.codePointAt(0) ?? 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  const variant = ((parseInt(s.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-5${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/**
 * The file id of a volume's scan, derived from the volume id: an import or a binding that runs
 * again writes the same file, never a second one.
 */
export function scanFileId(volId: string): string {
  return `file:${nameUuid(`file|${volId}`)}`;
}

/** 正卷 / 副卷 as stored in a volume's title (the data, not the UI's translation). */
const KIND_ZH: Readonly<Record<VolumeKind, string>> = { main: '正卷', secondary: '副卷' };

/** The stored title of a volume: `<case number> 正卷 第1册` (the importer and binding write the same). */
export function volumeTitle(caseNumber: string, kind: VolumeKind, seq: number): string {
  return `${caseNumber} ${KIND_ZH[kind]} 第${seq}册`;
}
