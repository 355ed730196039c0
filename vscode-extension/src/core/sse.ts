// Server-sent events as the sky4j server writes them (docs/server.md, Requests): `log` events
// whose data is {offset, text} (offset = where to resume), then one `end` or `problem`, with
// `: keep-alive` comments in silences. The parser is incremental: chunks may split anywhere,
// including inside a UTF-8 character or between \r and \n.

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export class SseParser {
  private buffer = '';
  private event = 'message';
  private data: string[] = [];
  private id: string | undefined;
  private readonly decoder = new TextDecoder('utf-8');

  /** Feeds bytes (or text); returns the events completed by them. */
  push(chunk: Uint8Array | string): SseEvent[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      if (!m) break;
      // a lone \r at the very end may be the first half of \r\n: wait for the next chunk
      if (m[0] === '\r' && m.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line, out);
    }
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length) out.push({ event: this.event, data: this.data.join('\n'), id: this.id });
      this.event = 'message';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return; // comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
  }
}

export type LogEvent =
  | { kind: 'log'; offset: number; text: string }
  | { kind: 'end'; status: string; exitCode?: number; detail?: string }
  | { kind: 'problem'; code?: string; message: string };

/** Turns one SSE event into what a follower acts on; null for events it ignores. */
export function toLogEvent(e: SseEvent): LogEvent | null {
  let body: any;
  try {
    body = JSON.parse(e.data);
  } catch {
    return null;
  }
  if (e.event === 'log' && typeof body?.text === 'string') {
    const offset = typeof body.offset === 'number' ? body.offset : Number(e.id ?? 0);
    return { kind: 'log', offset, text: body.text };
  }
  if (e.event === 'end') return { kind: 'end', status: String(body?.status ?? 'UNKNOWN'), exitCode: body?.exitCode ?? undefined, detail: body?.detail ?? undefined };
  if (e.event === 'problem') return { kind: 'problem', code: body?.code, message: String(body?.message ?? 'the server refused the log stream') };
  return null;
}

/** The path to resume a stream from: `?offset=` appended as the server expects. */
export function withOffset(path: string, offset: number): string {
  return `${path}${path.includes('?') ? '&' : '?'}offset=${offset}`;
}
