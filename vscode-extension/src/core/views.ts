// What the Clusters view, the Managed jobs view and the status-bar item show, refreshed from the
// server on a timer and after each command. A refresh that finds no server marks the views
// offline (it does not start one: only commands do); the next refresh after a restart finds
// it again, with the token re-read from the file.
import type { ApiClient } from './api';
import { ServerDown } from './api';
import * as m from './model';

export class ViewState {
  clusters: m.ClusterRecord[] | undefined;
  managed: m.ManagedJobRecord[] | undefined;
  offlineReason: string | undefined;
  private readonly listeners: (() => void)[] = [];
  private inFlight: Promise<void> | undefined;

  constructor(private readonly api: ApiClient) {}

  onChange(f: () => void): void {
    this.listeners.push(f);
  }

  /** One refresh at a time; a call during one waits for it. */
  refresh(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.load().finally(() => { this.inFlight = undefined; this.listeners.forEach((f) => f()); });
    }
    return this.inFlight;
  }

  private async load(): Promise<void> {
    try {
      const [clusters, managed] = await Promise.all([
        this.api.get<m.ClusterRecord[]>('/status', false),
        this.api.get<m.ManagedJobRecord[]>('/jobs', false).catch(() => [] as m.ManagedJobRecord[]),
      ]);
      this.clusters = clusters ?? [];
      this.managed = managed ?? [];
      this.offlineReason = undefined;
    } catch (e) {
      this.clusters = undefined;
      this.managed = undefined;
      this.offlineReason = e instanceof ServerDown ? 'no API server answers (any sky4j command starts it)' : (e as Error).message;
    }
  }

  clusterRoots(): m.TreeNode[] {
    if (!this.clusters) return [offline(this.offlineReason)];
    return m.clusterNodes(this.clusters);
  }

  managedRoots(): m.TreeNode[] {
    if (!this.managed) return [offline(this.offlineReason)];
    return m.managedNodes(this.managed);
  }

  async jobs(cluster: string): Promise<m.TreeNode[]> {
    try {
      return m.jobNodes(cluster, (await this.api.get<m.JobRecord[]>(`/clusters/${encodeURIComponent(cluster)}/queue`, false)) ?? []);
    } catch (e) {
      return [{ id: `info:${cluster}:jobs-error`, kind: 'info', label: 'Jobs unavailable', description: (e as Error).message, icon: { id: 'warning' }, contextValue: 'info', collapsible: false, cluster }];
    }
  }

  statusBar(): { text: string; tooltip: string } {
    return m.statusBar(this.clusters);
  }
}

function offline(reason: string | undefined): m.TreeNode {
  return { id: 'info:offline', kind: 'info', label: 'sky4j API server offline', description: reason ?? '', icon: { id: 'debug-disconnect' }, contextValue: 'info', collapsible: false };
}
