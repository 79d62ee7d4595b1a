import { CouchHttp } from '/work/wt/numbers/sync-server/src/workers/couchHttp';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
const url = process.env.COUCH_URL!;
const couch = new CouchHttp(url);
const t0 = Date.now();
const ts = () => ((Date.now() - t0) / 1000).toFixed(1);
const child = spawn(process.execPath, ['sync-server/bin/courtdesk-server.mjs', 'worker', '--couch', url], { stdio: ['ignore', 'pipe', 'pipe'] });
let lines = 0;
child.stdout.on('data', (c) => { for (const l of c.toString().split('\n')) if (l) { lines++; if (lines < 40 || !l.includes('assigned')) console.log(ts(), l.slice(0, 200)); } });
child.stderr.on('data', (c) => console.log(ts(), 'ERR', c.toString().slice(0, 300)));
await new Promise((r) => setTimeout(r, 8000));
const year = 2950 + Math.floor(Math.random()*40);
for (let i = 0; i < 20; i++) {
  const id = 'case:' + randomUUID();
  const r = await couch.request('PUT', 'courtdesk_cases/' + encodeURIComponent(id), { _id: id, type: 'case', schemaVersion: 2, createdAt: new Date().toISOString(), createdBy: 'admin', court: '甘0402', caseType: '民初', filingDate: `${year}-03-02`, cause: '民间借贷纠纷', parties: [{ role: 'plaintiff', kind: 'natural', name: '张三' }] });
}
console.log(ts(), 'filed 20');
await new Promise((r) => setTimeout(r, 40000));
child.kill('SIGTERM');
process.exit(0);
