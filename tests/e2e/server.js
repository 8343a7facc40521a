// Starts and stops the real infoshos-server for the specs, each on its own port, database and
// (optionally) its own copy of the built app.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const firstPort = Number(process.env.E2E_PORT || 18080);
const EDITORS_TOKEN = 'e2e-editors-token-4f2a9c';

/** A server on `firstPort + offset`, serving `dist` (the repo's build by default), with `env` added. */
function serverAt({ offset = 0, dist = path.join(root, 'dist'), env = {} } = {}) {
  const port = firstPort + offset;
  const base = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infoshos-e2e-'));
  let child = null;

  async function healthy() {
    try {
      const r = await fetch(`${base}/api/health`);
      return r.ok;
    } catch {
      return false;
    }
  }

  async function start() {
    if (child) return;
    child = spawn(process.env.INFOSHOS_SERVER_BIN || path.join(root, 'target/debug/infoshos-server'), [], {
      env: {
        ...process.env,
        INFOSHOS_ADDR: `127.0.0.1:${port}`,
        INFOSHOS_DATABASE_URL: `sqlite://${path.join(dir, 'e2e.db')}`,
        INFOSHOS_DIST: dist,
        // No network here: a missing file makes the refresh fail and the snapshot be served.
        INFOSHOS_RATES_URL: `file://${path.join(dir, 'no-feed.xml')}`,
        RUST_LOG: 'warn',
        // Comments go up at once in most specs; moderation.spec.js runs the default, pre.
        INFOSHOS_MODERATION: 'post',
        INFOSHOS_ADMIN_TOKEN: EDITORS_TOKEN,
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (let i = 0; i < 100; i++) {
      if (await healthy()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('infoshos-server did not become healthy');
  }

  async function stop() {
    if (!child) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    child = null;
    while (await healthy()) await new Promise((r) => setTimeout(r, 50));
  }

  return { start, stop, base, dir };
}

module.exports = { serverAt, root, EDITORS_TOKEN, ...serverAt() };
