/**
 * The kiosk's idle reset: after `timeoutMs` without a touch, click, key or scroll, `onIdle` runs
 * (the kiosk goes back to its start screen and clears what was typed). DOM-free apart from an
 * EventTarget, so it is unit-tested with fake timers.
 */

/** Default idle time of a kiosk before it resets (issue 11: 60 s). */
export const KIOSK_IDLE_MS = 60_000;

/** The events that count as activity. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

/** Where the terminal's own setting lives (seconds, set by the administrator at the terminal). */
export const IDLE_SETTING_KEY = 'courtdesk.kiosk.idleSeconds';

/**
 * The idle time of this terminal: the `courtdesk.kiosk.idleSeconds` setting when it holds a
 * whole number of seconds in [5, 600], else {@link KIOSK_IDLE_MS}.
 */
export function idleTimeoutMs(stored: string | null): number {
  if (stored === null || !/^\d+$/.test(stored.trim())) return KIOSK_IDLE_MS;
  const s = Number(stored);
  return s >= 5 && s <= 600 ? s * 1000 : KIOSK_IDLE_MS;
}

/** Starts watching `target`; returns the function that stops it. */
export function watchIdle(target: EventTarget, timeoutMs: number, onIdle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onIdle();
    }, timeoutMs);
  };
  for (const e of ACTIVITY_EVENTS) target.addEventListener(e, arm, { passive: true, capture: true });
  arm();
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
    for (const e of ACTIVITY_EVENTS) target.removeEventListener(e, arm, { capture: true });
  };
}
