import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleTimeoutMs, KIOSK_IDLE_MS, watchIdle } from './idleTimer';

describe('kiosk idle reset', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires after 60 s without activity, and each touch or key starts the 60 s again', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle(target, KIOSK_IDLE_MS, onIdle);
    vi.advanceTimersByTime(59_000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(59_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    // Once idle it stays quiet until the next activity arms it again.
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event('touchstart'));
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(2);
    stop();
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(2);
  });

  it('reads the terminal setting in whole seconds within 5–600, else 60 s', () => {
    expect(idleTimeoutMs(null)).toBe(60_000);
    expect(idleTimeoutMs('5')).toBe(5000);
    expect(idleTimeoutMs('120')).toBe(120_000);
    expect(idleTimeoutMs('4')).toBe(60_000);
    expect(idleTimeoutMs('601')).toBe(60_000);
    expect(idleTimeoutMs('1.5')).toBe(60_000);
    expect(idleTimeoutMs('abc')).toBe(60_000);
  });
});
