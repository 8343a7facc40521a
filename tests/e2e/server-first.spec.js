// Every reader page arrives from the server with its content (the app's own components,
// rendered there), reads without JavaScript, and is taken over by the app without a visible
// change or a second request for what it carries.
const { test, expect } = require('@playwright/test');
const { serverAt } = require('./server');
const { returningReader, watchTakeover, expectNoVisibleShift, holdWasm } = require('./app-page');

const server = serverAt({ offset: 3 });
// No service worker (pwa.spec.js has it): once it controls a page it serves the wasm from its
// cache, past the tests' `holdWasm`.
test.use({ baseURL: server.base, serviceWorkers: 'block' });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

// An article of the demo content that has a published comment.
const WITH_COMMENT = '/en/article/rates-table-explained';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader reads the feed, pages on with More news, opens an article with its comments and comes back', async ({ page }) => {
    await page.goto('/en/');
    const rows = page.locator('.feed-row');
    await expect(rows).toHaveCount(20);
    await expect(page.locator('.clock')).toHaveCount(27);
    await expect(page.locator('.clock-time').first()).toHaveText(/^\d\d:\d\d$/);
    expect(await page.locator('.rates-table tbody tr').count()).toBeGreaterThan(5);
    const firstPage = await page.locator('.feed-title').allTextContents();

    await page.getByRole('link', { name: 'More news' }).click();
    await expect(page).toHaveURL(/\/en\/\?cursor=/);
    await expect(rows).toHaveCount(20);
    const secondPage = await page.locator('.feed-title').allTextContents();
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);

    const link = page.locator('.feed-title a').first();
    const title = await link.textContent();
    await link.click();
    await expect(page.locator('h1')).toHaveText(title);
    expect(await page.locator('.article-body p').count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.related-list li').first()).toBeVisible();
    await expect(page).toHaveTitle(`${title} — Infoshos`);

    await page.goBack();
    await expect(page.locator('.feed-title').first()).toHaveText(secondPage[0]);

    await page.goto(WITH_COMMENT);
    await expect(page.locator('.comment-text').first()).toBeVisible();
    // A state the article concerns leads to that state's news.
    await page.locator('.article-states a').first().click();
    await expect(page).toHaveURL(/\/en\/country\/[A-Z]{2}$/);
    await expect(page.locator('h1')).toContainText('News about');
    expect(await rows.count()).toBeGreaterThan(0);
  });

  test('a comment goes with the page\'s own form, by POST: kept with its messages when refused, shown when stored', async ({ page }) => {
    const addresses = [];
    page.on('request', (r) => addresses.push(r.url()));
    await page.goto(WITH_COMMENT);
    const name = page.getByLabel('Name');
    const email = page.getByLabel('Email (optional)');
    const text = page.getByLabel('Comment', { exact: true });
    await name.fill('Quiet reader');
    await email.fill('quiet@example.org');
    await page.getByRole('button', { name: 'Send comment' }).click();
    // No text: the page comes back saying so, with the name and email still in their fields.
    await expect(page.locator('#comment-text-error')).toHaveText('Please fill in this field.');
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveValue('Quiet reader');
    await expect(email).toHaveValue('quiet@example.org');

    const said = `Sent without scripts. ${Date.now()}`;
    await text.fill(said);
    // The form's token is two seconds old at the earliest (bots are quicker).
    await page.waitForTimeout(2100);
    await page.getByRole('button', { name: 'Send comment' }).click();
    await expect(page).toHaveURL(/\/en\/article\/rates-table-explained\?comment=published#comment-form$/);
    await expect(page.locator('.comment-text', { hasText: said })).toHaveCount(1);
    await expect(page.locator('.form-notice')).toHaveText('Thank you. Your comment is published.');
    await expect(text).toHaveValue('');
    const leaked = addresses.filter((a) => a.toLowerCase().includes('quiet') || a.includes('Sent%20without') || a.includes('Sent+without'));
    expect(leaked, 'what the reader wrote is never in an address').toEqual([]);
  });

  test('a reader searches from the header, and a query that looks like markup stays text', async ({ page }) => {
    await page.goto('/en/');
    await page.getByRole('searchbox', { name: 'Search the news' }).fill('tashkent');
    await page.getByRole('searchbox', { name: 'Search the news' }).press('Enter');
    await expect(page).toHaveURL(/\/en\/search\?q=tashkent$/);
    expect(await page.locator('.search-results mark').count()).toBeGreaterThanOrEqual(2);
    await page.goto('/en/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await expect(page.locator('h1')).toHaveText('Search: <img src=x onerror=alert(1)>');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.getByText('No article holds all of these words.')).toBeVisible();
  });

  test('a reader picks Russian in the switcher and `/` remembers it, without any script', async ({ page }) => {
    await page.goto('/en/country/KZ');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Русский' }).click();
    await expect(page).toHaveURL(/\/ru\/country\/KZ$/);
    await expect(page.locator('h1')).toContainText('Казахстан');
    await page.goto('/');
    await expect(page).toHaveURL(/\/ru\/$/);
    await expect(page.locator('h1')).toHaveText('Последние новости');
  });

  test('an unknown article, state, edition or path is a not-found page sent as 404', async ({ page }) => {
    for (const path of ['/en/article/no-such-story', '/en/country/FR', '/xx/', '/en/nowhere']) {
      const answer = await page.goto(path);
      expect(answer.status(), path).toBe(404);
      await expect(page.locator('.not-found h1'), path).toBeVisible();
      await expect(page.getByRole('link', { name: 'Go to the front page' }), path).toBeVisible();
    }
  });
});

