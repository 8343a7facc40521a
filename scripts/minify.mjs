// Minifies the JS and CSS that readers download, after trunk has built dist/ and before
// precache.mjs digests it: the glue wasm-bindgen writes (trunk 0.21 copies it as it is,
// comments, long names and all), our own plain scripts and the stylesheets. Measured on the
// reader: glue 7.9 -> 6.2 KB brotli, pwa.js 2.6 -> 1.6 KB. Trunk gave the glue and the styles
// Subresource Integrity digests in the pages, so each page's digest of a minified file is
// rewritten to match. Run by `make spa`.
//   node scripts/minify.mjs [dist]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('./minify/', import.meta.url));
const esbuild = require('esbuild');

const dist = process.argv[2] || 'dist';
// sw.js is written later from its template (precache.mjs); everything else in these folders
// that ends in .js is ours or trunk's.
const folders = [dist, join(dist, 'embed'), join(dist, 'admin'), join(dist, 'occasional'), join(dist, 'edition-ru'), join(dist, 'edition-zh')].filter((d) => existsSync(d));
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

let before = 0;
let after = 0;
for (const folder of folders) {
  const pages = readdirSync(folder).filter((f) => f.endsWith('.html'));
  let html = Object.fromEntries(pages.map((p) => [p, readFileSync(join(folder, p), 'utf8')]));
  const ours = (f) => (f.endsWith('.js') && f !== 'sw.js') || f.endsWith('.css');
  // The ES modules, named rather than guessed: the loader (it awaits at its top level, an
  // ES2022 module's right), pwa-later.js (pwa.js imports it on first use) and the glue each
  // page's loader imports (its `data-js`). Our other
  // scripts are classic scripts whose top-level names are globals, which esbuild leaves as
  // they are outside a module.
  const glue = Object.values(html).flatMap((page) => [...page.matchAll(/data-js="[^"]*\/([^"/]+\.js)"/g)].map((m) => m[1]));
  const modules = new Set(['loader.js', 'pwa-later.js', ...glue]);
  for (const file of readdirSync(folder).filter(ours)) {
    const path = join(folder, file);
    const source = readFileSync(path);
    const css = file.endsWith('.css');
    const text = source.toString('utf8');
    const module = modules.has(file);
    const awaits = file === 'loader.js';
    const { code } = esbuild.transformSync(text, {
      minify: true,
      loader: css ? 'css' : 'js',
      format: module ? 'esm' : undefined,
      target: css ? undefined : awaits ? 'es2022' : 'es2020',
      legalComments: 'none',
    });
    const minified = Buffer.from(code);
    if (minified.length >= source.length) continue;
    writeFileSync(path, minified);
    before += source.length;
    after += minified.length;
    const [old, now] = [sri(source), sri(minified)];
    for (const page of pages) html[page] = html[page].split(old).join(now);
  }
  for (const page of pages) writeFileSync(join(folder, page), html[page]);
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`minify: JS and CSS ${kb(before)} KB -> ${kb(after)} KB (raw) in ${folders.join(', ')}`);
