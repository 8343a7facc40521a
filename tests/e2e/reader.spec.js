const { test, expect } = require('./app-page');
const server = require('./server');

test.use({ baseURL: server.base });

test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

const DATE_TIME = /^\d\d\.\d\d\.\d{4} \d\d:\d\d$/;

/** dd.mm.yyyy HH:MM of an instant in a zone, computed apart from the app. */
function expected(iso, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

test('the home page shows at least 20 dated headlines in the reader\'s time zone', async ({ page }) => {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  // The page runs under its Content-Security-Policy: nothing of ours may trip it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  const rows = page.locator('.feed-row:not(.placeholder)');
  await expect(rows).toHaveCount(20);
  const first = rows.first().locator('time');
  await expect(first).toHaveText(DATE_TIME);
  const iso = await first.getAttribute('datetime');
  await expect(first).toHaveText(expected(iso, 'Asia/Almaty'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/Infoshos/);
  await expect(page.locator('.clock')).toHaveCount(27);
  expect(problems, 'no errors in the console').toEqual([]);
});

test('More news adds the next 20 and its link can be shared', async ({ page }) => {
  await page.goto('/en/');
  const rows = page.locator('.feed-row:not(.placeholder)');
  await expect(rows).toHaveCount(20);
  const more = page.getByRole('link', { name: 'More news' });
  const href = await more.getAttribute('href');
  expect(href).toMatch(/^\/en\/\?cursor=/);
  await more.click();
  await expect(rows).toHaveCount(40);
  const titles = await page.locator('.feed-title').allTextContents();
  expect(new Set(titles).size).toBe(40);
  // The shared link opens the second page on its own.
  await page.goto(href);
  await expect(rows).toHaveCount(20);
  await expect(page.locator('.feed-title').first()).toHaveText(titles[20]);
});

test('an article opens with its body and related news and survives a reload', async ({ page }) => {
  await page.goto('/en/');
  const link = page.locator('.feed-title a').nth(3);
  const title = await link.textContent();
  await link.click();
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page).toHaveURL(/\/en\/article\//);
  expect(await page.locator('.article-body p').count()).toBeGreaterThanOrEqual(3);
  await expect(page.locator('.related-list li')).toHaveCount(6);
  await expect(page).toHaveTitle(`${title} — Infoshos`);
  await page.reload();
  await expect(page.locator('h1')).toHaveText(title);
  await page.goBack();
  await expect(page.locator('.feed-row:not(.placeholder)')).toHaveCount(20);
  await page.goForward();
  await expect(page.locator('h1')).toHaveText(title);
});

test('a posted comment is shown at once and after a reload', async ({ page }) => {
  await page.goto('/en/article/laos-becomes-partner');
  await page.getByRole('link', { name: 'Add comment' }).click();
  await expect(page.getByLabel('Name')).toBeFocused();
  const text = `Vientiane to Kashgar by rail would be something. ${Date.now()}`;
  await page.getByLabel('Name').fill('Souk');
  await page.getByLabel('Comment', { exact: true }).fill(text);
  // A person takes a moment to write; the server refuses forms sent within 2 s of loading.
  await page.waitForTimeout(2100);
  await page.getByRole('button', { name: 'Send comment' }).click();
  await expect(page.locator('.form-notice')).toContainText('published');
  await expect(page.locator('.comment-text', { hasText: text })).toHaveCount(1);
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('');
  await page.reload();
  await expect(page.locator('.comment-text', { hasText: text })).toHaveCount(1);
});

test('an invalid comment shows field messages and keeps what was typed', async ({ page }) => {
  await page.goto('/en/article/laos-becomes-partner');
  await page.getByLabel('Email (optional)').fill('souk@');
  await page.getByLabel('Comment', { exact: true }).fill('ok');
  await page.getByRole('button', { name: 'Send comment' }).click();
  await expect(page.locator('#comment-name-error')).toBeVisible();
  await expect(page.locator('#comment-email-error')).toContainText('email');
  await expect(page.locator('#comment-text-error')).toContainText('3');
  await expect(page.getByLabel('Name')).toBeFocused();
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('ok');
  await expect(page.getByLabel('Email (optional)')).toHaveValue('souk@');
});

test('an unknown article and an unknown page say so', async ({ page }) => {
  await page.goto('/en/article/no-such-story');
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.getByText('could not find this article')).toBeVisible();
  await page.goto('/en/nothing/here');
  await expect(page.locator('h1')).toHaveText('Page not found');
});

test('with the API down the page says what failed, and Retry works once it is back', async ({ page }) => {
  await page.goto('/en/');
  await expect(page.locator('.feed-row:not(.placeholder)')).toHaveCount(20);
  await server.stop();
  try {
    await page.locator('.feed-title a').first().click();
    const failure = page.locator('.failure');
    await expect(failure).toContainText('could not be reached');
    await server.start();
    await failure.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('.article-body p').first()).toBeVisible();
  } finally {
    await server.start();
  }
});

