/** What every results file records about the machine a bench ran on. */
import os from 'node:os';
import { round1 } from './stats';

/** Load average now, rounded: take it when a bench starts and pass it to {@link machineInfo}. */
export function loadAverage(): number[] {
  return os.loadavg().map(round1);
}

/** The machine block of a results row: CPU, memory, platform, Chromium, load at start and end. */
export function machineInfo(loadAtStart: number[], chromium: string): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    chromium,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memGiB: round1(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAvgAtStart: loadAtStart,
    loadAvgAtEnd: loadAverage(),
    contention: 'shared 2-core machine; other engineers\u2019 test runs may overlap (see loadAvg)',
  };
}
