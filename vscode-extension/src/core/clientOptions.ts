// The language client's options, apart from VS Code types: which documents it sees and how the
// server is started. test/lsp starts the server from exactly these (command, args, env).
import { TASK_GLOBS } from './selector';
import { lspLaunch, Resolved } from './settings';

/** Every YAML document is offered to the client; the middleware passes on only task files. */
export const DOCUMENT_SELECTOR = [
  ...TASK_GLOBS.map((pattern) => ({ language: 'yaml', pattern })),
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
];

export function serverOptions(r: Resolved) {
  const l = lspLaunch(r);
  return { command: l.command, args: l.args, options: { env: l.env } };
}

export const INITIALIZATION_OPTIONS = { debounceMs: 150 };

/** Commands the server's code lenses carry (lsp CodeLensService): the extension registers them. */
export const LENS_COMMANDS = { launch: 'sky.launch', showPlans: 'sky.showPlans' } as const;
