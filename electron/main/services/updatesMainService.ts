/** The piece of an auto-updater the policy drives (electron-updater's or Electron's autoUpdater). */
export interface Updater {
  checkForUpdates(): Promise<unknown> | unknown;
}

/** Why automatic updates are or are not running, for logs and About. */
export type UpdateState = 'disabled-by-policy' | 'not-packaged' | 'no-updater' | 'enabled';

/**
 * Update policy: with `updates: "off"` in the machine config (managed PCs, where IT pushes new
 * MSIs) the updater is never even asked to check. Development builds never update either.
 */
export class UpdatesMainService {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly deps: {
      policy: () => 'on' | 'off';
      isPackaged: boolean;
      updater: Updater | null;
      log?: (message: string) => void;
      intervalMs?: number;
    },
  ) {}

  /** What start() would do under the current policy. */
  state(): UpdateState {
    if (this.deps.policy() === 'off') return 'disabled-by-policy';
    if (!this.deps.isPackaged) return 'not-packaged';
    if (this.deps.updater === null) return 'no-updater';
    return 'enabled';
  }

  /** Checks now and periodically, if and only if the policy allows it; returns the state. */
  start(): UpdateState {
    const state = this.state();
    (this.deps.log ?? ((m: string) => console.info(`[updates] ${m}`)))(`automatic updates: ${state}`);
    const updater = this.deps.updater;
    if (state !== 'enabled' || updater === null) return state;
    const check = async (): Promise<void> => {
      if (this.deps.policy() === 'off') return;
      try {
        await updater.checkForUpdates();
      } catch (error) {
        console.warn('[updates] check failed', error);
      }
    };
    void check();
    this.timer = setInterval(() => void check(), this.deps.intervalMs ?? 6 * 60 * 60 * 1000);
    this.timer.unref?.();
    return state;
  }

  /** Stops periodic checks. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
