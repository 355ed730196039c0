// Every sky4j command, written against the Host seam and the REST client: what it asks, what it
// sends, what it shows. The VS Code side only registers these under their command ids.
import { ApiClient, ApiError, ServerDown } from './api';
import type { Host, Progress } from './host';
import type { Cancel } from './api';
import type { ClusterRecord, TreeNode } from './model';
import * as rq from './requests';
import { LogFollowers } from './logs';

export interface TaskDoc {
  fsPath: string;
  text: string;
}

export interface Deps {
  /** the task file: the one named by uri (code lens, explorer) or the active editor's */
  task(uri?: string): Promise<TaskDoc | undefined>;
  /** refresh the views now */
  refresh(): void;
  /** run the sky CLI with the extension's environment; resolves with its stdout */
  cli(args: string[]): Promise<string>;
  /** the cluster's remote workdir (absolute), asked over `ssh <cluster>` */
  remoteDir(cluster: string): Promise<string>;
}

type Arg = TreeNode | string | undefined;

interface RequestInfo {
  id: string;
  status: string;
  error?: { message?: string; code?: string; diagnosticsText?: string } | null;
}

export class Commands {
  readonly logs: LogFollowers;

  constructor(private readonly host: Host, private readonly api: ApiClient, private readonly deps: Deps) {
    this.logs = new LogFollowers(host, api);
  }

