// Drafts kept on the server as they are written: an editor types a headline and a lead, the
// desk saves them on the server a moment later; in another browser the draft is in the list,
// opens into the desk, is finished there and published, and readers get it.
const { test, expect } = require('./app-page');
const { serverAt, setUpEditors, signInThroughForm, pickStates, bodyAsHtml } = require('./server');

const server = serverAt({ offset: 15 });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

async function desk(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.base}/admin`);
  await signInThroughForm(page);
  return { context, page };
}

test('a draft saved on the server opens in another browser and is published from there', async ({ browser }) => {
  await setUpEditors(server.base);
  const first = await desk(browser);
  await first.page.getByRole('button', { name: 'New article' }).click();
  const headline = 'Almaty hosts the youth games in August';
  await first.page.getByLabel('Headline').fill(headline);
  await first.page.getByLabel('Section', { exact: true }).selectOption('Culture and people');
  await first.page.getByLabel('Lead').fill('Eight states send their teams.');
  await expect(first.page.locator('.admin-saved')).toContainText('Saved as a draft on the server');
  // Typing on saves the same draft again, not a second one.
  const savedAgain = first.page.waitForResponse((r) =>
    r.request().method() === 'PUT' && /\/api\/admin\/drafts\/\d+$/.test(r.url()));
  await first.page.getByLabel('Lead').fill('Nine states send their teams.');
  expect((await savedAgain).status()).toBe(200);
  await first.context.close();

  const second = await desk(browser);
  await second.page.getByRole('button', { name: 'Articles' }).click();
  await second.page.getByLabel('Status').selectOption('draft');
  await second.page.getByRole('button', { name: 'Show' }).click();
  const rows = second.page.locator('.admin-articles tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(headline);
  await expect(rows.first()).toContainText('Draft');
  await rows.first().getByRole('button', { name: 'Open' }).click();
  await expect(second.page.getByLabel('Headline')).toHaveValue(headline);
  await expect(second.page.getByLabel('Lead')).toHaveValue('Nine states send their teams.');
  await expect(second.page.getByLabel('Address (optional)')).toHaveValue('');
  await expect(second.page.getByLabel('Section', { exact: true })).toHaveValue('culture');

  await pickStates(second.page, ['Kazakhstan']);
  await second.page.getByLabel('Address (optional)').fill('almaty-youth-games');
  await (await bodyAsHtml(second.page)).fill('<p>The games open on the first Saturday.</p>');
  await second.page.getByRole('button', { name: 'Publish' }).click();
  await expect(second.page.locator('#article-form .form-notice')).toContainText('Published');

  const feed = await (await fetch(`${server.base}/api/articles?lang=en&limit=1`)).json();
  expect(feed.items[0].slug).toBe('almaty-youth-games');
  expect(feed.items[0].title).toBe(headline);
  expect(feed.items[0].section).toBe('culture');
  // No draft is left behind.
  await second.page.getByRole('button', { name: 'Articles' }).click();
  await second.page.getByLabel('Status').selectOption('draft');
  await second.page.getByRole('button', { name: 'Show' }).click();
  await expect(second.page.locator('.admin-shown')).toHaveText('0 of 0 articles, newest first');
  await second.context.close();
});
