import { useEffect, type RefObject } from 'react';

/**
 * Scrolls an overflowing element down slowly, holds at the end, jumps back to the top, holds, and
 * again (a lobby board nobody touches). Nothing moves while the content fits.
 */
export function useAutoScroll(ref: RefObject<HTMLElement | null>, pxPerSecond = 40, pauseMs = 4000): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    let frame = 0;
    let last = 0;
    let phase: 'topHold' | 'scrolling' | 'bottomHold' = 'topHold';
    let holdUntil = performance.now() + pauseMs;
    let position = 0;
    const step = (now: number) => {
      const dt = last ? now - last : 0;
      last = now;
      const max = el.scrollHeight - el.clientHeight;
      if (max <= 0) {
        phase = 'topHold';
        position = 0;
        holdUntil = now + pauseMs;
      } else if (phase === 'topHold' && now >= holdUntil) {
        phase = 'scrolling';
      } else if (phase === 'scrolling') {
        position = Math.min(max, position + (pxPerSecond * dt) / 1000);
        if (position >= max) {
          phase = 'bottomHold';
          holdUntil = now + pauseMs;
        }
      } else if (phase === 'bottomHold' && now >= holdUntil) {
        phase = 'topHold';
        position = 0;
        holdUntil = now + pauseMs;
      }
      el.scrollTop = position;
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [ref, pxPerSecond, pauseMs]);
}
