import { memoryDb, waitFor } from '../../../tests/support/renderer/memory';
import { describe, expect, it } from 'vitest';
import { keysForRoles, liveQuery } from './hooks';

describe('live queries and role-based databases', () => {
  it('liveQuery emits the first result, then re-runs after each burst of changes', async () => {
    const db = memoryDb('live');
    const seen: number[] = [];
    const sub = liveQuery(db, async (d) => (await d.allDocs()).rows.length, 30).subscribe((n) =>
      seen.push(n),
    );
    await waitFor('first result', () => seen.length === 1);
    expect(seen).toEqual([0]);
    await db.bulkDocs([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]);
    await waitFor('updated', () => seen.at(-1) === 3);
    expect(seen.length).toBeLessThanOrEqual(3); // debounced: not one run per document
    sub.unsubscribe();
    await db.put({ _id: 'd' });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.at(-1)).toBe(3); // no runs after unsubscribe
  });

  it('replicates only the databases the roles may read', () => {
    expect(keysForRoles(['kiosk'])).toEqual(['public']);
    expect(keysForRoles(['clerk'])).toEqual([
      'cases',
      'documents',
      'enforcement',
      'forum',
      'notices',
      'library',
      'public',
    ]);
    expect(keysForRoles(['leader'])).not.toContain('audit');
    expect(keysForRoles([])).toEqual([]);
  });
});
