// End to end: the built `./sky lsp` driven over stdio by vscode-languageserver-protocol.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client, skyCommand, fileUri, here, repo } from '../lib/client.mjs';

const sample = path.join(here, '..', 'fixtures', 'sample.yaml');
const text = `# sample — non-ASCII comment: ü 🚀
name: sample
resources:
  accelerator: H100:8
  disk_tier: fastest
run: |
  echo 🚀 done
`;

test('diagnostics, completion and hover through a real client', async () => {
  const c = await Client.start(skyCommand());
  try {
    assert.equal(c.init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    const uri = fileUri(sample);
    c.open(uri, text);
    const diags = (await c.nextDiagnostics(uri)).diagnostics;
    const typo = diags.find((d) => d.code === 'unknown-field');
    assert.ok(typo, JSON.stringify(diags));
    assert.match(typo.message, /did you mean 'accelerators'/);
    assert.deepEqual(typo.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 13 } });
    assert.ok(diags.some((d) => d.severity === 1 && /fastest/.test(d.message)));

    // fix the typo with an incremental edit, then ask for accelerator completions
    c.change(uri, 2, [{ range: { start: { line: 3, character: 13 }, end: { line: 3, character: 13 } }, text: 's' }]);
    const after = await c.nextDiagnostics(uri, (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'unknown-field'));
    const hover = await c.hover(uri, 3, 18);
    assert.match(hover.contents.value, /\| cloud \| region \| instance/);
    c.change(uri, 3, [{ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 22 } }, text: 'H1' }]);
    const list = await c.completion(uri, 3, 18);
    const items = list.items ?? list;
    const h100 = items.find((i) => i.label === 'H100:8');
    assert.ok(h100, items.slice(0, 5).map((i) => i.label).join(','));
    assert.match(h100.detail, /80 GB · \$[0-9.]+\/h · spot \$[0-9.]+\/h/);
  } finally {
    await c.stop();
  }
});

test('sky lsp --check prints the same findings as sky validate and fails on errors', () => {
  const bad = path.join(here, '..', 'fixtures', 'broken-typo.yaml');
  const run = (args) => {
    try {
      return { out: execFileSync(path.join(repo, 'sky'), args, { env: { ...process.env, SKY4J_NO_BUILD: '1' } }).toString(), code: 0 };
    } catch (e) {
      return { out: e.stdout.toString(), code: e.status };
    }
  };
  const check = run(['lsp', '--check', bad]);
  const validate = run(['validate', bad]);
  assert.equal(check.code, 1);
  assert.equal(check.out, validate.out);
  assert.match(check.out, /error\[unknown-field\]/);
});