test('clocks of Kolkata, Kathmandu, Cairo and Moscow match the tz database', async ({ page }) => {
  await page.goto('/en/');
  for (const zone of ['Asia/Kolkata', 'Asia/Kathmandu', 'Africa/Cairo', 'Europe/Moscow']) {
    const clock = page.locator(`.clock[data-zone="${zone}"] .clock-time`);
    await expect(clock).toHaveText(/^\d\d:\d\d$/);
    const hhmm = (d) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    const before = hhmm(new Date());
    const shown = await clock.textContent();
    const after = hhmm(new Date());
    expect([before, after]).toContain(shown);
  }
  await expect(page.locator('.clock')).toHaveCount(27);
});

test('the rates table is dated, quotes at least 10 currencies and never invents one', async ({ page }) => {
  await page.goto('/en/');
  const table = page.locator('.rates');
  await expect(table).toContainText('Official rate of the Central Bank of Russia');
  await expect(table.locator('.rates-source time')).toHaveText('26.12.2018');
  await expect(table.locator('.rates-stale')).toContainText('as of 26.12.2018');
  const quoted = table.locator('tbody tr:not(:has(.none))');
  expect(await quoted.count()).toBeGreaterThanOrEqual(10);
  await expect(table.locator('tr[data-currency="KZT"]')).toContainText('18,4907');
  await expect(table.locator('tr[data-currency="PKR"]')).toContainText('no official rate');
});

test('a state\'s page lists only news about it, reached from the states list', async ({ page }) => {
  await page.goto('/en/');
  await page.locator('.states-list a', { hasText: 'Laos' }).click();
  await expect(page).toHaveURL(/\/en\/country\/LA$/);
  await expect(page.locator('h1')).toContainText('News about Laos');
  const rows = page.locator('.feed-row:not(.placeholder)');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(20);
  await page.goto('/en/country/XX');
  await expect(page.locator('h1')).toHaveText('No such SCO state');
});

test('every state shows its flag as a picture, which needs no emoji font', async ({ page }) => {
  await page.goto('/en/');
  const flags = page.locator('.states-list img.flag');
  await expect(flags).toHaveCount(27);
  // Lazy images load as they come into view: scroll each there, then ask the browser whether
  // it could draw the file it got.
  for (const flag of await flags.all()) {
    await flag.scrollIntoViewIfNeeded();
    await expect.poll(() => flag.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
  await expect(flags.first()).toHaveAttribute('src', '/flags/cn.png');
  await expect(flags.first()).toHaveAttribute('alt', '');
  const box = await flags.first().boundingBox();
  expect(box.width / box.height).toBeCloseTo(4 / 3, 1);
  // The page's own text holds no regional-indicator letters any more.
  expect(await page.locator('body').innerText()).not.toMatch(/[\u{1F1E6}-\u{1F1FF}]/u);
});
