// The installed app: service worker, manifest, offline reading, the offline comment outbox
// and updates. Each test has its own server (own port = own origin, own service worker).
const { test, expect, chromium, waitingForApp } = require('./app-page');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { serverAt, root } = require('./server');

const server = serverAt({ offset: 1 });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

/** Opens the front page and reloads it once the service worker is ready, as a returning reader. */
async function asReturningReader(page, url = '/en/') {
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect(page.locator('.feed-row:not(.placeholder)')).toHaveCount(20);
}

async function headline(page, n) {
  const link = page.locator('.feed-title a').nth(n);
  return { title: await link.textContent(), href: await link.getAttribute('href') };
}

test('the service worker controls the page after a reload, and Chrome finds the app installable', async ({ page }, info) => {
  await asReturningReader(page);
  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.headers()['content-type']).toContain('application/manifest+json');
  const m = await manifest.json();
  expect(m).toMatchObject({ start_url: '/en/', scope: '/', display: 'standalone' });
  for (const icon of m.icons) expect((await page.request.get(icon.src)).ok(), icon.src).toBe(true);
  // The shell of this build is in the cache the worker named after it.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const shell = names.find((n) => n.startsWith('infoshos-shell-'));
    return (await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/index.html');
  expect(cached.some((p) => p.endsWith('.wasm'))).toBe(true);
  // No prompt in a test browser: "Install app" says how instead.
  await page.getByRole('button', { name: 'Install app' }).click();
  await expect(page.locator('.header-note')).toContainText('Add to Home Screen');

  // Chrome's own verdict, asked in a profile of its own (test contexts count as incognito,
  // where nothing installs).
  const profile = fs.mkdtempSync(path.join(server.dir, 'profile-'));
  const persistent = await chromium.launchPersistentContext(profile, info.project.use.launchOptions);
  try {
    const p = persistent.pages()[0] || (await persistent.newPage());
    await p.goto(`${server.base}/en/`);
    await p.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await persistent.newCDPSession(p);
    await expect
      .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors)
      .toEqual([]);
  } finally {
    await persistent.close();
  }
});

test('a Russian reader offline gets the Russian edition from its own kept shell, in Russian', async ({ page, context }) => {
  await asReturningReader(page, '/ru/');
  // The Russian reader's build is kept beside the English shell on this first online visit.
  await expect
    .poll(() => page.evaluate(async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('infoshos-shell-') && (await (await caches.open(name)).match('/edition-ru/index.html'))) return true;
      }
      return false;
    }))
    .toBe(true);
  await context.setOffline(true);
  await page.goto('/ru/country/KZ');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { name: 'Время в столицах ШОС' })).toBeVisible();
  await expect(page.locator('.offline-banner')).toContainText('Нет подключения к сети.');
  await context.setOffline(false);
});

test('offline: the shell, last feed, clocks and banner; opened and saved articles open, others say so', async ({ page, context }) => {
  await asReturningReader(page);
  const opened = await headline(page, 1);
  const saved = await headline(page, 8);
  const unopened = await headline(page, 5);

  await page.goto(opened.href);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await page.goto(saved.href);
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.locator('.save-note')).toContainText('Saved');
  // Forget the copy kept for having opened it: only the saved one is left.
  const slug = saved.href.split('/').pop();
  await page.evaluate(async (s) => {
    const data = await caches.open('infoshos-data-2');
    await data.delete(`/api/articles/${s}`);
  }, slug);

  await context.setOffline(true);
  await page.goto('/en/');
  await expect(page.locator('.feed-row:not(.placeholder)')).toHaveCount(20);
  await expect(page.locator('.clock')).toHaveCount(27);
  // The feed on screen is the copy kept on the last visit, and the banner says from when.
  await expect(page.locator('.offline-banner')).toContainText('You are offline');
  await expect(page.locator('.offline-banner')).toContainText(/saved at \d\d\.\d\d\.\d{4} \d\d:\d\d/);

  await page.getByRole('link', { name: opened.title }).click();
  await expect(page.locator('h1')).toHaveText(opened.title);
  await expect(page.locator('.article-body p').first()).toBeVisible();

  await page.goto('/en/saved');
  await page.getByRole('link', { name: saved.title }).click();
  await expect(page.locator('h1')).toHaveText(saved.title);

  await page.goto(unopened.href);
  await expect(page.locator('.failure')).toContainText('not available offline');

  await context.setOffline(false);
  await expect(page.locator('.offline-banner')).toHaveCount(0);
  await page.locator('.failure').getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('h1')).toHaveText(unopened.title);
});

test('the Saved page lists saved articles and removes them', async ({ page }) => {
  await asReturningReader(page);
  const a = await headline(page, 2);
  await page.goto(a.href);
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.locator('.save-note')).toContainText('Saved');
  await page.getByRole('link', { name: 'Saved' }).click();
  const row = page.locator('.saved-list li', { hasText: a.title });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Remove from saved' }).click();
  await expect(row).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.saved-list li', { hasText: a.title })).toHaveCount(0);
  await expect(page.locator('.saved-none')).toContainText('Nothing saved yet');
});

