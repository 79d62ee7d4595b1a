import '../../../tests/support/renderer/nodeGlobals';
import { describe, expect, it } from 'vitest';
import { memoryDb } from '../../../tests/support/renderer/memory';
import { readOcrSettings, writeOcrSettings } from './archiveOcrSettings';

describe('background OCR setting of this workstation', () => {
  it('is off until turned on, keeps one workstation id, and is never replicated', async () => {
    const db = memoryDb('ocr-settings');
    const first = await readOcrSettings(db);
    expect(first).toMatchObject({ enabled: false, paused: false });
    expect(first.workstation).toMatch(/^ws-[0-9a-f-]{36}$/u);
    expect(await writeOcrSettings(db, { enabled: true })).toEqual({ ...first, enabled: true });
    expect(await writeOcrSettings(db, { paused: true })).toEqual({ ...first, enabled: true, paused: true });
    const other = memoryDb('ocr-settings-server');
    await db.replicate.to(other);
    expect((await other.allDocs()).rows).toEqual([]);
  });
});
