// make bench: how far one server goes, printed as one table. For each engine (SQLite, and
// PostgreSQL when INFOSHOS_TEST_POSTGRES names one: `make bench` starts a throwaway server with
// scripts/with-postgres.sh) and each database size (1 000 and 1 000 000 generated articles, made
// by `infoshos-server seed`: SQLite files are kept under target/bench/, PostgreSQL databases
// live as long as the throwaway server), a release server on loopback is measured on six pages
// (the sixth a photo's variant, uploaded first; then the time to make every size of a 24 MP one):
//   peak throughput: wrk, 2 threads, 64 connections, 8 s (a closed loop: it measures its queue);
//   latency at a fixed offered rate: oha -q 2000 for 8 s, with latency correction.
// The server's CPU share is read from /proc over each run. An article as a reader's browser asks
// for it (counted for "Most read") is measured again on a server with counting off, and the two
// rates are printed as a ratio. Search is timed query by query (each asked once); 1 000 open
// streams of new stories are measured for memory and for how soon a publish reaches them all.
// Figures, not a pass/fail test.
//   node scripts/bench.mjs [sizes…]     e.g. node scripts/bench.mjs 1000
//   BENCH_DBS="sqlite postgres" (the default) or one of them.
import { createRequire } from 'node:module';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import http from 'node:http';

const { drawnPng } = createRequire(import.meta.url)('../tests/e2e/drawn-png.js');

const SERVER = 'target/server/infoshos-server';
const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(1000, 1000000);
const RATE = 2000;
const SECONDS = 8;

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks
}

const POSTGRES = process.env.INFOSHOS_TEST_POSTGRES;
const engines = (process.env.BENCH_DBS || 'sqlite postgres').split(/\s+/).filter(Boolean)
  .filter((e) => e !== 'postgres' || POSTGRES || console.error('bench: no PostgreSQL here (make bench starts one)'));

function seed(url, size) {
  const began = Date.now();
  const out = execFileSync(SERVER, ['seed', '--articles', String(size)], {
    env: { ...process.env, INFOSHOS_DATABASE_URL: url, RUST_LOG: 'error' },
  });
  console.error(`bench: ${out.toString().trim()} (${((Date.now() - began) / 1000).toFixed(0)} s with start-up)`);
}

// The database's URL: a kept SQLite file, or a new database on the throwaway PostgreSQL.
function database(engine, size) {
  if (engine === 'postgres') {
    const name = `bench_${size}`;
    const url = new URL(POSTGRES);
    url.pathname = `/${name}`;
    // Made once per throwaway server: the photo's run below asks for it again.
    const made = execFileSync('psql', [POSTGRES, '-tAc', `SELECT 1 FROM pg_database WHERE datname = '${name}'`]);
    if (made.toString().trim() === '1') return url.toString();
    execFileSync('psql', [POSTGRES, '-qc', `CREATE DATABASE ${name}`]);
    console.error(`bench: generating ${size} articles on PostgreSQL`);
    seed(url.toString(), size);
    return url.toString();
  }
  mkdirSync('target/bench', { recursive: true });
  const file = `target/bench/articles-${size}.db`;
  if (!existsSync(file)) {
    console.error(`bench: generating ${size} articles into ${file} (once)`);
    seed(`sqlite://${file}`, size);
  }
  // Each run on a copy: a photo uploaded by an earlier run would be found again by its bytes
  // (200, nothing made), and the upload's figure would be a lookup's.
  const run = `target/bench/run-${size}.db`;
  for (const end of ['', '-wal', '-shm']) rmSync(run + end, { force: true });
  // With its write-ahead log: the generated rows may not be in the main file yet.
  for (const end of ['', '-wal', '-shm']) if (existsSync(file + end)) copyFileSync(file + end, run + end);
  return `sqlite://${run}`;
}