test('an article saved in the JSON shape of before is fetched again in the new one when the worker starts', async ({ page }) => {
  const a = (await (await page.request.get('/api/articles?limit=1')).json()).items[0];
  // From a page of the origin that never registers the worker, a copy in the old saved cache.
  await page.goto('/embed/rates');
  await page.evaluate(async (item) => {
    const old = await caches.open('infoshos-saved');
    const before = { ...item, paragraphs: ['Plain text of before.'], related: [] };
    await old.put(`/api/articles/${item.slug}`, new Response(JSON.stringify(before),
      { headers: { 'content-type': 'application/json' } }));
  }, a);
  await page.goto('/en/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => caches.has('infoshos-saved'))).toBe(false);
  const copy = await page.evaluate(async (slug) =>
    (await (await caches.open('infoshos-saved-2')).match(`/api/articles/${slug}`)).json(), a.slug);
  expect(copy.body).toContain('<p>');
  expect(copy.paragraphs).toBeUndefined();
  await page.goto('/en/saved');
  await page.getByRole('link', { name: a.title }).click();
  await expect(page.locator('.article-body p').first()).toBeVisible();
});

test('a full disk gets a message when saving, and the page keeps working', async ({ page }) => {
  await asReturningReader(page);
  const a = await headline(page, 4);
  await page.goto(a.href);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.base, quotaSize: 1 });
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.locator('.save-note')).toContainText('no room left');
  await page.getByRole('link', { name: 'Saved' }).click();
  await expect(page.locator('.saved-list li', { hasText: a.title })).toHaveCount(0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.base });
});

test('a comment written offline is kept, then sent exactly once when the connection is back', async ({ page, context }) => {
  await asReturningReader(page);
  const a = await headline(page, 3);
  await page.goto(a.href);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  const text = `Written on a plane, ${Date.now()}.`;

  await context.setOffline(true);
  await page.getByLabel('Name').fill('Dilnoza');
  await page.locator('#comment-text').fill(text);
  // A person takes a moment to write; the server refuses forms sent within 2 s of loading.
  await page.waitForTimeout(2100);
  await page.getByRole('button', { name: 'Send comment' }).click();
  const notice = page.locator('.form-notice');
  await expect(notice).toContainText('will be sent once the connection is back');
  await expect(page.locator('#comment-text')).toHaveValue(text);
  await expect(page.locator('#comment-form button[type=submit]')).toBeDisabled();

  await context.setOffline(false);
  await expect(notice).toContainText('published');
  await expect(page.locator('.comment', { hasText: text })).toHaveCount(1);

  const slug = a.href.split('/').pop();
  const count = async () => {
    const list = await (await fetch(`${server.base}/api/articles/${slug}/comments`)).json();
    return list.filter((c) => c.text === text).length;
  };
  expect(await count()).toBe(1);
  // A reload (another chance to send what is queued) sends nothing again.
  await page.reload();
  await expect(page.locator('.comment', { hasText: text })).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('infoshos.outbox'))).toBeNull();
  expect(await count()).toBe(1);
});

test('a new build shows the update notice, and Reload brings it in once', async ({ browser }) => {
  // A second build of the app: a copy of dist/ with a changed stylesheet and its shell list
  // written again by the same script `make spa` runs.
  const dist = fs.mkdtempSync(path.join(server.dir, 'dist-'));
  fs.cpSync(path.join(root, 'dist'), dist, { recursive: true });
  const second = serverAt({ offset: 2, dist });
  await second.start();
  const context = await browser.newContext({ baseURL: second.base });
  try {
    const page = waitingForApp(await context.newPage());
    await asReturningReader(page);
    // The version the controlling worker reports (null while a page is loading).
    const version = () =>
      page.evaluate(() => document.documentElement.dataset.version || null).catch(() => null);
    await expect.poll(version).not.toBeNull();
    const first = await version();

    const css = fs.readdirSync(dist).find((f) => f.endsWith('.css'));
    fs.appendFileSync(path.join(dist, css), '\n.brand-name { letter-spacing: .02em; }\n');
    for (const f of [css, 'sw.js']) for (const ext of ['.br', '.gz']) fs.rmSync(path.join(dist, f + ext), { force: true });
    execFileSync('node', [path.join(root, 'scripts/precache.mjs'), dist]);

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.locator('.update-notice');
    await expect(notice).toContainText('A new version is available');
    expect(await version()).toBe(first);

    let loads = 0;
    page.on('load', () => { loads += 1; });
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect.poll(async () => ((await version()) || first) !== first).toBe(true);
    await expect(page.locator('.feed-row:not(.placeholder)')).toHaveCount(20);
    await expect(page.locator('.update-notice')).toHaveCount(0);
    // One reload, not a loop.
    await page.waitForTimeout(1500);
    expect(loads).toBe(1);
  } finally {
    await context.close();
    await second.stop();
  }
});
