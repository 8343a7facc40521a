// Playwright's `test` with a page that waits for the reader app: a reader page arrives rendered
// by the server and is usable at once, but a spec that clicks a link, posts a comment or pages
// the feed tests the app, so after each goto and reload it has the app take the page over.
// Trunk's loader starts the app on the reader's intent (a control's focus, a click on one); the
// spec sends a link of the page the focus event the loader listens for, without moving the
// focus (which some specs test) or pressing anything. Until
// the swap the page also holds the app's hidden copy; then the loader drops the answers the
// page carried (`#carried`): a page without them is the app's. Pages without the app (not
// server-rendered reader pages) are not waited for.
const base = require('@playwright/test');

/** Has the app take the page over and waits until it has (for a reader page reached by a click). */
async function appTookOver(page) {
  if (await page.evaluate(() => Boolean(document.getElementById('carried')))) {
    await page.evaluate(() => document.querySelector('a[href]').dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
  }
  await page.waitForFunction(() => !document.getElementById('carried'));
}

/** Makes `goto` and `reload` of a page (from `browser.newPage()` too) wait for the app. */
function waitingForApp(page) {
  for (const method of ['goto', 'reload']) {
    const original = page[method].bind(page);
    page[method] = async (...args) => {
      const answer = await original(...args);
      await appTookOver(page);
      return answer;
    };
  }
  return page;
}

const test = base.test.extend({
  page: async ({ page }, use) => {
    await use(waitingForApp(page));
  },
});

/**
 * Makes the page's reader one who has been here before: the server at `origin` knows their UTC
 * offset (the `tz` cookie pwa.js keeps), so it writes their dates right and the app waits for
 * them to act. (A first visit from outside UTC, as the specs' Almaty is, is taken over at once.)
 */
async function returningReader(page, origin) {
  const offset = await page.evaluate(() => -new Date().getTimezoneOffset());
  await page.context().addCookies([{ name: 'tz', value: String(offset), url: origin }]);
}

/**
 * Sums the page's layout shifts into `window.shifts`, sets `window.started` once the app is
 * running, and returns the API requests the page makes for data, as they happen (the rates
 * table's lines are images the page names, not answers it carries).
 */
async function watchTakeover(page) {
  const asked = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    const data = ['fetch', 'xhr'].includes(r.resourceType());
    if (data && url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
  });
  await page.addInitScript(() => {
    window.shifts = 0;
    window.shifted = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.shifts += entry.value;
        for (const { node, previousRect: a, currentRect: b } of entry.sources) {
          window.shifted.push(`${entry.value.toFixed(5)} ${node?.nodeName}.${node?.className || ''} ` +
            `"${(node?.textContent || '').slice(0, 30)}" y ${a.y}→${b.y} h ${a.height}→${b.height}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
    addEventListener('TrunkApplicationStarted', () => { window.started = true; });
  });
  return asked;
}

/**
 * No layout shift a reader could see since `watchTakeover`: below the 0.001 that Lighthouse
 * shows as 0.000. (In about one full run in four a single sub-pixel shift of 0.00008 is
 * recorded as the app's copy replaces the server's markup; what moved is named if one ever
 * reaches 0.001.)
 */
async function expectNoVisibleShift(page) {
  const [shifts, shifted] = await page.evaluate(() => [window.shifts, window.shifted]);
  base.expect(shifts, `cumulative layout shift: ${shifted.join('; ')}`).toBeLessThan(0.001);
}

/**
 * Holds the app's wasm back until the returned function is called: what the reader does
 * before the app arrives. The page must have no service worker, which would serve the wasm
 * from its own cache.
 */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  return release;
}

module.exports = {
  ...base, test, appTookOver, waitingForApp, returningReader, watchTakeover, expectNoVisibleShift, holdWasm,
};
