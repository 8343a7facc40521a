// Starts the app: trunk's loader, with four additions (a file of its own, minified by
// scripts/minify.mjs; they cost the reader's wasm and pwa.js nothing). The page names the
// app's two files on this script's element (`pattern_script` in Trunk.toml): `data-js`, the
// JS glue, and `data-wasm`. On a page the server rendered (it carries its answers, `#carried`):
// - The page is complete without the app, so the app starts only on the reader's intent toward
//   something only it does: a focus (a field, a link or a button, by tap or Tab) or a click on
//   one of its controls; or at once when the page's dates were written for another UTC offset
//   than the reader's (a first visit; pwa.js knows). A key (arrows, Space, Shift to select),
//   a click on text, a selection or find-in-page starts nothing: a reader who only reads never
//   pays for the app (issue 31).
//   Starting costs the main thread about 170 ms here (the wasm's bytes handed to V8, its
//   functions compiled one by one as they are first called, the mount, the swap's layout: four
//   times that on Lighthouse's phone), which was all of the page's Total Blocking Time
//   (decision 0010). Not even the wasm's download is begun before: handing its bytes to V8
//   took up to 27 ms of the main thread in one task.
// - The capitals' clocks tick without it: at each minute this sets them from the offsets each
//   carries (the app reads the same, src/time.rs). Their day mark (+1, −1) is the app's, in the
//   reader's words, so a capital passing midnight away from the reader's day starts it.
// - The app draws into a hidden, empty copy of the page's root, a task after it is instantiated
//   (src/main.rs) and each carried answer in a task of its own (`load::in_a_task_of_its_own`),
//   and the copy replaces the server's markup in one step once nothing in it is loading (no
//   `aria-busy`; at most 2 s) and no pointer is pressed (a tap's click lands on what it
//   started on): the reader never sees it half drawn.
// - What the reader typed or picked in the page's fields, the focus, a selection and an opened
//   `<details>` stay: read just before the swap, put back just after (a field's value with a
//   `change` event, so the page's own scripts, such as the widget builder's, see it; the focus,
//   the selection's ends and the details found in the copy where they were, and left alone if
//   the copy differs there). What only the server draws (`data-kept`) is moved over as it is.
//   While the reader types in a field, the start waits for a pause (below).
//   A button of the app pressed before the swap is pressed again
//   after it (the theme's is pwa.js's and works without the app). Then the carried answers go
//   too: the app has read them, and a page without them is the app's (the end-to-end specs
//   wait for that).
const carried = document.getElementById('carried');
const files = document.querySelector('script[data-wasm][data-js]').dataset;
const source = files.wasm;
let shown, drawn, pressed = false, again, keyed = -1e9;
// A reader typing in a field holds the start's work on the main thread (the instantiation,
// the first drawing, the swap) until they pause for 700 ms: typing into the comment box as the
// first act met the start's tasks (up to 99 ms at 4x) between two keys, and a key took 80-144
// ms to show; held, 48 ms (`make visit`, medians of 3). The wasm's download and compilation go
// on meanwhile, off the main thread, and the page's own form works without the app.
const paused = async () => {
  for (let left; (left = keyed + 700 - performance.now()) > 0;) await new Promise((later) => setTimeout(later, left));
};
// An element found again in the app's copy by where it is, its index among its parent's
// elements from the root down (the copy is drawn from the same components), and told to be
// the same one by what it shows.
const path = (node) => {
  const p = [];
  for (let e = node; e !== shown; e = e.parentElement) p.unshift([...e.parentElement.children].indexOf(e));
  return p;
};
const at = (p) => p.reduce((e, i) => e?.children[i], drawn);
const shows = (element) => element.tagName + element.textContent;
if (carried) {
  shown = document.getElementById('app');
  const needed = new Promise((start) => {
    // Only a control's focus: `<main>` (the skip link's target) takes focus from any click in it.
    const controls = 'a[href], button, input, select, textarea, label, summary';
    addEventListener('focusin', (event) => { if (event.target.matches?.(controls)) start(); }, true);
    addEventListener('click', (event) => { if (event.target.closest?.(controls)) start(); }, true);
    if (window.infoshos?.datesForAnotherOffset) start();
    // Each clock carries its capital's UTC offsets for the days ahead (`data-offsets`, from the
    // server's tz database: from, until, minutes east), so a minute's tick is arithmetic. With
    // `Intl` the first tick paid ICU's setup, a task of 60-150 ms on a phone.
    const hhmm = (minutes) => [Math.floor(minutes / 60), minutes % 60].map((n) => String(n).padStart(2, '0')).join(':');
    const tick = () => setTimeout(() => {
      if (!shown.isConnected) return;
      const now = Date.now();
      const minute = (east) => Math.floor(now / 60000) + east;
      const here = Math.floor(minute(-new Date(now).getTimezoneOffset()) / 1440);
      for (const clock of shown.querySelectorAll('.clock[data-offsets]:not([data-offsets=""])')) {
        const spans = clock.dataset.offsets.split(' ').map(Number);
        let east;
        for (let i = 0; i < spans.length; i += 3) if (spans[i] * 1000 <= now && now < spans[i + 1] * 1000) east = spans[i + 2];
        // Past the days the page knows, the app reads the browser's own zones.
        if (east === undefined) { start(); continue; }
        const there = Math.floor(minute(east) / 1440);
        const mark = there > here ? '+1' : there < here ? '−1' : '';
        if (mark !== (clock.querySelector('.clock-day')?.textContent ?? '')) start();
        clock.querySelector('.clock-time').textContent = hhmm(((minute(east) % 1440) + 1440) % 1440);
      }
      tick();
    }, 60005 - (Date.now() % 60000));
    tick();
  });
  addEventListener('keydown', (event) => { if (event.target.matches?.('input, textarea')) keyed = performance.now(); }, true);
  addEventListener('pointerdown', () => { pressed = true; }, true);
  for (const type of ['pointerup', 'pointercancel']) addEventListener(type, () => setTimeout(() => { pressed = false; }), true);
  addEventListener('click', (event) => {
    const button = event.target.closest?.('button[type=button]:not(.theme-toggle)');
    if (!button || !shown.isConnected || !shown.contains(button)) return;
    again = [path(button), shows(button)];
    event.preventDefault();
    event.stopPropagation();
  }, true);
  await new Promise((painted) => {
    setTimeout(painted, 1000);
    new PerformanceObserver(painted).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await needed;
  drawn = shown.cloneNode(false);
  drawn.hidden = true;
  shown.removeAttribute('id');
  shown.after(drawn);
}
const { default: init } = await import(files.js);
const module = await WebAssembly.compileStreaming(fetch(source)).catch(() => source);
await paused();
const w = await init({ module_or_path: module });
if (drawn) {
  const until = performance.now() + 2000;
  while ((pressed || !drawn.firstChild || drawn.querySelector('[aria-busy="true"]')) && performance.now() < until) {
    await new Promise((later) => setTimeout(later));
  }
  await paused();
  const typed = [...shown.querySelectorAll('[id]:is(input, textarea, select):not([readonly])')].map((f) => [f.id, f.value]);
  const active = document.activeElement;
  const focused = shown.contains(active) && active !== shown && [active.id, path(active), shows(active)];
  // The reader's selection: each end as its element and the characters before it there.
  const selection = getSelection();
  const selected = selection.toString();
  const end = (node, offset) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    const range = document.createRange();
    range.setStart(element, 0);
    range.setEnd(node, offset);
    return [path(element), range.toString().length];
  };
  const place = ([p, chars]) => {
    const element = at(p);
    const walk = element && document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text; (text = walk?.nextNode()); chars -= text.length) if (chars <= text.length) return [text, chars];
  };
  const ends = selected && shown.contains(selection.anchorNode) && shown.contains(selection.focusNode) &&
    [end(selection.anchorNode, selection.anchorOffset), end(selection.focusNode, selection.focusOffset)];
  // A `<details>` the reader opened (its summary's click started the app) stays open.
  const opened = [...shown.querySelectorAll('details[open]')].map(path);
  // What only the server draws (the sections, "Most read": `data-kept`) moves into the
  // copy's empty element of the same id, as it is.
  for (const kept of shown.querySelectorAll('[data-kept]')) drawn.querySelector('#' + kept.id)?.replaceWith(kept);
  shown.remove();
  drawn.hidden = false;
  for (const p of opened) {
    const details = at(p);
    if (details?.tagName === 'DETAILS') details.open = true;
  }
  for (const [id, value] of typed) {
    const field = document.getElementById(id);
    if (!field || !value || field.value === value) continue;
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
  if (focused) {
    // A field by its id: the server's copy may hold text the app's does not.
    const [id, where, seen] = focused;
    const back = (id && document.getElementById(id)) || at(where);
    if (back && (id || shows(back) === seen)) back.focus({ preventScroll: true });
  }
  const [from, to] = ends ? ends.map(place) : [];
  if (from && to) {
    selection.setBaseAndExtent(...from, ...to);
    if (selection.toString() !== selected) selection.removeAllRanges();
  }
  const button = again && at(again[0]);
  if (button && shows(button) === again[1]) button.click();
  carried.remove();
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: w } }));
