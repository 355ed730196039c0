// A real LSP client (vscode-languageserver-protocol, the JSON-RPC stack VS Code uses) that
// spawns a server over stdio. Used by the e2e test, the comparison and the benchmark.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, PublishDiagnosticsNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DidChangeConfigurationNotification, ConfigurationRequest, CompletionRequest, HoverRequest,
  ShutdownRequest, ExitNotification, TelemetryEventNotification, RegistrationRequest,
} from 'vscode-languageserver-protocol/node.js';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../../..');
export const e2e = path.resolve(here, '..');
export const fileUri = (p) => pathToFileURL(path.resolve(p)).toString();

/** The sky4j server as editors start it: `./sky lsp` (the jar must be built). */
export function skyCommand() {
  return { cmd: path.join(repo, 'sky'), args: ['lsp'], env: { ...process.env, SKY4J_NO_BUILD: '1' } };
}

/** Red Hat's yaml-language-server, installed by npm ci next to this file. */
export function yamlLsCommand() {
  return { cmd: process.execPath, args: [path.join(here, '..', 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], env: process.env };
}

export class Client {
  static async start({ cmd, args, env }, { initializationOptions = {}, settings = {} } = {}) {
    const c = new Client();
    const t0 = process.hrtime.bigint();
    c.proc = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    c.stderr = '';
    c.proc.stderr.on('data', (d) => { c.stderr += d.toString(); });
    c.conn = createProtocolConnection(new StreamMessageReader(c.proc.stdout), new StreamMessageWriter(c.proc.stdin));
    c.diagnostics = new Map();
    c.waiters = [];
    c.telemetry = [];
    c.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      c.diagnostics.set(p.uri, p);
      c.waiters = c.waiters.filter((w) => !w(p));
    });
    c.conn.onNotification(TelemetryEventNotification.type, (e) => c.telemetry.push(e));
    c.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section ? settings[i.section] ?? null : settings)));
    c.conn.onRequest(RegistrationRequest.type, () => null);
    c.conn.onRequest('window/workDoneProgress/create', () => null);
    c.conn.onNotification('window/logMessage', () => {});
    c.conn.listen();
    c.init = await c.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: fileUri(repo), initializationOptions,
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          hover: { contentFormat: ['markdown'] }, publishDiagnostics: { versionSupport: true },
          synchronization: { didSave: false },
        },
        workspace: { configuration: true },
      },
      workspaceFolders: [{ uri: fileUri(repo), name: 'repo' }],
    });
    c.initMillis = Number(process.hrtime.bigint() - t0) / 1e6;
    c.conn.sendNotification(InitializedNotification.type, {});
    if (Object.keys(settings).length) {
      c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings });
    }
    return c;
  }

  /** Resolves with the next diagnostics for uri that pass test (default: any). */
  nextDiagnostics(uri, test = () => true, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.waiters.push((p) => {
        if (p.uri !== uri || !test(p)) return false;
        clearTimeout(timer);
        resolve(p);
        return true;
      });
    });
  }

  open(uri, text, version = 1) {
    this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri, version, contentChanges) {
    this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri) {
    this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  completion(uri, line, character) {
    return this.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  hover(uri, line, character) {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 3000))]);
      this.conn.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    await new Promise((r) => { if (this.proc.exitCode !== null) r(); else { this.proc.on('exit', r); setTimeout(() => { this.proc.kill(); r(); }, 3000); } });
    this.conn.dispose();
  }
}

/** yaml-language-server settings that point it at a JSON schema file for every *.yaml. */
export function yamlSettings(schemaPath) {
  return { yaml: { validate: true, completion: true, hover: true, schemas: { [fileUri(schemaPath)]: ['*.yaml', '**/*.yaml'] } } };
}
