// Replies (issue 32): a reader answers a comment; the answer is listed under it, saying whom it
// answers. With JavaScript, "Reply" fills the form's reply line in place (public/pwa.js), before
// the app has started and after; without it, the link loads the form answering that comment.
const { test, expect } = require('@playwright/test');
const { serverAt } = require('./server');

// Readers here write several comments a minute: the pace has tests of its own.
const server = serverAt({ offset: 19, env: { INFOSHOS_COMMENTS_PER_MINUTE: '60', INFOSHOS_COMMENT_BURST: '20' } });
test.use({ baseURL: server.base });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

// An article of the demo content with one published comment, Li Wei's.
const ARTICLE = '/en/article/rates-table-explained';

/** The form's reply line. While the app takes the page over (the focus in the form starts it)
 * its copy, out of sight, has an empty line of its own until the server's is moved into it. */
const replyLine = (page) => page.locator('#replying').first();

/** The comments' names in the order the page lists them, a reply marked with "↳". */
async function thread(page) {
  return page.locator('.comment').evaluateAll((items) =>
    items.map((li) => (li.classList.contains('reply') ? '↳ ' : '') + li.querySelector('.comment-name').textContent));
}

/** Writes a comment (the form's reply line already set or not) and sends it. */
async function send(page, name, text) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Comment', { exact: true }).fill(text);
  // A person takes a moment to write; the server refuses forms sent within 2 s of loading.
  await page.waitForTimeout(2100);
  await page.getByRole('button', { name: 'Send comment' }).click();
}

test('the demo content shows a reply under the comment it answers', async ({ page }) => {
  await page.goto('/en/article/bishkek-summit-2026-declaration');
  await expect.poll(() => thread(page)).toEqual(['Aizada', 'Rahul', '↳ Aizada']);
  await expect(page.locator('.comment.reply .comment-meta')).toContainText('in reply to Rahul');
});

test('Reply fills the form in place; the reply lands under the comment, the form is plain again', async ({ page }) => {
  await page.goto(ARTICLE);
  const line = replyLine(page);
  const li = page.locator('.comment', { hasText: 'Li Wei' }).first();
  await li.getByRole('link', { name: 'Reply' }).click();
  await expect(line).toHaveText('in reply to Li Wei · Cancel reply');
  await expect(page.getByLabel('Name')).toBeFocused();
  expect(new URL(page.url()).search, 'no page was loaded').toBe('');

  await line.getByRole('link', { name: 'Cancel reply' }).click();
  await expect(line).toBeEmpty();
  await expect(line).toBeHidden();

  await li.getByRole('link', { name: 'Reply' }).click();
  const text = `The column tripped me up as well. ${Date.now()}`;
  await send(page, 'Timur', text);
  await expect(page.locator('.form-notice')).toContainText('published');
  await expect(line).toBeEmpty();
  const reply = page.locator('.comment.reply', { hasText: text });
  await expect(reply.locator('.comment-meta')).toContainText('Timur · in reply to Li Wei');
  expect(await thread(page)).toEqual(['Li Wei', '↳ Timur']);

  await page.reload();
  expect(await thread(page)).toEqual(['Li Wei', '↳ Timur']);
});

test('a reply to a reply joins the same thread and names the reader it answers, in Russian too', async ({ page }) => {
  // A Russian article: a first comment, a reply to it, then a reply to that reply.
  await page.goto('/ru/article/astana-2017-indiya-i-pakistan');
  const sendRu = async (name, text) => {
    await page.getByLabel('Имя').fill(name);
    await page.getByLabel('Комментарий', { exact: true }).fill(text);
    await page.waitForTimeout(2100);
    await page.getByRole('button', { name: 'Отправить комментарий' }).click();
  };
  await sendRu('Арман', 'Первый комментарий к статье.');
  for (const [answered, name, text] of [['Арман', 'Бахыт', 'Ответ Арману.'], ['Бахыт', 'Вера', 'Ответ Бахыту.']]) {
    const comment = page.locator('.comment', { has: page.locator('.comment-name', { hasText: answered }) });
    await comment.getByRole('link', { name: 'Ответить' }).click();
    await expect(replyLine(page)).toHaveText(`ответ пользователю ${answered} · Отменить ответ`);
    await sendRu(name, text);
    await expect(page.locator('.comment.reply', { hasText: text }).locator('.comment-meta'))
      .toContainText(`${name} · ответ пользователю ${answered}`);
  }
  expect(await thread(page)).toEqual(['Арман', '↳ Бахыт', '↳ Вера']);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Reply loads the form answering the comment, and the reply lands under it', async ({ page }) => {
    await page.goto(ARTICLE);
    const before = await thread(page);
    await page.locator('.comment', { hasText: 'Li Wei' }).first().getByRole('link', { name: 'Reply' }).click();
    await expect(page).toHaveURL(/\?reply=\d+#comment-form$/);
    await expect(replyLine(page)).toHaveText('in reply to Li Wei · Cancel reply');
    const text = `Read without scripts and answered too. ${Date.now()}`;
    await send(page, 'Saltanat', text);
    await expect(page).toHaveURL(/\?comment=published#comment-form$/);
    await expect(page.locator('.comment.reply', { hasText: text }).locator('.comment-meta'))
      .toContainText('Saltanat · in reply to Li Wei');
    expect(await thread(page)).toEqual([...before, '↳ Saltanat']);
    await expect(replyLine(page)).toBeEmpty();
  });
});