async function start(url, extra = {}) {
  const port = await freePort();
  const server = spawn(SERVER, [], {
    env: {
      ...process.env,
      ...extra,
      INFOSHOS_ADDR: `127.0.0.1:${port}`,
      INFOSHOS_DATABASE_URL: url,
      INFOSHOS_RATES_URL: 'file:///nonexistent/rates.xml',
      INFOSHOS_RATES_HISTORY_URL: 'file:///nonexistent/{id}.xml',
      INFOSHOS_NO_DEMO: 'true',
      INFOSHOS_ADMIN_TOKEN: BENCH_TOKEN,
      RUST_LOG: 'error',
    },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { server, base };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('bench: the server did not come up');
}

// An editor of the bench's own, set up with the first-start token (or signed in, on a kept
// database), to upload photos as the desk does.
const BENCH_TOKEN = 'bench-first-start-token-31f7';
// (A password may not contain the name: the server refused the first one, "the bench editor …".)
const BENCH_EDITOR = { username: 'bench', password: 'load figures passphrase 2026' };
async function editor(base) {
  const post = (path, body) => fetch(base + path, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const setUp = await post('/api/admin/setup', { token: BENCH_TOKEN, ...BENCH_EDITOR });
  const answer = setUp.status === 200 ? setUp : await post('/api/admin/login', BENCH_EDITOR);
  if (answer.status !== 200) throw new Error(`bench: sign-in answered ${answer.status}`);
  return answer.headers.get('set-cookie').split(';')[0];
}

/** Uploads a drawn `w` × `h` photo; its id and the seconds the upload took (all its sizes made). */
async function upload(base, cookie, w, h) {
  const form = new FormData();
  form.append('alt', `A drawn hill, ${w} × ${h}`);
  form.append('file', new Blob([drawnPng(w, h)], { type: 'image/png' }), 'hill.png');
  const began = performance.now();
  const answer = await fetch(`${base}/api/admin/photos`, { method: 'POST', headers: { cookie }, body: form });
  const seconds = (performance.now() - began) / 1000;
  // 200 is a photo found by its bytes (nothing made): not a figure of an upload.
  if (answer.status !== 201) throw new Error(`bench: upload answered ${answer.status}, not 201 (a new photo)`);
  return { id: (await answer.json()).id, seconds };
}

// The pages: the first feed page, one deep in the feed (the middle article's cursor), an
// article, the rates, a rendered page and a photo's variant.
async function pages(base, size) {
  const middle = size - (size % 2 === 0 ? 0 : 1);
  const slug = `generated-${Math.floor(middle / 2 / 3) * 3}`; // an English one
  const article = await (await fetch(`${base}/api/articles/${slug}`)).json();
  const cursor = `v1.${Date.parse(article.publishedAt)}.${article.id}`;
  return [
    ['feed, first page', '/api/articles?lang=en&limit=20'],
    [`feed, ${Math.floor(size / 6)} deep`, `/api/articles?lang=en&limit=20&cursor=${cursor}`],
    ['article', `/api/articles/${slug}`],
    // A reader's article, counted for "Most read" (wrk and oha send no User-Agent, which is
    // not counted): the page and the app's API, beside the same with counting off (`counts`).
    ...READ.map(([name, at]) => [name, at(slug), null, BROWSER]),
    ['rates', '/api/rates'],
    ['rendered /en/', '/en/'],
    // What every browser asks for: the page in brotli (kept so, `pages::finished`).
    ['rendered /en/, br', '/en/', 'br'],
    ['rendered /en/, gzip', '/en/', 'gzip'],
    ...await photoRows(base),
  ];
}

// A photo's 640 px variant in the format Chromium takes (AVIF) and the next (WebP).
async function photoRows(base) {
  const { id } = await upload(base, await editor(base), 1600, 900);
  return ['avif', 'webp'].map((ext) => [`photo, 640 px ${ext.toUpperCase()}`, `/media/${id}-640.${ext}`]);
}

// The rows that count a reading, and the browser they are asked as.
const READ = [
  ['article page, as a reader', (slug) => `/en/article/${slug}`],
  ['article API, as a reader', (slug) => `/api/articles/${slug}`],
];
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

// `Accept-Encoding: …` when a row names an encoding; `User-Agent: …` when it names one.
const asking = (encoding, agent) => [
  ...(encoding ? ['-H', `Accept-Encoding: ${encoding}`] : []),
  ...(agent ? ['-H', `User-Agent: ${agent}`] : []),
];

function wrk(url, encoding, agent) {
  const out = execFileSync('wrk', ['-t2', '-c64', `-d${SECONDS}s`, '--latency', ...asking(encoding, agent), url]).toString();
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]);
  // The "Latency Distribution" lines: "     99%   32.90ms".
  // (wrk pads a value in seconds with a space.)
  const p = (q) => new RegExp(`^\\s+${q}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
  const ms = (m) => {
    if (!m) throw new Error(`bench: wrk's latency lines not found in:\n${out}`);
    return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]];
  };
  return { rps, p50: ms(p(50)), p99: ms(p(99)) };
}

function oha(url, encoding, agent) {
  const out = execFileSync('oha', ['-z', `${SECONDS}s`, '-q', String(RATE), '--latency-correction', ...asking(encoding, agent),
    '--no-tui', '--output-format', 'json', url]).toString();
  const j = JSON.parse(out);
  // Below 90 % of the offered rate the figures are oha's own queue (it shares the two cores),
  // or the server's when it cannot keep up: either way not latency at that rate.
  const kept = j.summary.requestsPerSec >= 0.9 * RATE;
  return { p50: j.latencyPercentiles.p50 * 1000, p99: j.latencyPercentiles.p99 * 1000, ok: j.summary.successRate, kept, offered: j.summary.requestsPerSec };
}

