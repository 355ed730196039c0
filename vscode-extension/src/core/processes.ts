// The processes the extension starts: the CLI (`sky api start` for the server on demand, `sky
// show-gpus`) and `ssh <cluster>` to find a cluster's workdir. All get the resolved environment
// (SKY4J_HOME, SKY4J_API_PORT, JAVA_HOME), so the extension and its server agree on one home.
import { execFile } from 'node:child_process';
import type { Resolved } from './settings';
import { REMOTE_PWD } from './requests';

export function run(cmd: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const why = (stderr || stdout || '').trim().split('\n').slice(-3).join(' ') || err.message;
        reject(new Error(`${[cmd, ...args].join(' ')} failed: ${why}`));
      } else resolve(stdout);
    });
  });
}

/** Starts the API server through the CLI, once at a time; resolves when it answers. */
export class ServerStarter {
  private starting: Promise<void> | undefined;

  constructor(private readonly settings: () => Resolved) {}

  ensure(): Promise<void> {
    if (!this.starting) {
      const s = this.settings();
      this.starting = run(s.sky, ['api', 'start'], s.env, 180_000).then(() => undefined)
        .finally(() => { this.starting = undefined; });
    }
    return this.starting;
  }
}

export function remoteDir(s: Resolved, cluster: string): Promise<string> {
  return run('ssh', ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', cluster, REMOTE_PWD], s.env, 30_000)
    .then((out) => out.trim().split('\n').pop() || '/');
}
