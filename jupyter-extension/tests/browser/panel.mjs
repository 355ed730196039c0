// Drives a real JupyterLab in Debian's headless Chromium (playwright-core, no browser download):
// open the sky4j panel, see CLUSTER UP, stop it from the panel, see STOPPED. Screenshots go to
// OUT. Prints one JSON line with what it saw, for the pytest side to assert on.
// Then launch task.yaml (selected in the file browser) from the panel's dialog as CLUSTER-dlg.
// usage: node panel.mjs LAB_URL JUPYTER_TOKEN CLUSTER OUT
import { chromium } from 'playwright-core';

const [url, token, cluster, out] = process.argv.slice(2);
const seen = { sky4jResponses: [] };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('response', async r => {
    if (r.url().includes('/sky4j/')) {
      seen.sky4jResponses.push({ url: r.url(), status: r.status(), body: await r.text().catch(() => '') });
    }
  });
  seen.console = [];
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') seen.console.push(m.text()); });
  await page.goto(`${url}/lab?token=${token}`);
  await page.waitForSelector('#jp-main-dock-panel', { timeout: 90000 });
  await page.locator('.lm-TabBar-tab[data-id="sky4j-panel"]').click();
  // widen the right sidebar (drag the split handle), as a user would for a table
  const handle = page.locator('#jp-main-split-panel > .lm-SplitPanel-handle:not(.lm-mod-hidden)').last();
  const box = await handle.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x - 220, box.y + 200, { steps: 5 });
    await page.mouse.up();
  }
  const row = page.locator(`#sky4j-panel tbody[data-cluster="${cluster}"]`);
  const status = row.locator('.sky4j-status');
  await status.filter({ hasText: /^UP$/ }).waitFor({ timeout: 60000 });
  const jobRow = page.locator('#sky4j-panel tr[data-job]', { hasText: 'labjob' });
  await jobRow.waitFor({ timeout: 30000 });
  seen.jobRow = await jobRow.locator('td').allTextContents();
  seen.statusBarBefore = await page.locator('.sky4j-statusbar').textContent();
  seen.refreshText = await page.locator('#sky4j-panel .sky4j-refresh').textContent();
  await page.screenshot({ path: `${out}/panel-up.png` });
  await page.locator('#sky4j-panel > div').screenshot({ path: `${out}/panel-up-small.png` });
  // Logs opens the latest job's log in a main-area tab
  await row.locator('button[data-action="logs"]').click();
  const logTab = page.locator('.sky4j-logs .sky4j-pre');
  await logTab.waitFor({ timeout: 30000 });
  seen.logText = await logTab.textContent();
  await page.screenshot({ path: `${out}/panel-logs.png` });
  await page.locator('#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon').click();
  await row.locator('button[data-action="stop"]').click();
  await status.filter({ hasText: /stop…/ }).waitFor({ timeout: 10000 });
  seen.sawStopping = true;
  await status.filter({ hasText: /^STOPPED$/ }).waitFor({ timeout: 120000 });
  seen.statusAfter = await status.textContent();
  await page.locator('.sky4j-statusbar').filter({ hasText: /0 UP/ }).waitFor({ timeout: 10000 });
  seen.statusBarAfter = await page.locator('.sky4j-statusbar').textContent();
  seen.buttonsAfter = await row.locator('button').evaluateAll(bs => bs.map(b => b.dataset.action));
  await page.screenshot({ path: `${out}/panel-stopped.png` });
  await page.locator('#sky4j-panel > div').screenshot({ path: `${out}/panel-stopped-small.png` });
  // the launch dialog, for the task file selected in the file browser
  await page.locator('.jp-DirListing-item', { hasText: 'task.yaml' }).click();
  await page.locator('#sky4j-panel button[data-action="launch"]').click();
  await page.locator('.sky4j-cluster-input').fill(`${cluster}-dlg`);
  await page.locator('.jp-Dialog-content').screenshot({ path: `${out}/launch-dialog-small.png` });
  await page.locator('.jp-Dialog button', { hasText: 'Launch' }).click();
  await page.locator('.jp-Dialog', { hasText: 'launch submitted' }).waitFor({ timeout: 30000 });
  await page.locator('.jp-Dialog button', { hasText: 'Ok' }).click();
  const launched = page.locator(`#sky4j-panel tbody[data-cluster="${cluster}-dlg"] .sky4j-status`);
  await launched.filter({ hasText: /^UP$/ }).waitFor({ timeout: 120000 });
  seen.dialogLaunched = await launched.textContent();
  // a notebook on ipykernel, switched by the panel's Kernel button to the sky4j kernel
  await page.locator('.jp-LauncherCard[data-category="Notebook"]').first().click();
  await page.locator('.jp-Notebook').waitFor({ timeout: 60000 });
  // the kernel's status-bar item ("Python 3 (ipykernel) | Idle"); the toolbar may hide it
  await page.getByText(/Python 3 \(ipykernel\) \| Idle/).waitFor({ timeout: 60000 });
  const kernelButton = page.locator(`#sky4j-panel tbody[data-cluster="${cluster}-dlg"] button[data-action="attach"]`);
  await kernelButton.waitFor({ timeout: 30000 });
  await kernelButton.click();
  const switched = page.getByText(/sky4j \(Python on a cluster\) \| Idle/);
  await switched.waitFor({ timeout: 60000 });
  seen.kernelName = await switched.textContent();
  await page.screenshot({ path: `${out}/kernel-switched.png` });
  seen.ok = true;
} catch (e) {
  seen.error = String(e && e.stack || e) + '\nconsole: ' + (seen.console || []).slice(-8).join('\n');
  const pages = browser.contexts()[0]?.pages() || [];
  if (pages[0]) await pages[0].screenshot({ path: `${out}/failure.png` }).catch(() => {});
} finally {
  await browser.close();
  console.log(JSON.stringify(seen));
}
