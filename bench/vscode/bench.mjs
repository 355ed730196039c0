// Figures for the VS Code extension (docs/benchmarks.md, "VS Code extension"):
//  1. activation: a fresh Node process loads dist/extension.js and calls activate() with a STUB
//     `vscode` module (named as a stub: no VS Code runtime here; the real activation time in
//     code-server is printed by scripts/e2e/vscode.sh). Baseline in the same run: the same
//     harness loading an empty extension. Target: under 200 ms.
//  2. Clusters view refresh with 100 clusters: ViewState.refresh() (GET /status and /jobs over
//     HTTP, JSON, tree model) plus every root's TreeNode, against a FAKE API server (named as a
//     fake: 100 real local clusters would not fit this machine) answering recorded-shape
//     ClusterRecords. Baseline: one GET /health round trip to the same server. Target: < 100 ms.
// Run after `npm run build` in vscode-extension/: node bench/vscode/bench.mjs
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, '../../vscode-extension');
const require = createRequire(import.meta.url);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const harness = path.join(here, 'activate-harness.cjs');
const runs = Number(process.env.RUNS ?? 15);
const empty = path.join(os.tmpdir(), 'sky4j-empty-extension.js');
fs.writeFileSync(empty, 'exports.activate = () => ({});\n');
const time = (file) => Number(execFileSync(process.execPath, [harness, file], { encoding: 'utf8' }).trim());
const act = [], base = [];
for (let i = 0; i < runs; i++) { base.push(time(empty)); act.push(time(path.join(ext, 'dist/extension.js'))); }
console.log(`activation (stub vscode, load + activate): median ${median(act).toFixed(1)} ms over ${runs} fresh processes; empty extension ${median(base).toFixed(2)} ms; ratio ${(median(act) / median(base)).toFixed(0)}x; target < 200 ms`);

const { ViewState } = require(path.join(ext, 'out/src/core/views.js'));
const { ApiClient } = require(path.join(ext, 'out/src/core/api.js'));
const clusters = Array.from({ length: 100 }, (_, i) => ({
  name: `c${String(i).padStart(3, '0')}`, status: i % 4 === 0 ? 'STOPPED' : 'UP', cloud: i % 2 ? 'aws' : 'local', region: i % 2 ? 'us-east-1' : 'local-west',
  zone: null, instanceType: 'p3.2xlarge', numNodes: 1 + (i % 3), accelerators: 'V100:1', spot: i % 5 === 0, resources: '1x(V100:1)',
  pricePerHour: 3.06, autostopMinutes: i % 3 ? 30 : -1, autostopDown: false, launchedAt: 1764761000000, user: 'u', headIp: '127.0.0.2', nodeIps: ['127.0.0.2'], statusMessage: null,
}));
const managed = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `job${i}`, status: 'RUNNING', recoveries: i % 3, resources: 'V100:1', infra: 'aws/us-east-1' }));
const bodies = { '/api/v1/status': JSON.stringify(clusters), '/api/v1/jobs': JSON.stringify(managed), '/api/v1/health': '{"status":"ok"}' };
const server = http.createServer((q, r) => { r.writeHead(200, { 'Content-Type': 'application/json' }); r.end(bodies[q.url.split('?')[0]] ?? '[]'); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const tokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sky4j-bench-'));
fs.writeFileSync(path.join(tokenDir, 'token'), 'sky4j_bench');
const api = new ApiClient(() => ({ baseUrl: `http://127.0.0.1:${server.address().port}`, tokenPath: path.join(tokenDir, 'token') }));
const state = new ViewState(api);
const refresh = [], health = [];
for (let i = 0; i < 60; i++) {
  let t = performance.now();
  await api.get('/health');
  health.push(performance.now() - t);
  t = performance.now();
  await state.refresh();
  const roots = state.clusterRoots();
  state.managedRoots();
  state.statusBar();
  if (roots.length !== 100) throw new Error(`expected 100 roots, got ${roots.length}`);
  refresh.push(performance.now() - t);
}
server.close();
const r = median(refresh.slice(10)), h = median(health.slice(10));
console.log(`clusters view refresh, 100 clusters + 20 managed jobs: median ${r.toFixed(2)} ms (max ${Math.max(...refresh.slice(10)).toFixed(2)} ms); GET /health round trip ${h.toFixed(2)} ms; ratio ${(r / h).toFixed(1)}x; target < 100 ms`);
