// Accessibility: axe-core's WCAG 2.2 A and AA rules on every kind of page, in the three
// editions, light and dark; and a reader who uses only the keyboard.
const { test, expect } = require('./app-page');
const { violations } = require('./axe');
const { serverAt } = require('./server');

const server = serverAt({ offset: 11 });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

for (const lang of ['en', 'ru', 'zh']) {
  test(`every kind of page in the ${lang} edition passes axe's WCAG 2.2 AA rules, light and dark`, async ({ page }) => {
    const feed = await (await fetch(`${server.base}/api/articles?lang=${lang}&limit=1`)).json();
    const routes = [
      `/${lang}/`,
      `/${lang}/article/${feed.items[0].slug}`,
      `/${lang}/country/KZ`,
      `/${lang}/saved`,
      `/${lang}/search?q=${lang === 'zh' ? '%E5%B3%B0%E4%BC%9A' : 'SCO'}`,
      `/${lang}/widgets`,
      `/${lang}/no-such-page`,
    ];
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      for (const path of routes) {
        await page.goto(path);
        expect(await violations(page), `${path} ${colorScheme}`).toEqual([]);
      }
    }
  });
}

test('a keyboard-only reader skips to the content, reaches every control with a visible focus, and sends a comment', async ({ page }) => {
  const feed = await (await fetch(`${server.base}/api/articles?limit=1`)).json();
  await page.goto(`/en/article/${feed.items[0].slug}`);
  // The first Tab shows the skip link; Enter puts the focus on the content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#content')).toBeFocused();

  // From the top, every control is reached by Tab, and each shows where the focus is.
  await page.reload();
  const reached = new Set();
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return { id: el.id, text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30), tag: el.tagName, visible };
    });
    expect(focused.visible, `no visible focus on ${focused.tag} ${focused.id} "${focused.text}"`).toBe(true);
    reached.add(focused.id || focused.text);
    if (focused.id === 'comment-name') break;
  }
  for (const control of ['Skip to content', 'Русский', 'search-q', 'Search', 'Light or dark', 'Print', 'comment-name']) {
    expect([...reached], control).toContain(control);
  }

  // Sending an empty comment: the problems are announced, and the focus goes to the first.
  await page.keyboard.type('Keyboard reader');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('#comment-text')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.locator('#comment-form button[type=submit]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.form-notice')).toHaveText('Please check the highlighted fields.');
  await expect(page.locator('#comment-text')).toBeFocused();
  await expect(page.locator('#comment-text')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('Written and sent with the keyboard alone.');
  // The form's token is two seconds old at the earliest.
  await page.waitForTimeout(2100);
  await page.locator('#comment-form button[type=submit]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.form-notice')).toHaveText('Thank you. Your comment is published.');
});
