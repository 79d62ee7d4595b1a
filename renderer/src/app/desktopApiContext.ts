import { createContext, useContext } from 'react';
import type { DesktopApi } from '../../../electron/common/ipcContract';

/** The host API for the component tree (tests can provide a fake). */
export const DesktopApiContext = createContext<DesktopApi | null>(null);

/** The host API; throws outside the provider (a wiring bug, not a user error). */
export function useDesktopApi(): DesktopApi {
  const api = useContext(DesktopApiContext);
  if (!api) throw new Error('useDesktopApi must be used inside <DesktopApiContext.Provider>');
  return api;
}
