// Widgets on a partner's page: a page served from another origin embeds the feed, the clocks
// and the rates with the two-line code, and the portal's framing rules hold.
const { test, expect } = require('@playwright/test');
const http = require('node:http');
const { serverAt } = require('./server');
const { appTookOver } = require('./app-page');

const portal = serverAt({ offset: 4 });
const partnerPort = Number(process.env.E2E_PORT || 18080) + 5;
const partnerBase = `http://127.0.0.1:${partnerPort}`;
let partner;

/** The partner's own site: serves whatever page a test gives it. */
const pages = new Map();
test.beforeAll(async () => {
  await portal.start();
  partner = http.createServer((req, res) => {
    const body = pages.get(req.url.split('?')[0]);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body || 'not found');
  });
  await new Promise((r) => partner.listen(partnerPort, '127.0.0.1', r));
});
test.afterAll(async () => {
  await new Promise((r) => partner.close(r));
  await portal.stop();
});

const EMBED = `
  <h1>Partner news agency</h1>
  <div id="feed" data-infoshos-widget="feed" data-limit="5" data-country="KZ"></div>
  <div id="clocks" data-infoshos-widget="clocks" data-group="members" data-theme="dark"></div>
  <div id="rates" data-infoshos-widget="rates"></div>
  <script async src="${portal.base}/embed.js"></script>`;

function partnerPage(path, html) {
  pages.set(path, `<!doctype html><html><head><title>Partner</title></head><body>${html}</body></html>`);
  return `${partnerBase}${path}`;
}

/** Height of the iframe element on the partner page, and of the content inside it. */
async function heights(p, id) {
  const frame = p.frameLocator(`#${id} iframe`);
  const outer = await p.locator(`#${id} iframe`).evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
  return { outer, inner };
}

test('a partner page shows all three widgets, each as tall as its content', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(page_url('/three'));
  const feed = page.frameLocator('#feed iframe');
  await expect(feed.locator('.widget-feed li')).toHaveCount(5);
  await expect(feed.locator('.widget-title')).toContainText('Kazakhstan');
  const clocks = page.frameLocator('#clocks iframe');
  await expect(clocks.locator('.clock')).toHaveCount(10);
  await expect(clocks.locator('html')).toHaveAttribute('data-theme', 'dark');
  const rates = page.frameLocator('#rates iframe');
  await expect(rates.locator('.rates-table tbody tr').first()).toBeVisible();
  await expect(rates.locator('.rates-source')).toContainText('Central Bank of Russia');

  for (const id of ['feed', 'clocks', 'rates']) {
    const frame = page.locator(`#${id} iframe`);
    await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
    await expect(frame).toHaveAttribute('loading', 'lazy');
    expect(await frame.getAttribute('title')).toMatch(/Infoshos/);
    await expect.poll(async () => { const h = await heights(page, id); return Math.abs(h.outer - h.inner); }, { message: `${id} frame follows its content` }).toBeLessThanOrEqual(3);
  }
  // The content grows: the frame follows.
  const before = (await heights(page, 'feed')).outer;
  await feed.locator('.widget-feed').evaluate((ol) => {
    for (let i = 0; i < 4; i++) ol.append(ol.firstElementChild.cloneNode(true));
  });
  await expect.poll(async () => (await heights(page, 'feed')).outer).toBeGreaterThan(before + 100);
  await expect.poll(async () => { const h = await heights(page, 'feed'); return Math.abs(h.outer - h.inner); }).toBeLessThanOrEqual(3);

  // One global name, and the portal's service worker is never registered from a widget.
  const added = await page.evaluate(async () => {
    const bare = document.createElement('iframe');
    document.body.append(bare);
    const before = new Set(Object.keys(bare.contentWindow));
    bare.remove();
    // Frames show up as window[0], window[1]…: those are not names.
    return Object.keys(window).filter((k) => !before.has(k) && !/^\d+$/.test(k));
  });
  expect(added).toEqual(['InfoshosWidgets']);
  const registrations = await feed.locator('html').evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length));
  expect(registrations).toBe(0);
  expect(errors).toEqual([]);
});

function page_url(path) {
  return partnerPage(path, EMBED);
}

