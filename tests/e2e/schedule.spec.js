// Scheduled publishing from the desk: an editor in Tashkent sets "Publish at" in her own time;
// the server files the article for that instant (UTC), readers see nothing of it yet, the list
// of articles shows it as scheduled, and opened again it shows the same local minute.
const { test, expect } = require('./app-page');
const { serverAt, setUpEditors, signInThroughForm, editorCookie, pickStates, bodyAsHtml } = require('./server');

const server = serverAt({ offset: 14 });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

test('an article scheduled in the editor\'s own time waits for that instant', async ({ browser }) => {
  await setUpEditors(server.base);
  const context = await browser.newContext({ timezoneId: 'Asia/Tashkent' });
  const editor = await context.newPage();
  await editor.goto(`${server.base}/admin`);
  await signInThroughForm(editor);
  await editor.getByRole('button', { name: 'New article' }).click();

  // Tomorrow at 10:00 in Tashkent (UTC+5, no daylight saving) is 05:00 UTC.
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  const slug = 'water-council-scheduled';
  await editor.getByLabel('Headline').fill('Water council meets in Tashkent');
  await editor.getByLabel('Lead').fill('The basin states agree an agenda.');
  await pickStates(editor, ['Uzbekistan', 'Kazakhstan']);
  await editor.getByLabel('Section', { exact: true }).selectOption('politics');
  await editor.getByLabel('Address (optional)').fill(slug);
  await (await bodyAsHtml(editor)).fill('<p>The council meets at ten.</p>');
  await editor.getByLabel('Publish at').fill(`${tomorrow}T10:00`);
  await editor.getByRole('button', { name: 'Publish' }).click();
  await expect(editor.locator('#article-form .form-notice')).toContainText('scheduled for');

  const cookie = await editorCookie(server.base);
  const opened = await (await fetch(`${server.base}/api/admin/articles/${slug}`, { headers: { cookie } })).json();
  expect(opened.scheduledFor).toBe(`${tomorrow}T05:00:00Z`);
  expect(opened.hidden).toBe(true);
  // Nowhere readers look.
  const feed = await (await fetch(`${server.base}/api/articles?lang=en&limit=50`)).json();
  expect(feed.items.map((a) => a.slug)).not.toContain(slug);
  expect((await fetch(`${server.base}/en/article/${slug}`)).status).toBe(404);

  // The list: scheduled, with its minute; opened again, the same local minute.
  await editor.getByRole('button', { name: 'Articles' }).click();
  await editor.getByLabel('Status').selectOption('scheduled');
  await editor.getByRole('button', { name: 'Show' }).click();
  const rows = editor.locator('.admin-articles tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('scheduled for');
  await rows.first().getByRole('button', { name: 'Open' }).click();
  await expect(editor.getByLabel('Publish at')).toHaveValue(`${tomorrow}T10:00`);
  await context.close();
});
