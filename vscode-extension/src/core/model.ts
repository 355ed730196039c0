// The Clusters view and status-bar item as plain data, built from the API's answers
// (ClusterRecord, JobRecord, ManagedJobRecord in docs/openapi.json). The VS Code adapter only
// maps these nodes to TreeItems, so what the user sees is unit-tested here.

export interface ClusterRecord {
  name: string;
  status: string;
  cloud?: string;
  region?: string;
  zone?: string;
  instanceType?: string;
  numNodes?: number;
  accelerators?: string | null;
  spot?: boolean;
  resources?: string;
  pricePerHour?: number | null;
  autostopMinutes?: number | null;
  autostopDown?: boolean;
  launchedAt?: number;
  headIp?: string;
  statusMessage?: string | null;
}

export interface JobRecord {
  id: number;
  name?: string | null;
  status: string;
  submittedAt?: number;
  exitCode?: number | null;
  resources?: string;
}

export interface ManagedJobRecord {
  id: number;
  name?: string | null;
  status: string;
  resources?: string;
  recoveries?: number;
  restarts?: number;
  cluster?: string | null;
  infra?: string | null;
  message?: string | null;
}

/** A codicon name plus the theme colour to tint it with (undefined: the default). */
export interface Icon {
  id: string;
  color?: string;
}

export interface TreeNode {
  id: string;
  kind: 'cluster' | 'job' | 'managed' | 'info';
  label: string;
  description?: string;
  tooltip?: string;
  icon: Icon;
  /** drives the context menus in package.json (`viewItem =~ /^cluster\.UP/` ...) */
  contextValue: string;
  collapsible: boolean;
  cluster?: string;
  jobId?: number;
}

const GREEN = 'testing.iconPassed';
const RED = 'testing.iconFailed';
const YELLOW = 'list.warningForeground';

export function money(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  return `$${v.toFixed(2)}/h`;
}

export function clusterIcon(status: string): Icon {
  switch (status) {
    case 'UP': return { id: 'vm-running', color: GREEN };
    case 'STOPPED': return { id: 'debug-pause' };
    case 'INIT': case 'STARTING': case 'STOPPING': return { id: 'loading~spin', color: YELLOW };
    default: return { id: 'error', color: RED };
  }
}

export function jobIcon(status: string): Icon {
  switch (status) {
    case 'RUNNING': case 'SETTING_UP': case 'STARTING': case 'RECOVERING': return { id: 'sync~spin', color: YELLOW };
    case 'PENDING': case 'SUBMITTED': case 'INIT': return { id: 'clock' };
    case 'SUCCEEDED': return { id: 'pass', color: GREEN };
    case 'CANCELLED': case 'CANCELLING': return { id: 'circle-slash' };
    default: return { id: 'error', color: RED };
  }
}

export function infraOf(c: ClusterRecord): string {
  return [c.cloud, c.region].filter(Boolean).join('/') || '-';
}

export function autostopText(c: ClusterRecord): string | undefined {
  if (c.autostopMinutes === null || c.autostopMinutes === undefined || c.autostopMinutes < 0) return undefined;
  return `autostop ${c.autostopMinutes}m${c.autostopDown ? ' (down)' : ''}`;
}

function resourcesOf(c: ClusterRecord): string {
  const nodes = c.numNodes && c.numNodes > 1 ? `${c.numNodes}x ` : '';
  const what = c.accelerators || c.instanceType || c.resources || '';
  return `${nodes}${what}${c.spot ? ' spot' : ''}`.trim();
}

export function clusterNode(c: ClusterRecord): TreeNode {
  const parts = [c.status, infraOf(c), resourcesOf(c), money(c.pricePerHour), autostopText(c)].filter((p) => p && p !== '-');
  const tip = [
    `${c.name} — ${c.status}`, `infra: ${infraOf(c)}${c.zone ? ` (${c.zone})` : ''}`,
    `resources: ${c.resources ?? resourcesOf(c)}`, `price: ${money(c.pricePerHour)}`,
    `autostop: ${autostopText(c) ?? 'off'}`, c.statusMessage ? `note: ${c.statusMessage}` : '',
  ].filter(Boolean).join('\n');
  return {
    id: `cluster:${c.name}`, kind: 'cluster', label: c.name, description: parts.join(' · '), tooltip: tip,
    icon: clusterIcon(c.status), contextValue: `cluster.${c.status}`, collapsible: c.status === 'UP', cluster: c.name,
  };
}

