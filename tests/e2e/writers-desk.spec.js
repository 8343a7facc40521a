// The writers' desk without codes (issue 33): states picked from a checklist of names and flags
// (members first, then partners, found by typing), editions by their names, and the headline
// and lead counted against where search results cut them.
const { test, expect } = require('./app-page');
const { serverAt, setUpEditors, signInThroughForm, pickStates, bodyAsHtml } = require('./server');

const server = serverAt({ offset: 20 });
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

/** Signs in and opens the article at `slug` into the desk for a correction. */
async function openForCorrection(page, slug) {
  await setUpEditors(server.base);
  await page.goto(`${server.base}/admin`);
  await signInThroughForm(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Correct a published article, by its address:').fill(slug);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
}

test('an editor picks states and the edition by name and sees the headline and lead counted', async ({ page }) => {
  await setUpEditors(server.base);
  await page.goto(`${server.base}/admin`);
  await signInThroughForm(page);
  await page.getByRole('button', { name: 'New article' }).click();

  const editions = await page.getByLabel('Edition').locator('option').allTextContents();
  expect(editions).toEqual(['English', 'Русский', '中文']);

  const states = page.getByRole('group', { name: 'States concerned' });
  const names = () => states.locator('li:visible label').allTextContents();
  await expect(states.locator('li')).toHaveCount(27);
  const all = (await names()).map((n) => n.trim());
  // Members first (ten), then partners; each with its flag.
  expect(all.indexOf('Kazakhstan')).toBeLessThan(10);
  expect(all.indexOf('Azerbaijan')).toBeGreaterThanOrEqual(10);
  await expect(states.getByLabel('Kazakhstan', { exact: true }).locator('xpath=..').locator('img.flag'))
    .toHaveAttribute('src', /kz/);

  const find = page.getByRole('searchbox', { name: 'Find a state' });
  await find.fill('uzb');
  expect((await names()).map((n) => n.trim())).toEqual(['Uzbekistan']);
  await find.fill('KZ');
  expect((await names()).map((n) => n.trim())).toEqual(['Kazakhstan']);
  await find.fill('');
  await expect(states.locator('li:visible')).toHaveCount(27);

  const headline = page.getByLabel('Headline');
  const count = page.locator('#article-title-count');
  await headline.fill('A headline long enough to be cut short in most search results');
  await expect(count).toHaveText('61 / 60');
  await expect(count).toHaveClass(/over/);
  const title = 'Tashkent and Astana open a night train';
  await headline.fill(title);
  await expect(count).toHaveText(`${title.length} / 60`);
  await expect(count).not.toHaveClass(/over/);
  await page.getByLabel('Lead').fill('The first train leaves on Friday.');
  await expect(page.locator('#article-summary-count')).toHaveText('33 / 160');

  // The address as readers will find it: made from the headline, then as typed, checked as
  // it is typed, and in the edition picked.
  const reads = page.locator('#article-slug-reads');
  await expect(reads).toHaveText(
    `Readers will find it at ${server.base}/en/article/tashkent-and-astana-open-a-night-train`);
  await page.getByLabel('Address (optional)').fill('Night Train!');
  await expect(reads).toContainText('Latin');
  await page.getByLabel('Address (optional)').fill('tashkent-astana-night-train');
  await page.getByLabel('Edition').selectOption('ru');
  await expect(reads).toHaveText(`Readers will find it at ${server.base}/ru/article/tashkent-astana-night-train`);
  await page.getByLabel('Edition').selectOption('en');
  await pickStates(page, ['Uzbekistan', 'Kazakhstan']);
  await page.getByLabel('Section', { exact: true }).selectOption('economy');
  await (await bodyAsHtml(page)).fill('<p>The journey takes nineteen hours.</p>');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('#article-form .form-notice')).toContainText('Published');
  const article = await (await fetch(`${server.base}/api/articles/tashkent-astana-night-train`)).json();
  expect([...article.countries].sort()).toEqual(['KZ', 'UZ']);
  // Published, the form is empty again: no state ticked.
  await expect(states.locator('input:checked')).toHaveCount(0);

  // Opened again for a correction, its states are ticked and its headline counted.
  await page.getByRole('button', { name: 'Articles' }).click();
  const row = page.locator('.admin-articles tbody tr', { hasText: title });
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(headline).toHaveValue(title);
  await expect(count).toHaveText(`${title.length} / 60`);
  await expect(states.getByLabel('Kazakhstan', { exact: true })).toBeChecked();
  await expect(states.getByLabel('Uzbekistan', { exact: true })).toBeChecked();
  await expect(states.locator('input:checked')).toHaveCount(2);
});