test('a headline opens the portal article in a new tab', async ({ page, context }) => {
  await page.goto(page_url('/click'));
  const link = page.frameLocator('#feed iframe').locator('.widget-feed a').first();
  const title = await link.textContent();
  expect(await link.getAttribute('rel')).toBe('noopener');
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(new RegExp(`^${portal.base}/en/article/`));
  await appTookOver(tab);
  await expect(tab.locator('h1')).toHaveText(title);
});

test('messages from a foreign frame or in a wrong shape change no frame', async ({ page }) => {
  const url = partnerPage('/foreign', `${EMBED}<iframe id="stranger" src="${partnerBase}/stranger"></iframe>`);
  pages.set('/stranger', '<!doctype html><p>stranger</p>');
  await page.goto(url);
  await expect(page.frameLocator('#feed iframe').locator('.widget-feed li')).toHaveCount(5);
  const frame = page.locator('#feed iframe');
  await expect.poll(async () => { const h = await heights(page, 'feed'); return Math.abs(h.outer - h.inner); }).toBeLessThanOrEqual(3);
  const settled = await frame.evaluate((f) => f.style.height);

  // The partner's own page, another frame of the partner's, and our frame with a bad shape.
  await page.evaluate(() => window.postMessage({ type: 'infoshos:height', height: 5000 }, '*'));
  await page.frameLocator('#stranger').locator('p').evaluate(() => parent.postMessage({ type: 'infoshos:height', height: 5000 }, '*'));
  const ours = page.frameLocator('#feed iframe').locator('html');
  for (const bad of [{ type: 'infoshos:height', height: '5000px' }, { type: 'height', height: 5000 }, 'infoshos:height 5000', { type: 'infoshos:height', height: 1e9 }]) {
    await ours.evaluate((_, m) => parent.postMessage(m, '*'), bad);
  }
  await page.waitForTimeout(300);
  expect(await frame.evaluate((f) => f.style.height)).toBe(settled);
});

test('portal pages refuse a partner frame; widgets are allowed', async ({ page }) => {
  await page.goto(partnerPage('/frames', `<iframe id="home" src="${portal.base}/en/"></iframe><iframe id="widget" src="${portal.base}/embed/rates"></iframe>`));
  await expect(page.frameLocator('#widget').locator('.rates-table')).toBeVisible();
  // The refused frame holds Chromium's error page, never the portal's.
  const home = await (await page.$('#home')).contentFrame();
  await expect.poll(() => home.url()).not.toBe(`${portal.base}/en/`);
  expect(await home.locator('.brand').count()).toBe(0);
  const headers = (await fetch(`${portal.base}/en/`)).headers;
  expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'$/);
});

test('oEmbed answers for an article and refuses a foreign address', async () => {
  const list = await (await fetch(`${portal.base}/api/articles?limit=1`)).json();
  const article = `${portal.base}/en/article/${list.items[0].slug}`;
  const ok = await fetch(`${portal.base}/api/oembed?url=${encodeURIComponent(article)}&format=json`);
  expect(ok.status).toBe(200);
  const body = await ok.json();
  expect(body.type).toBe('rich');
  expect(body.title).toBe(list.items[0].title);
  expect(body.html).toContain(`<iframe src="${portal.base}/embed/article?slug=${list.items[0].slug}`);
  const foreign = await fetch(`${portal.base}/api/oembed?url=${encodeURIComponent('https://elsewhere.example/en/article/x')}`);
  expect(foreign.status).toBe(404);
  // The article page tells CMSs where its oEmbed is.
  const html = await (await fetch(article)).text();
  expect(html).toContain('type="application/json+oembed"');
});

test('a widget asks the API only for what it shows', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
  });
  for (const [widget, wanted] of [['feed', '/api/articles'], ['clocks', '/api/states'], ['rates', '/api/rates']]) {
    asked.length = 0;
    await page.goto(`${portal.base}/embed/${widget}`);
    await expect(page.locator('.widget-loading')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(asked, widget).toContain(wanted);
    // Rates are a request of their own: only the rates widget makes it.
    expect(asked.includes('/api/rates'), widget).toBe(widget === 'rates');
  }
});

