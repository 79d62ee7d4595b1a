import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { DesktopApi } from '../../../electron/common/ipcContract';
import { DEFAULT_COURT } from '../../../core/court';
import { SyncProvider } from '../db/hooks';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { createSessionClient, isReaderSession } from './auth/sessionApi';
import { SignInPage } from './auth/SignInPage';
import { DesktopApiContext, useDesktopApi } from './desktopApiContext';
import { ErrorBoundary } from './ErrorBoundary';
import { antdLocaleFor, asLanguage } from './i18n/i18n';
import { AppLayout } from './layout/AppLayout';
import { landingModule } from './modules';
import { ServerStatusProvider } from './status/ServerStatusContext';
import { themeFor } from './theme';

/** A kiosk account's full-screen window (its own chunk: staff never load it). */
const KioskShell = lazy(() => import('../features/kiosk/KioskShell'));
/** The reading PC's whole app (docs/file-reading.md): no shell, no local replicas. */
const ReadingRoom = lazy(() => import('../features/reading/room/ReadingRoom'));

/** Props of {@link App}. */
export interface AppProps {
  readonly api: DesktopApi;
  readonly i18n: I18n;
  /** CouchDB through the same-origin proxy: `${location.origin}/couch`. */
  readonly couchBaseUrl: string;
  readonly version: string;
}

function Shell({ version, couchBaseUrl }: { version: string; couchBaseUrl: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const api = useDesktopApi();
  const [serverUrl, setServerUrl] = useState<string>();
  const language = asLanguage(i18n.resolvedLanguage ?? i18n.language);

  useEffect(() => {
    document.title = t('app.documentTitle', {
      court: language === 'en' ? DEFAULT_COURT.nameEn : DEFAULT_COURT.name,
    });
    document.documentElement.lang = language;
  }, [t, language]);

  useEffect(() => {
    let cancelled = false;
    void api.invoke('settings:get').then((r) => {
      if (!cancelled && r.ok) setServerUrl(r.value.serverUrl);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  if (state.status === 'loading' || state.status === 'signingOut') {
    return (
      <div className="cd-boot" data-testid="app-loading">
        <Spin
          size="large"
          description={t(state.status === 'loading' ? 'app.connecting' : 'auth.signingOut')}
        />
      </div>
    );
  }
  if (state.status === 'signedOut')
    return <SignInPage serverUrl={serverUrl} notice={state.notice} version={version} />;
  if (isReaderSession(state.session))
    return (
      <Suspense fallback={<Spin size="large" />}>
        <ReadingRoom session={state.session} couchBaseUrl={couchBaseUrl} />
      </Suspense>
    );
  // A kiosk account (no staff role) gets the full-screen public terminal, no app navigation.
  const kioskOnly = landingModule(state.session.uiRoles) !== 'home';
  return (
    <SyncProvider user={state.session.name} roles={state.session.roles} couchBaseUrl={couchBaseUrl}>
      {kioskOnly ? (
        <Suspense fallback={<Spin size="large" />}>
          <KioskShell />
        </Suspense>
      ) : (
        <AppLayout session={state.session} verified={state.verified} version={version} />
      )}
    </SyncProvider>
  );
}

function LocalizedProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = asLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <ConfigProvider theme={themeFor(language)} locale={antdLocaleFor(language)}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** The whole renderer: host API, i18n, antd theme and locale, error boundary, session, shell. */
export function App({ api, i18n, couchBaseUrl, version }: AppProps) {
  const client = useMemo(
    () => createSessionClient({ baseUrl: couchBaseUrl, fetch: window.fetch.bind(window) }),
    [couchBaseUrl],
  );
  return (
    <DesktopApiContext.Provider value={api}>
      <I18nextProvider i18n={i18n}>
        <LocalizedProviders>
          <ErrorBoundary variant="app" version={version}>
            <ServerStatusProvider baseUrl={couchBaseUrl}>
              <AuthProvider client={client} store={window.localStorage}>
                <Shell version={version} couchBaseUrl={couchBaseUrl} />
              </AuthProvider>
            </ServerStatusProvider>
          </ErrorBoundary>
        </LocalizedProviders>
      </I18nextProvider>
    </DesktopApiContext.Provider>
  );
}
