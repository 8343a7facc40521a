// Light and dark: the page follows the reader's system until they choose with the header's
// button; the choice is remembered (the server paints the next page in it at once); both
// themes pass axe's contrast rules; print is always light.
const { test, expect } = require('./app-page');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { serverAt } = require('./server');

const server = serverAt({ offset: 8 });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const WHITE = 'rgb(255, 255, 255)';

async function contrastProblems(page) {
  const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`));
}

test('a reader on a dark system gets a dark page whose text keeps its contrast, and print stays light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const list = await (await fetch(`${server.base}/api/articles?limit=1`)).json();
  for (const path of ['/en/', `/en/article/${list.items[0].slug}`]) {
    await page.goto(path);
    expect(await background(page), path).not.toBe(WHITE);
    expect(await contrastProblems(page), path).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  expect(await background(page)).toBe(WHITE);
});

test('the light page passes the same contrast rules', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/');
  expect(await background(page)).toBe(WHITE);
  expect(await contrastProblems(page)).toEqual([]);
});

test('the theme button switches at once and is remembered: the server sends the next page in it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/');
  await page.getByRole('button', { name: 'Light or dark' }).click();
  expect(await background(page)).not.toBe(WHITE);
  // Painted dark from the first byte: the server wrote the choice on <html>.
  const answer = await page.goto('/en/');
  expect(await answer.text()).toContain('<html data-theme="dark"');
  expect(await background(page)).not.toBe(WHITE);
  expect(await contrastProblems(page)).toEqual([]);
  // And back: a dark system, but the reader asked for light.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Light or dark' }).click();
  await page.reload();
  expect(await background(page)).toBe(WHITE);
});
