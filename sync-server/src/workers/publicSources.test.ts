import { describe, expect, it } from 'vitest';
import type { CouchDoc, CouchHttp } from './couchHttp';
import { caseOfCasesChange } from './publicProjection';
import { PublicProjector } from './publicProjector';
import { CaseSideIndex } from './publicSources';

/** A CouchHttp whose scan yields `docs` (what a lagging cluster copy might answer). */
function scanning(docs: CouchDoc[]): CouchHttp {
  return {
    async *scan(_db: string, prefix: string) {
      for (const d of docs) if (d._id.startsWith(prefix)) yield d;
    },
  } as unknown as CouchHttp;
}

describe('CaseSideIndex', () => {
  it('indexes by caseId; the feed’s newer revision beats an older scanned copy', async () => {
    const index = new CaseSideIndex(
      scanning([
        { _id: 'enforcementAction:a', _rev: '1-a', caseId: 'case:c1', kind: 'fine' },
        { _id: 'enforcementAction:b', _rev: '1-b', caseId: 'case:c2' },
      ]),
      'courtdesk_enforcement',
      ['enforcementAction:'],
    );
    index.note({ _id: 'enforcementAction:a', _rev: '2-a', caseId: 'case:c1', kind: 'detention' });
    expect((await index.of('case:c1')).map((d) => d['kind'])).toEqual(['detention']);
    expect((await index.of('case:c2')).map((d) => d._id)).toEqual(['enforcementAction:b']);
  });

  it('a deletion without a body keeps its case, and the document leaves the case', async () => {
    const index = new CaseSideIndex(scanning([]), 'courtdesk_cases', ['approval:']);
    index.note({ _id: 'approval:x', _rev: '1-x', caseId: 'case:c1', kind: 'extension' });
    const tombstone = { _id: 'approval:x', _rev: '2-y', _deleted: true };
    expect(index.caseOf(tombstone)).toBe('case:c1');
    index.note(tombstone);
    expect(await index.of('case:c1')).toEqual([]);
    expect(index.caseOf(tombstone)).toBe('case:c1');
    index.note({ _id: 'other:y', _rev: '1-z', caseId: 'case:c1' });
    expect(await index.of('case:c1')).toEqual([]); // not a covered prefix
  });
});

describe('caseOfCasesChange', () => {
  it('maps every document of a case to the case, and ignores the rest', () => {
    const projector = new PublicProjector(scanning([]));
    const of = (id: string, doc?: CouchDoc) =>
      caseOfCasesChange({ seq: 1, id, ...(doc ? { doc } : {}) }, projector);
    expect(of('case:u1')).toBe('case:u1');
    expect(of('caseNumber:u1')).toBe('case:u1');
    expect(of('caseNumber:claim:2026:J30:民初:00000001')).toBeNull();
    expect(of('assignment:u1')).toBe('case:u1');
    expect(of('event:case:u1:20260105T080000Z:e1')).toBe('case:u1');
    expect(of('approval:a1', { _id: 'approval:a1', caseId: 'case:u1' })).toBe('case:u1');
    expect(of('approval:a2')).toBeNull();
    expect(of('_design/courtdesk')).toBeNull();
  });
});