  /** Runs a command body, turning every failure into one plain message (never a stack trace). */
  async guard(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      if (e instanceof ApiError) {
        const out = e.diagnosticsText ? this.host.output('sky4j') : undefined;
        if (out && e.diagnosticsText) { out.append(e.diagnosticsText); out.show(); }
        await this.host.error(`sky4j ${name}: ${e.message}${e.code ? ` [${e.code}]` : ''}`);
      } else if (e instanceof ServerDown) {
        await this.host.error(`sky4j ${name}: ${e.message}. Start it with "sky api start" and check sky4j.path in the settings.`, 'Open Settings')
          .then((a) => (a ? this.host.openSettings('sky4j') : undefined));
      } else {
        await this.host.error(`sky4j ${name}: ${(e as Error)?.message ?? e}`);
      }
    } finally {
      this.deps.refresh();
    }
  }

  private async clusters(): Promise<ClusterRecord[]> {
    return (await this.api.get<ClusterRecord[]>('/status')) ?? [];
  }

  /** The cluster a command is about: the tree item's, a name passed in, or one the user picks. */
  private async clusterArg(arg: Arg, placeholder: string, filter: (c: ClusterRecord) => boolean = () => true): Promise<string | undefined> {
    if (typeof arg === 'string' && !arg.includes('://')) return arg;
    if (arg && typeof arg === 'object' && arg.cluster) return arg.cluster;
    const cs = (await this.clusters()).filter(filter);
    if (!cs.length) { await this.host.info('sky4j: no cluster fits; launch one with "sky4j: Launch this task".'); return undefined; }
    return this.host.pick(cs.map((c) => ({ label: c.name, description: `${c.status} · ${[c.cloud, c.region].filter(Boolean).join('/')}`, value: c.name })), placeholder);
  }

  private async requireTask(arg: Arg): Promise<TaskDoc | undefined> {
    const t = await this.deps.task(typeof arg === 'string' ? arg : undefined);
    if (!t) await this.host.error('sky4j: open a task YAML file (task.yaml, *.sky.yaml, sky/*.yaml or one starting with "# sky4j") first.');
    return t;
  }

  /** Follows a request's log into an output channel under a cancellable progress notification. */
  async followRequest(title: string, requestId: string, channel: string): Promise<RequestInfo> {
    const out = this.host.output(channel);
    out.show();
    out.append(`── ${title} (request ${requestId})\n`);
    const end = await this.host.withProgress(title, async (p: Progress, cancel: Cancel) => {
      cancel.onCancel(() => { void this.api.post(`/requests/${encodeURIComponent(requestId)}/cancel`, {}).catch(() => undefined); });
      return this.api.follow(rq.requestLogPath(requestId), 0, (text) => {
        out.append(text);
        const last = text.trim().split('\n').pop();
        if (last) p.report(last.slice(0, 120));
      });
    });
    const info = await this.api.get<RequestInfo>(`/requests/${encodeURIComponent(requestId)}`);
    if (info.status === 'SUCCEEDED') {
      void this.host.info(`sky4j: ${title} — done.`);
    } else {
      const msg = info.error?.message ?? `ended ${info.status}${end.detail ? `: ${end.detail}` : ''}`;
      if (info.error?.diagnosticsText) out.append(info.error.diagnosticsText);
      void this.host.error(`sky4j: ${title} — ${msg}`);
    }
    return info;
  }

  launch(arg?: Arg): Promise<void> {
    return this.guard('launch', async () => {
      const task = await this.requireTask(arg);
      if (!task) return;
      const existing = await this.clusters();
      const suggested = rq.suggestName(task.fsPath, existing.map((c) => c.name));
      const cluster = await this.host.pickOrType(rq.clusterPickItems(existing, suggested),
        'Cluster name: pick one to reuse, or type a new name', rq.clusterNameProblem);
      if (!cluster) return;
      const input = rq.taskFromFile(task.fsPath, task.text);
      const reuse = existing.find((c) => c.name === cluster);
      let detail: string;
      if (reuse) {
        detail = `Reuses ${cluster} (${reuse.status}, ${[reuse.cloud, reuse.region].filter(Boolean).join('/')}, ${reuse.instanceType ?? ''}).`;
      } else {
        const opt = await this.api.post<{ plans: rq.Plan[]; emptyReason?: string }>('/optimize?limit=3', input);
        if (!opt.plans?.length) {
          await this.host.error(`sky4j launch: no offer fits this task: ${opt.emptyReason ?? 'see "sky launch --dryrun"'}`);
          return;
        }
        detail = `Optimizer's choice: ${rq.planSummary(opt.plans[0])}` + (opt.plans.length > 1 ? `\nNext: ${rq.planSummary(opt.plans[1])}` : '');
      }
      if (!(await this.host.confirm(`Launch ${cluster}?`, detail, 'Launch'))) return;
      const { requestId } = await this.api.post<{ requestId: string }>('/launch', rq.launchBody(cluster, input));
      this.deps.refresh();
      await this.followRequest(`launch ${cluster}`, requestId, `sky4j: ${cluster}`);
    });
  }

  launchManaged(arg?: Arg): Promise<void> {
    return this.guard('jobs launch', async () => {
      const task = await this.requireTask(arg);
      if (!task) return;
      const name = await this.host.input('Managed job name (empty: the task\'s name)', rq.suggestName(task.fsPath, []));
      if (name === undefined) return;
      const job = await this.api.post<{ id: number; status: string }>('/jobs/launch', rq.managedLaunchBody(name || undefined, rq.taskFromFile(task.fsPath, task.text)));
      const open = await this.host.info(`sky4j: managed job ${job.id} submitted (${job.status}); it recovers from preemption by itself.`, 'Open log');
      if (open) await this.logs.open({ kind: 'managed', id: job.id });
    });
  }

  exec(arg?: Arg): Promise<void> {
    return this.guard('exec', async () => {
      const cluster = await this.clusterArg(arg, 'Run on which cluster?', (c) => c.status === 'UP');
      if (!cluster) return;
      const task = await this.deps.task(typeof arg === 'string' && arg.includes('://') ? arg : undefined);
      const command = await this.host.input(`Command to run on ${cluster}${task ? ` (empty: the run: of ${task.fsPath})` : ''}`, '');
      if (command === undefined || (!command && !task)) return;
      const input = command ? { command } : rq.taskFromFile(task!.fsPath, task!.text);
      const { requestId } = await this.api.post<{ requestId: string }>('/exec', rq.execBody(cluster, input));
      await this.followRequest(`exec on ${cluster}`, requestId, `sky4j: ${cluster}`);
    });
  }

  private lifecycle(verb: 'stop' | 'start' | 'down', arg: Arg): Promise<void> {
    return this.guard(verb, async () => {
      const cluster = await this.clusterArg(arg, `${verb} which cluster?`, (c) => (verb === 'start' ? c.status === 'STOPPED' : true));
      if (!cluster) return;
      if (verb === 'down' && !(await this.host.confirm(`Tear down ${cluster}?`, 'Its nodes and their disks are deleted.', 'Down'))) return;
      const { requestId } = await this.api.post<{ requestId: string }>(`/${verb}`, rq.clusterAction(cluster));
      this.deps.refresh();
      await this.followRequest(`${verb} ${cluster}`, requestId, `sky4j: ${cluster}`);
      if (verb === 'down') await this.logs.forgetCluster(cluster);
    });
  }

  stop(arg?: Arg) { return this.lifecycle('stop', arg); }
  start(arg?: Arg) { return this.lifecycle('start', arg); }
  down(arg?: Arg) { return this.lifecycle('down', arg); }

  autostop(arg?: Arg): Promise<void> {
    return this.guard('autostop', async () => {
      const cluster = await this.clusterArg(arg, 'Autostop which cluster?', (c) => c.status === 'UP');
      if (!cluster) return;
      const typed = await this.host.input(`Stop ${cluster} after how many idle minutes? ("30", "30 down", "off")`, '30',
        (v) => { const b = rq.autostopBody(cluster, v); return typeof b === 'string' ? b : null; });
      if (typed === undefined) return;
      const body = rq.autostopBody(cluster, typed);
      if (typeof body === 'string') { await this.host.error(body); return; }
      const { requestId } = await this.api.post<{ requestId: string }>('/autostop', body);
      await this.followRequest(`autostop ${cluster}`, requestId, `sky4j: ${cluster}`);
    });
  }

  cancelJob(arg?: Arg): Promise<void> {
    return this.guard('cancel', async () => {
      if (arg && typeof arg === 'object' && arg.kind === 'managed' && arg.jobId !== undefined) {
        const ids = await this.api.post<number[]>('/jobs/cancel', rq.managedCancelBody(arg.jobId));
        await this.host.info(ids?.length ? `sky4j: cancelling managed job ${arg.jobId}.` : `sky4j: managed job ${arg.jobId} had already ended.`);
        return;
      }
      const cluster = await this.clusterArg(arg, 'Cancel a job on which cluster?', (c) => c.status === 'UP');
      if (!cluster) return;
      let jobId = arg && typeof arg === 'object' ? arg.jobId : undefined;
      if (jobId === undefined) {
        const jobs = await this.api.get<{ id: number; name?: string; status: string }[]>(`/clusters/${encodeURIComponent(cluster)}/queue?skipFinished=true`);
        const picked = await this.host.pick(jobs.map((j) => ({ label: `#${j.id} ${j.name ?? ''}`, description: j.status, value: String(j.id) })), 'Cancel which job?');
        if (!picked) return;
        jobId = Number(picked);
      }
      const { requestId } = await this.api.post<{ requestId: string }>('/cancel', rq.cancelBody(cluster, jobId));
      await this.followRequest(`cancel job ${jobId} on ${cluster}`, requestId, `sky4j: ${cluster}`);
    });
  }

  showGpus(): Promise<void> {
    return this.guard('show-gpus', async () => {
      const gpu = await this.host.input('GPU to list offers for (e.g. H100 or H100:8; empty: every GPU)', '');
      if (gpu === undefined) return;
      const text = await this.host.withProgress('sky show-gpus', () => this.deps.cli(gpu ? ['show-gpus', gpu] : ['show-gpus']));
      const out = this.host.output('sky4j: GPUs');
      out.clear();
      out.append(text);
      out.show();
    });
  }

  openLog(arg?: Arg): Promise<void> {
    return this.guard('logs', async () => {
      if (arg && typeof arg === 'object' && arg.kind === 'managed' && arg.jobId !== undefined) {
        await this.logs.open({ kind: 'managed', id: arg.jobId });
        return;
      }
      const cluster = await this.clusterArg(arg, 'Open the log of which cluster?');
      if (!cluster) return;
      const job = arg && typeof arg === 'object' && arg.jobId !== undefined ? arg.jobId : 'latest';
      await this.logs.open({ kind: 'job', cluster, job });
    });
  }

  attach(arg?: Arg): Promise<void> {
    return this.guard('attach', async () => {
      const cluster = await this.clusterArg(arg, 'Open which cluster in a Remote-SSH window?', (c) => c.status === 'UP');
      if (!cluster) return;
      if (!this.host.hasExtension(rq.REMOTE_SSH)) {
        const a = await this.host.info(`Opening ${cluster} in a window needs the Remote-SSH extension. Install it, or copy "${rq.sshCommand(cluster)}" to use in a terminal.`, 'Install Remote-SSH', 'Copy ssh command');
        if (a === 'Install Remote-SSH') {
          await this.host.installExtension(rq.REMOTE_SSH);
          await this.host.info('Remote-SSH is installed: run "Open in Remote-SSH window" again.');
        } else if (a === 'Copy ssh command') {
          await this.host.copy(rq.sshCommand(cluster));
        }
        return;
      }
      const dir = await this.host.withProgress(`Finding the workdir on ${cluster}`, () => this.deps.remoteDir(cluster));
      await this.host.openFolder(rq.remoteFolderUri(cluster, dir));
    });
  }

  terminal(arg?: Arg): Promise<void> {
    return this.guard('terminal', async () => {
      const cluster = await this.clusterArg(arg, 'Open a terminal on which cluster?', (c) => c.status === 'UP');
      if (!cluster) return;
      this.host.terminal(`ssh ${cluster}`, 'ssh', rq.sshArgs(cluster));
    });
  }

  /** The server's code lens "Cheapest: ..." carries sky.showPlans: show the ranked plans. */
  showPlans(arg?: Arg): Promise<void> {
    return this.guard('plans', async () => {
      const task = await this.requireTask(arg);
      if (!task) return;
      const opt = await this.api.post<{ plans: rq.Plan[]; emptyReason?: string }>('/optimize?limit=5', rq.taskFromFile(task.fsPath, task.text));
      const out = this.host.output('sky4j');
      out.append(`── plans for ${task.fsPath}\n`);
      out.append(opt.plans?.length ? opt.plans.map((p, i) => `${i + 1}. ${rq.planSummary(p)}\n`).join('') : `no offer fits: ${opt.emptyReason}\n`);
      out.show();
    });
  }
}
