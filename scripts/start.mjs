#!/usr/bin/env node
// `npm start`: builds the app, starts the embedded server with demo data and its worker (official
// case numbers, judge assignment) unless a server is configured, then opens CourtDesk — in
// Electron where its binary exists (or not with --browser), otherwise serving the renderer on
// 127.0.0.1 and printing the URL for a browser. The embedded server's port and data folder follow
// COURTDESK_PORT and COURTDESK_DATA_DIR (default 15984 and .data/server).
//   npm start -- [--server=URL] [--app-port=8480] [--no-build] [--browser]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, ...v] = a.replace(/^--/, '').split('=');
    return [k, v.length ? v.join('=') : true];
  }),
);
const cli = path.join(root, 'sync-server', 'bin', 'courtdesk-server.mjs');
const appPort = String(args['app-port'] ?? 8480);
const children = new Set();

function machineConfigServer() {
  const file =
    process.platform === 'win32'
      ? path.join(process.env.ProgramData ?? 'C:\\ProgramData', 'CourtDesk', 'config.json')
      : '/etc/courtdesk/config.json';
  try {
    const url = JSON.parse(readFileSync(file, 'utf8')).serverUrl;
    return typeof url === 'string' && url ? url : undefined;
  } catch {
    return undefined;
  }
}

function electronBinary() {
  try {
    const bin = createRequire(import.meta.url)('electron');
    return typeof bin === 'string' && existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** Spawns a child, echoes its output, resolves with the output so far once it matches `readyPattern`. */
function startChild(cmd, cmdArgs, readyPattern) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', (code) => {
    children.delete(child);
    if (code !== 0 && code !== null) {
      console.error(`${path.basename(cmdArgs[0] ?? cmd)} exited with code ${code}`);
      stopAll(code);
    }
  });
  return new Promise((resolve) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffered += chunk.toString();
      if (readyPattern.test(buffered)) resolve(buffered);
    });
  });
}

function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  if (children.size === 0) process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

if (!args['no-build']) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const configured =
  (typeof args.server === 'string' && args.server) ||
  process.env.COURTDESK_SERVER_URL ||
  machineConfigServer();
const electron = args.browser ? undefined : electronBinary();
let serverUrl = configured;

if (!configured) {
  // The worker runs inside `start` by default, as the embedded server's admin (its password stays
  // in .data/server/server.json, never on a command line).
  const serverArgs = [cli, 'start', '--demo', ...(electron ? [] : ['--app-port', appPort])];
  const output = await startChild(process.execPath, serverArgs, /ready; press Ctrl\+C/);
  serverUrl = /CourtDesk embedded server: (http:\/\/[^\s/]+)/.exec(output)?.[1];
  if (!serverUrl) {
    stopAll(1);
    throw new Error('could not read the embedded server address from its output');
  }
} else if (!electron) {
  // The app host never uses credentials (each browser signs in itself): keep them off the command line.
  const couch = new URL(configured);
  couch.username = '';
  couch.password = '';
  await startChild(
    process.execPath,
    [cli, 'serve-app', '--couch', couch.toString(), '--port', appPort],
    /CourtDesk app: /,
  );
}

if (electron) {
  console.log(`starting the CourtDesk desktop app (server ${new URL(serverUrl).origin})`);
  const app = spawn(electron, [root, `--server=${serverUrl}`], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => stopAll(code ?? 0));
} else {
  console.log(
    args.browser
      ? '\nCourtDesk runs in your browser:'
      : '\nThe Electron binary is not installed here, so CourtDesk runs in your browser:',
  );
  console.log(
    `  open http://127.0.0.1:${appPort}/  — demo sign-in: clerk.wang / courtdesk (see README for other roles)`,
  );
}
