// A phone as `make visit` and `make lighthouse` trace it: Chromium's viewport, density and
// touch of a mid-range phone, a returning reader (the server at `base` knows their UTC offset,
// so it writes their dates right and the app waits for them to act), no service worker, and
// the CPU four times slower; and the figures read from a trace's main-thread tasks.

/** The trace categories that hold the main thread's tasks and what they were made of. */
export const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'loading'];

/** A new browser context that is that phone. */
export async function phone(browser, base) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, serviceWorkers: 'block',
  });
  await context.addCookies([{ name: 'tz', value: String(-new Date().getTimezoneOffset()), url: base }]);
  return context;
}

/** The page's CPU four times slower, as issue 31 and Lighthouse measure. */
export const slowed = async (page) => (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });

/** Lighthouse's blocking time of `tasks` (trace events): the part of each over 50 ms, summed. */
export const blocking = (tasks) => tasks.reduce((sum, e) => sum + Math.max(0, e.dur / 1000 - 50), 0);

/** The longest of `tasks`, in ms. */
export const longest = (tasks) => Math.max(0, ...tasks.map((e) => e.dur / 1000));
