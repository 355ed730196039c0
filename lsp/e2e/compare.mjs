// Side by side: sky4j's server vs Red Hat's yaml-language-server given sky4j's exported JSON
// schema, on examples/*.yaml and the broken variants in fixtures/. Prints a markdown table.
// Usage: node compare.mjs [schema.json]   (exports the schema with `./sky schema` if omitted)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Client, skyCommand, yamlLsCommand, yamlSettings, fileUri, e2e, repo } from './lib/client.mjs';

const schema = process.argv[2] ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sky4j-schema-')), 'task.schema.json');
if (!process.argv[2]) {
  fs.writeFileSync(schema, execFileSync(path.join(repo, 'sky'), ['schema'], { env: { ...process.env, SKY4J_NO_BUILD: '1' } }));
}
const files = [
  ...fs.readdirSync(path.join(repo, 'examples')).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(repo, 'examples', f)),
  ...fs.readdirSync(path.join(e2e, 'fixtures')).filter((f) => f.startsWith('broken-')).sort().map((f) => path.join(e2e, 'fixtures', f)),
];

/** Latest diagnostics once the server has been quiet for settleMs after its first publish. */
async function diagnose(client, file, settleMs) {
  const uri = fileUri(file);
  const first = client.nextDiagnostics(uri);
  client.open(uri, fs.readFileSync(file, 'utf8'));
  await first;
  await new Promise((r) => setTimeout(r, settleMs));
  const d = client.diagnostics.get(uri).diagnostics;
  client.close(uri);
  return d.filter((x) => (x.severity ?? 1) === 1);
}

const sky = await Client.start(skyCommand());
const yls = await Client.start(yamlLsCommand(), { settings: yamlSettings(schema) });
const rows = [];
let missed = 0;
let falsePositives = 0;
for (const f of files) {
  const ours = await diagnose(sky, f, 50);
  const theirs = await diagnose(yls, f, 400);
  const ourLines = new Set(ours.map((d) => d.range.start.line));
  // A YAML syntax error: yaml-ls goes on with an error-recovered tree and reports schema errors
  // on it too; those are artefacts of its recovery. The file counts as covered when we report
  // the syntax error (core stops at the first one, as SkyPilot does).
  const syntaxBroken = theirs.some((d) => d.source === 'YAML');
  const weSawSyntax = ours.some((d) => d.code === 'yaml-syntax');
  const notCovered = theirs.filter((d) => !ourLines.has(d.range.start.line) && !(syntaxBroken && weSawSyntax));
  const valid = f.includes(`${path.sep}examples${path.sep}`);
  if (valid && ours.length) falsePositives += ours.length;
  missed += notCovered.length;
  const theirLines = new Set(theirs.map((d) => d.range.start.line));
  const onlyOurs = ours.filter((d) => !theirLines.has(d.range.start.line));
  const fmt = (ds) => ds.map((d) => `${d.range.start.line + 1}${typeof d.code === 'string' ? ` ${d.code}` : d.source === 'YAML' ? ' syntax' : ''}`).join(', ') || '—';
  rows.push(`| ${path.relative(repo, f)} | ${valid ? 'valid' : 'broken'} | ${fmt(theirs)} | ${fmt(ours)} | ${notCovered.length ? `**missed ${notCovered.length}**` : syntaxBroken && weSawSyntax ? 'yes (syntax)' : 'yes'} | ${fmt(onlyOurs)} |`);
}
await sky.stop();
await yls.stop();
console.log('| file | kind | yaml-language-server errors (line) | sky4j errors (line code) | sky4j reports every yaml-ls error | only sky4j (catalog, semantics) |');
console.log('|---|---|---|---|---|---|');
rows.forEach((r) => console.log(r));
console.log(`\n${files.length} files · yaml-ls errors missed by sky4j: ${missed} · sky4j errors on valid examples: ${falsePositives}`);
process.exitCode = missed || falsePositives ? 1 : 0;
