import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../../electron/common/ipcContract';
import { createBrowserDesktopApi } from '../platform/desktopApi';
import { AuthProvider } from './auth/AuthContext';
import { AuthError, type Session, type SessionClient } from './auth/sessionApi';
import { SignInPage, signInErrorKey } from './auth/SignInPage';
import { DesktopApiContext } from './desktopApiContext';
import { createI18n } from './i18n/i18n';
import { AppLayout } from './layout/AppLayout';
import { MODULES, uiRoles } from './modules';
import { staffDirectoryOf } from '../features/staff/staffDirectory';
import { StaffDirectoryProvider } from '../features/staff/useStaffDirectory';

/** Server-renders shell pieces (no DOM in this project) to check structure, roles and translations. */
const api: DesktopApi = createBrowserDesktopApi({
  origin: 'http://127.0.0.1:9',
  storage: { getItem: () => null, setItem: () => undefined },
  openWindow: () => undefined,
  print: () => undefined,
  userAgent: '',
  appVersion: '0.1.0',
});
const client: SessionClient = {
  getSession: async () => null,
  signIn: async () => {
    throw new AuthError('unreachable');
  },
  signOut: async () => undefined,
};
const memory = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

function render(node: ReactNode, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  return renderToString(
    <DesktopApiContext.Provider value={api}>
      <I18nextProvider i18n={createI18n(language)}>
        <AuthProvider client={client} store={memory}>
          {node}
        </AuthProvider>
      </I18nextProvider>
    </DesktopApiContext.Provider>,
  );
}

function session(name: string, roles: string[]): Session {
  return { name, roles, uiRoles: uiRoles(roles) };
}

describe('sign-in page', () => {
  it('has the form hooks, the server URL and the court name', () => {
    const html = render(<SignInPage serverUrl="http://127.0.0.1:9/couch" version="0.1.0" />);
    for (const id of [
      'signin-form',
      'signin-username',
      'signin-password',
      'signin-submit',
      'signin-server-url',
      'language-switch',
    ]) {
      expect(html, id).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('http://127.0.0.1:9/couch');
    expect(html).toContain('白银市白银区人民法院');
    expect(html).toContain('用户登录');
  });

  it('shows a startup notice when the server could not be reached', () => {
    expect(
      render(<SignInPage serverUrl={undefined} notice="startupUnreachable" version="0.1.0" />),
    ).toContain('当前无法连接服务器');
  });

  it('maps each failure to its own message key', () => {
    expect(signInErrorKey(new AuthError('wrongCredentials', 401))).toEqual({
      key: 'auth.errors.wrongCredentials',
    });
    expect(signInErrorKey(new AuthError('unreachable'))).toEqual({ key: 'auth.errors.unreachable' });
    expect(signInErrorKey(new AuthError('accountDisabled', 403))).toEqual({
      key: 'auth.errors.accountDisabled',
    });
    expect(signInErrorKey(new AuthError('server', 500))).toEqual({
      key: 'auth.errors.serverWithStatus',
      status: 500,
    });
    expect(signInErrorKey(new Error('???'))).toEqual({ key: 'auth.errors.server' });
  });
});

describe('application frame', () => {
  it('gives a clerk a nav item for every module, the user (from the staff directory), roles and sign-out', () => {
    const directory = staffDirectoryOf([
      { name: 'zhangmin', displayName: '张敏', roles: ['clerk'], title: '四级书记员' },
    ]);
    const html = render(
      <StaffDirectoryProvider directory={directory}>
        <AppLayout session={session('zhangmin', ['clerk'])} verified version="0.1.0" />
      </StaffDirectoryProvider>,
    );
    for (const m of MODULES)
      if (m.hidden) expect(html, m.key).not.toContain(`data-testid="nav-${m.key}"`);
      else expect(html, m.key).toContain(`data-testid="nav-${m.key}"`);
    // Search results are reached from the top bar's box (Ctrl+K), on every screen.
    expect(html).toContain('data-testid="search-box"');
    for (const g of ['cases', 'enforcement', 'public']) expect(html).toContain(`data-testid="nav-${g}"`);
    for (const id of [
      'user-menu',
      'sign-out',
      'language-switch',
      'server-status',
      'sync-status',
      'header-court-name',
    ]) {
      expect(html, id).toContain(`data-testid="${id}"`);
    }
    expect(html).toMatch(/data-testid="user-name"[^>]*>张敏</);
    expect(html).toMatch(/data-testid="user-title"[^>]*>四级书记员</);
    expect(html).toContain('data-user="zhangmin"');
    expect(html).toContain('书记员');
    expect(html).toContain('退出登录');
    expect(html).not.toContain('data-testid="session-unverified"');
  });

  it('shows the user name until the staff directory lists the user', () => {
    const html = render(<AppLayout session={session('zhangmin', ['clerk'])} verified version="0.1.0" />);
    expect(html).toMatch(/data-testid="user-name"[^>]*>zhangmin</);
    expect(html).not.toContain('data-testid="user-title"');
  });

  it('shows a kiosk only the public services', () => {
    const html = render(<AppLayout session={session('kiosk1', ['kiosk'])} verified version="0.1.0" />);
    const navs = [...html.matchAll(/data-testid="nav-([a-z-]+)"/g)].map((m) => m[1]);
    expect(navs.sort()).toEqual(['fees', 'public', 'public-board', 'public-query']);
  });

  it('hides filing and documents from IT admins', () => {
    const html = render(<AppLayout session={session('it', ['admin'])} verified version="0.1.0" />);
    expect(html).not.toContain('data-testid="nav-cases-filing"');
    expect(html).not.toContain('data-testid="nav-documents"');
    expect(html).toContain('data-testid="nav-settings"');
  });

  it('marks an offline, unverified session', () => {
    const html = render(
      <AppLayout session={session('lijun', ['judge'])} verified={false} version="0.1.0" />,
      'en',
    );
    expect(html).toContain('data-testid="session-unverified"');
    expect(html).toContain('Offline · identity not yet verified');
    expect(html).toContain('Judge');
  });
});
