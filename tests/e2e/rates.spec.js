// A currency's page in Chromium: the history the server backfilled from the CBR's dynamic
// service, drawn as a line whose points are the series, with nothing moving as the page is
// taken over, axe-clean in both themes; and its converter keeping a refused amount.
// The dynamic answer here is written for the test (made-up figures, never shown to readers):
// the server reads it as it would read the CBR's.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect, appTookOver, returningReader, watchTakeover, expectNoVisibleShift } = require('./app-page');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { serverAt } = require('./server');

/** The yuan's per-unit rate, `days ago` → roubles, oldest first. */
const SERIES = [[80, 11.2], [60, 11.05], [40, 11.6], [20, 11.4], [3, 11.3]];
const YUAN = 'R01375';

const feeds = fs.mkdtempSync(path.join(os.tmpdir(), 'infoshos-dynamic-'));
const day = (ago) => {
  const d = new Date(Date.now() - ago * 86_400_000);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
};
fs.writeFileSync(path.join(feeds, `${YUAN}.xml`),
  `<?xml version="1.0" encoding="windows-1251"?><ValCurs ID="${YUAN}" name="Foreign Currency Market Dynamic">` +
  SERIES.map(([ago, v]) => {
    const comma = v.toFixed(4).replace('.', ',');
    return `<Record Date="${day(ago)}" Id="${YUAN}"><Nominal>1</Nominal><Value>${comma}</Value><VunitRate>${comma}</VunitRate></Record>`;
  }).join('') + '</ValCurs>');

const server = serverAt({ offset: 12, env: { INFOSHOS_RATES_HISTORY_URL: `file://${feeds}/{id}.xml` } });
test.use({ baseURL: server.base });
test.beforeAll(async () => {
  await server.start();
  // The backfill runs at start, one currency every 2 s: wait for the yuan's turn.
  await expect.poll(async () => {
    const history = await (await fetch(`${server.base}/api/rates/CNY/history`)).json();
    return history.days.length;
  }, { timeout: 40_000 }).toBe(SERIES.length);
});
test.afterAll(async () => {
  await server.stop();
  fs.rmSync(feeds, { recursive: true, force: true });
});

test('a currency page draws one point per day held, where its rate puts it, without a layout shift', async ({ page }) => {
  await watchTakeover(page);
  await page.goto('/en/rates/CNY?days=90');
  const chart = page.locator('.rate-chart svg');
  await expect(chart).toHaveAttribute('data-points', String(SERIES.length));
  const points = (await chart.locator('polyline').getAttribute('points'))
    .split(' ').map((p) => p.split(',').map(Number));
  expect(points).toHaveLength(SERIES.length);
  // Along x by date: each gap in days is the same share of the width as of the whole span.
  const span = SERIES[0][0] - SERIES[SERIES.length - 1][0];
  const width = points[points.length - 1][0] - points[0][0];
  // Up the box by rate: the highest day on top, the lowest at the bottom, the rest between.
  const rates = SERIES.map(([, v]) => v);
  const [low, high] = [Math.min(...rates), Math.max(...rates)];
  const top = Math.min(...points.map(([, y]) => y));
  const bottom = Math.max(...points.map(([, y]) => y));
  SERIES.forEach(([ago, v], i) => {
    const [x, y] = points[i];
    // Points are whole SVG units: within one of where the figures put them.
    expect(Math.abs(x - points[0][0] - ((SERIES[0][0] - ago) / span) * width), `x of day ${i}`).toBeLessThanOrEqual(1);
    expect(Math.abs(y - top - ((high - v) / (high - low)) * (bottom - top)), `y of day ${i}`).toBeLessThanOrEqual(1);
  });
  await expect(page.locator('#rate-summary')).toContainText('Lowest: 11,0500');
  await expect(page.locator('#rate-summary')).toContainText('Highest: 11,6000');
  await expect(page.locator('#rate-summary')).toContainText('+0.89 %');
  const figures = page.locator('.rate-figures tbody tr');
  await expect(figures).toHaveCount(SERIES.length);
  await expect(figures.nth(2).locator('td').nth(1)).toHaveText('11,6000');

  // The last 30 days: the two newest.
  await page.getByRole('link', { name: '30 days' }).click();
  await page.waitForURL(/\?days=30$/);
  await appTookOver(page);
  await expect(page.locator('.rate-chart svg')).toHaveAttribute('data-points', '2');
  await page.waitForTimeout(500);
  await expectNoVisibleShift(page);
});

