// npm run build, after tsc: bundles the extension into two files (the language client, with
// vscode-languageclient, apart: loaded when the first task file opens), so the .vsix carries no node_modules, and exports the task JSON schema from the Java side
// (`sky schema`, core's JsonSchemaExport: the one copy of the field model) for yamlValidation.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(here, '..');
await build({
  entryPoints: { extension: path.join(here, 'src/extension.ts'), languageClient: path.join(here, 'src/vscode/languageClient.ts') },
  bundle: true, platform: 'node', format: 'cjs', target: 'node18', outdir: path.join(here, 'dist'), external: ['vscode'], minify: true, legalComments: 'none', logLevel: 'warning',
});
const jar = path.join(repo, 'cli/target/sky.jar');
if (!fs.existsSync(jar)) {
  console.error(`error: ${jar} is missing, and the JSON schema comes from it: build the Java side first (cd ${repo} && mvn -B -q package -DskipTests)`);
  process.exit(1);
}
const schema = execFileSync(path.join(repo, 'sky'), ['schema'], { env: { ...process.env, SKY4J_NO_BUILD: '1' }, encoding: 'utf8' });
JSON.parse(schema);
fs.mkdirSync(path.join(here, 'schema'), { recursive: true });
fs.writeFileSync(path.join(here, 'schema/task.schema.json'), schema);
const size = (f) => fs.statSync(path.join(here, 'dist', f)).size;
console.log(`built dist/extension.js (${size('extension.js')} bytes), dist/languageClient.js (${size('languageClient.js')} bytes) and schema/task.schema.json`);
