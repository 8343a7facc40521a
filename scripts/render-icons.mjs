// Renders the PNG app icons from our SVGs with the machine's Chromium. Run by hand after an
// icon changes (`node scripts/render-icons.mjs` from tests/e2e's node_modules); the PNGs are
// committed, so builds never need it.
import { chromium } from '../tests/e2e/node_modules/@playwright/test/index.mjs';
import { readFileSync } from 'node:fs';

const dir = new URL('../public/icons/', import.meta.url);
// [svg, png, width, height]; card.png is the link-preview picture (og:image); favicon-32.png
// is the tab icon the pages name (an SVG icon costs the page's main thread ~90 ms under
// Lighthouse's 4x CPU slowdown: Chromium builds a whole SVG document for it).
const jobs = [
  ['../favicon.svg', 'favicon-32.png', 32, 32],
  ['icon.svg', 'icon-192.png', 192, 192],
  ['icon.svg', 'icon-512.png', 512, 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512, 512],
  ['icon-maskable.svg', 'apple-touch-icon.png', 180, 180],
  ['card.svg', 'card.png', 1200, 630],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [svg, png, width, height] of jobs) {
  const page = await browser.newPage({ viewport: { width, height } });
  const markup = readFileSync(new URL(svg, dir), 'utf8');
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${width}px;height:${height}px}</style>${markup}`,
  );
  await page.screenshot({ path: new URL(png, dir).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
