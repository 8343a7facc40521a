// The editors' desk passes axe-core's WCAG 2.2 A and AA rules on every screen (sign-in, the
// queue, the articles, a new article, photos, the audit, people, my account), in the desk's
// three languages, light and dark (issue 33).
const { test, expect } = require('./app-page');
const { violations } = require('./axe');
const { serverAt, editorCookie } = require('./server');

const server = serverAt({ offset: 21 });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

for (const locale of ['en-GB', 'ru-RU', 'zh-CN']) {
  test(`every desk screen in ${locale} passes axe's WCAG 2.2 AA rules, light and dark`, async ({ browser }) => {
    const cookie = await editorCookie(server.base);
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await context.clearCookies();
      await page.goto(`${server.base}/admin`);
      await expect(page.locator('form input[type=password]').first()).toBeVisible();
      expect(await page.locator('html').getAttribute('lang')).toBe(locale.slice(0, 2));
      expect(await violations(page), `sign-in ${colorScheme}`).toEqual([]);

      const [name, value] = cookie.split(/=(.*)/s);
      await context.addCookies([{ name, value, url: server.base }]);
      await page.goto(`${server.base}/admin`);
      const tabs = page.locator('.admin-sections > button.button');
      await expect(tabs.first()).toBeVisible();
      const count = await tabs.count();
      expect(count).toBe(7);
      for (let i = 0; i < count; i++) {
        await tabs.nth(i).click();
        await expect(tabs.nth(i)).toHaveAttribute('aria-pressed', 'true');
        // Each screen's list or form has come.
        await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
        const label = await tabs.nth(i).textContent();
        expect(await violations(page), `${label} ${colorScheme}`).toEqual([]);
      }
    }
    await context.close();
  });
}
