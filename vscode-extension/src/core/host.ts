// The thin seam between the extension's logic and the VS Code API: everything the commands need
// from the editor, as plain functions. src/vscode/host.ts implements it with the real API; the
// unit tests drive the commands through a recording fake of it (named as a fake there).
import type { PickItem } from './requests';
import type { Cancel } from './api';

export interface OutputSink {
  append(text: string): void;
  show(): void;
  clear(): void;
}

export interface Progress {
  report(message: string): void;
}

export interface Host {
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** a modal dialog; resolves true when the user chose `action` */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** a quick pick that also accepts a typed value (validated); undefined when dismissed */
  pickOrType(items: PickItem[], placeholder: string, validate: (v: string) => string | null): Promise<string | undefined>;
  pick(items: PickItem[], placeholder: string): Promise<string | undefined>;
  input(prompt: string, value: string, validate?: (v: string) => string | null): Promise<string | undefined>;
  withProgress<T>(title: string, task: (p: Progress, cancel: Cancel) => Promise<T>): Promise<T>;
  output(name: string): OutputSink;
  copy(text: string): Promise<void>;
  openFolder(uri: string): Promise<void>;
  hasExtension(id: string): boolean;
  installExtension(id: string): Promise<void>;
  terminal(name: string, shell: string, args: string[]): void;
  openSettings(query: string): Promise<void>;
  /** survives a window reload (workspace state) */
  stateGet<T>(key: string): T | undefined;
  stateSet(key: string, value: unknown): Promise<void>;
}
