// New stories as they land (issue 32): an open feed page hears of a story published while it is
// read and says so in the status bar, which moves nothing (CLS 0), until the reader asks to see
// it; a page out of sight keeps no stream open, and picks up after the last story it heard.
const { test, expect } = require('@playwright/test');
const { serverAt, editorCookie } = require('./server');

const server = serverAt({ offset: 18 });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

/** Before the page's scripts: counts layout shifts, and keeps each stream and what it told. */
async function watching(page) {
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    window.streams = [];
    window.told = [];
    const Original = window.EventSource;
    window.EventSource = class extends Original {
      constructor(url) {
        super(url);
        window.streams.push(this);
        this.addEventListener('message', (event) => window.told.push(event.data));
      }
    };
  });
}

async function publish(slug, title, lang = 'en', section = 'sco') {
  const answer = await fetch(`${server.base}/api/admin/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await editorCookie(server.base) },
    body: JSON.stringify({
      slug, lang, title, summary: `${title}.`, body: `<p>${title}.</p>`, countries: ['KZ'], section,
    }),
  });
  expect(answer.status, slug).toBe(201);
}

/** Makes the page seen or out of sight, as switching tabs does. */
async function seen(page, visible) {
  await page.evaluate((visible) => {
    Object.defineProperty(document, 'hidden', { value: !visible, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: visible ? 'visible' : 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible);
}

test('a reader on the front page learns of a new story, nothing moves, and Show brings it', async ({ page }) => {
  await watching(page);
  await page.goto('/en/');
  await page.waitForFunction(() => window.told.length > 0);
  const firstRow = page.locator('.feed-row .feed-title').first();
  const before = await firstRow.textContent();

  await publish('caravan-routes-reopen', 'Caravan routes reopen across the steppe');
  const bar = page.locator('#pwa-status .live-news');
  await expect(bar).toHaveText('1 new story Show', { timeout: 15_000 });
  await expect(page.locator('#pwa-status')).toHaveAttribute('role', 'status');
  // The bar lies over the page: the news the reader is reading stays where it was.
  await expect(firstRow).toHaveText(before);
  expect(await page.evaluate(() => window.shifts)).toBe(0);

  await bar.getByRole('button', { name: 'Show' }).click();
  await expect(firstRow).toHaveText('Caravan routes reopen across the steppe');
});

test('a page out of sight closes its stream and, seen again, counts what landed meanwhile', async ({ page }) => {
  await watching(page);
  await page.goto('/ru/section/economy');
  await page.waitForFunction(() => window.told.length > 0);

  await seen(page, false);
  expect(await page.evaluate(() => window.streams.map((s) => s.readyState))).toEqual([2]) // CLOSED;
  await publish('ru-zerno-1', 'Зерновой коридор открыт для новых грузов', 'ru', 'economy');
  await publish('ru-zerno-2', 'Банки договорились о расчётах в тенге', 'ru', 'economy');
  await publish('en-not-counted', 'An English story is not this feed\'s', 'en', 'economy');
  await publish('ru-not-counted', 'Учёные открыли станцию на леднике', 'ru', 'science');

  await seen(page, true);
  await expect(page.locator('#pwa-status .live-news')).toHaveText('2 новых материала Показать', { timeout: 15_000 });
  const urls = await page.evaluate(() => window.streams.map((s) => s.url));
  expect(urls).toHaveLength(2);
  expect(urls[1]).toMatch(/\/api\/live\?lang=ru&section=economy&after=v1\.\d+\.\d+$/);
});