test('bad parameters show a message inside the widget, and a script-like value stays text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const hostile = '<img src=x onerror=alert(1)>';
  await page.goto(`${portal.base}/embed/feed?limit=50&theme=neon&country=${encodeURIComponent(hostile)}`);
  const problem = page.locator('.widget-problem');
  await expect(problem).toContainText('limit must be a whole number from 1 to 20, not “50”');
  await expect(problem).toContainText('theme must be light or dark, not “neon”');
  await expect(problem).toContainText(`“${hostile}” is not the code of an SCO state`);
  await expect(page.locator('img')).toHaveCount(0);
  await page.goto(`${portal.base}/embed/feed?country=XX`);
  await expect(page.locator('.widget-problem')).toContainText('“XX” is not the code of an SCO state');
  await page.goto(`${portal.base}/embed/weather`);
  await expect(page.locator('.widget-problem')).toContainText('there is no widget called “weather”');
  expect(dialogs).toBe(0);
});

test('the converter widget converts inside its frame and keeps a refused amount with the reason', async ({ page, context }) => {
  await page.goto(partnerPage('/converter', `
    <div id="converter" data-infoshos-widget="converter" data-from="KZT" data-to="CNY" data-theme="dark"></div>
    <div id="unquoted" data-infoshos-widget="converter" data-from="USD"></div>
    <script async src="${portal.base}/embed.js"></script>`));
  const frame = page.frameLocator('#converter iframe');
  await expect(frame.getByLabel('From')).toHaveValue('KZT');
  await expect(frame.getByLabel('Into')).toHaveValue('CNY');
  await expect(frame.locator('[role=alert]')).toHaveCount(0);
  await frame.getByLabel('Amount').fill('5 000');
  await frame.getByRole('button', { name: 'Convert' }).click();
  await expect(frame.locator('.converted')).toContainText(/^5,000\.00 KZT = [\d,]+\.\d\d CNY$/);
  // The answer came in the frame, with the widget's own settings kept; no tab was opened.
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(context.pages()).toHaveLength(1);
  expect(new URL(page.frames().find((f) => f.url().includes('/embed/converter?')).url()).searchParams.get('amount')).toBe('5 000');

  await frame.getByLabel('Amount').fill('five');
  await frame.getByRole('button', { name: 'Convert' }).click();
  await expect(frame.locator('[role=alert]')).toContainText('Type the amount in figures');
  await expect(frame.getByLabel('Amount')).toHaveValue('five');
  // A currency the CBR does not quote for the SCO is named in the frame.
  await expect(page.frameLocator('#unquoted iframe').locator('[role=alert]')).toContainText('no official rate for “USD”');
});

test('the widgets page builds the embed code and previews it', async ({ page }) => {
  await page.goto(`${portal.base}/en/`);
  await appTookOver(page);
  await page.evaluate(() => { window.readerApp = true; });
  await page.getByRole('link', { name: 'Widgets for your site' }).click();
  // A page with a bundle of its own: loaded anew, then taken over by that bundle.
  await page.waitForURL(/\/en\/widgets$/);
  await appTookOver(page);
  expect(await page.evaluate(() => window.readerApp), 'a new page, not the reader app').toBeUndefined();
  await expect(page.locator('h1')).toHaveText('Infoshos on your site');
  await page.getByLabel('Headlines (1–20)').fill('3');
  await page.locator('#widget-theme').selectOption('dark');
  const code = page.locator('.widget-code');
  await expect(code).toHaveValue(/data-infoshos-widget="feed" data-limit="3" data-theme="dark"/);
  await expect(code).toHaveValue(new RegExp(`<script async src="${portal.base}/embed.js"></script>`));
  const preview = page.frameLocator('.widget-preview');
  await expect(preview.locator('.widget-feed li')).toHaveCount(3);
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');

  // The preview is the widget itself: it says what is wrong with a bad option.
  await page.getByLabel('Headlines (1–20)').fill('40');
  await expect(page.frameLocator('.widget-preview').locator('.widget-problem')).toContainText('not “40”');

  await page.locator('#widget-kind').selectOption('clocks');
  await page.locator('#widget-group').selectOption('partners');
  await expect(code).toHaveValue(/data-infoshos-widget="clocks" data-group="partners" data-theme="dark"/);
  await expect(page.frameLocator('.widget-preview').locator('.clock')).toHaveCount(17);

  await page.locator('#widget-kind').selectOption('converter');
  await page.locator('#widget-from').selectOption('INR');
  await expect(code).toHaveValue(/data-infoshos-widget="converter" data-from="INR" data-to="RUB" data-theme="dark"/);
  await expect(page.frameLocator('.widget-preview').getByLabel('From')).toHaveValue('INR');
});
