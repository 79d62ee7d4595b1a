import { describe, expect, it } from 'vitest';
import { parseStaffDirectory, STAFF_DIRECTORY_ID } from './directory';
import { issuesForWrite } from './registry';

const doc = {
  _id: STAFF_DIRECTORY_ID,
  type: 'directory',
  schemaVersion: 1,
  createdAt: '2026-03-02T09:30:00+08:00',
  createdBy: 'worker',
  updatedAt: '2026-03-02T09:30:00+08:00',
  staff: [
    { name: 'judge.zhao', displayName: '赵志刚', roles: ['judge'], division: 'min1', title: '审判员' },
    { name: 'clerk.old', displayName: '王旧', roles: ['clerk'], disabled: true },
  ],
};

describe('directory schema', () => {
  it('accepts the worker-published staff directory', () => {
    expect(issuesForWrite(doc)).toEqual([]);
    expect(issuesForWrite({ ...doc, staff: [] })).toEqual([]);
  });

  it.each([
    ['a secret field of _users', [{ ...doc.staff[0], password_sha: 'x' }], 'staff[0].password_sha'],
    ['a salt', [{ ...doc.staff[0], salt: 'x' }], 'staff[0].salt'],
    ['no display name', [{ name: 'a', roles: [] }], 'staff[0].displayName'],
    ['roles that are not a list', [{ name: 'a', displayName: 'A', roles: 'judge' }], 'staff[0].roles'],
    [
      'a non-boolean disabled',
      [{ name: 'a', displayName: 'A', roles: [], disabled: 1 }],
      'staff[0].disabled',
    ],
    ['a name twice', [doc.staff[0], doc.staff[0]], 'staff[1].name'],
    ['no list', 'judge.zhao', 'staff'],
  ])('refuses %s', (_label, staff, field) => {
    const issues = issuesForWrite({ ...doc, staff });
    expect(issues.map((i) => i.field)).toContain(field);
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fff].*\(.+\)/);
  });

  it('requires updatedAt', () => {
    expect(issuesForWrite({ ...doc, updatedAt: undefined }).map((i) => i.field)).toContain('updatedAt');
  });
});

describe('parseStaffDirectory', () => {
  it('reads entries tolerantly and never passes other fields on', () => {
    const parsed = parseStaffDirectory({
      ...doc,
      staff: [
        ...doc.staff,
        { name: 'x.y', displayName: ' ', roles: ['judge', 3], salt: 's' },
        { nope: 1 },
        7,
      ],
    });
    expect(parsed).toEqual([
      { name: 'judge.zhao', displayName: '赵志刚', roles: ['judge'], division: 'min1', title: '审判员' },
      { name: 'clerk.old', displayName: '王旧', roles: ['clerk'], disabled: true },
      { name: 'x.y', displayName: 'x.y', roles: ['judge'] },
    ]);
  });

  it('is empty for anything but a directory', () => {
    expect(parseStaffDirectory(null)).toEqual([]);
    expect(parseStaffDirectory({ type: 'notice', staff: doc.staff })).toEqual([]);
  });
});
