// The parts of Infoshos's offline support a reader needs only when they use them: the articles
// saved for offline reading and the outbox of comments written without a connection; and the
// comment form's reply line. Loaded by public/pwa.js on first use (its bridge,
// `window.infoshos`, and its Reply handler call these).

// The same name as in sw.js.
const SAVED_CACHE = 'infoshos-saved-2';

// ---- Saved for offline: the article and its comments, in a cache of their own ----
const articleUrl = (slug) => `/api/articles/${encodeURIComponent(slug)}`;
const savedCache = () =>
  self.caches ? caches.open(SAVED_CACHE) : Promise.reject(new Error('unsupported'));

// With the article goes the lead photo's variant this page shows (the size and format the
// browser picked here), which sw.js answers from this cache offline.
const photoOf = async (cache, slug) => {
  const response = await cache.match(articleUrl(slug));
  const article = response ? await response.json() : null;
  return article && article.photo ? article.photo.id : null;
};
export async function save(slug) {
  const cache = await savedCache();
  await cache.addAll([articleUrl(slug), `${articleUrl(slug)}/comments`]);
  const shown = document.querySelector('.lead-photo img');
  const id = await photoOf(cache, slug);
  if (shown && id && shown.currentSrc) {
    const variant = new URL(shown.currentSrc, location.href);
    if (variant.origin === location.origin && variant.pathname.startsWith(`/media/${id}-`)) {
      await cache.add(variant.pathname).catch(() => {});
    }
  }
}
export async function unsave(slug) {
  const cache = await savedCache();
  const id = await photoOf(cache, slug);
  await cache.delete(articleUrl(slug));
  await cache.delete(`${articleUrl(slug)}/comments`);
  if (!id) return;
  // The photo stays while another saved article leads with it.
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/api/articles/') && !path.endsWith('/comments') && (await photoOf(cache, decodeURIComponent(path.slice(14)))) === id) return;
  }
  for (const request of await cache.keys()) {
    if (new URL(request.url).pathname.startsWith(`/media/${id}-`)) await cache.delete(request);
  }
}
/** The saved articles, newest first. */
export async function saved() {
  const cache = await savedCache();
  const articles = [];
  for (const request of await cache.keys()) {
    if (request.url.endsWith('/comments') || request.url.includes('/media/')) continue;
    const response = await cache.match(request);
    if (response) articles.push(await response.json());
  }
  return articles.sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)));
}

// ---- Outbox: comments written offline, sent once the connection is back ----
// Kept in localStorage, so closing the tab loses nothing. Each body carries the key the
// server stores the comment under, so a send repeated after a lost answer stores it once.
const OUTBOX = 'infoshos.outbox';
const answers = new Map();
let flushing = false;
let retry = null;
const readOutbox = () => {
  try {
    return JSON.parse(localStorage.getItem(OUTBOX)) || [];
  } catch (err) {
    return [];
  }
};
const writeOutbox = (items) =>
  items.length ? localStorage.setItem(OUTBOX, JSON.stringify(items)) : localStorage.removeItem(OUTBOX);
const keyOf = (body) => {
  try {
    return JSON.parse(body).key || body;
  } catch (err) {
    return body;
  }
};

/** Keeps a POST of JSON and sends it when it can. Resolves with the server's Response. */
export function sendLater(url, body) {
  const key = keyOf(body);
  const items = readOutbox().filter((item) => item.key !== key);
  items.push({ url, body, key });
  writeOutbox(items); // throws when storage is full or blocked: the app says so
  const answer = new Promise((resolve) => answers.set(key, resolve));
  flush();
  return answer;
}

export async function flush() {
  if (flushing || !navigator.onLine) return;
  flushing = true;
  clearTimeout(retry);
  try {
    for (let item = readOutbox()[0]; item; item = readOutbox()[0]) {
      let response;
      try {
        response = await fetch(item.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: item.body,
        });
      } catch (err) {
        // Online, but the server is out of reach: try again in a while.
        retry = setTimeout(flush, 30000);
        break;
      }
      // Answered, well or not: it leaves the outbox, and the page that asked hears how.
      writeOutbox(readOutbox().filter((other) => other.key !== item.key));
      const resolve = answers.get(item.key);
      answers.delete(item.key);
      if (resolve) resolve(response);
    }
  } finally {
    flushing = false;
  }
}

// ---- The comment form's reply line, as the server draws it for `?reply=`
// (src/components/comment_post.rs `reply_line`): the words (from the status bar, in the page's
// language), the name answered, "Cancel reply" and the hidden field the form sends. Text only,
// never HTML. `link` is the Reply pressed, or "Cancel reply", which empties the line. ----
const make = (tag, properties) => Object.assign(document.createElement(tag), properties);
export function reply(link, line, words) {
  line.replaceChildren();
  if (link.className === 'cancel-reply') return;
  const comment = link.closest('.comment');
  line.append(
    `${words.inReplyTo} `,
    make('strong', { textContent: comment.querySelector('.comment-name').textContent }),
    ' · ',
    make('a', { className: 'cancel-reply', href: `${location.pathname}#comment-form`, textContent: words.cancelReply }),
    make('input', { type: 'hidden', name: 'replyTo', value: comment.dataset.id }),
  );
  // Focused, the form's first field scrolls into view below the line.
  document.getElementById('comment-name').focus();
}