export function jobNode(cluster: string, j: JobRecord): TreeNode {
  const exit = j.exitCode !== null && j.exitCode !== undefined && j.status !== 'RUNNING' ? ` (exit ${j.exitCode})` : '';
  const live = ['RUNNING', 'PENDING', 'SETTING_UP', 'SUBMITTED', 'STARTING'].includes(j.status);
  return {
    id: `job:${cluster}:${j.id}`, kind: 'job', label: `#${j.id} ${j.name ?? ''}`.trim(),
    description: `${j.status}${exit}${j.resources ? ` · ${j.resources}` : ''}`, tooltip: `job ${j.id} on ${cluster}: ${j.status}${exit}`,
    icon: jobIcon(j.status), contextValue: live ? 'job.live' : 'job.done', collapsible: false, cluster, jobId: j.id,
  };
}

export function managedNode(m: ManagedJobRecord): TreeNode {
  const rec = m.recoveries ?? 0;
  const parts = [m.status, rec ? `${rec} recover${rec === 1 ? 'y' : 'ies'}` : '', m.infra ?? '', m.resources ?? ''].filter(Boolean);
  const live = !['SUCCEEDED', 'FAILED', 'CANCELLED', 'FAILED_SETUP', 'FAILED_PRECHECKS', 'FAILED_NO_RESOURCE', 'FAILED_CONTROLLER'].includes(m.status);
  return {
    id: `managed:${m.id}`, kind: 'managed', label: `#${m.id} ${m.name ?? ''}`.trim(), description: parts.join(' · '),
    tooltip: [`managed job ${m.id}: ${m.status}`, `recoveries: ${rec}`, m.cluster ? `cluster: ${m.cluster}` : '', m.message ?? ''].filter(Boolean).join('\n'),
    icon: jobIcon(m.status), contextValue: live ? 'managed.live' : 'managed.done', collapsible: false, jobId: m.id,
  };
}

/** Root of the Clusters view: UP first, then by name; a hint when there are none. */
export function clusterNodes(clusters: ClusterRecord[]): TreeNode[] {
  if (!clusters.length) {
    return [{ id: 'info:none', kind: 'info', label: 'No clusters', description: 'run "sky4j: Launch this task" on a task.yaml', icon: { id: 'info' }, contextValue: 'info', collapsible: false }];
  }
  const rank = (s: string) => (s === 'UP' ? 0 : s === 'INIT' ? 1 : 2);
  return [...clusters].sort((a, b) => rank(a.status) - rank(b.status) || a.name.localeCompare(b.name)).map(clusterNode);
}

export function jobNodes(cluster: string, jobs: JobRecord[]): TreeNode[] {
  if (!jobs.length) return [{ id: `info:${cluster}:nojobs`, kind: 'info', label: 'No jobs', icon: { id: 'info' }, contextValue: 'info', collapsible: false, cluster }];
  return [...jobs].sort((a, b) => b.id - a.id).map((j) => jobNode(cluster, j));
}

export function managedNodes(jobs: ManagedJobRecord[]): TreeNode[] {
  if (!jobs.length) return [{ id: 'info:nomanaged', kind: 'info', label: 'No managed jobs', description: 'run "sky4j: Launch as managed job"', icon: { id: 'info' }, contextValue: 'info', collapsible: false }];
  return [...jobs].sort((a, b) => b.id - a.id).map(managedNode);
}

/** The status-bar item: UP clusters and what they cost together. */
export function statusBar(clusters: ClusterRecord[] | undefined): { text: string; tooltip: string } {
  if (!clusters) return { text: '$(cloud) sky4j: offline', tooltip: 'The sky4j API server does not answer; it starts on the next command' };
  const up = clusters.filter((c) => c.status === 'UP');
  const total = up.reduce((s, c) => s + (Number.isFinite(c.pricePerHour as number) ? (c.pricePerHour as number) : 0), 0);
  const text = `$(cloud) ${up.length} UP · ${money(total)}`;
  const tooltip = up.length ? up.map((c) => `${c.name}: ${money(c.pricePerHour)}`).join('\n') : 'No cluster is UP';
  return { text, tooltip };
}
