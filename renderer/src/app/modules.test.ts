import { describe, expect, it } from 'vitest';
import { canOpen, landingModule, MODULES, primaryModules, uiRoles, visibleModules } from './modules';

describe('module access as the UI reflects it', () => {
  it('maps CouchDB roles: ignores unknown and worker, treats _admin as admin', () => {
    expect(uiRoles(['clerk', 'courtdesk_misc', 'worker'])).toEqual(['clerk']);
    expect(uiRoles(['_admin'])).toEqual(['admin']);
    expect(uiRoles(['worker'])).toEqual([]);
  });

  it('sends a kiosk straight to the public case query, staff to the workbench', () => {
    expect(landingModule(['kiosk'])).toBe('public-query');
    expect(landingModule(['clerk'])).toBe('home');
    expect(landingModule(['kiosk', 'leader'])).toBe('home');
  });

  it('shows a kiosk only the public services', () => {
    expect(visibleModules(['kiosk']).map((m) => m.key)).toEqual(['fees', 'public-query', 'public-board']);
    expect(canOpen('cases-list', ['kiosk'])).toBe(false);
    expect(canOpen('settings', ['kiosk'])).toBe(false);
  });

  it('shows filing to clerks but not to judges or IT', () => {
    expect(canOpen('cases-filing', ['clerk'])).toBe(true);
    expect(canOpen('cases-filing', ['judge'])).toBe(false);
    expect(canOpen('cases-filing', ['admin'])).toBe(false);
  });

  it('gives a clerk (the e2e demo user) every module', () => {
    const keys = visibleModules(['clerk']).map((m) => m.key);
    expect(keys).toContain('cases-filing');
    expect(keys).toContain('conflicts');
    expect(keys).toContain('settings');
    expect(keys).toHaveLength(MODULES.filter((m) => !m.hidden).length);
    expect(keys).not.toContain('search');
    expect(canOpen('search', ['clerk'])).toBe(true);
  });

  it('offers each role its own daily modules first, only ones it may open', () => {
    expect(primaryModules(['clerk'])[0]).toBe('cases-filing');
    expect(primaryModules(['leader'])[0]).toBe('dashboard');
    expect(primaryModules(['admin'])).not.toContain('documents');
    for (const key of primaryModules(['judge', 'enforcement']))
      expect(canOpen(key, ['judge', 'enforcement'])).toBe(true);
  });
});
