import { describe, expect, it } from 'vitest';
import { audienceOf, isAddressedTo, isOverdue, readListOf, type AudienceMember } from './notices';

const staff: AudienceMember[] = [
  { name: 'leader.qian', roles: ['leader', 'judge'], division: 'shenguan' },
  { name: 'judge.zhao', roles: ['judge'], division: 'min1' },
  { name: 'clerk.wang', roles: ['clerk'], division: 'min1' },
  { name: 'clerk.li', roles: ['clerk'], division: 'xingshi' },
  { name: 'clerk.gone', roles: ['clerk'], division: 'min1', disabled: true },
];

describe('notice audience', () => {
  it('reads a stored audience tolerantly: absent or unknown means everyone', () => {
    expect(audienceOf({})).toEqual({ kind: 'everyone' });
    expect(audienceOf({ audience: 'x' })).toEqual({ kind: 'everyone' });
    expect(audienceOf({ audience: { kind: 'roles', roles: ['clerk', 3] } })).toEqual({
      kind: 'roles',
      roles: ['clerk'],
    });
  });

  it('addresses everyone, roles or divisions', () => {
    const clerk = staff[2]!;
    expect(isAddressedTo({ kind: 'everyone' }, clerk)).toBe(true);
    expect(isAddressedTo({ kind: 'roles', roles: ['judge'] }, clerk)).toBe(false);
    expect(isAddressedTo({ kind: 'roles', roles: ['judge', 'clerk'] }, clerk)).toBe(true);
    expect(isAddressedTo({ kind: 'divisions', divisions: ['min1'] }, clerk)).toBe(true);
    expect(isAddressedTo({ kind: 'divisions', divisions: ['min1'] }, { name: 'x', roles: ['clerk'] })).toBe(
      false,
    );
  });
});

describe('read list', () => {
  it('splits the addressed staff (not the author) into read and not yet read', () => {
    const list = readListOf({ kind: 'everyone' }, 'leader.qian', staff, new Set(['judge.zhao']));
    expect(list).toEqual({ read: ['judge.zhao'], unread: ['clerk.wang', 'clerk.li'] });
  });

  it('leaves out disabled accounts unless they read it, and staff outside the audience', () => {
    const list = readListOf(
      { kind: 'divisions', divisions: ['min1'] },
      'leader.qian',
      staff,
      new Set(['clerk.gone', 'clerk.li']),
    );
    expect(list).toEqual({ read: ['clerk.gone'], unread: ['judge.zhao', 'clerk.wang'] });
  });

  it('a must-read-by date is overdue only after its day', () => {
    expect(isOverdue('2026-03-10', '2026-03-10')).toBe(false);
    expect(isOverdue('2026-03-10', '2026-03-11')).toBe(true);
    expect(isOverdue(undefined, '2026-03-11')).toBe(false);
  });
});