test('the app takes the page over with no layout shift and no second request for what it carries, then works', async ({ page }) => {
  const asked = await watchTakeover(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));

  await returningReader(page, server.base);
  await page.goto(WITH_COMMENT);
  // The server's headline (the app draws its own copy out of sight, after it in the page).
  const title = await page.locator('h1').first().textContent();
  // Nothing starts the app while the reader only reads: keys that scroll or select, a click
  // on the text, a sentence selected with the mouse. Their first move to a control does (Tab).
  for (const key of ['Shift', 'ArrowDown', 'PageDown', 'Space', 'End', 'Home', 'Control']) {
    await page.keyboard.press(key);
  }
  await page.locator('.article-body p').first().click({ position: { x: 3, y: 5 } });
  await page.locator('.article-body p').first().click({ clickCount: 3, position: { x: 3, y: 5 } });
  expect(await page.evaluate(() => getSelection().toString().length), 'a sentence selected').toBeGreaterThan(10);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => Boolean(window.started)), 'the app waits for the reader').toBe(false);
  expect(asked, 'nothing asked while the page is read').toEqual([]);
  const selected = await page.evaluate(() => getSelection().toString());
  await page.keyboard.press('Tab');
  const where = () => page.evaluate(() => {
    const a = document.activeElement;
    return `${a.tagName} ${a.getAttribute('href')} ${a.textContent.trim()}`;
  });
  const focused = await where();
  expect(focused, 'Tab went to a link').toMatch(/^A \/en\//);
  await page.waitForFunction(() => window.started && !document.getElementById('carried'));
  // What the reader had survives the takeover: the sentence they selected, the link they
  // reached with Tab.
  expect(await page.evaluate(() => getSelection().toString()), 'the selection kept').toBe(selected);
  expect(await where(), 'the focus kept').toBe(focused);
  // The takeover renders at once from the carried answers; give any late change a moment.
  await page.waitForTimeout(500);
  await expectNoVisibleShift(page);
  expect(asked, 'requests for answers the page carried').toEqual([]);
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.locator('.comment-text').first()).toBeVisible();
  expect(problems).toEqual([]);

  // The app runs the page now: a link is followed in the page, from the API.
  const related = page.locator('.related-list a').first();
  const next = await related.textContent();
  await page.evaluate(() => { window.samePage = true; });
  await related.click();
  await expect(page.locator('h1')).toHaveText(next);
  expect(await page.evaluate(() => window.samePage), 'no full page load').toBe(true);
  expect(asked.some((a) => a.startsWith('/api/articles/'))).toBe(true);
});

test('what a reader typed into the comment form before the app took over stays, and posts', async ({ page }) => {
  // The wasm is held back until the reader has typed.
  const release = await holdWasm(page);
  await watchTakeover(page);
  await page.goto(WITH_COMMENT);
  const text = `Typed before the app arrived. ${Date.now()}`;
  await page.getByLabel('Name').fill('Early reader');
  await page.getByLabel('Comment', { exact: true }).fill(text);
  await page.getByLabel('Comment', { exact: true }).focus();
  release();
  await page.waitForFunction(() => window.started);
  await expect(page.getByLabel('Name')).toHaveValue('Early reader');
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue(text);
  await expect(page.getByLabel('Comment', { exact: true })).toBeFocused();
  await page.waitForTimeout(2100);
  await page.getByRole('button', { name: 'Send comment' }).click();
  await expect(page.locator('.comment-text', { hasText: text })).toHaveCount(1);
});

