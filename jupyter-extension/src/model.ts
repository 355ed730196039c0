// One poller shared by the panel and the status bar item: clusters and managed jobs, refreshed
// every few seconds (and at once after an action), with the time the last refresh took.
import { ISignal, Signal } from '@lumino/signaling';
import * as api from './api';

export class Sky4jModel {
  clusters: api.Cluster[] = [];
  jobs: api.ManagedJob[] = [];
  error: string | null = null;
  lastRefreshMs = 0;
  /** clusters with an action in flight, and its verb */
  pending = new Map<string, string>();
  private timer: number | undefined;
  private _changed = new Signal<this, void>(this);

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  start(intervalMs = 5000): void {
    void this.refresh();
    this.timer = window.setInterval(() => void this.refresh(), intervalMs);
  }

  dispose(): void {
    window.clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const t0 = performance.now();
    try {
      [this.clusters, this.jobs] = await Promise.all([api.clusters(), api.managedJobs()]);
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    }
    this.lastRefreshMs = performance.now() - t0;
    this._changed.emit();
  }

  /** Runs stop/start/down and refreshes until the request ends. */
  async act(verb: 'stop' | 'start' | 'down', name: string): Promise<void> {
    this.pending.set(name, verb);
    this._changed.emit();
    try {
      const { requestId } = await api.clusterAction(verb, name);
      for (;;) {
        const r = await api.request(requestId);
        if (r.status !== 'PENDING' && r.status !== 'RUNNING') {
          if (r.status !== 'SUCCEEDED') {
            throw new api.Sky4jError(r.error?.message || `${verb} ${name}: ${r.status}`);
          }
          break;
        }
        await new Promise(res => setTimeout(res, 500));
      }
    } finally {
      this.pending.delete(name);
      await this.refresh();
    }
  }

  upSummary(): { up: number; perHour: number } {
    const up = this.clusters.filter(c => c.status === 'UP');
    return { up: up.length, perHour: up.reduce((s, c) => s + (c.pricePerHour || 0), 0) };
  }
}
