// Starts and stops the real infoshos-server for the specs, each on its own port, database and
// (optionally) its own copy of the built app.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const EDITORS_TOKEN = 'e2e-editors-token-4f2a9c';
/** The first admin the specs set up with the first-start token. */
const EDITOR = { username: 'chief', password: 'e2e first admin passphrase' };

async function postJson(url, body) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * Makes the first admin through the API, once. Sign-ins and set-ups are paced per client (5,
 * then 1 a minute), so a set-up already done is not tried again.
 */
async function setUpEditors(base) {
  const state = await (await fetch(`${base}/api/admin/session`)).json();
  if (!state.setUpNeeded) return;
  const answer = await postJson(`${base}/api/admin/setup`, { token: EDITORS_TOKEN, ...EDITOR });
  if (answer.status !== 200 && answer.status !== 409) throw new Error(`set-up answered ${answer.status}`);
}

/** The first admin's session cookie (`name=value`), for the editors' API. */
async function editorCookie(base) {
  await setUpEditors(base);
  const answer = await postJson(`${base}/api/admin/login`, EDITOR);
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}`);
  return answer.headers.get('set-cookie').split(';')[0];
}

/** Signs a page showing /admin's sign-in form in, by name and password. */
async function signInThroughForm(page, who = EDITOR) {
  await page.getByLabel('Name', { exact: true }).fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A port nothing listens on now, from the system (E2E_PORT + offset when that is set). */
function freePort(offset) {
  if (process.env.E2E_PORT) return Number(process.env.E2E_PORT) + offset;
  const probe = "const s = require('node:net').createServer();" +
    "s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  // Written as a string: console.log would colour a number under the runner's FORCE_COLOR.
  const out = execFileSync(process.execPath, ['-e', probe]);
  const port = Number(out.toString().trim());
  if (!port) throw new Error(`no free port from the system: ${out}`);
  return port;
}

/**
 * A server on a free port of its own (kept across stop and start, so a page can wait for it to
 * come back), serving `dist` (the repo's build by default), with `env` added. `start` checks
 * that the server answering there is the one it started: nothing may answer before it, and
 * the server must announce that very address, or the spec fails at once instead of testing
 * another program.
 */
function serverAt({ offset = 0, dist = path.join(root, 'dist'), env = {} } = {}) {
  const port = freePort(offset);
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
    if (await healthy()) throw new Error(`another server already answers at ${base}`);
    child = spawn(process.env.INFOSHOS_SERVER_BIN || path.join(root, 'target/debug/infoshos-server'), [], {
      env: {
        ...process.env,
        INFOSHOS_ADDR: `127.0.0.1:${port}`,
        INFOSHOS_DATABASE_URL: `sqlite://${path.join(dir, 'e2e.db')}`,
        INFOSHOS_DIST: dist,
        // No network here: a missing file makes the refresh fail and the snapshot be served.
        INFOSHOS_RATES_URL: `file://${path.join(dir, 'no-feed.xml')}`,
        INFOSHOS_RATES_HISTORY_URL: `file://${path.join(dir, 'no-history-{id}.xml')}`,
        RUST_LOG: 'warn',
        // Comments go up at once in most specs; moderation.spec.js runs the default, pre.
        INFOSHOS_MODERATION: 'post',
        INFOSHOS_ADMIN_TOKEN: EDITORS_TOKEN,
        // The specs sign in, set up, join and reset more often than a person; the pace of
        // sign-ins has tests of its own (server/tests/admin_api.rs, scripts/deploy-check.sh).
        INFOSHOS_SIGN_IN_BURST: '100',
        // The debug build draws the demo's 40-odd photos in most of a minute: photos.spec.js
        // uploads its own through the desk.
        INFOSHOS_NO_DEMO_PHOTOS: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = child;
    const announced = new Promise((resolve, reject) => {
      let out = '';
      started.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.match(/Infoshos listening on (\S+)/);
        if (line) resolve(line[1]);
      });
      started.once('exit', (code) => reject(new Error(
        `infoshos-server stopped (exit ${code}) before listening at ${base}: is the port taken?`)));
      setTimeout(() => reject(new Error(`infoshos-server did not listen at ${base} within 30 s`)), 30_000);
    });
    try {
      const address = await announced;
      if (address !== base) throw new Error(`the server listens at ${address}, not ${base}`);
    } catch (error) {
      child = null;
      started.kill('SIGKILL');
      throw error;
    }
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

/** Ticks `names` in the desk's states checklist (English names). */
async function pickStates(page, names) {
  const states = page.getByRole('group', { name: 'States concerned' });
  for (const name of names) await states.getByLabel(name, { exact: true }).check();
}

/**
 * The article body's HTML field, shown in place of the writing surface (the desk's "Edit as
 * HTML"), for specs that write markup by hand.
 */
async function bodyAsHtml(page) {
  const field = page.getByLabel('Text (HTML)');
  if (!(await field.isVisible())) await page.getByRole('button', { name: 'Edit as HTML' }).click();
  return field;
}

module.exports = {
  serverAt, root, EDITORS_TOKEN, EDITOR, setUpEditors, editorCookie, signInThroughForm, pickStates, bodyAsHtml,
  ...serverAt(),
};
