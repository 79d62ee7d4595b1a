/** What every results file records about the machine a bench ran on, load during the run included. */
import os from 'node:os';
import { quantile, round1 } from './stats';

/** Samples the 1-minute load average every `everyMs` until stopped. */
export class LoadMonitor {
  private readonly samples: number[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  readonly atStart: number[];

  constructor(everyMs = 5000) {
    this.atStart = os.loadavg().map(round1);
    this.samples.push(os.loadavg()[0] ?? 0);
    this.timer = setInterval(() => this.samples.push(os.loadavg()[0] ?? 0), everyMs);
    this.timer.unref();
  }

  /** Stops sampling; the load average (1 min) seen during the run: min, median, max. */
  stop(): Record<string, unknown> {
    clearInterval(this.timer);
    this.samples.push(os.loadavg()[0] ?? 0);
    return {
      loadAvgAtStart: this.atStart,
      loadAvgAtEnd: os.loadavg().map(round1),
      loadAvg1mDuringRun: {
        min: round1(Math.min(...this.samples)),
        median: round1(quantile(this.samples, 0.5)),
        max: round1(Math.max(...this.samples)),
        samples: this.samples.length,
      },
    };
  }
}

/** The machine block of a results file: CPU, memory, platform, Chromium and the load seen. */
export function machineInfo(load: LoadMonitor, chromium: string): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    chromium,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memGiB: round1(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    ...load.stop(),
    contention:
      'shared 2-core machine: other engineers’ test runs overlap (see loadAvg1mDuringRun); compare ours with the baseline of the same run, not absolute times',
  };
}
