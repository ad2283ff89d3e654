// Drives the dashboard in headless Chromium (playwright-core, /usr/bin/chromium) for DashboardBrowserTests and prints
// what the page showed as one JSON object. Arguments: playwright-core folder, base URL, token, short run, sweep,
// long run, screenshot folder.
'use strict';
const [playwright, base, token, shortRun, sweep, longRun, shots] = process.argv.slice(2);
const { chromium } = require(playwright);

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.IDL_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const result = {};
  try {
    // A page of its own (no cookie): the dashboard is bound off loopback, so without the token it is refused.
    const stranger = await browser.newPage();
    const refused = await stranger.goto(`${base}/`);
    result.withoutToken = { status: refused.status(), body: await stranger.textContent('body') };
    await stranger.close();

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30000);
    page.on('dialog', d => { result.dialogs = [...(result.dialogs ?? []), d.message()]; d.accept(); });

    await page.goto(`${base}/?token=${encodeURIComponent(token)}`);
    await page.waitForSelector(`tr[data-run="${shortRun}"]`);
    result.runs = await page.$$eval('tr[data-run]', rows => rows.map(r => ({ id: r.dataset.run, state: r.dataset.state })));

    await page.goto(`${base}/#/run/${encodeURIComponent(shortRun)}`);
    await page.waitForSelector('[data-chart="step-rate"][data-points]');
    result.epochPoints = Number(await page.getAttribute('[data-chart="epoch-loss"]', 'data-points'));
    result.stepPoints = Number(await page.getAttribute('[data-chart="step-loss"]', 'data-points'));
    result.phasePoints = Number(await page.getAttribute('[data-chart="step-phases"]', 'data-points'));
    result.shortState = await page.textContent('#run-state');
    await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });

    await page.goto(`${base}/#/sweep/${encodeURIComponent(sweep)}`);
    await page.waitForSelector('[data-chart="curves"][data-points]');
    result.trials = await page.$$eval('tr[data-trial]', rows => rows.map(r => ({ id: r.dataset.trial, state: r.dataset.state })));
    await page.screenshot({ path: `${shots}/dashboard-sweep.png`, fullPage: true });

    await page.goto(`${base}/#/run/${encodeURIComponent(longRun)}`);
    await page.waitForFunction(() => document.querySelector('#run-state')?.textContent === 'Running');
    await page.click('#cancel');
    await page.waitForFunction(() => document.querySelector('#run-state')?.textContent === 'Cancelled', null, { timeout: 20000 });
    result.longState = await page.textContent('#run-state');
  } catch (e) {
    result.error = String(e && e.stack || e);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result));
})();
