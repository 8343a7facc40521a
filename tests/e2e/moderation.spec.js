// Premoderation end to end: a reader's comment waits (they alone see it, marked, also after a
// reload), an editor signs in at /admin by name, approves it, and every reader sees it.
// Then an editor corrects a published article (readers get the correction, cleaned), takes it
// off the portal and puts it back.
const { test, expect, waitingForApp } = require('./app-page');
const { serverAt, EDITOR, setUpEditors, signInThroughForm, pickStates, bodyAsHtml } = require('./server');

const server = serverAt({ offset: 7, env: { INFOSHOS_MODERATION: 'pre' } });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

test('post, wait for an editor, approve in /admin, visible to readers', async ({ browser }) => {
  const list = await (await fetch(`${server.base}/api/articles?limit=3`)).json();
  const article = `${server.base}/en/article/${list.items[2].slug}`;
  const text = `A question for the editors, ${Date.now()}.`;

  const author = waitingForApp(await browser.newPage());
  await author.goto(article);
  await author.getByLabel('Name').fill('Zarina');
  await author.locator('#comment-text').fill(text);
  await author.waitForTimeout(2100); // a person takes a moment; the form token says so
  await author.getByRole('button', { name: 'Send comment' }).click();
  await expect(author.locator('.form-notice')).toContainText('awaiting moderation');
  const mine = author.locator('.comment', { hasText: text });
  await expect(mine).toHaveCount(1);
  await expect(mine.locator('.comment-pending')).toContainText('only you see it');
  // Kept in this browser: after a reload the author still sees it, still marked.
  await author.reload();
  await expect(mine.locator('.comment-pending')).toContainText('only you see it');

  const reader = waitingForApp(await browser.newPage());
  await reader.goto(article);
  await expect(reader.locator('.article-body p').first()).toBeVisible();
  await expect(reader.locator('.comment', { hasText: text })).toHaveCount(0);

  await setUpEditors(server.base);
  const editor = await browser.newPage();
  await editor.goto(`${server.base}/admin`);
  await signInThroughForm(editor, { ...EDITOR, password: 'not the password' });
  await expect(editor.locator('.form-notice')).toContainText('Wrong name or password');
  // What was typed stays: only the password is typed again.
  await expect(editor.getByLabel('Name', { exact: true })).toHaveValue(EDITOR.username);
  await signInThroughForm(editor);
  const queued = editor.locator('.admin-comment', { hasText: text });
  await expect(queued).toHaveCount(1);
  await queued.getByRole('button', { name: 'Approve' }).click();
  await expect(editor.locator('.form-notice')).toContainText('1 comments changed');
  await expect(queued).toHaveCount(0);

  await reader.reload();
  await expect(reader.locator('.comment', { hasText: text })).toHaveCount(1);
  await expect(reader.locator('.comment', { hasText: text }).locator('.comment-pending')).toHaveCount(0);

  // The author's copy is an ordinary comment now, and the browser keeps nothing for it.
  await author.reload();
  await expect(mine).toHaveCount(1);
  await expect(mine.locator('.comment-pending')).toHaveCount(0);
  await expect.poll(() => author.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('infoshos.mine.')))).toEqual([]);

  // The session cookie is the browser's alone: scripts can't read it.
  expect(await editor.evaluate(() => document.cookie)).not.toContain('infoshos_admin');
});

test('an editor corrects an article in /admin, takes it off the portal and puts it back', async ({ browser }) => {
  const list = await (await fetch(`${server.base}/api/articles?limit=5`)).json();
  const { slug, title } = list.items[4];
  const editor = await editorPage(browser);
  await editor.getByRole('button', { name: 'New article' }).click();
  await editor.getByLabel('Correct a published article, by its address:').fill(slug);
  await editor.getByRole('button', { name: 'Open' }).click();
  await expect(editor.locator('h2')).toHaveText(`Correcting ${slug}`);
  await expect(editor.getByLabel('Headline')).toHaveValue(title);
  await expect(editor.getByLabel('Address (optional)')).toHaveJSProperty('readOnly', true);
  await editor.getByLabel('Headline').fill(`${title} (corrected)`);
  const body = await bodyAsHtml(editor);
  await body.fill(`${await body.inputValue()}<p>Correction: <strong>the date</strong> was wrong.</p><img src=x onerror=alert(1)>`);
  await editor.getByRole('button', { name: 'Save the correction' }).click();
  await expect(editor.locator('.admin-publish .form-notice')).toContainText('Corrected');

  // What the correction replaced is kept, and listed in the desk.
  const versions = editor.locator('.admin-versions');
  await versions.locator('summary').click();
  await expect(versions.locator('li')).toHaveCount(1);
  await expect(versions.locator('li strong')).toHaveText(title);

  const reader = waitingForApp(await browser.newPage());
  await reader.goto(`${server.base}/en/article/${slug}`);
  await expect(reader.locator('h1.article-title')).toHaveText(`${title} (corrected)`);
  await expect(reader.locator('.article-meta')).toContainText('corrected on');
  await expect(reader.locator('.article-body strong')).toHaveText('the date');
  await expect(reader.locator('.article-body img')).toHaveCount(0);

  // Taken off the portal: readers get "not found"; put back, the article is there again.
  await editor.getByRole('button', { name: 'Take off the portal' }).click();
  await expect(editor.locator('.admin-visibility')).toContainText("readers don't see it");
  await reader.reload();
  await expect(reader.locator('.not-found')).toBeVisible();
  await editor.getByRole('button', { name: 'Put back on the portal' }).click();
  await expect(editor.locator('.admin-visibility')).toContainText('Readers see this article');
  await reader.reload();
  await expect(reader.locator('h1.article-title')).toHaveText(`${title} (corrected)`);

  await editor.getByRole('button', { name: 'Audit' }).click();
  const actions = editor.locator('.admin-audit tbody tr td:nth-child(3)');
  await expect(actions.first()).toHaveText('put back on the portal');
  await expect(actions.nth(1)).toHaveText('took off the portal');
  await expect(actions.nth(2)).toHaveText('corrected');

  // Narrowed to this article's corrections.
  await editor.getByLabel('What').selectOption({ label: 'corrected' });
  await editor.getByLabel('Article address').fill(slug);
  await editor.getByRole('button', { name: 'Show' }).click();
  await expect(actions).toHaveCount(1);
  await expect(actions.first()).toHaveText('corrected');
  await expect(editor.locator('.admin-audit tbody tr td:nth-child(4)')).toHaveText(slug);
});

