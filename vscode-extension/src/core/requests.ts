// What each command sends (request bodies per docs/openapi.json) and the URIs/commands it opens.
// Pure, so every argument is unit-tested.
import * as path from 'node:path';
import type { ClusterRecord } from './model';
import { money } from './model';

export interface TaskInput {
  yaml?: string;
  yamlPath?: string;
  baseDir?: string;
  command?: string;
}

/** A task from an editor's file: its text (unsaved edits included) and folder, as `sky launch FILE` sends. */
export function taskFromFile(fsPath: string, text: string): TaskInput {
  return { yaml: text, yamlPath: fsPath, baseDir: path.dirname(fsPath) };
}

export const launchBody = (cluster: string, task: TaskInput) => ({ cluster, task });
export const execBody = (cluster: string, task: TaskInput) => ({ cluster, task });
export const clusterAction = (cluster: string) => ({ clusters: [cluster] });
export const cancelBody = (cluster: string, jobId: number) => ({ cluster, jobIds: [jobId] });
export const managedLaunchBody = (name: string | undefined, task: TaskInput) => (name ? { name, task } : { task });
export const managedCancelBody = (id: number) => ({ ids: [id] });

/** POST /autostop: `minutes` as typed ("30", "30 down", "off"/"0"/"-1" to cancel). */
export function autostopBody(cluster: string, typed: string): { clusters: string[]; idleMinutes?: number; down?: boolean; cancel?: boolean } | string {
  const t = typed.trim().toLowerCase();
  if (t === 'off' || t === 'cancel' || t === '0' || t === '-1') return { clusters: [cluster], cancel: true };
  const m = /^(\d+)\s*(m|min|minutes)?\s*(down)?$/.exec(t);
  if (!m) return 'Type idle minutes such as 30, "30 down" to tear down instead of stopping, or "off" to cancel autostop.';
  const minutes = Number(m[1]);
  return m[3] ? { clusters: [cluster], idleMinutes: minutes, down: true } : { clusters: [cluster], idleMinutes: minutes };
}

const NAME = /^[a-zA-Z]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** SkyPilot's cluster-name rule (core's dev.sky4j.spec.Names); null when valid. */
export function clusterNameProblem(name: string): string | null {
  if (!name) return 'Give the cluster a name, e.g. dev';
  if (name.length > 63) return 'At most 63 characters';
  if (!NAME.test(name)) return 'Start with a letter, then letters, digits, -, _ or .; end with a letter or digit';
  return null;
}

/** A name to suggest for a new cluster from the task file: "train.sky.yaml" -> "train". */
export function suggestName(fsPath: string, taken: string[]): string {
  const base = path.basename(fsPath).replace(/\.ya?ml$/i, '').replace(/\.sky$/i, '');
  let stem = (base === 'task' ? path.basename(path.dirname(fsPath)) : base).replace(/[^-_.a-zA-Z0-9]/g, '-');
  if (!/^[a-zA-Z]/.test(stem)) stem = `sky-${stem}`;
  stem = stem.replace(/[-_.]+$/, '') || 'dev';
  stem = stem.slice(0, 60);
  if (!taken.includes(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.includes(`${stem}-${i}`)) return `${stem}-${i}`;
}

export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
  value: string;
}

/** The cluster-name quick pick: the suggested new name first, then existing clusters to reuse. */
export function clusterPickItems(clusters: ClusterRecord[], suggested: string): PickItem[] {
  const items: PickItem[] = [{ label: suggested, description: 'new cluster', value: suggested }];
  for (const c of [...clusters].sort((a, b) => a.name.localeCompare(b.name))) {
    items.push({ label: c.name, description: `${c.status} · ${[c.cloud, c.region].filter(Boolean).join('/')} · ${money(c.pricePerHour)}`, detail: 'reuse this cluster (restarted if stopped)', value: c.name });
  }
  return items;
}

export interface Plan {
  cloud: string;
  region: string;
  zone?: string | null;
  instanceType: string;
  spot?: boolean;
  accelerators?: string | null;
  numNodes?: number;
  totalPerHour?: number;
  pricePerNode?: number;
}

/** The confirmation line for the optimizer's first choice. */
export function planSummary(p: Plan): string {
  const where = [p.cloud, p.region, p.zone].filter(Boolean).join('/');
  const nodes = p.numNodes && p.numNodes > 1 ? ` × ${p.numNodes} nodes` : '';
  const acc = p.accelerators ? ` (${p.accelerators})` : '';
  return `${where} ${p.instanceType}${acc}${p.spot ? ' spot' : ''}${nodes} at ${money(p.totalPerHour ?? p.pricePerNode)}`;
}

/** Remote-SSH's folder URI for a cluster: vscode-remote://ssh-remote+<cluster><absolute workdir>. */
export function remoteFolderUri(cluster: string, remoteDir: string): string {
  const dir = remoteDir.startsWith('/') ? remoteDir : `/${remoteDir}`;
  return `vscode-remote://ssh-remote+${encodeURIComponent(cluster)}${dir.split('/').map(encodeURIComponent).join('/')}`;
}

export const REMOTE_SSH = 'ms-vscode-remote.remote-ssh';

/** `ssh <cluster>` works by name: the server writes the host block into the SSH config. */
export const sshArgs = (cluster: string) => [cluster];
export const sshCommand = (cluster: string) => `ssh ${cluster}`;

/** The remote shell line that prints the workdir (SkyPilot's ~/sky_workdir) or else home. */
export const REMOTE_PWD = 'cd ~/sky_workdir 2>/dev/null || cd ~; pwd';

/** Paths of the job log streams. */
export const jobLogPath = (cluster: string, job: number | 'latest') => `/clusters/${encodeURIComponent(cluster)}/jobs/${job}/logs?follow=true`;
export const requestLogPath = (id: string) => `/requests/${encodeURIComponent(id)}/logs?follow=true`;
export const managedLogPath = (id: number) => `/jobs/${id}/logs?follow=true`;
