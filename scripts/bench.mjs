#!/usr/bin/env node
// `npm run bench`: runs every benchmark in tests/bench (each measures ours and a baseline in the
// same run, ≥ 3 samples per side in alternating order, and writes tests/bench/results/<name>.json
// with the median and spread of every metric and the load average during the run).
// Benchmarks never pass or fail on time (docs/product-rules.md §8.5).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'tests', 'bench');
const only = process.argv[2];
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'))
  .filter((f) => !only || f.startsWith(only));
let failed = 0;
for (const file of benches) {
  console.log(`\n=== bench ${file}`);
  const res = spawnSync('npx', ['tsx', path.join(dir, file)], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
console.log(`\n${benches.length - failed} benchmarks ran, ${failed} failed; results in tests/bench/results/`);
process.exit(failed ? 1 : 0);
