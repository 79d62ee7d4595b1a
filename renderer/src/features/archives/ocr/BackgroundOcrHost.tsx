import { useEffect } from 'react';
import { useArchiveSession } from '../model/useArchiveSession';
import { attachBackgroundOcr } from './backgroundOcr';

/**
 * Keeps this workstation's background OCR runner going while archive staff are signed in (mounted
 * once by the app layout, whatever screen is shown); it does nothing until the setting is on.
 */
export function BackgroundOcrHost() {
  const session = useArchiveSession();
  useEffect(() => (session?.canFile ? attachBackgroundOcr(session) : undefined), [session]);
  return null;
}
