// Copies the SCO states' flags (flag-icons, MIT licence, 4:3 SVG) into dist/flags/, named by
// the lower-case ISO code, and draws each as a 48x36 PNG beside it (resvg), which the pages
// show (`links::flag_image`): Chromium paints an SVG image on the main thread every time it
// paints it (a document of its own), and the pages' 40-odd flags were most of a 90-160 ms
// paint at 4x CPU slowdown after the app's swap (`make visit`); a PNG is decoded once, off the
// main thread. 48 px wide covers the flags' 1.2em at 2.5 device pixels per CSS pixel. The SVGs
// stay for partners who link them (the API's description names them). The codes are read off
// the server's table of states, so a state added there gets its flag at the next build; a code
// the set lacks stops the build. Run by `make spa`.
//   node scripts/flags.mjs [dist]
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const { Resvg } = createRequire(new URL('./flags/package.json', import.meta.url))('@resvg/resvg-js');
const set = new URL('./flags/node_modules/flag-icons/flags/4x3/', import.meta.url);
const table = readFileSync(new URL('../server/src/seed/states.rs', import.meta.url), 'utf8');
// One row per state: `(M, None, "CN", "China", …)`; the code is the first two-letter string.
const codes = [...table.matchAll(/^\s*\([MP], .*?, "([A-Z]{2})", "/gm)].map((m) => m[1]);
const declared = Number(table.match(/\[Row; (\d+)\]/)?.[1]);
if (codes.length === 0 || codes.length !== declared) {
  console.error(
    `flags: read ${codes.length} codes but server/src/seed/states.rs declares ${declared} states (did its rows change shape?)`,
  );
  process.exit(1);
}
mkdirSync(join(dist, 'flags'), { recursive: true });
const missing = [];
for (const code of codes) {
  const file = `${code.toLowerCase()}.svg`;
  const from = new URL(file, set);
  if (!existsSync(from)) missing.push(code);
  else {
    copyFileSync(from, join(dist, 'flags', file));
    const png = new Resvg(readFileSync(from), { fitTo: { mode: 'width', value: 48 } }).render().asPng();
    writeFileSync(join(dist, 'flags', `${code.toLowerCase()}.png`), png);
  }
}
if (missing.length) {
  console.error(`flags: flag-icons has no flag for ${missing.join(', ')} (scripts/flags/)`);
  process.exit(1);
}
console.log(`flags: ${codes.length} flags (SVG and PNG) in ${dist}/flags/`);
