/**
 * The one format of tests/bench/results/*.json: per metric the median and spread of every side
 * (lib/stats.ts `Summary`), the baseline's name, the sample order, and the machine and load once per
 * file. Benchmarks never pass or fail on time (docs/product-rules.md §8.5).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paired } from './samples';
import { round1, summarize, type Summary } from './stats';

/** One metric of a results file. */
export interface MetricRow {
  metric: string;
  unit: string;
  ours: Summary;
  /** Null for a metric without a baseline (e.g. live latency, memory). */
  baseline: Summary | null;
  baselineName: string;
  /** Median of ours / median of the baseline. */
  ratio: number | null;
  /** How the samples were taken, e.g. `ours, baseline, ours, baseline, ours, baseline`. */
  order: string;
  note?: string;
  [extra: string]: unknown;
}

/** A metric measured against a baseline with {@link alternate}. */
export function pairedRow(
  metric: string,
  unit: string,
  samples: Paired,
  baselineName: string,
  extra: { note?: string; [k: string]: unknown } = {},
): MetricRow {
  const ours = summarize(samples.ours);
  const baseline = summarize(samples.baseline);
  return {
    metric,
    unit,
    ours,
    baseline,
    baselineName,
    ratio: baseline.median === 0 ? null : round1((ours.median / baseline.median) * 100) / 100,
    order: samples.order,
    ...extra,
  };
}

/** A metric without a baseline (samples from {@link repeat}). */
export function soloRow(
  metric: string,
  unit: string,
  samples: number[],
  why: string,
  extra: { note?: string; [k: string]: unknown } = {},
): MetricRow {
  return {
    metric,
    unit,
    ours: summarize(samples),
    baseline: null,
    baselineName: `none: ${why}`,
    ratio: null,
    order: `ours × ${samples.length}`,
    ...extra,
  };
}

/** One line for the console. */
export function describeRow(r: MetricRow): string {
  const side = (s: Summary) => `${s.median} [${s.min}–${s.max}]`;
  return `${r.metric}: ours ${side(r.ours)} ${r.unit}${r.baseline ? `, baseline ${side(r.baseline)} (${r.baselineName})` : ''}`;
}

/** Writes tests/bench/results/<name>.json: `{ bench, measuredAt, machine, metrics, … }`. */
export function writeResults(
  name: string,
  metrics: MetricRow[],
  machine: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  const body = { bench: name, measuredAt: new Date().toISOString(), machine, ...extra, metrics };
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
  return file;
}
