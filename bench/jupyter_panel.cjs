// The sky4j panel's refresh in headless Chromium (bench/jupyter.sh): click Refresh N times and
// read what the panel records (fetch time through the proxy, render time), plus click-to-update.
// usage: NODE_PATH=jupyter-extension/node_modules node jupyter_panel.cjs LAB_URL TOKEN N CLUSTERS
const { chromium } = require('playwright-core');

(async () => {
  const [url, token, n, clusters] = process.argv.slice(2);
  const out = { fetch: [], render: [], click: [] };
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}/lab?token=${token}`);
    await page.waitForSelector('#jp-main-dock-panel', { timeout: 120000 });
    await page.locator('.lm-TabBar-tab[data-id="sky4j-panel"]').click();
    await page.waitForFunction(c => document.querySelectorAll('#sky4j-panel tbody[data-cluster]').length === c,
      Number(clusters), { timeout: 60000 });
    for (let i = 0; i < Number(n); i++) {
      const ms = await page.evaluate(async () => {
        const panel = document.querySelector('#sky4j-panel');
        const t0 = performance.now();
        const changed = new Promise(res => new MutationObserver((_, o) => { o.disconnect(); res(); })
          .observe(panel, { childList: true }));
        panel.querySelector('button[data-action="refresh"]').click();
        await changed;
        return performance.now() - t0;
      });
      out.click.push(ms);
      out.fetch.push(Number(await page.locator('#sky4j-panel').getAttribute('data-refresh-ms')));
      out.render.push(Number(await page.locator('#sky4j-panel').getAttribute('data-render-ms')));
    }
  } catch (e) {
    out.error = String((e && e.stack) || e);
  } finally {
    await browser.close();
    console.log(JSON.stringify(out));
  }
})();
