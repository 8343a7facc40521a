// The capitals' clocks on a page the server rendered tick without the app, from the UTC
// offsets each clock carries for the days ahead (`data-offsets`); a change the page's own
// script cannot write (a day mark, a day past those it carries) has the app start.
const { test, expect } = require('@playwright/test');
const { serverAt } = require('./server');
const { returningReader, watchTakeover } = require('./app-page');

const server = serverAt({ offset: 3 });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

const inMoscow = (t) => new Date(t + 3 * 3600 * 1000).toISOString().slice(11, 16);
const DAY = 24 * 3600 * 1000;

test('the front page\'s clocks tick at each minute without the app, which stays unstarted', async ({ page }) => {
  // The server draws the clocks at its own time: the page's clock starts in that same minute.
  let now = Date.now();
  if (now % 60000 > 45000) {
    await page.waitForTimeout(60000 - (now % 60000) + 100);
    now = Date.now();
  }
  const minute = now - (now % 60000);
  await page.clock.install({ time: minute + 1000 });
  const asked = await watchTakeover(page);
  await returningReader(page, server.base);
  await page.goto('/en/');
  const moscow = page.locator('.clock[data-zone="Europe/Moscow"] .clock-time');
  await expect(moscow).toHaveText(inMoscow(minute));
  await page.clock.fastForward('01:05');
  await expect(moscow).toHaveText(inMoscow(minute + 60000));
  await page.clock.fastForward('01:00');
  await expect(moscow).toHaveText(inMoscow(minute + 120000));
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => Boolean(window.started)), 'the app waits for the reader').toBe(false);
  expect(await page.evaluate(() => window.shifts), 'cumulative layout shift').toBe(0);
  expect(asked).toEqual([]);
});

test('a page left open until a capital passes midnight away from the reader\'s day has the app start and mark it', async ({ browser }) => {
  // A reader in UTC: every capital is east of them, so a capital is a day ahead from its own
  // midnight until the reader's (Beijing from 16:00 UTC to 24:00). Within a day some capital's
  // mark changes; the page's own script cannot write the words for it, so the app starts.
  const context = await browser.newContext({ baseURL: server.base, timezoneId: 'UTC', serviceWorkers: 'block' });
  const page = await context.newPage();
  const now = Date.now();
  await page.clock.install({ time: now });
  await watchTakeover(page);
  await returningReader(page, server.base);
  await page.goto('/en/');
  let at = now;
  for (let hours = 0; hours < 24 && !(await page.evaluate(() => window.started)); hours += 1) {
    await page.clock.fastForward('01:00:00');
    at += 3600 * 1000;
  }
  await page.waitForFunction(() => window.started && !document.getElementById('carried'), null, { timeout: 15000 });
  const ahead = new Date(at).getUTCHours() >= 16;
  await expect(page.locator('.clock[data-zone="Asia/Shanghai"] .clock-day')).toHaveText(ahead ? ['+1'] : []);
  await context.close();
});

test('a page left open past the days its clocks carry has the app start and keep the time', async ({ browser }) => {
  // The server carries each capital's offsets for 15 days from the start of its UTC day. Two
  // weeks on, at the same time of day (the same day marks), the page still ticks alone; two
  // days later no carried span covers the time, and the app reads the browser's own zones.
  const context = await browser.newContext({ baseURL: server.base, timezoneId: 'UTC', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.clock.install({ time: Date.now() });
  await watchTakeover(page);
  await returningReader(page, server.base);
  await page.goto('/en/');
  const moscow = page.locator('.clock[data-zone="Europe/Moscow"] .clock-time');
  const shows = async () => {
    const at = await page.evaluate(() => Date.now());
    return new RegExp(`^(${inMoscow(at)}|${inMoscow(at + 60000)})$`);
  };

  await page.clock.fastForward(14 * DAY);
  await expect(moscow).toHaveText(await shows());
  expect(await page.evaluate(() => Boolean(window.started)), 'within the carried days').toBe(false);

  await page.clock.fastForward(2 * DAY);
  await page.waitForFunction(() => window.started && !document.getElementById('carried'), null, { timeout: 15000 });
  await expect(moscow).toHaveText(await shows());
  await context.close();
});
