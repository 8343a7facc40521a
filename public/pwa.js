// Infoshos as an installed app, in plain JavaScript beside the wasm: the service worker, the
// install prompt, the update notice, the offline banner, new stories as they land and the
// saved articles. It costs the
// wasm nothing; the app calls it through one global, `window.infoshos`.
'use strict';
(() => {
  const root = document.documentElement;
  // ---- Status bar: offline banner, update notice and new stories (text only, never HTML).
  // Its words come from the server, in the page's language, as data attributes of the bar
  // (server/src/pages/status_bar.rs): no edition downloads another's. ----
  const bar = document.getElementById('pwa-status');
  const words = bar ? bar.dataset : {};

  const pad = (n) => String(n).padStart(2, '0');
  // The portal's own date forms (src/time.rs), in the reader's zone: dd.mm.yyyy HH:MM, and
  // yyyy年m月d日 HH:MM in the Chinese edition.
  const stamp = (ms) => {
    const d = new Date(ms);
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    if (root.lang === 'zh') return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
    return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${time}`;
  };

  let apiDown = false;
  let landed = 0;
  let copyAt = null;
  let waiting = null;

  /** A new element with these properties (text is set as text, never parsed). */
  const make = (tag, properties) => Object.assign(document.createElement(tag), properties);

  /** A line of the bar: `text`, and a button that does `act`. */
  function notice(className, text, label, act) {
    const button = make('button', { type: 'button', className: 'button', textContent: label, onclick: act });
    const p = make('p', { className });
    p.append(`${text} `, button);
    bar.append(p);
  }

  function render() {
    if (!bar) return;
    bar.replaceChildren();
    const offline = !navigator.onLine;
    if (offline || apiDown) {
      const textContent =
        (offline ? words.offline : words.unreachable) +
        (copyAt ? words.savedAt.replace('{when}', stamp(copyAt)) : '');
      bar.append(make('p', { className: 'offline-banner', textContent }));
    }
    if (waiting) notice('update-notice', words.update, words.reload, activateUpdate);
    // New stories are news of this page's feed: not shown once the app has moved elsewhere.
    if (landed && location.pathname === words.page) {
      const form = new Intl.PluralRules(root.lang).select(landed);
      const text = (words[`landed${form[0].toUpperCase()}${form.slice(1)}`] || words.landedOther).replace('#', landed);
      notice('live-news', text, words.show, () => location.reload());
    }
    bar.hidden = !bar.firstChild;
  }

  // ---- New stories as they land (issue 32): a feed page's stream, which the server names on
  // the bar. Open only while the page is seen; reopened after the last story it told of. ----
  if (words.stream && window.EventSource) {
    let source = null;
    let after = '';
    const follow = () => {
      if (document.hidden) {
        source?.close();
        source = null;
      } else if (!source) {
        source = new EventSource(words.stream + (after && `&after=${after}`));
        source.onmessage = (event) => {
          after = event.lastEventId;
          landed += Number(event.data);
          render();
        };
      }
    };
    document.addEventListener('visibilitychange', follow);
    // After the load, so the stream never competes with what the page needs first.
    if (document.readyState === 'complete') follow();
    else addEventListener('load', follow, { once: true });
  }

  addEventListener('online', () => {
    apiDown = false;
    copyAt = null;
    render();
  });
  addEventListener('offline', render);

  // ---- Install ----
  let prompt = null;
  const standalone = () =>
    matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
  root.dataset.install = standalone() ? 'standalone' : 'howto';
  addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    prompt = event;
    root.dataset.install = 'prompt';
  });
  addEventListener('appinstalled', () => {
    prompt = null;
    root.dataset.install = 'installed';
  });

  /** Offers installation. False when the browser offers none: the app shows its how-to. */
  function install() {
    if (!prompt) return false;
    const offered = prompt;
    prompt = null;
    offered.prompt();
    offered.userChoice.then((choice) => {
      root.dataset.install = choice.outcome === 'accepted' ? 'installed' : 'howto';
    });
    return true;
  }

  // ---- Saved articles and the offline outbox: in public/pwa-later.js, loaded on first use
  // (a comment waiting in the outbox loads it at once), so a reader pays for them only then. ----
  const later = () => import('/pwa-later.js');
  const outboxWaits = () => {
    try {
      return Boolean(localStorage.getItem('infoshos.outbox'));
    } catch (err) {
      return false;
    }
  };
  const flush = () => {
    if (outboxWaits()) later().then((m) => m.flush());
  };
  addEventListener('online', flush);
  addEventListener('load', flush);

  window.infoshos = {
    install,
    save: async (slug) => (await later()).save(slug),
    unsave: async (slug) => (await later()).unsave(slug),
    saved: async () => (await later()).saved(),
    sendLater: async (url, body) => (await later()).sendLater(url, body),
    version: null,
  };

  // ---- What the server needs to know of this reader ----
  // The reader's UTC offset, so the server writes the next page's dates in their time
  // (server/src/pages/text.rs reads it; UTC when the cookie is not there yet). When this page's
  // dates were written for another offset (a first visit, a journey), trunk's loader starts
  // the app at once to write them again (Trunk.toml).
  const offset = String(-new Date().getTimezoneOffset());
  const wrote = /(?:^|; )tz=(-?\d+)/.exec(document.cookie)?.[1] ?? '0';
  window.infoshos.datesForAnotherOffset = wrote !== offset;
  document.cookie = `tz=${offset};path=/;max-age=31536000;samesite=lax`;
  // Light or dark as the reader chose with the header's button (else as their system says),
  // kept in a cookie the server writes on <html> too (server/src/pages/text.rs), so a page
  // is painted right at once. (The edition a reader picks is kept by the server: the
  // switcher's links go through /edition/, server/src/pages/edition.rs.)
  const theme = /(?:^|; )theme=(dark|light)/.exec(document.cookie);
  if (theme) root.dataset.theme = theme[1];
  document.addEventListener('click', (event) => {
    if (!event.target.closest?.('.theme-toggle')) return;
    const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    root.dataset.theme = dark ? 'light' : 'dark';
    document.cookie = `theme=${root.dataset.theme};path=/;max-age=31536000;samesite=lax`;
  });

  // ---- Replies: a comment's "Reply" fills the comment form's reply line in place, as the
  // server draws it for `?reply=` (pwa-later.js `reply`, loaded on this first use); "Cancel
  // reply" empties it. The app (which the focus in the form starts) leaves the line as it is
  // (`data-kept`). A click meant for a new tab or window is the browser's. ----
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('.reply-link, .cancel-reply');
    const line = document.getElementById('replying');
    if (!link || !line || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    later().then((m) => m.reply(link, line, words));
  });

  // ---- The service worker. Never inside a widget or a frame. ----
  const framed = window.top !== window.self;
  if (!('serviceWorker' in navigator) || framed || location.pathname.startsWith('/embed/')) return;

  let reloading = false;
  function activateUpdate() {
    if (waiting) waiting.postMessage({ type: 'skip-waiting' });
  }
  function watch(worker) {
    worker.addEventListener('statechange', () => {
      // Installed while another version runs this page: it waits for the reader.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) {
        waiting = worker;
        render();
      }
    });
  }

  navigator.serviceWorker.addEventListener('message', (event) => {
    const data = event.data || {};
    if (data.type === 'api') {
      apiDown = !data.ok;
      copyAt = data.ok ? null : data.savedAt;
      render();
    } else if (data.type === 'version') {
      window.infoshos.version = data.version;
      root.dataset.version = data.version;
    }
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only a Reload the reader asked for reloads, and only once.
    if (!waiting || reloading) return;
    reloading = true;
    location.reload();
  });

  addEventListener('load', async () => {
    try {
      const registration = await navigator.serviceWorker.register('/sw.js', {
        scope: '/',
        updateViaCache: 'none',
      });
      if (registration.waiting && navigator.serviceWorker.controller) {
        waiting = registration.waiting;
        render();
      }
      if (registration.installing) watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      const controller = navigator.serviceWorker.controller;
      if (controller) controller.postMessage({ type: 'version' });
      // A reader who keeps the tab open still hears of new versions.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
    } catch (err) {
      console.warn('Infoshos: offline reading is not available here', err);
    }
  });
  render();
})();