// Search, each query asked once: answers are kept per address (`answer_cache`), so a repeat
// would measure memory. Two words, a capital and a topic word of the generated articles: as
// written, the topic word in another form, the capital misspelt (issue 32). One reader's wait
// on an otherwise idle server, p50 and p95 of 64 queries.
const CAPITALS = [['Astana', 'Astanna'], ['Bishkek', 'Bishkec'], ['Dushanbe', 'Dushambe'], ['Islamabad', 'Islamabd'],
  ['Moscow', 'Moskow'], ['Tashkent', 'Tashkant'], ['Tehran', 'Teheran'], ['Ulaanbaatar', 'Ulanbaatar']];
const TOPIC_WORDS = [['exports', 'export'], ['corridors', 'corridor'], ['warnings', 'warning'], ['systems', 'system'],
  ['links', 'linked'], ['rules', 'ruling'], ['exchanges', 'exchange'], ['posts', 'post']];
const SEARCHES = [
  ['search, as written', (c, w) => `${c[0]} ${w[0]}`],
  ['search, another form', (c, w) => `${c[0]} ${w[1]}`],
  ['search, a capital misspelt', (c, w) => `${c[1]} ${w[0]}`],
];

async function searchTimes(base, engine, size) {
  for (const [name, query] of SEARCHES) {
    const waits = [];
    let found = 0;
    for (const c of CAPITALS) for (const w of TOPIC_WORDS) {
      const began = performance.now();
      const url = `${base}/api/search?lang=en&q=${encodeURIComponent(query(c, w))}`;
      // Once more on a failure: the pooled connection may have idled out while wrk ran.
      const answer = await fetch(url).catch(() => fetch(url));
      if (answer.status !== 200) throw new Error(`bench: search answered ${answer.status}`);
      found += (await answer.json()).items.length > 0 ? 1 : 0;
      waits.push(performance.now() - began);
    }
    waits.sort((a, b) => a - b);
    const at = (q) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))];
    searches.push({ engine, size, name, p50: at(0.5), p95: at(0.95), found, asked: waits.length });
  }
}
const searches = [];

// New stories as they land (issue 32): STREAMS pages open on the English front page at once,
// each a stream of Server-Sent Events; the server's memory for them (its resident size before
// and after, per stream), and the time from an editor's publish to each of them hearing it
// (the desk looks for new stories once a second, `live::desk::EVERY`).
const STREAMS = 1000;
const rss = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

