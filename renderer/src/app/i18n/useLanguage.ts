import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/common/ipcContract';
import { useDesktopApi } from '../desktopApiContext';
import { applyDayjsLocale, asLanguage } from './i18n';

/** The current UI language and a setter that switches at run time (no reload) and persists the choice. */
export function useLanguage(): { language: Language; setLanguage: (next: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const api = useDesktopApi();
  const language = asLanguage(i18n.resolvedLanguage ?? i18n.language);
  const setLanguage = useCallback(
    async (next: Language) => {
      applyDayjsLocale(next);
      document.documentElement.lang = next;
      await i18n.changeLanguage(next);
      // Persisting is best effort: the switch already happened and must not be undone by a failed write.
      const saved = await api
        .invoke('settings:setLanguage', next)
        .catch((err: unknown) => ({ ok: false, error: err }));
      if (!saved.ok) console.warn('CourtDesk: could not save the language preference', saved.error);
    },
    [api, i18n],
  );
  return { language, setLanguage };
}