/**
 * A page of `/admin`, signed in. Sign-ins are paced per client (5, then 1 a minute), so the
 * session is made once and each test gets a new browser context carrying its cookie.
 */
let signedIn;
async function editorPage(browser) {
  if (!signedIn) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await setUpEditors(server.base);
    await page.goto(`${server.base}/admin`);
    await signInThroughForm(page);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    signedIn = await context.storageState();
    await context.close();
  }
  const context = await browser.newContext({ storageState: signedIn });
  const page = await context.newPage();
  await page.goto(`${server.base}/admin`);
  return page;
}

test('editors find an article in the list by edition and words, and open it into the desk', async ({ browser }) => {
  const ru = await (await fetch(`${server.base}/api/articles?lang=ru&limit=3`)).json();
  const { slug, title } = ru.items[2];
  const editor = await editorPage(browser);
  await editor.getByRole('button', { name: 'Articles' }).click();
  const shown = editor.locator('.admin-shown');
  await expect(shown).toContainText(/^\d+ of \d+ articles, newest first$/);
  const rows = editor.locator('.admin-articles tbody tr');

  // One edition: every row is in it, and the count says how many there are.
  await editor.getByLabel('Edition').selectOption('ru');
  await editor.getByRole('button', { name: 'Show' }).click();
  await expect(rows.first().locator('td').nth(1)).toHaveText('ru');
  for (const edition of await rows.locator('td:nth-child(2)').allTextContents()) expect(edition).toBe('ru');

  // Words of its address: that one article; Open brings it into the desk.
  await editor.getByLabel('Words of the title or address').fill(slug);
  await editor.getByRole('button', { name: 'Show' }).click();
  await expect(shown).toHaveText('1 of 1 articles, newest first');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(title);
  await rows.first().getByRole('button', { name: 'Open' }).click();
  await expect(editor.locator('h2')).toHaveText(`Correcting ${slug}`);
  await expect(editor.getByLabel('Headline')).toHaveValue(title);
});

test('a new article is kept in the browser as it is written: a reload brings it back, publishing forgets it', async ({ browser }) => {
  const editor = await editorPage(browser);
  await editor.getByRole('button', { name: 'New article' }).click();
  const headline = 'Ferry timetable across the Caspian agreed for the spring';
  await editor.getByLabel('Headline').fill(headline);
  await editor.getByLabel('Lead').fill('Three ports publish one timetable from March.');
  await editor.getByLabel('Edition').selectOption('ru');
  await (await bodyAsHtml(editor)).fill('<p>The ports of Aktau, Baku and Turkmenbashi agreed on it.</p>');

  // The tab is closed and opened again (a reload): nothing is lost, and the desk says why.
  await editor.reload();
  await editor.getByRole('button', { name: 'New article' }).click();
  await expect(editor.getByLabel('Headline')).toHaveValue(headline);
  // Brought back into the writing surface.
  await expect(editor.locator('#article-body-surface')).toContainText('Turkmenbashi');
  await expect(editor.getByLabel('Edition')).toHaveValue('ru');
  await expect(editor.locator('.admin-publish .form-notice')).toContainText('brought back');

  // Published, it is no longer kept: the next new article starts empty.
  await pickStates(editor, ['Kazakhstan', 'Azerbaijan']);
  await editor.getByLabel('Section', { exact: true }).selectOption('politics');
  await editor.getByRole('button', { name: 'Publish' }).click();
  await expect(editor.locator('.admin-publish .form-notice')).toContainText('Published');
  await editor.reload();
  await editor.getByRole('button', { name: 'New article' }).click();
  await expect(editor.getByLabel('Headline')).toHaveValue('');
  await expect(editor.locator('.admin-publish .form-notice')).toBeEmpty();
});

test('a preview shows the draft as readers will get it, cleaned, and publishes nothing', async ({ browser }) => {
  const editor = await editorPage(browser);
  let dialogs = 0;
  editor.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await editor.getByRole('button', { name: 'New article' }).click();
  const headline = 'Youth orchestra of the SCO tours five capitals';
  await editor.getByLabel('Headline').fill(headline);
  await editor.getByLabel('Lead').fill('Sixty musicians, five concerts, one programme.');
  await pickStates(editor, ['Kazakhstan']);
  await editor.getByLabel('Section', { exact: true }).selectOption('politics');
  await (await bodyAsHtml(editor)).fill('<p>The tour opens in <strong>Astana</strong>.</p><img src=x onerror=alert(1)><script>alert(2)</script>');
  await editor.getByRole('button', { name: 'Preview' }).click();
  const preview = editor.locator('.admin-preview');
  await expect(preview.locator('h1.article-title')).toHaveText(headline);
  await expect(preview.locator('.article-body strong')).toHaveText('Astana');
  await expect(preview.locator('.article-body img, .article-body script')).toHaveCount(0);
  expect(dialogs).toBe(0);
  const feed = await (await fetch(`${server.base}/api/articles?limit=50`)).json();
  expect(feed.items.map((a) => a.title)).not.toContain(headline);
});
