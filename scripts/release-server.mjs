// The release server (`make server`) on a free loopback port with a temporary demo database
// and no rates feed, for the scripts that measure pages in a browser (lighthouse.mjs,
// visit.mjs). Returns its address and the newest article; stopped when node exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

export async function startReleaseServer(name) {
  const port = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), `infoshos-${name}-`));
  const server = spawn(join(root, 'target/server/infoshos-server'), [], {
    env: {
      ...process.env,
      INFOSHOS_ADDR: `127.0.0.1:${port}`,
      INFOSHOS_DATABASE_URL: `sqlite://${join(dir, `${name}.db`)}`,
      INFOSHOS_DIST: join(root, 'dist'),
      INFOSHOS_RATES_URL: `file://${join(dir, 'no-feed.xml')}`,
      INFOSHOS_RATES_HISTORY_URL: `file://${join(dir, '{id}.xml')}`,
      RUST_LOG: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  // A minute: a first start draws the demo's photos first.
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (i === 600) throw new Error('the server did not come up');
    await new Promise((r) => setTimeout(r, 100));
  }
  const { items } = await (await fetch(`${base}/api/articles?limit=1`)).json();
  return { base, dir, stop, newest: items[0] };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
