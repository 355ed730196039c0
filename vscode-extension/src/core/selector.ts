// Which YAML files are sky4j task files: task.yaml, *.sky.yaml, sky/*.yaml, and any YAML whose
// first line is the modeline `# sky4j`. Every other YAML file is left to other extensions (Red
// Hat's YAML keeps them): the language client only ever sees documents this module accepts.

/** Globs for the document selector and the JSON schema contribution (package.json). */
export const TASK_GLOBS = ['**/task.yaml', '**/*.sky.yaml', '**/sky/*.yaml'];

const MODELINE = /^#\s*sky4j\b/;

export function hasModeline(firstLine: string): boolean {
  return MODELINE.test(firstLine.replace(/^\uFEFF/, ''));
}

/** Whether a path (any separator) is a task file by its name alone. */
export function isTaskPath(fsPath: string): boolean {
  const parts = fsPath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  if (!/\.ya?ml$/i.test(name) && name !== 'task.yaml') return false;
  if (name === 'task.yaml' || /\.sky\.ya?ml$/i.test(name)) return true;
  return parts.length >= 2 && parts[parts.length - 2] === 'sky' && /\.yaml$/i.test(name);
}

export interface DocLike {
  languageId: string;
  fsPath: string;
  firstLine: string;
}

export function isSkyDocument(d: DocLike): boolean {
  if (d.languageId !== 'yaml') return false;
  return isTaskPath(d.fsPath) || hasModeline(d.firstLine);
}
