// The panel's calls, all to the Jupyter server's /sky4j routes (sky4j/serverext.py), which add
// the sky4j token server-side: the browser never sees it. Jupyter's ServerConnection adds
// Jupyter's own auth and XSRF headers.
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

export interface Cluster {
  name: string;
  status: string;
  cloud: string;
  region?: string;
  zone?: string;
  resources?: string;
  accelerators?: string;
  pricePerHour?: number;
  autostopMinutes?: number | null;
  autostopDown?: boolean;
  statusMessage?: string;
}

export interface ManagedJob {
  id: number;
  name: string;
  status: string;
  resources?: string;
  recoveries?: number;
  restarts?: number;
  infra?: string;
}

export interface RequestInfo {
  id: string;
  status: string;
  error?: { message?: string; code?: string };
}

/** A problem+json answer; diagnosticsText is the server's YAML error rendering. */
export class Sky4jError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly diagnosticsText?: string
  ) {
    super(message);
  }
}

export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const settings = ServerConnection.makeSettings();
  const url = URLExt.join(settings.baseUrl, 'sky4j', path);
  const response = await ServerConnection.makeRequest(url, init, settings);
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Sky4jError(
      (body && body.message) || `${response.status} ${response.statusText}`,
      body && body.code,
      body && body.diagnosticsText
    );
  }
  return body as T;
}

export function post<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'POST', body: JSON.stringify(body) });
}

export const clusters = () => call<Cluster[]>('api/status');
export const managedJobs = () => call<ManagedJob[]>('api/jobs');
export const request = (id: string) => call<RequestInfo>(`api/requests/${id}`);

export function clusterAction(verb: 'stop' | 'start' | 'down', name: string) {
  return post<{ requestId: string }>(`api/${verb}`, { clusters: [name] });
}

export function logs(query: string) {
  return call<{ text: string }>(`logs?${query}`);
}

export function launchFile(path: string, cluster: string) {
  return post<{ requestId: string }>('launch', { path, cluster: cluster || null });
}

export function infra(c: Cluster): string {
  return c.region ? `${c.cloud} (${c.region}${c.zone ? '/' + c.zone : ''})` : c.cloud;
}

export function autostop(c: Cluster): string {
  return c.autostopMinutes === null || c.autostopMinutes === undefined
    ? '-'
    : `${c.autostopMinutes}m${c.autostopDown ? ' (down)' : ''}`;
}
