// The newsroom's people end to end: the first admin is set up at /admin with the first-start
// token, invites a moderator with a one-time link, the moderator joins in another browser and
// sees only what a moderator may use; the admin disables the account and its open session
// ends; the audit names each person.
const { test, expect } = require('./app-page');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { serverAt, EDITORS_TOKEN, EDITOR } = require('./server');

const server = serverAt({ offset: 13 });

/**
 * The code an authenticator app shows for a base32 secret (RFC 6238: SHA-1, 30 s, 6 digits),
 * now or `aheadMs` from now.
 */
function totp(secret, aheadMs = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor((Date.now() + aheadMs) / 30000)));
  const mac = require('node:crypto').createHmac('sha1', key).update(counter).digest();
  const at = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1e6).padStart(6, '0');
}
test.beforeAll(async () => server.start());

/** The first admin signed in by name in a browser of their own, on People. */
async function chiefInPeople(browser) {
  const admins = await browser.newContext();
  const admin = await admins.newPage();
  await admin.goto(`${server.base}/admin`);
  await admin.getByLabel('Name', { exact: true }).fill(EDITOR.username);
  await admin.getByLabel('Password', { exact: true }).fill(EDITOR.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('button', { name: 'People' }).click();
  return { admins, admin };
}
test.afterAll(async () => server.stop());

async function noViolations(page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

test('set up, invite a moderator, who joins and sees only comments; disabled, her session ends', async ({ browser }) => {
  // Pages of contexts of their own: axe asks for them.
  const admins = await browser.newContext();
  const admin = await admins.newPage();
  await admin.goto(`${server.base}/admin`);
  await expect(admin.getByRole('heading', { name: 'Set up the newsroom' })).toBeVisible();
  await noViolations(admin);

  // A wrong token is refused and what was typed stays.
  await admin.getByLabel('First-start token').fill('not the token');
  await admin.getByLabel('Name', { exact: true }).fill(EDITOR.username);
  await admin.getByLabel('New password').fill(EDITOR.password);
  await admin.getByRole('button', { name: 'Set up and sign in' }).click();
  await expect(admin.getByRole('alert')).toContainText('not the first-start token');
  await expect(admin.getByLabel('Name', { exact: true })).toHaveValue(EDITOR.username);
  // A password the rules refuse is named before anything is sent (the browser itself holds
  // back one under 10 characters).
  await admin.getByLabel('First-start token').fill(EDITORS_TOKEN);
  await expect(admin.getByLabel('New password')).toHaveAttribute('minlength', '10');
  await admin.getByLabel('New password').fill('chief of the newsroom');
  await admin.getByRole('button', { name: 'Set up and sign in' }).click();
  await expect(admin.getByRole('alert')).toContainText('must not contain the name');
  await admin.getByLabel('New password').fill(EDITOR.password);
  await admin.getByRole('button', { name: 'Set up and sign in' }).click();
  await expect(admin.locator('.admin-who')).toHaveText('chief · admin: articles, comments and people');

  // An invitation link for a moderator.
  await admin.getByRole('button', { name: 'People' }).click();
  await noViolations(admin);
  await admin.getByLabel('Role').first().selectOption('moderator');
  await admin.getByRole('button', { name: 'Make an invitation link' }).click();
  const link = await admin.locator('.admin-invitation input').inputValue();
  expect(link).toMatch(new RegExp(`^${server.base}/admin/#invite=[0-9a-f]{64}$`));

  // She joins in her own browser; the link is spent and leaves the address.
  const context = await browser.newContext();
  const mila = await context.newPage();
  await mila.goto(link);
  await expect(mila.getByRole('heading', { name: 'Join the newsroom' })).toBeVisible();
  await mila.getByLabel('Name', { exact: true }).fill('mila');
  await mila.getByLabel('New password').fill('mila has a long passphrase');
  await mila.getByRole('button', { name: 'Join' }).click();
  await expect(mila.getByRole('alert').first()).toContainText('must not contain the name');
  await mila.getByLabel('New password').fill('a moderator passphrase');
  await mila.getByRole('button', { name: 'Join' }).click();
  await expect(mila.locator('.admin-who')).toHaveText('mila · moderator: comments');
  expect(new URL(mila.url()).hash).toBe('');
  const tabs = mila.locator('.admin-sections > button.button');
  await expect(tabs).toHaveText(['Comments', 'Audit', 'My account']);

  // Her own sessions, this one marked.
  await mila.getByRole('button', { name: 'My account' }).click();
  await expect(mila.locator('.admin-sessions tbody tr')).toHaveCount(1);
  await expect(mila.locator('.admin-sessions tbody tr')).toContainText('this one');

  // The admin disables her: her open page's next request finds no session.
  await admin.getByRole('button', { name: 'Audit' }).click();
  await admin.getByRole('button', { name: 'People' }).click();
  const row = admin.locator('.admin-people tbody tr', { hasText: 'mila' });
  await expect(row).toContainText('active');
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('disabled');
  await mila.getByRole('button', { name: 'Audit' }).click();
  await expect(mila.getByRole('alert').first()).toContainText('sign in');
  await mila.reload();
  await expect(mila.getByRole('button', { name: 'Sign in' })).toBeVisible();

  // The audit names each person, and narrows to one.
  await admin.getByRole('button', { name: 'Audit' }).click();
  const lines = admin.locator('.admin-audit tbody tr');
  await expect(lines.first()).toContainText('chief');
  await expect(lines.first()).toContainText('disabled');
  await expect(lines.first()).toContainText('mila');
  await admin.getByPlaceholder('Who').fill('mila');
  await admin.getByRole('button', { name: 'Show' }).click();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('joined, invited by');
  await context.close();
  await admins.close();
});

test('a forgotten password: an admin\'s reset link works once; she changes it herself, then signs in with a second factor', async ({ browser }) => {
  // The first test set the newsroom up and invited mila; sign the admin in by name.
  const { admins, admin } = await chiefInPeople(browser);
  const row = admin.locator('.admin-people tbody tr', { hasText: 'mila' });
  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('active');
  await row.getByRole('button', { name: 'Reset link' }).click();
  const link = await admin.locator('.admin-invitation input').inputValue();
  expect(link).toMatch(/\/admin\/#reset=[0-9a-f]{64}$/);

  const context = await browser.newContext();
  const mila = await context.newPage();
  await mila.goto(link);
  await expect(mila.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await mila.getByLabel('New password').fill('mila resets her passphrase');
  await mila.getByRole('button', { name: 'Set the password' }).click();
  await expect(mila.getByRole('alert').first()).toContainText('must not contain the name');
  await mila.getByLabel('New password').fill('a reset passphrase');
  await mila.getByRole('button', { name: 'Set the password' }).click();
  await expect(mila.locator('.admin-who')).toHaveText('mila · moderator: comments');
  expect(new URL(mila.url()).hash).toBe('');
  // The link is spent (in a browser not signed in).
  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto(link);
  await again.getByLabel('New password').fill('another reset passphrase');
  await again.getByRole('button', { name: 'Set the password' }).click();
  await expect(again.getByRole('alert').first()).toContainText('used already or has expired');
  await other.close();

  // She changes it herself: the page she changed it from stays signed in, the other one not.
  await mila.getByRole('button', { name: 'My account' }).click();
  await mila.getByLabel('Current password').fill('a reset passphrase');
  await mila.getByLabel('New password').fill('her own new passphrase');
  await mila.getByRole('button', { name: 'Change password' }).click();
  await expect(mila.locator('.form-notice', { hasText: 'Password changed' })).toBeVisible();
  await mila.reload();
  await expect(mila.locator('.admin-who')).toHaveText('mila · moderator: comments');

  // A second factor: turned on with a code from the app, then asked for at sign-in.
  await mila.getByRole('button', { name: 'My account' }).click();
  await mila.getByRole('button', { name: 'Turn on' }).click();
  const secret = await mila.getByLabel('Secret').inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await mila.getByLabel('Code from your authenticator app').fill(totp(secret));
  await mila.getByRole('button', { name: 'Confirm' }).click();
  // Confirmed, the desk reads the account again and opens on its first view: wait for that,
  // or a click on "My account" in between is undone by it (seen under load).
  await expect(mila.getByRole('button', { name: 'Comments' })).toHaveAttribute('aria-pressed', 'true');
  await mila.getByRole('button', { name: 'My account' }).click();
  await expect(mila.getByRole('button', { name: 'Turn off' })).toBeVisible();
  await mila.getByRole('button', { name: 'Sign out' }).click();
  await expect(mila.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await mila.getByLabel('Name', { exact: true }).fill('mila');
  await mila.getByLabel('Password', { exact: true }).fill('her own new passphrase');
  await mila.getByRole('button', { name: 'Sign in' }).click();
  await expect(mila.getByRole('alert')).toContainText('six-digit code');
  // The code used to confirm is spent: the app's next one (one step of drift is allowed).
  await mila.getByLabel('Code from your authenticator app').fill(totp(secret, 30000));
  await mila.getByRole('button', { name: 'Sign in' }).click();
  await expect(mila.locator('.admin-who')).toHaveText('mila · moderator: comments');
  await context.close();
  await admins.close();
});

test('an admin sees the open links in People and revokes one; its person can no longer join', async ({ browser }) => {
  const { admins, admin } = await chiefInPeople(browser);
  await admin.getByLabel('Role').first().selectOption('editor');
  await admin.getByRole('button', { name: 'Make an invitation link' }).click();
  const link = await admin.locator('.admin-invitation input').inputValue();

  const open = admin.locator('.admin-links tbody tr', { hasText: 'invitation' });
  await expect(open).toHaveCount(1);
  await expect(open).toContainText('editor: articles and comments');
  await expect(open).toContainText(EDITOR.username);
  await noViolations(admin);
  await open.getByRole('button', { name: 'Revoke' }).click();
  await expect(open).toHaveCount(0);

  const context = await browser.newContext();
  const late = await context.newPage();
  await late.goto(link);
  await late.getByLabel('Name', { exact: true }).fill('oleg');
  await late.getByLabel('New password').fill('an editor passphrase');
  await late.getByRole('button', { name: 'Join' }).click();
  await expect(late.getByRole('alert').first()).toContainText('used already or has expired');

  // The audit says who revoked what.
  await admin.getByRole('button', { name: 'Audit' }).click();
  const first = admin.locator('.admin-audit tbody tr').first();
  await expect(first).toContainText('revoked an invitation for a');
  await context.close();
  await admins.close();
});
