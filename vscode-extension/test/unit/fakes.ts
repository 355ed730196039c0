// FAKES, named as such. FakeApiServer stands in for the sky4j API server in the unit tests (the
// real one needs the Java build; test/lsp and scripts/e2e/vscode.sh run against the real one).
// RecordingHost stands in for the VS Code window behind the Host seam (the real one is driven in
// code-server by scripts/e2e/vscode.sh).
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Host, OutputSink } from '../../src/core/host';
import type { PickItem } from '../../src/core/requests';
import type { Cancel } from '../../src/core/api';

export interface Seen {
  method: string;
  url: string;
  auth?: string;
  body?: any;
}

export type Handler = (req: Seen, res: http.ServerResponse) => void;

export class FakeApiServer {
  readonly seen: Seen[] = [];
  private server!: http.Server;
  port = 0;
  readonly home = fs.mkdtempSync(path.join(os.tmpdir(), 'sky4j-ext-test-'));

  constructor(private readonly routes: Record<string, Handler>) {}

  async start(port = 0): Promise<this> {
    fs.mkdirSync(path.join(this.home, 'server'), { recursive: true });
    fs.writeFileSync(path.join(this.home, 'server', 'token'), 'sky4j_test_token\n', { mode: 0o600 });
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const seen: Seen = { method: req.method!, url: req.url!, auth: req.headers.authorization, body: text ? JSON.parse(text) : undefined };
        this.seen.push(seen);
        const key = `${req.method} ${req.url!.split('?')[0].replace(/^\/api\/v1/, '')}`;
        const h = this.routes[key];
        if (!h) { res.writeHead(404, { 'Content-Type': 'application/problem+json' }); res.end(JSON.stringify({ code: 'no-such-route', message: `no route ${key}` })); return; }
        h(seen, res);
      });
    });
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get endpoint() {
    return { baseUrl: `http://127.0.0.1:${this.port}`, tokenPath: path.join(this.home, 'server', 'token') };
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

export const json = (body: unknown, status = 200): Handler => (_q, res) => {
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' });
  res.end(JSON.stringify(body));
};

export function sse(events: [string, unknown][]): Handler {
  return (_q, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    for (const [e, d] of events) res.write(`event: ${e}\ndata: ${JSON.stringify(d)}\n\n`);
    res.end();
  };
}

export class RecordingHost implements Host {
  readonly calls: string[] = [];
  readonly outputs = new Map<string, string>();
  readonly state = new Map<string, unknown>();
  answers: Record<string, string | boolean | undefined> = {};
  extensions = new Set<string>();
  copied: string[] = [];
  opened: string[] = [];
  terminals: [string, string, string[]][] = [];

  private answer(kind: string, fallback?: any) {
    return kind in this.answers ? this.answers[kind] : fallback;
  }

  async info(m: string, ...a: string[]) { this.calls.push(`info: ${m}`); return this.answer('info') as string | undefined; }
  async error(m: string, ...a: string[]) { this.calls.push(`error: ${m}`); return undefined; }
  async confirm(m: string, d: string, action: string) { this.calls.push(`confirm: ${m} | ${d}`); return this.answer('confirm', true) as boolean; }
  async pickOrType(items: PickItem[], ph: string, validate: (v: string) => string | null) {
    this.calls.push(`pickOrType: ${items.map((i) => i.value).join(',')}`);
    const v = this.answer('pickOrType', items[0]?.value) as string | undefined;
    return v && !validate(v) ? v : undefined;
  }
  async pick(items: PickItem[], ph: string) { this.calls.push(`pick: ${items.map((i) => i.value).join(',')}`); return this.answer('pick', items[0]?.value) as string | undefined; }
  async input(p: string, v: string) { this.calls.push(`input: ${p}`); return this.answer('input', v) as string | undefined; }
  async withProgress<T>(title: string, task: (p: { report(m: string): void }, c: Cancel) => Promise<T>) {
    this.calls.push(`progress: ${title}`);
    // answers.cancel: the user presses Cancel on the notification right away
    const cancel = this.answers.cancel === true;
    return task({ report: (m) => this.calls.push(`report: ${m}`) }, { cancelled: cancel, onCancel: (f) => { if (cancel) setTimeout(f, 10); } });
  }
  output(name: string): OutputSink {
    return { append: (t) => this.outputs.set(name, (this.outputs.get(name) ?? '') + t), show: () => undefined, clear: () => this.outputs.set(name, '') };
  }
  async copy(t: string) { this.copied.push(t); }
  async openFolder(u: string) { this.opened.push(u); }
  hasExtension(id: string) { return this.extensions.has(id); }
  async installExtension(id: string) { this.calls.push(`install: ${id}`); }
  terminal(n: string, s: string, a: string[]) { this.terminals.push([n, s, a]); }
  async openSettings(q: string) { this.calls.push(`settings: ${q}`); }
  stateGet<T>(k: string) { return this.state.get(k) as T | undefined; }
  async stateSet(k: string, v: unknown) { this.state.set(k, v); }
}