test('a reader typing into the comment box as the app arrives is not interrupted: it takes over once they pause', async ({ page }) => {
  await returningReader(page, server.base);
  await watchTakeover(page);
  await page.goto(WITH_COMMENT);
  // The tap into the box starts the app; its wasm arrives once the reader has begun to type.
  const release = await holdWasm(page);
  const box = page.getByLabel('Comment', { exact: true });
  await box.click();
  await box.pressSequentially('Words typed ', { delay: 60 });
  const arrived = page.waitForResponse(/_bg\.wasm$/);
  release();
  await box.pressSequentially('one by one as the app arrives, never pausing long.', { delay: 60 });
  await (await arrived).finished();
  const text = 'Words typed one by one as the app arrives, never pausing long.';
  expect(await page.evaluate(() => Boolean(window.started)), 'the app waited while the reader typed').toBe(false);
  await expect(page.locator('#carried')).toHaveCount(1);
  // Paused, the reader finds the app started and everything they typed where it was.
  await page.waitForFunction(() => window.started && !document.getElementById('carried'));
  await expect(box).toHaveValue(text);
  await expect(box).toBeFocused();
});

test('a comment sent before the app took over keeps its "thank you" notice after the takeover', async ({ page }) => {
  await watchTakeover(page);
  await page.goto(`${WITH_COMMENT}?comment=pending#comment-form`);
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => window.started && !document.getElementById('carried'));
  await expect(page.locator('.form-notice')).toHaveText('Thank you. Your comment is awaiting moderation.');
});

test('options a partner picked on the widgets page before the app took over stay, and the code follows them', async ({ page }) => {
  const release = await holdWasm(page);
  await watchTakeover(page);
  await page.goto('/en/widgets');
  await page.getByLabel('Headlines (1–20)').fill('3');
  await page.locator('#widget-theme').selectOption('dark');
  release();
  await page.waitForFunction(() => window.started);
  await expect(page.getByLabel('Headlines (1–20)')).toHaveValue('3');
  await expect(page.locator('#widget-theme')).toHaveValue('dark');
  await expect(page.locator('.widget-code')).toHaveValue(/data-limit="3" data-theme="dark"/);
});

test('a button of the app pressed before the app has started is pressed again once it has', async ({ page }) => {
  const release = await holdWasm(page);
  await watchTakeover(page);
  await returningReader(page, server.base);
  await page.goto('/en/');
  // The click starts the app; the server's button cannot answer it, the app's does.
  await page.getByRole('button', { name: 'Add to favourites' }).click();
  release();
  await page.waitForFunction(() => window.started && !document.getElementById('carried'));
  await expect(page.getByText('Press Ctrl+D (⌘+D on a Mac) to bookmark Infoshos.')).toHaveCount(1);
});

test('a first visit from another time zone is taken over at once, with the dates in the reader\'s time', async ({ browser }) => {
  // The server writes a first visit's dates in UTC (it has no `tz` cookie yet); the app starts
  // without waiting for the reader, and writes them for Tashkent (UTC+5).
  const context = await browser.newContext({ baseURL: server.base, timezoneId: 'Asia/Tashkent', serviceWorkers: 'block' });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.clock.install({ time: new Date('2026-11-29T09:00:05Z') });
  await watchTakeover(page);
  await page.goto('/en/');
  const first = page.locator('.feed-time').first();
  const at = new Date(await first.getAttribute('datetime'));
  const hhmm = (t) => new Date(t).toISOString().slice(11, 16);
  expect(await first.textContent()).toContain(hhmm(at.getTime()));
  // The loader has begun the start (the app's hidden copy of the page's root) on its own.
  await page.waitForFunction(() => document.getElementById('app')?.hidden === true, null, { timeout: 10000 });
  release();
  await page.waitForFunction(() => window.started);
  await expect(page.locator('.feed-time').first()).toContainText(hhmm(at.getTime() + 5 * 3600 * 1000));
  await context.close();
});
