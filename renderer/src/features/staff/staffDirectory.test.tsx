import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/i18n';
import { memoryDb, waitFor } from '../../../../tests/support/renderer/memory';
import {
  EMPTY_STAFF_DIRECTORY,
  liveStaffDirectoryStore,
  staffDirectoryOf,
  staffDirectoryStoreFor,
  staffMemberOf,
  type StaffDirectory,
} from './staffDirectory';
import { StaffName } from './StaffName';
import { StaffDirectoryProvider, useStaffMember } from './useStaffDirectory';

function Member({ name }: { readonly name: string }) {
  const m = useStaffMember(name);
  return (
    <i data-listed={String(m.listed)} data-disabled={String(m.disabled)}>
      {m.displayName}|{m.title ?? ''}
    </i>
  );
}

const directoryDoc = (staff: unknown[]) => ({
  _id: 'directory:staff',
  type: 'directory',
  schemaVersion: 1,
  createdAt: '2026-03-02T09:30:00Z',
  createdBy: 'worker',
  updatedAt: '2026-03-02T09:30:00Z',
  staff,
});

describe('staff directory (renderer)', () => {
  it('falls back to the user name for unknown names and before the directory synced', () => {
    expect(EMPTY_STAFF_DIRECTORY.synced).toBe(false);
    expect(EMPTY_STAFF_DIRECTORY.displayName('judge.zhao')).toBe('judge.zhao');
    const dir = staffDirectoryOf([{ name: 'judge.zhao', displayName: '赵志刚', roles: ['judge'] }]);
    expect(dir.synced).toBe(true);
    expect(dir.displayName('judge.zhao')).toBe('赵志刚');
    expect(dir.displayName('clerk.x')).toBe('clerk.x');
    expect(dir.entry(null)).toBeUndefined();
  });

  it('follows directory:staff in the local replica, live', async () => {
    const db = memoryDb('staffdir');
    const store = liveStaffDirectoryStore(db);
    let seen: StaffDirectory = store.getSnapshot();
    let calls = 0;
    const off = store.subscribe(() => {
      calls++;
      seen = store.getSnapshot();
    });
    await waitFor('the first read', () => calls > 0);
    expect(seen.synced).toBe(false);
    const put = await db.put(directoryDoc([{ name: 'judge.zhao', displayName: '赵志刚', roles: ['judge'] }]));
    await waitFor('the directory', () => seen.displayName('judge.zhao') === '赵志刚');
    await db.put({
      ...directoryDoc([{ name: 'judge.zhao', displayName: '赵志刚（调）', roles: ['judge'] }]),
      _rev: put.rev,
    });
    await waitFor('the change', () => seen.displayName('judge.zhao') === '赵志刚（调）');
    off();
    await db.destroy();
  });

  it('gives an empty directory without an engine', () => {
    expect(staffDirectoryStoreFor(null).getSnapshot()).toBe(EMPTY_STAFF_DIRECTORY);
  });

  it('renders the display name with the user name for tests and the tooltip', () => {
    const dir = staffDirectoryOf([
      { name: 'judge.zhao', displayName: '赵志刚', roles: ['judge'], title: '审判员' },
    ]);
    const html = renderToString(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <StaffDirectoryProvider directory={dir}>
          <StaffName name="judge.zhao" />
          <StaffName name="clerk.x" />
        </StaffDirectoryProvider>
      </I18nextProvider>,
    );
    expect(html).toContain('<span data-user="judge.zhao">赵志刚</span>');
    expect(html).toContain('<span data-user="clerk.x">clerk.x</span>');
    expect(html).not.toContain('>judge.zhao<');
  });

  it('useStaffMember: display name and title from the directory, the user name as the fallback', () => {
    const dir = staffDirectoryOf([
      { name: 'judge.zhao', displayName: '赵志刚', roles: ['judge'], title: '审判员' },
      { name: 'judge.old', displayName: '钱旧', roles: ['judge'], disabled: true },
    ]);
    const html = renderToString(
      <StaffDirectoryProvider directory={dir}>
        <Member name="judge.zhao" />
        <Member name="judge.old" />
        <Member name="clerk.unknown" />
      </StaffDirectoryProvider>,
    );
    expect(html).toContain('<i data-listed="true" data-disabled="false">赵志刚<!-- -->|<!-- -->审判员</i>');
    expect(html).toContain('<i data-listed="true" data-disabled="true">钱旧<!-- -->|</i>');
    expect(html).toContain('<i data-listed="false" data-disabled="false">clerk.unknown<!-- -->|</i>');
    // Without a provider or engine: nothing synced yet, every name is the user name.
    expect(renderToString(<Member name="judge.zhao" />)).toContain('>judge.zhao<');
    expect(staffMemberOf(EMPTY_STAFF_DIRECTORY, 'judge.zhao')).toEqual({
      name: 'judge.zhao',
      displayName: 'judge.zhao',
      disabled: false,
      listed: false,
    });
  });
});
