// `make lighthouse`: Lighthouse (npm, pinned in scripts/lighthouse/) in Debian's chromium,
// mobile emulation with simulated throttling, against the release server on loopback with a
// temporary demo database. Three runs per page; prints the medians of the performance score,
// FCP, LCP, TBT, CLS and the bytes transferred. Then the same pages in Playwright's Chromium at
// 4x CPU slowdown, traced: the blocking time really observed after the first paint, and the
// longest task (Lighthouse simulates its TBT from one unthrottled trace; this one is measured,
// and can be split by trace event, see decision 0010), first while the reader only reads, then
// for the app's start that their first move to a control sets off (Tab; trunk's loader waits
// for it). Figures to read, not pass/fail tests: both vary from run to run and with the
// machine's load.
//   node scripts/lighthouse.mjs [runs]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocking, categories, longest, phone, slowed } from './phone.mjs';
import { median, root, startReleaseServer } from './release-server.mjs';

const runs = Number(process.argv[2] || 3);
const lighthouse = join(root, 'scripts/lighthouse/node_modules/.bin/lighthouse');
const chromeFlags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
].join(' ');

const { base, dir, stop, newest } = await startReleaseServer('lighthouse');
const items = [newest];
const pages = [['/en/', `${base}/en/`], ['article', `${base}/en/article/${items[0].slug}`]];

// The demo's AVIF is made after the start, oldest photo first (decision 0016): measure once the
// newest article's is there, on a quiet machine.
if (items[0]?.photo) {
  const avif = `${base}/media/${items[0].photo.id}-320.avif`;
  for (let i = 0; i < 3000 && (await fetch(avif, { redirect: 'manual' })).status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The lead photo a phone downloads: a 390 px screen at twice the density takes the 960 wide
// AVIF (WebP, JPEG where AVIF is not shown) (the lead's `sizes` is the screen's width below 1 000 px); the goal is <= 60 KB.
const photo = items[0].photo;
if (photo) {
  const widths = [320, 640, 960, 1280, 1920].filter((w) => w <= photo.width);
  const wanted = widths.find((w) => w >= 780) || widths[widths.length - 1] || photo.width;
  for (const ext of ['avif', 'webp', 'jpg']) {
    const bytes = (await (await fetch(`${base}/media/${photo.id}-${wanted}.${ext}`)).arrayBuffer()).byteLength;
    console.log(`lead photo on a 390 px phone at DPR 2: ${wanted} px ${ext}, ${(bytes / 1024).toFixed(1)} KB (goal 60 KB)`);
  }
} else {
  console.log('the newest article has no lead photo: no photo figures');
}

const rows = [];
for (const [name, url] of pages) {
  const seen = [];
  for (let i = 0; i < runs; i++) {
    const out = join(dir, `run-${rows.length}-${i}.json`);
    console.error(`lighthouse: ${name}, run ${i + 1} of ${runs} (${Math.round(performance.now() / 1000)} s)`);
    execFileSync(lighthouse, [url, '--quiet', '--only-categories=performance', '--output=json',
      `--output-path=${out}`, `--chrome-flags=${chromeFlags}`], {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const audit = (id) => report.audits[id].numericValue;
    seen.push({
      score: report.categories.performance.score * 100,
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      bytes: audit('total-byte-weight'),
    });
  }
  const m = (k) => median(seen.map((s) => s[k]));
  rows.push([name, m('score').toFixed(0), `${(m('fcp') / 1000).toFixed(2)} s`,
    `${(m('lcp') / 1000).toFixed(2)} s`, `${m('tbt').toFixed(0)} ms`, m('cls').toFixed(3),
    `${(m('bytes') / 1024).toFixed(1)} KB`]);
}
const lhVersion = JSON.parse(readFileSync(join(root, 'scripts/lighthouse/node_modules/lighthouse/package.json'))).version;
console.log(`Lighthouse ${lhVersion}, mobile, simulated throttling, median of ${runs} runs`);
console.log('| page | score | FCP | LCP | TBT | CLS | bytes |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// Observed: each page loaded afresh (no service worker, no cache) at 4x CPU slowdown in a
// phone-sized viewport, by a returning reader (the server knows their UTC offset), traced for
// 3 s of reading and then until the app has taken the page over after Tab; the tasks after
// the first contentful paint, then those after Tab, are summed as Lighthouse sums them
// (the part of each over 50 ms).
const { chromium } = await import(join(root, 'tests/e2e/node_modules/playwright/index.mjs'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const traced = [];
for (const [name, url] of pages) {
  const seen = [];
  for (let i = 0; i < 2 * runs + 1; i++) {
    console.error(`traced: ${name}, load ${i + 1} of ${2 * runs + 1} (${Math.round(performance.now() / 1000)} s)`);
    const context = await phone(browser, base);
    const page = await context.newPage();
    await slowed(page);
    await browser.startTracing(page, { categories });
    await page.goto(url);
    await page.waitForTimeout(3000);
    // Tab: the first control's focus, which starts the app (the loader waits for intent).
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !document.getElementById('carried'), null, { timeout: 20000 });
    await page.waitForTimeout(1000);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    await context.close();
    const fcp = traceEvents.find((e) => e.name === 'firstContentfulPaint');
    const main = traceEvents.find((e) => e.name === 'thread_name' && e.pid === fcp.pid && e.args.name === 'CrRendererMain');
    const tasks = traceEvents
      .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask' && e.ph === 'X' && e.ts > fcp.ts);
    // Tab's dispatch splits reading from the start it sets off.
    const key = traceEvents.find((e) => e.pid === main.pid && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
    const split = key ? key.ts : Infinity;
    const reading = tasks.filter((e) => e.ts + e.dur <= split);
    const start = tasks.filter((e) => e.ts >= split || e.ts + e.dur > split);
    seen.push({ tbt: blocking(reading), longest: longest(reading), startTbt: blocking(start), startLongest: longest(start) });
  }
  const m = (k) => `${median(seen.map((s) => s[k])).toFixed(0)} ms`;
  traced.push([name, m('tbt'), m('longest'), m('startTbt'), m('startLongest')]);
}
await browser.close();
console.log(`\nObserved in Chromium at 4x CPU slowdown, phone viewport, median of ${2 * runs + 1} loads`);
console.log('| page | reading: blocking time after FCP | reading: longest task | start after Tab: blocking time | start: longest task |');
console.log('|---|---|---|---|---|');
for (const r of traced) console.log(`| ${r.join(' | ')} |`);
// The server's process would keep node waiting (its exit handler never runs while it lives).
stop();
