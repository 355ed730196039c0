// The language server started exactly as the extension's client does (serverOptions() of the
// resolved settings: command, args, env; the same initializationOptions), driven by
// vscode-languageserver-protocol 3.17.5, the JSON-RPC stack inside vscode-languageclient 9.
// Needs the Java build (cli/target/sky.jar); fails rather than skips under SKY4J_TEST_STRICT=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, DidOpenTextDocumentNotification, CompletionRequest, CodeLensRequest, ShutdownRequest,
  ExitNotification, ConfigurationRequest, RegistrationRequest, PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { resolveSettings, isMissing } from '../../src/core/settings';
import { serverOptions, INITIALIZATION_OPTIONS, DOCUMENT_SELECTOR, LENS_COMMANDS } from '../../src/core/clientOptions';
import { isSkyDocument } from '../../src/core/selector';

const repo = path.resolve(__dirname, '../../../..');
const jar = path.join(repo, 'cli/target/sky.jar');
const probe = { isExecutable: (p: string) => { try { fs.accessSync(p, fs.constants.X_OK); return fs.statSync(p).isFile(); } catch { return false; } } };
const strict = process.env.SKY4J_TEST_STRICT === '1';

test('sky lsp as the extension starts it: diagnostics, priced GPU completions, the Launch lens', { skip: !fs.existsSync(jar) && !strict ? `${jar} not built` : false }, async () => {
  assert.ok(fs.existsSync(jar), `${jar} is missing: build with mvn -B -q package -DskipTests`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sky4j-lsp-ext-'));
  const r = resolveSettings({ skyPath: path.join(repo, 'sky'), home }, { ...process.env, SKY4J_NO_BUILD: '1' }, probe);
  assert.ok(!isMissing(r), isMissing(r) ? r.message : '');
  if (isMissing(r)) return;
  const so = serverOptions(r);
  assert.equal(so.command, path.join(repo, 'sky'));
  assert.deepEqual(so.args, ['lsp']);
  const proc = spawn(so.command, so.args, { env: so.options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diags = new Map<string, PublishDiagnosticsParams>();
  const waiting: ((p: PublishDiagnosticsParams) => boolean)[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => { diags.set(p.uri, p); for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i](p)) waiting.splice(i, 1); });
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => null));
  conn.onRequest(RegistrationRequest.type, () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const nextDiags = (uri: string) => new Promise<PublishDiagnosticsParams>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`no diagnostics in 60 s\n${stderr}`)), 60_000);
    waiting.push((p) => { if (p.uri !== uri) return false; clearTimeout(t); res(p); return true; });
  });
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sky4j-task-'));
    const file = path.join(dir, 'task.yaml');
    const text = 'resources:\n  acelerators: H100:1\nrun: echo hi\n';
    fs.writeFileSync(file, text);
    assert.ok(isSkyDocument({ languageId: 'yaml', fsPath: file, firstLine: 'resources:' }), 'the selector takes task.yaml');
    assert.ok(DOCUMENT_SELECTOR.some((f) => f.language === 'yaml'));
    const uri = pathToFileURL(file).toString();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: pathToFileURL(dir).toString(), initializationOptions: INITIALIZATION_OPTIONS,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: {} }, workspace: { configuration: true } },
      workspaceFolders: null,
    });
    conn.sendNotification(InitializedNotification.type, {});
    const first = nextDiags(uri);
    conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const d = (await first).diagnostics;
    const typo = d.find((x) => x.code === 'unknown-field');
    assert.ok(typo, JSON.stringify(d));
    assert.match(typo.message, /did you mean 'accelerators'/);
    assert.deepEqual(typo.range.start, { line: 1, character: 2 });

    const good = path.join(dir, 'gpu.sky.yaml');
    const goodText = 'resources:\n  accelerators: H1\nrun: echo hi\n';
    const guri = pathToFileURL(good).toString();
    const gd = nextDiags(guri);
    conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: guri, languageId: 'yaml', version: 1, text: goodText } });
    await gd;
    let items: any[] = [];
    for (let i = 0; i < 40 && !items.some((x) => x.label === 'H100:8'); i++) { // the catalog loads in the background
      const list: any = await conn.sendRequest(CompletionRequest.type, { textDocument: { uri: guri }, position: { line: 1, character: 18 } });
      items = list?.items ?? list ?? [];
      if (!items.some((x) => x.label === 'H100:8')) await new Promise((res) => setTimeout(res, 250));
    }
    const h100 = items.find((x) => x.label === 'H100:8');
    assert.ok(h100, items.slice(0, 5).map((x) => x.label).join(','));
    assert.match(h100.detail, /\$[0-9.]+\/h/);

    const okUri = pathToFileURL(path.join(dir, 'ok.sky.yaml')).toString();
    const od = nextDiags(okUri);
    conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: okUri, languageId: 'yaml', version: 1, text: 'resources:\n  cpus: 2\nrun: echo hi\n' } });
    await od;
    const lenses: any[] = (await conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: okUri } })) ?? [];
    const launch = lenses.find((l) => l.command?.command === 'sky.launch');
    assert.ok(launch, JSON.stringify(lenses));
    assert.deepEqual(launch.command.arguments, [okUri]);
    for (const l of lenses) assert.ok(Object.values(LENS_COMMANDS).includes(l.command.command), `the extension registers ${l.command.command}`);
  } finally {
    await Promise.race([conn.sendRequest(ShutdownRequest.type), new Promise((res) => setTimeout(res, 3000))]).catch(() => undefined);
    conn.sendNotification(ExitNotification.type);
    await new Promise((res) => { if (proc.exitCode !== null) res(null); else { proc.on('exit', res); setTimeout(() => { proc.kill(); res(null); }, 3000); } });
    conn.dispose();
  }
});