test('an editor writes the Russian edition of an article, and readers switch between the two', async ({ page }) => {
  // A demo story told in English only.
  await openForCorrection(page, 'chess-festival-tashkent-2025');
  await expect(page.getByLabel('Headline')).toHaveValue('Young chess players from twelve countries compete in Tashkent');
  await page.getByRole('button', { name: 'Write the Russian edition' }).click();

  // A new article in Russian, written from the English one shown above it; the section and
  // states carried over.
  await expect(page.locator('#article-form h2')).toHaveText('New article');
  await expect(page.getByLabel('Edition', { exact: true })).toHaveValue('ru');
  const source = page.getByRole('complementary', { name: /Written from this edition/ });
  await expect(source).toContainText('Young chess players from twelve countries compete in Tashkent');
  await expect(page.getByLabel('Headline')).toHaveValue('');
  await expect(page.getByLabel('Section', { exact: true })).toHaveValue('culture');
  const states = page.getByRole('group', { name: 'States concerned' });
  await expect(states.locator('input:checked')).toHaveCount(6);

  await page.getByLabel('Headline').fill('Юные шахматисты из двенадцати стран сыграли в Ташкенте');
  await page.getByLabel('Lead').fill('Фестиваль собрал юных игроков со всей организации.');
  await page.getByLabel('Address (optional)').fill('shakhmaty-tashkent-2025');
  await (await bodyAsHtml(page)).fill('<p>Турнир шёл девять дней.</p>');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('#article-form .form-notice')).toContainText('Published');
  await expect(source).toHaveCount(0);

  // A reader of the English article switches to Russian and lands on the new edition, and back.
  await page.goto(`${server.base}/en/article/chess-festival-tashkent-2025`);
  await page.locator('.lang-switch').getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/article\/shakhmaty-tashkent-2025$/);
  await expect(page.locator('h1')).toHaveText('Юные шахматисты из двенадцати стран сыграли в Ташкенте');
  await page.locator('.lang-switch').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/article\/chess-festival-tashkent-2025$/);

  // Back in the desk, the list grouped by story puts the two editions together and says which
  // edition the story lacks.
  await page.goto(`${server.base}/admin`);
  await page.getByRole('button', { name: 'Articles' }).click();
  await page.getByLabel('Group by story').check();
  // The list comes from the server after the click: read its order once it has come.
  const rows = page.locator('.admin-articles tbody tr');
  await expect.poll(async () => {
    const slugs = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.slug));
    const at = slugs.indexOf('shakhmaty-tashkent-2025');
    return at < 0 ? 'not listed yet' : slugs[at + 1];
  }).toBe('chess-festival-tashkent-2025');
  const english = page.locator('tr[data-slug="chess-festival-tashkent-2025"]');
  await expect(english).toHaveClass(/story-more/);
  await expect(english.locator('.admin-editions')).toHaveText('English, Русский · missing: 中文');

  // Opened, the English edition leads to the Russian one rather than offering to write it; its
  // correction flags the Russian edition, which then says so, in the desk and in the list.
  await english.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('button', { name: 'Open the Russian edition' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Write the Russian edition' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Write the Chinese edition' })).toBeVisible();
  await page.getByLabel('Headline').fill('Young chess players from twelve countries compete in Tashkent (corrected)');
  await page.getByLabel('Flag the other editions (Русский) as needing the same correction').check();
  await page.getByRole('button', { name: 'Save the correction' }).click();
  await expect(page.locator('#article-form .form-notice')).toContainText('The other editions are flagged.');
  await page.getByRole('button', { name: 'Open the Russian edition' }).click();
  await expect(page.locator('#article-form h2')).toHaveText('Correcting shakhmaty-tashkent-2025');
  const asked = page.getByRole('note');
  await expect(asked).toContainText('Another edition (English) was corrected on');
  await page.getByRole('button', { name: 'Articles' }).click();
  await expect(page.locator('tr[data-slug="shakhmaty-tashkent-2025"]')).toContainText('needs the same correction');
  await expect(page.locator('tr[data-slug="chess-festival-tashkent-2025"]')).not.toContainText('needs the same correction');
});

test('a draft of the Chinese edition, opened again from the list, still shows what it is written from', async ({ page }) => {
  await openForCorrection(page, 'chess-festival-tashkent-2025');
  await page.getByRole('button', { name: 'Write the Chinese edition' }).click();
  await page.getByLabel('Headline').fill('塔什干国际少年象棋节');
  await expect(page.locator('.admin-saved')).toContainText('Saved as a draft on the server');

  // Another browser of the same editor: the draft is in the list and opens with its source.
  const other = await page.context().browser().newContext();
  const desk = await other.newPage();
  await desk.goto(`${server.base}/admin`);
  await signInThroughForm(desk);
  await desk.getByRole('button', { name: 'Articles' }).click();
  const row = desk.locator('.admin-articles tbody tr', { hasText: '塔什干国际少年象棋节' });
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(desk.getByLabel('Headline')).toHaveValue('塔什干国际少年象棋节');
  const source = desk.getByRole('complementary', { name: /Written from this edition/ });
  await expect(source).toContainText('Young chess players from twelve countries compete in Tashkent');
  await expect(desk.locator('#article-story')).toHaveValue('chess-festival-tashkent-2025');
  await other.close();
});
