// The REST client (docs/openapi.json) over node:http: the token is read from the token file at
// every call (so `sky api rotate-token` and a restarted server are picked up), a refused
// connection makes the server be started through the CLI and the call retried once, and log
// streams resume from their last offset after a drop (a server restart included).
import * as http from 'node:http';
import * as fs from 'node:fs';
import { SseParser, toLogEvent, withOffset, LogEvent } from './sse';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string | undefined, message: string, readonly diagnosticsText?: string) {
    super(message);
  }
}

/** No server answers at the URL (connection refused/reset): start one, then retry. */
export class ServerDown extends Error {}

export interface Cancel {
  readonly cancelled: boolean;
  onCancel(f: () => void): void;
}

export interface Endpoint {
  baseUrl: string;
  tokenPath: string;
}

export class ApiClient {
  /**
   * endpoint is asked at every call (settings may change); ensureServer starts the local server
   * (the CLI's `sky api start`) and resolves when it is up.
   */
  constructor(private readonly endpoint: () => Endpoint, private readonly ensureServer?: () => Promise<void>) {}

  get baseUrl(): string {
    return this.endpoint().baseUrl;
  }

  token(): string | undefined {
    try {
      return fs.readFileSync(this.endpoint().tokenPath, 'utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** start: whether a refused connection starts the server (commands) or not (view refreshes) */
  get<T>(path: string, start = true): Promise<T> {
    return start ? this.call<T>('GET', path) : this.once<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await this.once<T>(method, path, body);
    } catch (e) {
      if (!(e instanceof ServerDown) || !this.ensureServer) throw e;
      await this.ensureServer();
      return this.once<T>(method, path, body);
    }
  }

  async healthy(): Promise<boolean> {
    try {
      await this.once('GET', '/health');
      return true;
    } catch {
      return false;
    }
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json', ...extra };
    const t = this.token();
    if (t) h.Authorization = `Bearer ${t}`;
    return h;
  }

  private url(path: string): URL {
    return new URL(`${this.baseUrl.replace(/\/$/, '')}/api/v1${path}`);
  }

  private once<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = this.headers(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {});
    return new Promise<T>((resolve, reject) => {
      const req = http.request(this.url(path), { method, headers, timeout: 120_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 400) return reject(problemOf(status, text));
          if (!text) return resolve(undefined as T);
          try {
            resolve(JSON.parse(text) as T);
          } catch {
            reject(new ApiError(status, 'bad-response', `the server at ${this.baseUrl} answered something that is not JSON`));
          }
        });
        res.on('error', (e) => reject(netError(e, this.baseUrl)));
      });
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (e) => reject(netError(e, this.baseUrl)));
      req.end(payload);
    });
  }

  /**
   * Follows an SSE log from `offset` until its `end` (resolved with it), reconnecting from the
   * last offset when the connection drops; `onText` sees every byte once. A `problem` event or a
   * 4xx answer rejects.
   */
  async follow(path: string, offset: number, onText: (text: string, offset: number) => void, cancel?: Cancel): Promise<LogEvent & { kind: 'end' }> {
    let attempt = 0;
    for (;;) {
      if (cancel?.cancelled) return { kind: 'end', status: 'DETACHED' };
      let outcome: { end?: LogEvent & { kind: 'end' }; progressed: boolean };
      try {
        outcome = await this.streamOnce(withOffset(path, offset), (t, o) => { offset = o; onText(t, o); }, cancel);
      } catch (e) {
        if (e instanceof ApiError) throw e;
        outcome = { progressed: false };
        if (e instanceof ServerDown && this.ensureServer && attempt >= 2) {
          await this.ensureServer().catch(() => undefined);
        }
      }
      if (outcome.end) return outcome.end;
      attempt = outcome.progressed ? 0 : attempt + 1;
      if (attempt > 30) throw new Error(`the log stream ${path} keeps dropping; open the log again to resume from offset ${offset}`);
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * attempt)));
    }
  }

  private streamOnce(path: string, onText: (t: string, o: number) => void, cancel?: Cancel): Promise<{ end?: LogEvent & { kind: 'end' }; progressed: boolean }> {
    return new Promise((resolve, reject) => {
      let progressed = false;
      let settled = false;
      const done = (v: { end?: LogEvent & { kind: 'end' }; progressed: boolean }) => { if (!settled) { settled = true; resolve(v); } };
      const fail = (e: Error) => { if (!settled) { settled = true; reject(e); } };
      const req = http.request(this.url(path), { method: 'GET', headers: this.headers({ Accept: 'text/event-stream' }) }, (res) => {
        if ((res.statusCode ?? 0) >= 400) {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => fail(problemOf(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
          return;
        }
        const parser = new SseParser();
        // 45 s without even a keep-alive (sent every 15 s) means a dead connection
        res.setTimeout(45_000, () => req.destroy());
        res.on('data', (c: Buffer) => {
          for (const ev of parser.push(c)) {
            const le = toLogEvent(ev);
            if (!le) continue;
            if (le.kind === 'log') { progressed = true; onText(le.text, le.offset); }
            else if (le.kind === 'end') { done({ end: le, progressed }); req.destroy(); return; }
            else { fail(new ApiError(400, le.code, le.message)); req.destroy(); return; }
          }
        });
        res.on('end', () => done({ progressed }));
        res.on('error', () => done({ progressed }));
        res.on('close', () => done({ progressed }));
      });
      cancel?.onCancel(() => { req.destroy(); done({ end: { kind: 'end', status: 'DETACHED' }, progressed }); });
      req.on('error', (e) => {
        const ne = netError(e, this.baseUrl);
        if (ne instanceof ServerDown) fail(ne); else done({ progressed });
      });
      req.end();
    });
  }
}

function netError(e: any, url: string): Error {
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND'].includes(e?.code)) return new ServerDown(`no sky4j API server answers at ${url}`);
  return new Error(`the sky4j API server at ${url}: ${e?.message ?? e}`);
}

export function problemOf(status: number, text: string): ApiError {
  try {
    const p = JSON.parse(text);
    return new ApiError(status, p.code, String(p.message ?? p.title ?? `HTTP ${status}`), p.diagnosticsText ?? undefined);
  } catch {
    return new ApiError(status, undefined, `HTTP ${status} from the sky4j API server`);
  }
}
