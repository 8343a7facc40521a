// Writes dist/sw.js from public/sw.js with this build's shell list and version, so the list
// can never go stale: it is read off the files trunk has just written. Run by `make spa`.
//   node scripts/precache.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const template = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8');

// The app shell: the page, trunk's hashed wasm, JS and CSS, our small scripts, the manifest
// and the icons a launched app shows first. Compressed copies are the server's business.
const top = readdirSync(dist).filter(
  (f) => /\.(html|js|wasm|css|webmanifest|svg)$/.test(f) && f !== 'sw.js' && f !== 'embed.js',
);
const icons = ['icons/icon.svg', 'icons/icon-192.png'];
const files = [...top, ...icons].sort();
if (!files.includes('index.html') || !files.some((f) => f.endsWith('.wasm'))) {
  console.error(`precache: ${dist} has no built app (index.html and a .wasm); run trunk build first`);
  process.exit(1);
}

// The version is a digest of every shell file: any changed byte makes a new service worker.
const digest = createHash('sha256');
for (const f of files) {
  digest.update(f).update('\0').update(readFileSync(join(dist, f))).update('\0');
}
const version = digest.digest('hex').slice(0, 16);

const shell = files.map((f) => `/${f}`);
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__SHELL__', JSON.stringify(shell));
if (sw.includes('__VERSION__') || sw.includes('__SHELL__')) {
  console.error('precache: public/sw.js lost its placeholders');
  process.exit(1);
}
writeFileSync(join(dist, 'sw.js'), sw);
console.log(`precache: sw.js version ${version}, ${shell.length} shell files`);
