// Entry point: wires the core logic (src/core) to VS Code. Activation does no I/O beyond reading
// settings; the language server starts when the first task file is open, the API server when a
// command needs it.
const loadedAt = performance.now();
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ApiClient } from './core/api';
import { Commands } from './core/commands';
import { ViewState } from './core/views';
import { ServerStarter, remoteDir, run } from './core/processes';
import { endpoint, isMissing, Missing, Resolved, resolveSettings, tokenFile, UserSettings } from './core/settings';
import { LENS_COMMANDS } from './core/clientOptions';
import { VsHost } from './vscode/host';
import { ClustersTree } from './vscode/tree';
import { isTaskDocument } from './vscode/taskDocument';

/** Loaded on first use (a separate bundle): activation never pays for vscode-languageclient. */
function languageClientModule(): typeof import('./vscode/languageClient') {
  // a computed path, so the bundler leaves it to run time
  return require(path.join(__dirname, 'languageClient.js'));
}

const probe = { isExecutable: (p: string) => { try { fs.accessSync(p, fs.constants.X_OK); return fs.statSync(p).isFile(); } catch { return false; } } };

function userSettings(): UserSettings {
  const c = vscode.workspace.getConfiguration('sky4j');
  return { skyPath: c.get<string>('path'), javaHome: c.get<string>('javaHome'), home: c.get<string>('home'), apiPort: c.get<number>('apiPort') };
}

let client: LanguageClient | undefined;
let timer: NodeJS.Timeout | undefined;
let commands: Commands | undefined;

export interface Sky4jApi {
  activationMillis: number;
}

export function activate(ctx: vscode.ExtensionContext): Sky4jApi {
  const started = performance.now();
  const host = new VsHost(ctx);
  const resolve = (): Resolved | Missing => resolveSettings(userSettings(), process.env, probe);
  let warned = false;
  const required = (): Resolved => {
    const r = resolve();
    if (isMissing(r)) {
      if (!warned) {
        warned = true;
        void vscode.window.showErrorMessage(r.message, 'Open Settings').then((a) => { warned = false; if (a) void host.openSettings(r.setting); });
      }
      throw new Error(r.message);
    }
    return r;
  };
  const starter = new ServerStarter(required);
  const ensure = () => host.withProgress('Starting the API server', () => starter.ensure());
  const api = new ApiClient(() => {
    const e = endpoint(userSettings(), process.env);
    return { baseUrl: e.apiUrl, tokenPath: tokenFile(e.home) };
  }, ensure);

  const state = new ViewState(api);
  const refresh = () => { void state.refresh(); };
  commands = new Commands(host, api, {
    task: async (uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'yaml') return undefined;
      return { fsPath: doc.uri.fsPath, text: doc.getText() };
    },
    refresh,
    cli: (args) => { const r = required(); return run(r.sky, args, r.env, 120_000); },
    remoteDir: (cluster) => remoteDir(required(), cluster),
  });
  const c = commands;

  const bar = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  bar.command = 'workbench.view.extension.sky4j';
  state.onChange(() => { const s = state.statusBar(); bar.text = s.text; bar.tooltip = s.tooltip; bar.show(); });

  const reg = (id: string, f: (arg?: any) => Promise<void>) => ctx.subscriptions.push(vscode.commands.registerCommand(id, f));
  reg('sky4j.launch', (a) => c.launch(a instanceof vscode.Uri ? a.toString() : a));
  reg(LENS_COMMANDS.launch, (a) => c.launch(a));
  reg(LENS_COMMANDS.showPlans, (a) => c.showPlans(a));
  reg('sky4j.launchManaged', (a) => c.launchManaged(a instanceof vscode.Uri ? a.toString() : a));
  reg('sky4j.exec', (a) => c.exec(a instanceof vscode.Uri ? a.toString() : a));
  reg('sky4j.stop', (a) => c.stop(a));
  reg('sky4j.start', (a) => c.start(a));
  reg('sky4j.down', (a) => c.down(a));
  reg('sky4j.autostop', (a) => c.autostop(a));
  reg('sky4j.cancelJob', (a) => c.cancelJob(a));
  reg('sky4j.showGpus', () => c.showGpus());
  reg('sky4j.openLog', (a) => c.openLog(a));
  reg('sky4j.attach', (a) => c.attach(a));
  reg('sky4j.terminal', (a) => c.terminal(a));
  reg('sky4j.refresh', () => state.refresh());

  ctx.subscriptions.push(
    vscode.window.registerTreeDataProvider('sky4j.clusters', new ClustersTree(state, 'clusters')),
    vscode.window.registerTreeDataProvider('sky4j.managedJobs', new ClustersTree(state, 'managed')),
    bar,
  );

  const startClient = (d: vscode.TextDocument) => {
    if (client || !isTaskDocument(d)) return;
    const r = resolve();
    if (isMissing(r)) { required(); return; }
    client = languageClientModule().createClient(r);
    void client.start().catch((e) => vscode.window.showErrorMessage(`sky4j: the language server (${r.sky} lsp) did not start: ${e?.message ?? e}`));
  };
  ctx.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startClient));
  // editor-title/context menus for modeline files, whose names say nothing
  const markTask = (e?: vscode.TextEditor) => { void vscode.commands.executeCommand('setContext', 'sky4j.taskFile', !!e && isTaskDocument(e.document)); };
  ctx.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(markTask));
  markTask(vscode.window.activeTextEditor);
  // after activation returns: loading and starting the client is not activation's cost
  setTimeout(() => vscode.workspace.textDocuments.forEach(startClient), 0);
  ctx.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
    if (!e.affectsConfiguration('sky4j')) return;
    if (client) { const old = client; client = undefined; await old.stop().catch(() => undefined); }
    vscode.workspace.textDocuments.forEach(startClient);
    refresh();
    restartTimer();
  }));

  const restartTimer = () => {
    if (timer) clearInterval(timer);
    const secs = Math.max(2, vscode.workspace.getConfiguration('sky4j').get<number>('refreshSeconds') ?? 15);
    timer = setInterval(refresh, secs * 1000);
  };
  restartTimer();
  refresh();
  void c.logs.resume();

  const activationMillis = performance.now() - started;
  host.output('sky4j').append(`sky4j activated in ${activationMillis.toFixed(1)} ms (activate() body; module evaluated ${(started - loadedAt).toFixed(1)} ms before it was called)\n`);
  return { activationMillis };
}

export async function deactivate(): Promise<void> {
  if (timer) clearInterval(timer);
  commands?.logs.dispose();
  if (client) await client.stop().catch(() => undefined);
}
