// Search: the header's box on every page, results drawn by the server (their own bundle takes
// them over), the matched words marked as text. (Without JavaScript: server-first.spec.js.)
const { test, expect, appTookOver } = require('./app-page');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { serverAt } = require('./server');

const server = serverAt({ offset: 9 });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

async function searchFromTheFrontPage(page) {
  await page.goto('/en/');
  await page.getByRole('searchbox', { name: 'Search the news' }).fill('tashkent');
  await page.getByRole('searchbox', { name: 'Search the news' }).press('Enter');
  await page.waitForURL(/\/en\/search\?q=tashkent$/);
}

test('a reader searches from the header, sees the matches marked, and opens a result', async ({ page }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await searchFromTheFrontPage(page);
  await appTookOver(page);
  await expect(page.locator('h1')).toHaveText('Search: tashkent');
  const hits = page.locator('.search-results .feed-row');
  expect(await hits.count()).toBeGreaterThanOrEqual(2);
  for (const mark of await page.locator('.search-results mark').allTextContents()) {
    expect(mark.toLowerCase()).toBe('tashkent');
  }
  // The box keeps the words, and the page passes axe's contrast rules in both themes.
  await expect(page.getByRole('searchbox', { name: 'Search the news' })).toHaveValue('tashkent');
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(violations.map((v) => v.id), colorScheme).toEqual([]);
  }

  const first = hits.first().locator('.feed-title a');
  const title = await first.textContent();
  await first.click();
  await page.waitForURL(/\/en\/article\//);
  await appTookOver(page);
  await expect(page.locator('h1')).toHaveText(title);
  expect(problems).toEqual([]);
});

// Issue 32: search understands words. Another form of a word finds the stories that hold it
// (the forms found marked whole), and a misspelt capital finds the capital, in the app and
// without JavaScript.
for (const javaScriptEnabled of [true, false]) {
  test(`a reader finds another form of a word and a misspelt capital (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, baseURL: server.base });
    const page = await context.newPage();
    // "валютой" is in no story; "валютах", "валюты" and "валют" are.
    await page.goto('/ru/search?q=%D0%B2%D0%B0%D0%BB%D1%8E%D1%82%D0%BE%D0%B9');
    if (javaScriptEnabled) await appTookOver(page);
    const rows = page.locator('.search-results .feed-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const marks = await page.locator('.search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(2);
    for (const mark of marks) expect(['валютах', 'валюты', 'валют']).toContain(mark.toLowerCase());

    await page.goto('/en/search?q=Tashkant');
    if (javaScriptEnabled) await appTookOver(page);
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    for (const mark of await page.locator('.search-results mark').allTextContents()) {
      expect(mark.toLowerCase()).toBe('tashkent');
    }
    await context.close();
  });
}
