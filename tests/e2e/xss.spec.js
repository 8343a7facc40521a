// Reader and editor input never runs: known script-injection payloads, posted as comments and
// names (approved by an editor), and published as headlines and article bodies, are shown as
// the characters typed or cleaned to the allowed markup; nothing runs and nothing appears.
const { test, expect, appTookOver } = require('./app-page');
const { serverAt, editorCookie: cookieFor, setUpEditors, signInThroughForm, pickStates, bodyAsHtml } = require('./server');

// One client posts them all at once: the comment pace (tested on its own) is lifted here.
// Premoderation is on: the payloads reach readers only once an editor approves them.
const server = serverAt({
  offset: 6, env: { INFOSHOS_COMMENT_BURST: '1000', INFOSHOS_MODERATION: 'pre' },
});
test.beforeAll(async () => server.start());
test.afterAll(async () => server.stop());

/** Signs in as an editor through the API; returns the session cookie for the next calls. */
async function editorCookie() {
  return cookieFor(server.base);
}

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//xss.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(document.cookie)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="jAvAsCrIpT:alert(1)">x</a>',
  '<math><mtext><img src=x onerror=alert(1)></mtext></math>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<select autofocus onfocus=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href=javascript:alert(1)>',
  '<style>@import "javascript:alert(1)";</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<base href="javascript:alert(1)//">',
  '<img src=x:alert(1) onerror=eval(src)>',
  '<img """><script>alert(1)</script>">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '<!--<script>alert(1)//--></script>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '<img src=1 onerror=\u0061lert(1)>',
  '<x onmouseover=alert(1)>hover</x>',
  '<table background="javascript:alert(1)"></table>',
  '<isindex action=javascript:alert(1) type=image>',
  '<keygen autofocus onfocus=alert(1)>',
  '<textarea autofocus onfocus=alert(1)>x</textarea>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
];

test(`${PAYLOADS.length} injection payloads as comments and names, approved, stay text`, async ({ page }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  const list = await (await fetch(`${server.base}/api/articles?limit=1`)).json();
  const slug = list.items[0].slug;
  const before = (await (await fetch(`${server.base}/api/articles/${slug}/comments`)).json()).length;
  // The form token comes with the article, and is good from 2 s after it was issued.
  const { formToken } = await (await fetch(`${server.base}/api/articles/${slug}`)).json();
  await new Promise((r) => setTimeout(r, 2100));
  const ids = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const name = payload.slice(0, 80);
    const answer = await fetch(`${server.base}/api/articles/${slug}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, text: `${payload} #${i}`, token: formToken }),
    });
    expect(answer.status, payload).toBe(201);
    ids.push((await answer.json()).id);
  }
  const approved = await fetch(`${server.base}/api/admin/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await editorCookie() },
    body: JSON.stringify({ ids, action: 'approve' }),
  });
  expect((await approved.json()).changed).toBe(PAYLOADS.length);

  const problems = [];
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${server.base}/en/article/${slug}`);
  const comments = page.locator('.comment');
  await expect(comments).toHaveCount(before + PAYLOADS.length, { timeout: 15_000 });
  // Every payload is there as the characters typed…
  const texts = await page.locator('.comment-text').allTextContents();
  const names = await page.locator('.comment-name').allTextContents();
  for (const [i, payload] of PAYLOADS.entries()) {
    expect(texts).toContain(`${payload} #${i}`);
    expect(names).toContain(payload.slice(0, 80).trim());
  }
  // …and nothing of it became markup.
  const injected = await page.locator('.comments').evaluate((section) =>
    section.querySelectorAll('script, img, svg, iframe, object, embed, video, audio, math, details, marquee, style, link, meta, base, x, table, template, a[href^="javascript" i], [onerror], [onload], [onfocus]').length);
  expect(injected).toBe(0);
  await page.waitForTimeout(500);
  expect(problems).toEqual([]);
});

const INJECTED = 'script, img, svg, iframe, object, embed, video, audio, math, details, marquee, style, link, meta, base, x, table, template, form, input, a[href^="javascript" i], [onerror], [onload], [onfocus], [style]';

test('the payloads as headlines stay text in the feed widget, and an article body keeps only allowed markup', async ({ page }) => {
  const cookie = await editorCookie();
  // Three states, at most 20 payload headlines each: each feed widget shows its newest 20.
  const states = ['KZ', 'UZ', 'KG'];
  for (const [i, payload] of PAYLOADS.entries()) {
    const answer = await fetch(`${server.base}/api/admin/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        slug: `payload-${i}`, title: payload, summary: `Lead ${i}`,
        body: `<p>Body ${i}</p>${payload}`, countries: [states[i % 3]], section: 'politics',
      }),
    });
    expect(answer.status, payload).toBe(201);
  }

  const problems = [];
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  for (const [s, state] of states.entries()) {
    await page.goto(`${server.base}/embed/feed?country=${state}&limit=20`);
    const mine = PAYLOADS.filter((_, i) => i % 3 === s);
    const rows = page.locator('.widget-feed a');
    await expect(rows.first()).toBeVisible();
    const titles = await rows.allTextContents();
    for (const payload of mine) expect(titles, state).toContain(payload.trim());
    expect(await page.locator('.widget').evaluate((w, sel) => w.querySelectorAll(sel).length, INJECTED)).toBe(0);
  }

  // The editors' form: every payload in one body, beside markup an editor really uses.
  await setUpEditors(server.base);
  await page.goto(`${server.base}/admin`);
  await signInThroughForm(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('<img src=x onerror=alert(1)> Every payload at once');
  await page.getByLabel('Lead').fill('What survives the cleaning.');
  await pickStates(page, ['Kazakhstan', 'Uzbekistan']);
  await page.getByLabel('Section', { exact: true }).selectOption('politics');
  await page.getByLabel('Address (optional)').fill('every-payload');
  await (await bodyAsHtml(page)).fill(
    `<h2>Kept</h2><p><em>emphasis</em> and <a href="https://example.org/report">a link</a></p>${PAYLOADS.join('\n')}`);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.admin-publish .form-notice')).toContainText('Published');
  await expect(page.locator('.admin-published .article-body em')).toHaveText('emphasis');

  await page.getByRole('link', { name: '/en/article/every-payload' }).click();
  await expect(page).toHaveURL(/\/en\/article\/every-payload$/);
  await appTookOver(page);
  const body = page.locator('.article-body');
  await expect(body.locator('h2')).toHaveText('Kept');
  await expect(body.locator('a[href="https://example.org/report"]')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.locator('h1.article-title')).toHaveText('<img src=x onerror=alert(1)> Every payload at once');
  expect(await body.evaluate((b, sel) => b.querySelectorAll(sel).length, INJECTED)).toBe(0);
  expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
  await page.waitForTimeout(500);
  expect(problems).toEqual([]);
});
