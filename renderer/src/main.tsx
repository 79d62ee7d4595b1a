import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../../electron/common/ipcContract';
import { App } from './app/App';
import { applyDayjsLocale, createI18n } from './app/i18n/i18n';
import { APP_VERSION } from './platform/appVersion';
import { getDesktopApi } from './platform/desktopApi';
import './app/app.css';

/**
 * Renderer entry: reads the saved language first (so the first paint is already in it), then
 * mounts the app. CouchDB is always reached through this origin's `/couch` proxy.
 */
async function bootstrap(): Promise<void> {
  const api = getDesktopApi();
  let language: Language = 'zh-CN';
  try {
    const settings = await api.invoke('settings:get');
    if (settings.ok) language = settings.value.language;
  } catch (err) {
    console.warn('CourtDesk: could not read settings; starting in zh-CN', err);
  }
  applyDayjsLocale(language);
  document.documentElement.lang = language;
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App
        api={api}
        i18n={createI18n(language)}
        couchBaseUrl={`${window.location.origin}/couch`}
        version={APP_VERSION}
      />
    </StrictMode>,
  );
}

void bootstrap();
