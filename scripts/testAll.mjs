#!/usr/bin/env node
// Runs every check and test suite in order, then prints one closing line "N passed, N failed, N skipped".
// Static checks (typecheck, lint) count as one test each. Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'artifacts', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, cmd, args, { vitestReport } = {}) {
  const started = Date.now();
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = res.status === 0;
  if (vitestReport && existsSync(vitestReport)) {
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
    const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += skipped;
    // A runner that failed without a failing test (crash, failed hook) still counts as one failure.
    if (!ok && report.numFailedTests === 0) totals.failed += 1;
    lines.push(
      `${ok ? 'ok  ' : 'FAIL'} ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped (${seconds}s)`,
    );
  } else {
    totals[ok ? 'passed' : 'failed'] += 1;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds}s)`);
  }
  return ok;
}

function vitest(label, project, extra = []) {
  const out = path.join(reports, `${project}.json`);
  return run(
    label,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...extra,
    ],
    {
      vitestReport: out,
    },
  );
}

run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('lint', 'npm', ['run', '--silent', 'lint']);
run('format', 'npm', ['run', '--silent', 'format:check']);
vitest('unit (core, electron main, sync-server, lint rules)', 'unit');
vitest('renderer unit', 'renderer');
vitest(`conformance (${process.env.COUCH_URL ? 'COUCH_URL' : 'embedded server'})`, 'conformance');
vitest(`integration (${process.env.COUCH_URL ? 'COUCH_URL' : 'embedded server'})`, 'integration');
run('build renderer + electron bundles', 'npm', ['run', '--silent', 'build']);
vitest('end-to-end (Chromium; Electron where present)', 'e2e');

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
