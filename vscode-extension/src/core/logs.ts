// "Open cluster log": one output channel per log, following the SSE stream. Each follower's
// offset is kept in workspace state, so after a window reload the same channels come back and
// continue from where they were (no byte shown twice, none lost).
import type { ApiClient, Cancel } from './api';
import type { Host, OutputSink } from './host';
import { jobLogPath, managedLogPath } from './requests';

export type LogSpec = { kind: 'job'; cluster: string; job: number | 'latest' } | { kind: 'managed'; id: number };

interface Saved {
  spec: LogSpec;
  offset: number;
}

const KEY = 'sky4j.logs';

export function logKey(s: LogSpec): string {
  return s.kind === 'job' ? `job:${s.cluster}:${s.job}` : `managed:${s.id}`;
}

export function channelName(s: LogSpec): string {
  return s.kind === 'job' ? `sky4j log: ${s.cluster} job ${s.job}` : `sky4j log: managed job ${s.id}`;
}

export class LogFollowers {
  private readonly live = new Map<string, { out: OutputSink; stop: () => void }>();
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly pending = new Map<string, Saved>();

  constructor(private readonly host: Host, private readonly api: ApiClient) {}

  private saved(): Record<string, Saved> {
    return this.host.stateGet<Record<string, Saved>>(KEY) ?? {};
  }

  private async persist(key: string, value: Saved | undefined): Promise<void> {
    const all = this.saved();
    if (value) all[key] = value; else delete all[key];
    await this.host.stateSet(KEY, all);
  }

  /** Resolves `latest` to the job's id so a resumed follower stays on the same job. */
  private async concrete(spec: LogSpec): Promise<LogSpec> {
    if (spec.kind !== 'job' || spec.job !== 'latest') return spec;
    const jobs = await this.api.get<{ id: number }[]>(`/clusters/${encodeURIComponent(spec.cluster)}/queue`);
    const newest = jobs?.reduce((m, j) => Math.max(m, j.id), -1) ?? -1;
    return newest >= 0 ? { ...spec, job: newest } : spec;
  }

  async open(requested: LogSpec): Promise<void> {
    const spec = await this.concrete(requested);
    // the stream runs on in the background as long as the job does
    void this.follow(spec, 0);
  }

  /** Reopens every log that was being followed before the window reloaded. */
  async resume(): Promise<number> {
    const all = Object.values(this.saved());
    for (const s of all) void this.follow(s.spec, s.offset, true).catch(() => undefined);
    return all.length;
  }

  async forgetCluster(cluster: string): Promise<void> {
    for (const [k, v] of Object.entries(this.saved())) {
      if (v.spec.kind === 'job' && v.spec.cluster === cluster) {
        this.live.get(k)?.stop();
        await this.persist(k, undefined);
      }
    }
  }

  private follow(spec: LogSpec, offset: number, resumed = false): Promise<void> {
    const key = logKey(spec);
    const existing = this.live.get(key);
    if (existing) { existing.out.show(); return Promise.resolve(); }
    const out = this.host.output(channelName(spec));
    if (!resumed) out.clear();
    out.show();
    if (resumed && offset > 0) out.append(`── resumed at byte ${offset}\n`);
    const listeners: (() => void)[] = [];
    const cancel: Cancel = { cancelled: false, onCancel: (f) => listeners.push(f) };
    const stop = () => { (cancel as { cancelled: boolean }).cancelled = true; listeners.forEach((f) => f()); };
    this.live.set(key, { out, stop });
    const path = spec.kind === 'job' ? jobLogPath(spec.cluster, spec.job) : managedLogPath(spec.id);
    void this.persist(key, { spec, offset });
    return this.api.follow(path, offset, (text, o) => {
      out.append(text);
      this.pending.set(key, { spec, offset: o });
      this.scheduleSave();
    }, cancel).then(async (end) => {
      this.live.delete(key);
      if (end.status === 'DETACHED') return;
      out.append(`── ${end.status}${end.exitCode !== undefined && end.exitCode !== null ? ` (exit ${end.exitCode})` : ''}\n`);
      this.pending.delete(key);
      await this.persist(key, undefined);
    }, async (e) => {
      this.live.delete(key);
      out.append(`── the log stream stopped: ${(e as Error).message}\n`);
      await this.persist(key, undefined);
    });
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(async () => {
      this.saveTimer = undefined;
      const batch = [...this.pending.entries()];
      this.pending.clear();
      const all = this.saved();
      for (const [k, v] of batch) if (this.live.has(k)) all[k] = v;
      await this.host.stateSet(KEY, all);
    }, 500);
  }

  dispose(): void {
    for (const v of this.live.values()) v.stop();
  }
}
