// Three editions: the header's switcher leads to the same page in another language (a page
// load: each edition's reader has its own strings), the choice is remembered for `/`, and each
// edition reads in its own language and keeps its contrast in both themes.
const { test, expect, appTookOver } = require('./app-page');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { serverAt } = require('./server');

const server = serverAt({ offset: 10 });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

test('a reader switches to Russian, reads the edition in Russian, and `/` remembers it', async ({ page, context }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/en/country/KZ');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Русский' }).click();
  await page.waitForURL(/\/ru\/country\/KZ$/);
  await appTookOver(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('h1')).toContainText('Казахстан');
  await expect(page.getByRole('heading', { name: 'Время в столицах ШОС' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Русский' })).toHaveAttribute('aria-current', 'page');
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'lang')?.value).toBe('ru');

  // The app keeps working in the edition: a state link is followed in the page.
  await page.evaluate(() => { window.samePage = true; });
  await page.locator('.states-list a').nth(3).click();
  await expect(page).toHaveURL(/\/ru\/country\/[A-Z]{2}$/);
  expect(await page.evaluate(() => window.samePage)).toBe(true);

  await page.goto('/');
  await expect(page).toHaveURL(/\/ru\/$/);
  await expect(page.locator('h1')).toHaveText('Последние новости');
  expect(problems).toEqual([]);
});

test('the switcher on an article leads to its translation, and back', async ({ page }) => {
  await page.goto('/en/article/tianjin-summit-2025-partner-status');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
  await page.waitForURL(/\/zh\/article\/tianjin-2025-huoban-diwei-zh$/);
  await appTookOver(page);
  await expect(page.locator('h1')).toHaveText('天津峰会将观察员和对话伙伴合并为统一地位');
  await expect(page.locator('.article-meta time')).toHaveText(/^2025年9月1日 \d\d:\d\d$/);
  await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/\/en\/article\/tianjin-summit-2025-partner-status$/);
  await appTookOver(page);
  await expect(page.locator('h1')).toHaveText('Tianjin summit merges observers and dialogue partners into a single status');
});

test('the Chinese edition writes its dates its own way, and both editions pass the contrast rules', async ({ page }) => {
  await page.goto('/zh/');
  await expect(page.locator('h1')).toHaveText('最新消息');
  expect(await page.locator('.feed-row').count()).toBeGreaterThanOrEqual(20);
  await expect(page.locator('.rates-source time')).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/);
  for (const path of ['/zh/', '/ru/']) {
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), `${path} ${colorScheme}`).toEqual([]);
    }
  }
});

test('the editors\' area speaks the editor\'s language, chosen in its own switcher', async ({ page }) => {
  // A new portal: the set-up of its first admin, in the editor's language.
  await page.goto('/admin/');
  await expect(page.getByRole('button', { name: 'Set up and sign in', exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/admin\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page.getByRole('heading', { name: '设置编辑部' })).toBeVisible();
  await expect(page).toHaveTitle('Infoshos 编辑部');
  await page.getByLabel('首次启动密钥').fill('not the token');
  await page.getByLabel('用户名').fill('chief');
  await page.getByLabel('新密码').fill('a long enough passphrase');
  await page.getByRole('button', { name: '设置并登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('这不是首次启动密钥。');
});
