// Language-server figures, sky4j vs Red Hat's yaml-language-server (given sky4j's JSON schema),
// both driven by the same real client over stdio on this machine in the same run.
//   node bench/lsp/bench.mjs [iterations]     (needs ./sky built and `npm ci` in lsp/e2e)
// Prints a markdown table; server-side times come from sky4j's telemetry/event (debounce 0).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client, skyCommand, yamlLsCommand, yamlSettings, fileUri, repo } from '../../lsp/e2e/lib/client.mjs';

const N = Number(process.argv[2] ?? 200);
const here = path.dirname(fileURLToPath(import.meta.url));
const task = fs.readFileSync(path.join(here, 'task-300.yaml'), 'utf8');
const taskLines = task.split('\n');
const accLine = taskLines.findIndex((l) => l.startsWith('  accelerators:'));
const schema = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sky4j-bench-')), 'task.schema.json');
fs.writeFileSync(schema, execFileSync(path.join(repo, 'sky'), ['schema'], { env: { ...process.env, SKY4J_NO_BUILD: '1' } }));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p90 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length * 0.9)]; };
const ms = (x) => x.toFixed(x < 10 ? 2 : 1);

async function startup(command, opts, runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const c = await Client.start(command, opts);
    times.push(c.initMillis);
    await c.stop();
  }
  return times;
}

/** Edits a value in the middle of the file N times; time from sending the edit to the publish. */
async function editLoop(c, uri) {
  const first = c.nextDiagnostics(uri);
  c.open(uri, task);
  await first;
  await new Promise((r) => setTimeout(r, 300));
  const line = taskLines.findIndex((l) => l.startsWith('  PARAM_30:'));
  const col = taskLines[line].length;
  const rt = [];
  for (let v = 2; v < N + 2; v++) {
    const next = c.nextDiagnostics(uri, (p) => p.version === undefined || p.version === null || p.version === v);
    const t0 = process.hrtime.bigint();
    c.change(uri, v, [{ range: { start: { line, character: col }, end: { line, character: col + (v > 2 ? 1 : 0) } }, text: String(v % 10) }]);
    await next;
    rt.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return rt;
}

async function completionLoop(c, uri) {
  const rt = [];
  const character = taskLines[accLine].indexOf(':') + 2;
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    const r = await c.completion(uri, accLine, character);
    rt.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (i === 0) rt.items = (r.items ?? r).length;
  }
  return rt;
}

const skyStart = await startup(skyCommand(), { initializationOptions: { debounceMs: 0 } });
const ylsStart = await startup(yamlLsCommand(), { settings: yamlSettings(schema) });

const sky = await Client.start(skyCommand(), { initializationOptions: { debounceMs: 0, telemetry: true } });
const skyUri = fileUri(path.join(os.tmpdir(), 'sky4j-bench-task.yaml'));
await completionLoop(sky, skyUri).catch(() => {});
const skyEdit = await editLoop(sky, skyUri);
const skyDiagServer = sky.telemetry.filter((e) => e.kind === 'diagnostics').slice(-N).map((e) => e.micros / 1000);
await completionLoop(sky, skyUri); // warm-up
sky.telemetry.length = 0;
const skyComp = await completionLoop(sky, skyUri);
const skyCompServer = sky.telemetry.filter((e) => e.kind === 'completion').map((e) => e.micros / 1000);
await sky.stop();

const yls = await Client.start(yamlLsCommand(), { settings: yamlSettings(schema) });
const ylsUri = fileUri(path.join(os.tmpdir(), 'sky4j-bench-task-yls.yaml'));
const ylsEdit = await editLoop(yls, ylsUri);
await completionLoop(yls, ylsUri);
const ylsComp = await completionLoop(yls, ylsUri);
await yls.stop();

const row = (what, ours, theirs, oursServer) => `| ${what} | ${ms(median(ours))} (p90 ${ms(p90(ours))}) | ${oursServer ? ms(median(oursServer)) : '—'} | ${ms(median(theirs))} (p90 ${ms(p90(theirs))}) | ${(median(theirs) / median(ours)).toFixed(2)}× |`;
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}; ${N} iterations; 300-line task (bench/lsp/task-300.yaml).\n`);
console.log('| measure | sky4j client round trip ms, median | sky4j server-side ms, median | yaml-language-server 1.25.0 ms, median | yaml-ls / sky4j |');
console.log('|---|---|---|---|---|');
console.log(row('server start → `initialize` answered', skyStart, ylsStart));
console.log(row('diagnostics after an edit (edit sent → publishDiagnostics)', skyEdit, ylsEdit, skyDiagServer));
console.log(row(`accelerator completion (${skyComp.items} items for sky4j, ${ylsComp.items} for yaml-ls)`, skyComp, ylsComp, skyCompServer));
