// Where sky4j is and how to start it: the settings (sky4j.path, sky4j.javaHome, sky4j.home,
// sky4j.apiPort) resolved against the environment, with a plain-words fix when something is
// missing. Pure (the file system is passed in), so every case is unit-tested.
import * as path from 'node:path';

export interface UserSettings {
  /** sky4j.path: the `sky` launcher (the repository's ./sky or an installed one); empty = PATH */
  skyPath?: string;
  /** sky4j.javaHome: a JDK 17+; empty = JAVA_HOME, then `java` on PATH */
  javaHome?: string;
  /** sky4j.home: SKY4J_HOME for the server and the token file; empty = env, then ~/.sky4j */
  home?: string;
  /** sky4j.apiPort: the local API server's port; 0/empty = SKY4J_API_PORT, then 46590 */
  apiPort?: number;
}

export interface FileProbe {
  isExecutable(p: string): boolean;
}

export interface Resolved {
  sky: string;
  java: string;
  home: string;
  apiUrl: string;
  /** the environment for every process the extension starts (sky lsp, sky api start) */
  env: Record<string, string>;
}

export interface Missing {
  missing: 'sky' | 'java';
  message: string;
  /** the setting that fixes it, for an "Open Settings" button */
  setting: string;
}

export const DEFAULT_PORT = 46590;

function which(name: string, env: Record<string, string | undefined>, fs: FileProbe): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (fs.isExecutable(p)) return p;
  }
  return undefined;
}

function expandHome(p: string, env: Record<string, string | undefined>): string {
  return p.startsWith('~/') && env.HOME ? path.join(env.HOME, p.slice(2)) : p;
}

export function resolveSettings(s: UserSettings, env: Record<string, string | undefined>, fs: FileProbe): Resolved | Missing {
  const javaHome = (s.javaHome ?? '').trim() || (env.JAVA_HOME ?? '').trim();
  let java: string | undefined;
  if (javaHome) {
    java = path.join(expandHome(javaHome, env), 'bin', 'java');
    if (!fs.isExecutable(java)) {
      return {
        missing: 'java', setting: 'sky4j.javaHome',
        message: `sky4j needs Java 17 or later, but ${java} does not exist. Set "sky4j.javaHome" to a JDK folder (the one holding bin/java), or install one (Debian: apt-get install openjdk-17-jdk-headless).`,
      };
    }
  } else {
    java = which('java', env, fs);
    if (!java) {
      return {
        missing: 'java', setting: 'sky4j.javaHome',
        message: 'sky4j needs Java 17 or later and none is on PATH. Install one (Debian: apt-get install openjdk-17-jdk-headless) or set "sky4j.javaHome" to a JDK folder.',
      };
    }
  }
  const configured = (s.skyPath ?? '').trim();
  const sky = configured ? expandHome(configured, env) : which('sky', env, fs);
  if (!sky || !fs.isExecutable(sky)) {
    return {
      missing: 'sky', setting: 'sky4j.path',
      message: configured
        ? `sky4j: "sky4j.path" is ${configured}, which is not an executable file. Point it at the sky launcher (the repository's ./sky, or bin/sky of an install).`
        : 'sky4j: the `sky` command is not on PATH. Set "sky4j.path" to the sky launcher (the repository\'s ./sky, or bin/sky of an install).',
    };
  }
  const { home, port, apiUrl } = endpoint(s, env);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  out.SKY4J_HOME = home;
  out.SKY4J_API_PORT = String(port);
  if (javaHome) {
    const jh = expandHome(javaHome, env);
    out.JAVA_HOME = jh;
    out.PATH = [path.join(jh, 'bin'), env.PATH ?? ''].filter(Boolean).join(path.delimiter);
  }
  return { sky, java, home, apiUrl, env: out };
}

/** Where the server is and its home (token file), which need neither Java nor sky to be found. */
export function endpoint(s: UserSettings, env: Record<string, string | undefined>): { home: string; port: number; apiUrl: string } {
  const home = expandHome((s.home ?? '').trim() || (env.SKY4J_HOME ?? '').trim() || path.join(env.HOME ?? '/', '.sky4j'), env);
  const port = s.apiPort && s.apiPort > 0 ? s.apiPort : Number(env.SKY4J_API_PORT) || DEFAULT_PORT;
  const apiUrl = (env.SKY4J_API_URL ?? '').trim() || `http://127.0.0.1:${port}`;
  return { home, port, apiUrl };
}

export function isMissing(r: Resolved | Missing): r is Missing {
  return (r as Missing).missing !== undefined;
}

/** The token file every client reads (docs/server.md, Security). */
export function tokenFile(home: string): string {
  return path.join(home, 'server', 'token');
}

/** How the extension's language client starts the server: exactly `sky lsp`. */
export function lspLaunch(r: Resolved): { command: string; args: string[]; env: Record<string, string> } {
  return { command: r.sky, args: ['lsp'], env: r.env };
}
