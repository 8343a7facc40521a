// Sections and "Most read", as a reader and a partner site meet them: the masthead lists the
// sections, each has its own feed (with and without JavaScript), every story says which one it
// is in, and the feed widget can show one section; the stories read most today and this week
// stand beside the news, counted by the server.
const { test, expect } = require('./app-page');
const { serverAt } = require('./server');

// The server adds its readings to the database each second, not each 30.
const server = serverAt({ offset: 17, env: { INFOSHOS_READ_COUNTS_EVERY: '1' } });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

test('the masthead leads to a section whose feed holds only its stories, and a story leads back to it', async ({ page }) => {
  await page.goto('/en/');
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections.getByRole('link')).toHaveText([
    'Politics and security', 'Economy and finance', 'Culture and people', 'Science and education',
    'The organisation',
  ]);
  // The front page mixes them.
  const named = page.locator('.feed-row .section-link');
  expect(new Set(await named.allTextContents()).size).toBeGreaterThan(2);

  await sections.getByRole('link', { name: 'Science and education' }).click();
  await expect(page).toHaveURL(/\/en\/section\/science$/);
  await expect(page.locator('h1')).toHaveText('Science and education');
  await expect(page).toHaveTitle('Science and education — Infoshos');
  // The masthead, drawn by the server only, is still there in the app's page, once.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(1);
  // Counted once the section's rows are drawn, not the grey placeholders shown while it loads.
  await expect(page.locator('.feed-loading')).toHaveCount(0);
  const rows = page.locator('.feed-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await expect(page.locator('.feed-row .section-link')).toHaveText(Array(count).fill('Science and education'));
  await expect(page.locator('.feed-title').filter({ hasText: 'glacier' })).toHaveCount(1);

  // A story names its section beside its date, and leads back there.
  await page.locator('.feed-title a').first().click();
  await expect(page.locator('.article-meta .section-link')).toHaveText('Science and education');
  await page.locator('.article-meta .section-link').click();
  await expect(page).toHaveURL(/\/en\/section\/science$/);
  await expect(page.locator('h1')).toHaveText('Science and education');
});

test('without JavaScript, a Russian reader opens a section from the masthead and reads its feed', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: server.base });
  const page = await context.newPage();
  {
    await page.goto('/ru/');
    await page.getByRole('navigation', { name: 'Рубрики' }).getByRole('link', { name: 'Политика и безопасность' }).click();
    await expect(page).toHaveURL(/\/ru\/section\/politics$/);
    await expect(page.locator('h1')).toHaveText('Политика и безопасность');
    const labels = await page.locator('.feed-row .section-link').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(new Set(labels)).toEqual(new Set(['Политика и безопасность']));
    const answer = await page.goto('/ru/section/sport');
    expect(answer.status()).toBe(404);
  }
  await context.close();
});

test('the feed widget shows one section, and names a section that does not exist', async ({ page }) => {
  await page.goto(`${server.base}/embed/feed?section=economy&limit=20`);
  await expect(page.locator('.widget-title')).toHaveText('Economy and finance');
  // The widget draws its title before its rows come: wait for the rows, which are the API's.
  const api = await (await fetch(`${server.base}/api/articles?section=economy&limit=20`)).json();
  const rows = page.locator('.widget-feed a');
  await expect(rows).toHaveText(api.items.map((a) => a.title));
  const titles = await rows.allTextContents();
  expect(titles).toContain('How to read the currency table on Infoshos');
  expect(titles).not.toContain('Laos joins as the newest SCO partner');

  await page.goto(`${server.base}/embed/feed?section=${encodeURIComponent('<b>sport</b>')}`);
  await expect(page.locator('.widget-problem')).toContainText('“<b>sport</b>” is not one of the portal\'s sections.');
  await expect(page.locator('.widget-problem b')).toHaveCount(0);
});

test('the stories readers open most stand beside the news, and stay there once the app has started', async ({ browser }) => {
  // A person's browser: a headless one's own name is not counted (crawlers drive them too).
  const context = await browser.newContext({
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  });
  const reader = await context.newPage();
  for (const [slug, times] of [['nomad-games-preview-2026', 3], ['glacier-monitoring-network-2026', 2]]) {
    for (let i = 0; i < times; i += 1) await reader.goto(`${server.base}/en/article/${slug}`);
  }
  const box = reader.locator('#most-read');
  const today = box.locator('.most-read-list').first().locator('a');
  // The server adds its readings each second here; a page is kept for 5 s at most, and a
  // reload asks again for one the browser holds.
  await reader.goto(`${server.base}/en/`);
  await expect(async () => {
    await reader.reload();
    await expect(box.getByRole('heading', { name: 'Most read' })).toBeVisible({ timeout: 500 });
    await expect(today).toHaveText([
      'Horse games and eagle hunting: a festival of nomadic sports is announced',
      'Scientists map a network of stations to watch Central Asia\'s glaciers',
    ], { timeout: 500 });
  }).toPass({ timeout: 20_000, intervals: [1000] });
  // The app takes the page over: the box is the server's, kept as it was, and its link works.
  await reader.getByRole('link', { name: 'More news' }).dispatchEvent('focusin');
  await reader.waitForFunction(() => !document.getElementById('carried'));
  await expect(box.locator('h3')).toHaveText(['Today', 'This week']);
  await today.nth(1).click();
  await expect(reader.locator('h1')).toHaveText('Scientists map a network of stations to watch Central Asia\'s glaciers');
  await expect(box.locator('h2')).toHaveText('Most read');
  await context.close();
});
