// The extension in a real VS Code: code-server 4.100.3 (VS Code 1.100) from .tools/code-server
// with the built .vsix installed, driven headless by playwright-core in Debian's chromium,
// against a real sky4j API server and the local cloud (private SKY4J_HOME, API port and SSH
// config). It opens a broken task file and sees the squiggle, asks for GPU completions and sees
// prices, runs "Launch this task" on task.yaml, sees the cluster UP in the Clusters view, opens
// its log, checks the Remote-SSH fallback (Remote-SSH is Microsoft's and cannot be installed in
// code-server: the offer to install it and the copied `ssh <cluster>` are checked), and downs it. Screenshots go to $SKY4J_E2E_SHOTS (default: docs/images).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, '../..');
const repo = path.resolve(ext, '..');
const csEntry = path.join(repo, '.tools/code-server/node_modules/code-server/out/node/entry.js');
const vsix = path.join(ext, 'dist/sky4j.vsix');
const shots = process.env.SKY4J_E2E_SHOTS || path.join(repo, 'docs/images');
const CLUSTER = 'vsc-e2e';
const T = 180_000;

const freePort = () => new Promise((res) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const step = (m) => console.log(`  - ${m}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sky4j-vscode-e2e-'));
const home = path.join(work, 'home');
const ud = path.join(work, 'user-data');
const exts = path.join(work, 'extensions');
const folder = path.join(work, 'project');
fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
fs.mkdirSync(folder, { recursive: true });
fs.mkdirSync(shots, { recursive: true });
const apiPort = await freePort();
const csPort = await freePort();
const env = {
  ...process.env, SKY4J_HOME: home, SKY4J_API_PORT: String(apiPort), SKY4J_NO_BUILD: '1',
  SKY4J_SSH_CONFIG: path.join(work, 'ssh_config'), SKY4J_SERVER_JAR: path.join(repo, 'server/target/sky4j-server.jar'),
};
delete env.SKY4J_API_URL;
delete env.SKY4J_API_TOKEN;

fs.writeFileSync(path.join(folder, 'broken.sky.yaml'), 'name: squiggle\nresources:\n  disk_tier: fastest\n  accelerators: H1\nrun: echo hi\n');
// the same mistake in a modeline file (ours) and in a plain YAML file (not ours: no squiggle)
fs.writeFileSync(path.join(folder, 'gpu-box.yaml'), '# sky4j\nresources:\n  disk_tier: fastest\nrun: echo hi\n');
fs.writeFileSync(path.join(folder, 'values.yaml'), 'resources:\n  disk_tier: fastest\nrun: echo hi\n');
fs.writeFileSync(path.join(folder, 'task.yaml'), 'name: hello\nrun: |\n  echo "hello from the vscode e2e on $(hostname)"\n');
fs.writeFileSync(path.join(ud, 'User/settings.json'), JSON.stringify({
  'sky4j.path': path.join(repo, 'sky'), 'sky4j.home': home, 'sky4j.apiPort': apiPort, 'sky4j.refreshSeconds': 2,
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.tips.enabled': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false }, 'window.dialogStyle': 'custom',
  'workbench.colorTheme': 'Default Dark Modern', 'update.mode': 'none', 'chat.disableAIFeatures': true,
}, null, 2));

const sky = (...args) => execFileSync(path.join(repo, 'sky'), args, { env, encoding: 'utf8', timeout: 120_000 });
let cs;
let browser;
let ok = false;
try {
  step('install the .vsix into code-server');
  execFileSync(process.execPath, [csEntry, '--extensions-dir', exts, '--user-data-dir', ud, '--install-extension', vsix], { env, stdio: 'pipe', timeout: 120_000 });
  step(`start code-server on 127.0.0.1:${csPort}`);
  cs = spawn(process.execPath, [csEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${csPort}`, '--user-data-dir', ud,
    '--extensions-dir', exts, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', folder],
  { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let csLog = '';
  cs.stdout.on('data', (d) => { csLog += d; });
  cs.stderr.on('data', (d) => { csLog += d; });
  for (let i = 0; !csLog.includes('HTTP server listening'); i++) {
    if (i > 600 || cs.exitCode !== null) throw new Error(`code-server did not start:\n${csLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext({ viewport: { width: 1200, height: 720 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${csPort}` });
  const page = await context.newPage();
  page.setDefaultTimeout(T);
  await page.goto(`http://127.0.0.1:${csPort}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor();

  const palette = async (command) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${command}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  const openFile = async (name) => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[aria-label^="${name}"]`).waitFor();
  };

  step('broken.sky.yaml: the server\'s diagnostic squiggle');
  await openFile('broken.sky.yaml');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  step('GPU completions with prices');
  await page.locator('.view-line', { hasText: 'accelerators: H1' }).click();
  await page.keyboard.press('End');
  let rows = '';
  for (let i = 0; i < 30 && !/H100/.test(rows); i++) { // the catalog loads in the background
    await page.keyboard.press('Control+Space');
    try {
      await page.locator('.suggest-widget.visible .monaco-list-row').first().waitFor({ timeout: 5000 });
      rows = await page.locator('.suggest-widget.visible').innerText();
    } catch { rows = ''; }
    if (!/H100/.test(rows)) { await page.keyboard.press('Escape'); await page.waitForTimeout(1000); }
  }
  if (!/H100:\d/.test(rows)) throw new Error(`no H100 completion: ${rows}`);
  // the details pane shows the price of the focused item
  await page.keyboard.press('Control+Space');
  const details = page.locator('.suggest-details', { hasText: '/h' }).first();
  await details.waitFor();
  const withDetails = await details.innerText();
  if (!/\$[0-9.]+\/h/.test(withDetails)) throw new Error(`no price in the completion list: ${withDetails}`);
  await page.screenshot({ path: path.join(shots, 'vscode-completions.png') });
  await page.keyboard.press('Escape');

  step('a "# sky4j" modeline file is checked; a plain YAML file is left alone');
  await openFile('gpu-box.yaml');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  await openFile('values.yaml');
  await page.waitForTimeout(4000); // a squiggle comes within ~1 s on the modeline file
  if (await page.locator('.monaco-editor .squiggly-error').filter({ visible: true }).count()) throw new Error('values.yaml (no modeline, not a task file name) got sky4j diagnostics');

  step('task.yaml: Launch this task (cluster name, optimizer choice, confirm)');
  await openFile('task.yaml');
  await palette('sky4j: Launch this task');
  const qp = page.locator('.quick-input-widget input');
  await qp.waitFor();
  await qp.fill(CLUSTER);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: CLUSTER }).first().waitFor();
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: T });
  const dialogText = await dialog.innerText();
  if (!/Optimizer's choice: .*\$[0-9.]+\/h/.test(dialogText)) throw new Error(`no optimizer choice in the dialog: ${dialogText}`);
  await dialog.getByRole('button', { name: 'Launch' }).click();

  step('Clusters view: the cluster UP');
  await page.locator('.activitybar [aria-label^="sky4j"]').first().click();
  const row = page.locator('.monaco-list-row', { hasText: CLUSTER }).filter({ hasText: 'UP' });
  await row.first().waitFor({ timeout: 240_000 });
  await page.locator('.notification-toast', { hasText: `launch ${CLUSTER} — done` }).first().waitFor({ timeout: 240_000 });
  await page.locator('.statusbar-item', { hasText: '1 UP' }).first().waitFor();
  // a wider side bar, and the cluster expanded to its jobs, for the screenshot
  const sash = await page.locator('.part.sidebar').boundingBox();
  await page.mouse.move(sash.x + sash.width + 1, sash.y + 200);
  await page.mouse.down();
  await page.mouse.move(sash.x + sash.width + 260, sash.y + 200, { steps: 5 });
  await page.mouse.up();
  await row.first().click();
  await page.locator('.monaco-list-row', { hasText: '#1 hello' }).filter({ hasText: 'SUCCEEDED' }).first().waitFor();
  await page.locator('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close').first().click().catch(() => undefined);
  await page.screenshot({ path: path.join(shots, 'vscode-clusters.png') });

  step('Open cluster log: the job\'s output in an output channel');
  await palette('sky4j: Open cluster log');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: CLUSTER }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.panel .view-lines', { hasText: 'hello from the vscode e2e' }).first().waitFor();

  step('Open in Remote-SSH window without Remote-SSH: offers to install it, or copies ssh <cluster>');
  await palette('sky4j: Open in Remote-SSH window');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: CLUSTER }).first().waitFor();
  await page.keyboard.press('Enter');
  const offer = page.locator('.notification-toast', { hasText: 'needs the Remote-SSH extension' }).first();
  await offer.waitFor();
  if (!(await offer.getByRole('button', { name: 'Install Remote-SSH' }).count())) throw new Error('no Install Remote-SSH button');
  await offer.getByRole('button', { name: 'Copy ssh command' }).click();
  // the extension writes the clipboard after the click returns: wait for it (up to 10 s)
  let copied = '';
  for (const t0 = Date.now(); Date.now() - t0 < 10000 && copied !== `ssh ${CLUSTER}`;) {
    copied = await page.evaluate(() => navigator.clipboard.readText());
    if (copied !== `ssh ${CLUSTER}`) await new Promise((r) => setTimeout(r, 100));
  }
  if (copied !== `ssh ${CLUSTER}`) throw new Error(`clipboard holds ${JSON.stringify(copied)}, not "ssh ${CLUSTER}"`);

  step('Down (confirmed) and the cluster leaves the view');
  await palette('sky4j: Down');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: CLUSTER }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Down' }).click();
  await page.locator('.monaco-list-row', { hasText: 'No clusters' }).first().waitFor({ timeout: 240_000 });
  const left = JSON.parse(sky('status', '-o', 'json'));
  if (left.some((c) => c.name === CLUSTER)) throw new Error(`${CLUSTER} is still listed: ${JSON.stringify(left)}`);

  const logs = execFileSync('grep', ['-rh', 'sky4j activated in', path.join(ud, 'logs')], { encoding: 'utf8' }).trim();
  console.log(`  activation (from the extension's output channel in code-server): ${logs.split('\n').pop()}`);
  ok = true;
} finally {
  if (!ok) {
    try { await browser?.contexts()[0]?.pages()[0]?.screenshot({ path: path.join(work, 'failure.png') }); console.error(`failure screenshot: ${work}/failure.png`); } catch { /* none */ }
    try { sky('down', '-y', CLUSTER); } catch { /* not there */ }
  }
  await browser?.close().catch(() => undefined);
  if (cs && cs.exitCode === null) { try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ } }
  try { sky('api', 'stop'); } catch { /* not running */ }
}
console.log('vscode e2e: all steps passed');
