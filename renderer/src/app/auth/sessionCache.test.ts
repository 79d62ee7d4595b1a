import { describe, expect, it } from 'vitest';
import { forgetSession, rememberedSession, rememberSession, signOutPending } from './sessionCache';

function memoryStore() {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

describe('session cache', () => {
  it('round-trips a session without anything secret', () => {
    const store = memoryStore();
    rememberSession(store, { name: 'zhangmin', roles: ['clerk'], uiRoles: ['clerk'] });
    expect(rememberedSession(store)).toEqual({ name: 'zhangmin', roles: ['clerk'], uiRoles: ['clerk'] });
    expect([...store.m.values()].join()).not.toMatch(/password|AuthSession/i);
  });

  it('rejects garbage and role-less entries', () => {
    const store = memoryStore();
    store.setItem('courtdesk.lastSession', '{not json');
    expect(rememberedSession(store)).toBeNull();
    store.setItem('courtdesk.lastSession', JSON.stringify({ name: 'w', roles: ['worker'] }));
    expect(rememberedSession(store)).toBeNull();
    store.setItem('courtdesk.lastSession', JSON.stringify({ name: 5, roles: ['clerk'] }));
    expect(rememberedSession(store)).toBeNull();
  });

  it('an offline sign-out forgets the user and leaves a pending server sign-out', () => {
    const store = memoryStore();
    rememberSession(store, { name: 'lijun', roles: ['judge'], uiRoles: ['judge'] });
    forgetSession(store, false);
    expect(rememberedSession(store)).toBeNull();
    expect(signOutPending(store)).toBe(true);
    rememberSession(store, { name: 'lijun', roles: ['judge'], uiRoles: ['judge'] });
    expect(signOutPending(store)).toBe(false);
  });
});