test('each quoted row shows its month as a line and links to its page, which passes axe in light and dark', async ({ page }) => {
  await page.goto('/en/');
  const yuan = page.locator('.rates-table tr[data-currency=CNY] a');
  // The server's line of the days held: drawn (an image that loaded), in the row's link.
  const spark = yuan.locator('img.spark');
  await expect(spark).toHaveAttribute('src', '/api/rates/CNY/sparkline.svg');
  await expect.poll(() => spark.evaluate((img) => img.complete && img.naturalWidth)).toBe(64);
  const svg = await (await fetch(`${server.base}/api/rates/CNY/sparkline.svg`)).text();
  // The last 30 days: 20 and 3 days ago.
  expect(svg).toContain('data-points="2"');
  await yuan.click();
  await page.waitForURL(/\/en\/rates\/CNY$/);
  await appTookOver(page);
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/en/rates/CNY');
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => v.id), colorScheme).toEqual([]);
  }
});

test('the converter answers in the page and keeps a refused amount with the reason', async ({ page }) => {
  await page.goto('/en/rates/CNY');
  const amount = page.getByLabel('Amount');
  await amount.fill('five thousand');
  await page.getByRole('button', { name: 'Convert' }).click();
  await page.waitForURL(/amount=five\+thousand/);
  // A new page (the form is sent): the app takes it over before the next step.
  await appTookOver(page);
  await expect(page.locator('.converter [role=alert]')).toContainText('Type the amount in figures');
  await expect(page.getByLabel('Amount')).toHaveValue('five thousand');

  await page.getByLabel('Amount').fill('5 000');
  await page.getByLabel('Into').selectOption('RUB');
  await page.getByRole('button', { name: 'Convert' }).click();
  await page.waitForURL(/amount=5\+000/);
  await appTookOver(page);
  await expect(page.locator('.converted')).toContainText(/^5,000\.00 CNY = [\d,]+\.\d\d RUB$/);
  await expect(page.getByLabel('Amount')).toHaveValue('5 000');

  // A currency with no official rate (typed into the address) is named, not guessed.
  await page.goto('/en/rates/CNY?amount=1&from=USD&to=RUB');
  await expect(page.locator('.converter [role=alert]')).toContainText('no official rate for “USD”');
});

test('printed, a currency page shows its figures and leaves the converter form out', async ({ page }) => {
  await page.goto('/en/');
  await page.getByRole('link', { name: 'Currency converter and charts' }).click();
  await page.waitForURL(/\/en\/rates\/CNY#converter-title$/);
  await appTookOver(page);
  const figures = page.locator('.rate-figures tbody tr');
  await expect(figures.first()).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(figures).toHaveCount(SERIES.length);
  for (let i = 0; i < SERIES.length; i += 1) await expect(figures.nth(i)).toBeVisible();
  await expect(page.locator('.converter form')).toBeHidden();
  await expect(page.locator('.rate-chart svg')).toBeVisible();
});


test('a reader who opens the day-by-day figures before the app has started finds them open after it', async ({ browser }) => {
  // Not the specs' page, which has the app take over first: here the summary's click starts it.
  const context = await browser.newContext({ baseURL: server.base, serviceWorkers: 'block' });
  const page = await context.newPage();
  await returningReader(page, server.base);
  await page.goto('/en/rates/CNY?days=90');
  expect(await page.evaluate(() => Boolean(document.getElementById('carried'))), 'the app waits').toBe(true);
  await page.locator('.rate-figures summary').click();
  await page.waitForFunction(() => !document.getElementById('carried'));
  await expect(page.locator('.rate-figures')).toHaveAttribute('open', '');
  await expect(page.locator('.rate-figures tbody tr').first()).toBeVisible();
  await context.close();
});
