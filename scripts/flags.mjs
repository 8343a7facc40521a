// Copies the SCO states' flags (flag-icons, MIT licence, 4:3 SVG) into dist/flags/, named by
// the lower-case ISO code as `links::flag_image` builds them. The codes are read off the
// server's table of states, so a state added there gets its flag at the next build; a code
// the set lacks stops the build. Run by `make spa`.
//   node scripts/flags.mjs [dist]
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
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
  else copyFileSync(from, join(dist, 'flags', file));
}
if (missing.length) {
  console.error(`flags: flag-icons has no flag for ${missing.join(', ')} (scripts/flags/)`);
  process.exit(1);
}
console.log(`flags: ${codes.length} flags in ${dist}/flags/`);
