// Does Chromium compile a wasm function before its first call when the module asks it to?
// Decision 0019 (fifth sitting): the start's tasks spend a third to a half of their time in
// V8 compiling the app's functions one by one as they are first called. The WebAssembly
// compilation-hints proposal lets a module name the functions to compile early (a custom
// section, `metadata.code.compilation_priority`). This builds two modules of the same 400
// exported functions, one with that section naming them all, and in Chromium (headless, no
// slowdown) times the first call of every function, two seconds after instantiation, then
// the second call. A first call that costs what the second does means the function was
// compiled before it. Figures only, printed; nothing is asserted.
//   node scripts/wasm-compile-hints.mjs            Chromium as it ships
//   FLAGS=--js-flags=--no-wasm-lazy-compilation node scripts/wasm-compile-hints.mjs
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const FUNCTIONS = 400;
const leb = (n) => {
  const bytes = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    bytes.push(b);
  } while (n);
  return bytes;
};
const name = (s) => [...leb(s.length), ...Buffer.from(s)];
const section = (id, body) => [id, ...leb(body.length)].concat(body);
const vector = (items) => leb(items.length).concat(items.flat());

/** A module of FUNCTIONS exported functions (i32 -> i32), each 150 rounds of add and multiply. */
function module(hinted) {
  const body = [0]; // no locals
  for (let i = 0; i < 150; i++) body.push(0x20, 0, 0x41, (i + 1) & 63, 0x6a, 0x41, 3, 0x6c, 0x21, 0);
  body.push(0x20, 0, 0x0b);
  let bytes = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0].concat(
    section(1, vector([[0x60, 1, 0x7f, 1, 0x7f]])),
    section(3, vector(Array.from({ length: FUNCTIONS }, () => [0]))),
    section(7, vector(Array.from({ length: FUNCTIONS }, (_, i) => [...name(`f${i}`), 0, ...leb(i)]))),
  );
  bytes = bytes.concat(section(10, vector(Array.from({ length: FUNCTIONS }, () => [...leb(body.length), ...body]))));
  if (hinted) {
    // After the code, as V8's own module builder writes it: each function's index, the hint's
    // offset (0, the whole function), its length (1) and the priority (0, the highest).
    const hints = Array.from({ length: FUNCTIONS }, (_, i) => [...leb(i), 0, 1, 0]);
    bytes = bytes.concat(section(0, name('metadata.code.compilation_priority').concat(vector(hints))));
  }
  return Buffer.from(bytes);
}

const modules = { plain: module(false), hinted: module(true) };
const server = createServer((req, res) => {
  const which = req.url.match(/^\/(plain|hinted)\.wasm/)?.[1];
  res.writeHead(200, { 'content-type': which ? 'application/wasm' : 'text/html' });
  res.end(which ? modules[which] : '<p>probe</p>');
});
await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
const base = `http://127.0.0.1:${server.address().port}`;
const { chromium } = await import(join(root, 'tests/e2e/node_modules/playwright/index.mjs'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: process.env.FLAGS ? process.env.FLAGS.split(' ') : [],
});
console.log(`${FUNCTIONS} functions, Chromium ${browser.version()}${process.env.FLAGS ? `, ${process.env.FLAGS}` : ''}`);
for (const which of ['plain', 'hinted', 'plain', 'hinted', 'plain', 'hinted']) {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const [first, second] = await page.evaluate(async (which) => {
    const compiled = await WebAssembly.compileStreaming(fetch(`/${which}.wasm?${Math.random()}`));
    const { exports } = await WebAssembly.instantiate(compiled);
    await new Promise((later) => setTimeout(later, 2000));
    const calls = Object.values(exports);
    const time = () => {
      const began = performance.now();
      for (const call of calls) call(1);
      return performance.now() - began;
    };
    return [time(), time()];
  }, which);
  console.log(`${which.padEnd(6)} first calls ${first.toFixed(1)} ms, second calls ${second.toFixed(1)} ms`);
  await page.close();
}
await browser.close();
server.close();
