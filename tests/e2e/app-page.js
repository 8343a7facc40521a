// Playwright's `test` with a page that waits for the reader app: a reader page arrives rendered
// by the server and is usable at once, but a spec that clicks a link, posts a comment or pages
// the feed tests the app, so after each goto and reload it waits until the app has taken the
// page over (trunk's `TrunkApplicationStarted`). Pages without the app (not server-rendered
// reader pages) are not waited for.
const base = require('@playwright/test');

async function appTookOver(page) {
  await page.waitForFunction(() => !document.getElementById('carried') || window.appStarted === true);
}

const test = base.test.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', () => { window.appStarted = true; });
    });
    for (const method of ['goto', 'reload']) {
      const original = page[method].bind(page);
      page[method] = async (...args) => {
        const answer = await original(...args);
        await appTookOver(page);
        return answer;
      };
    }
    await use(page);
  },
});

module.exports = { ...base, test };
