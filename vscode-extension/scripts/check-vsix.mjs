// Checks the packaged .vsix: under 1 MB, the bundle, the schema and the manifest inside, and
// nothing that should not ship (node_modules, sources, tests, a sky jar).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const file = process.argv[2] ?? 'dist/sky4j.vsix';
const LIMIT = 1024 * 1024;
const size = fs.statSync(file).size;
const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
const problems = [];
if (size >= LIMIT) problems.push(`${file} is ${size} bytes, over the 1 MB limit`);
for (const need of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/languageClient.js', 'extension/schema/task.schema.json', 'extension/media/sky4j.svg', 'extension.vsixmanifest']) {
  if (!names.includes(need)) problems.push(`missing ${need}`);
}
for (const n of names) {
  if (/(^|\/)node_modules\//.test(n)) problems.push(`stray node_modules file: ${n}`);
  if (/\.jar$/.test(n)) problems.push(`a jar must not ship: ${n}`);
  if (/^extension\/(src|test|out|scripts)\//.test(n) || /\.ts$/.test(n)) problems.push(`source/test file shipped: ${n}`);
}
if (problems.length) {
  console.error(`vsix check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`vsix ok: ${file}, ${(size / 1024).toFixed(0)} KB, ${names.length} files`);
