// The Host seam implemented with the real VS Code API (kept this thin on purpose: the logic it
// serves is in src/core and unit-tested).
import * as vscode from 'vscode';
import type { Host, OutputSink, Progress } from '../core/host';
import type { Cancel } from '../core/api';
import type { PickItem } from '../core/requests';

export class VsHost implements Host {
  private readonly channels = new Map<string, vscode.OutputChannel>();

  constructor(private readonly ctx: vscode.ExtensionContext) {}

  info(message: string, ...actions: string[]) { return Promise.resolve(vscode.window.showInformationMessage(message, ...actions)); }
  error(message: string, ...actions: string[]) { return Promise.resolve(vscode.window.showErrorMessage(message, ...actions)); }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    return (await vscode.window.showInformationMessage(message, { modal: true, detail }, action)) === action;
  }

  pickOrType(items: PickItem[], placeholder: string, validate: (v: string) => string | null): Promise<string | undefined> {
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { value: string }>();
      const base = items.map((i) => ({ ...i }));
      qp.items = base;
      qp.placeholder = placeholder;
      qp.onDidChangeValue((v) => {
        const typed = v.trim();
        const problem = typed ? validate(typed) : null;
        qp.items = typed && !base.some((i) => i.value === typed)
          ? [{ label: typed, description: problem ?? 'new cluster', value: typed }, ...base.slice(1)] : base;
      });
      let done = false;
      qp.onDidAccept(() => {
        const sel = qp.selectedItems[0]?.value ?? qp.value.trim();
        if (!sel || validate(sel)) return;
        done = true;
        resolve(sel);
        qp.hide();
      });
      qp.onDidHide(() => { if (!done) resolve(undefined); qp.dispose(); });
      qp.show();
    });
  }

  async pick(items: PickItem[], placeholder: string): Promise<string | undefined> {
    return (await vscode.window.showQuickPick(items, { placeHolder: placeholder }))?.value;
  }

  input(prompt: string, value: string, validate?: (v: string) => string | null): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInputBox({ prompt, value, validateInput: validate ? (v) => validate(v) : undefined }));
  }

  withProgress<T>(title: string, task: (p: Progress, cancel: Cancel) => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `sky4j: ${title}`, cancellable: true },
      (p, token) => task({ report: (message) => p.report({ message }) },
        { get cancelled() { return token.isCancellationRequested; }, onCancel: (f) => { token.onCancellationRequested(f); } })));
  }

  output(name: string): OutputSink {
    let ch = this.channels.get(name);
    if (!ch) {
      ch = vscode.window.createOutputChannel(name);
      this.channels.set(name, ch);
      this.ctx.subscriptions.push(ch);
    }
    const c = ch;
    return { append: (t) => c.append(t), show: () => c.show(true), clear: () => c.clear() };
  }

  copy(text: string) { return Promise.resolve(vscode.env.clipboard.writeText(text)); }

  async openFolder(uri: string): Promise<void> {
    await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.parse(uri), { forceNewWindow: true });
  }

  hasExtension(id: string) { return vscode.extensions.getExtension(id) !== undefined; }

  async installExtension(id: string) { await vscode.commands.executeCommand('workbench.extensions.installExtension', id); }

  terminal(name: string, shell: string, args: string[]): void {
    vscode.window.createTerminal({ name, shellPath: shell, shellArgs: args }).show();
  }

  async openSettings(query: string) { await vscode.commands.executeCommand('workbench.action.openSettings', query); }

  stateGet<T>(key: string) { return this.ctx.workspaceState.get<T>(key); }
  stateSet(key: string, value: unknown) { return Promise.resolve(this.ctx.workspaceState.update(key, value)); }
}
