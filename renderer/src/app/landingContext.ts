import { createContext, useContext } from 'react';
import type { ModuleKey } from './modules';

/** The signed-in user's start screen (`home`, or `public-query` for a kiosk); breadcrumbs and "back" links lead there. */
export const LandingContext = createContext<ModuleKey>('home');

/** The current user's start screen. */
export function useLanding(): ModuleKey {
  return useContext(LandingContext);
}
