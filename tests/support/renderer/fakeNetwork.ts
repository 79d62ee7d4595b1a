import type { NetworkEvents } from '../../../renderer/src/db/replication';

/** The browser's `online`/`offline` events, fired by hand in tests. */
export class FakeNetwork implements NetworkEvents {
  private readonly target = new EventTarget();
  addEventListener(type: 'online' | 'offline', fn: () => void): void {
    this.target.addEventListener(type, fn);
  }
  removeEventListener(type: 'online' | 'offline', fn: () => void): void {
    this.target.removeEventListener(type, fn);
  }
  /** Dispatches `online` or `offline` to the engine's listeners. */
  fire(type: 'online' | 'offline'): void {
    this.target.dispatchEvent(new Event(type));
  }
}