async function liveStreams(server, base, engine, size) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const before = rss(server.pid);
  const streams = [];
  const opened = [];
  for (let i = 0; i < STREAMS; i += 1) {
    opened.push(new Promise((resolve, reject) => {
      const stream = { heard: null, request: null };
      stream.request = http.get(`${base}/api/live?lang=en`, { agent }, (answer) => {
        let text = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk) => {
          text += chunk;
          if (/^data: 0$/m.test(text)) resolve();
          if (stream.heard === null && /^data: 1$/m.test(text)) stream.heard = performance.now();
        });
      });
      stream.request.on('error', reject);
      streams.push(stream);
    }));
  }
  await Promise.all(opened);
  await new Promise((r) => setTimeout(r, 1000));
  const after = rss(server.pid);
  const cookie = await editor(base);
  const began = performance.now();
  const answer = await fetch(`${base}/api/admin/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ slug: `live-bench-${Date.now()}`, title: 'A story for the open pages', summary: 'Told to every open page.',
      body: '<p>Told to every open page.</p>', countries: ['KZ'], section: 'sco' }),
  });
  if (answer.status !== 201) throw new Error(`bench: publishing answered ${answer.status}`);
  while (streams.some((s) => s.heard === null) && performance.now() - began < 30_000) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const waits = streams.filter((s) => s.heard !== null).map((s) => s.heard - began).sort((a, b) => a - b);
  for (const s of streams) s.request.destroy();
  lives.push({ engine, size, perStream: ((after - before) / STREAMS), heard: waits.length,
    first: waits[0], median: waits[Math.floor(waits.length / 2)], last: waits[waits.length - 1] });
}
const lives = [];

/** Measures each of `list` ([name, path, encoding, agent]) on `server` into `rows`. */
async function measure(server, base, engine, size, list) {
  for (const [name, path, encoding, agent] of list) {
    const url = base + path;
    // Once more on a failure: the pooled keep-alive connection may have been closed by the
    // server's idle timeout while wrk and oha ran ("other side closed").
    const status = (await fetch(url).catch(() => fetch(url))).status;
    if (status !== 200) throw new Error(`bench: ${path} answered ${status}`);
    const ticks = cpuTicks(server.pid);
    const began = Date.now();
    const peak = wrk(url, encoding, agent);
    const cpu = ((cpuTicks(server.pid) - ticks) / 100 / ((Date.now() - began) / 1000)) * 100;
    const paced = oha(url, encoding, agent);
    rows.push({ engine, size, name, ...peak, cpu, paced });
  }
}

const rows = [];
for (const engine of engines) for (const size of sizes) {
  const url = database(engine, size);
  let slug;
  {
    const { server, base } = await start(url);
    try {
      const list = await pages(base, size);
      slug = list.find(([name]) => name === 'article')[1].split('/').pop();
      await measure(server, base, engine, size, list);
      await searchTimes(base, engine, size);
      await liveStreams(server, base, engine, size);
    } finally {
      server.kill('SIGTERM');
    }
  }
  // The same reader's rows with nothing counted: what counting costs a reading.
  const { server, base } = await start(url, { INFOSHOS_NO_READ_COUNTS: 'true' });
  try {
    const off = READ.map(([name, at]) => [`${name}, counts off`, at(slug), null, BROWSER]);
    await measure(server, base, engine, size, off);
  } finally {
    server.kill('SIGTERM');
  }
}

// Every size of one 24-megapixel photo, made on these cores as an upload makes them (a PNG
// drawn here: the decoding differs a little from a camera's JPEG, decision 0016 has those).
let large = null;
{
  const { server, base } = await start(database(engines[0], sizes[0]));
  try {
    const cookie = await editor(base);
    const png = drawnPng(6000, 4000);
    large = { ...(await upload(base, cookie, 6000, 4000)), bytes: png.length };
  } finally {
    server.kill('SIGTERM');
  }
}

const f = (n, d = 1) => n.toFixed(d);
console.log(`\nA 24 MP photo (6000 × 4000 PNG, ${(large.bytes / 1048576).toFixed(1)} MB): uploaded and every size made in ${large.seconds.toFixed(2)} s`);
console.log(`\nRelease server, loopback; peak: wrk 2 threads 64 connections ${SECONDS} s; `
  + `paced: oha ${RATE} req/s ${SECONDS} s, latency-corrected; CPU: the server's share of one core\n`);
console.log('| engine | articles | page | peak req/s | p50 ms | p99 ms | server CPU | paced p50 ms | paced p99 ms |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const paced = r.paced.kept
    ? `${f(r.paced.p50, 2)} | ${f(r.paced.p99, 2)}`
    : `— | — (${f(r.paced.offered, 0)} req/s reached)`;
  console.log(`| ${r.engine} | ${r.size} | ${r.name} | ${f(r.rps, 0)} | ${f(r.p50, 2)} | ${f(r.p99, 2)} | ${f(r.cpu, 0)} % | ${paced} |`);
}

console.log('\nSearch, each query once (uncached), one reader on an idle server:\n');
console.log('| engine | articles | queries | found | p50 ms | p95 ms |');
console.log('|---|---:|---|---:|---:|---:|');
for (const r of searches) {
  console.log(`| ${r.engine} | ${r.size} | ${r.name} | ${r.found}/${r.asked} | ${f(r.p50, 1)} | ${f(r.p95, 1)} |`);
}

console.log(`\nNew stories as they land: ${STREAMS} pages open on one stream each, then an editor publishes:\n`);
console.log('| engine | articles | server memory per open stream | pages that heard | first ms | median ms | last ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of lives) {
  console.log(`| ${r.engine} | ${r.size} | ${f(r.perStream, 1)} KB | ${r.heard}/${STREAMS} | ${f(r.first, 0)} | ${f(r.median, 0)} | ${f(r.last, 0)} |`);
}

// Issue 30's goal: a rendered page as browsers ask for it at >= 0.8x the feed API's plain rate.
// Issue 32's: counting a reading never slows it (the rate with counting on against off).
for (const engine of engines) for (const size of sizes) {
  const rate = (name) => rows.find((r) => r.engine === engine && r.size === size && r.name === name)?.rps;
  for (const [name] of READ) {
    const on = rate(name);
    const off = rate(`${name}, counts off`);
    if (on && off) console.log(`\n${engine} ${size}: ${name} at ${f(on / off, 2)}x its rate with counting off`);
  }
  const page = rate('rendered /en/, br');
  const feed = rate('feed, first page');
  if (page && feed) console.log(`\n${engine} ${size}: rendered /en/ in brotli at ${f(page / feed, 2)}x the feed API's plain rate`);
}
