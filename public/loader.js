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
// - The capitals' clocks tick without it: at each minute this sets them from the browser's own
//   zones (`Intl`, which the app reads too, src/time.rs). Their day mark (+1, −1) is the app's,
//   in the reader's words, so a capital passing midnight away from the reader's day starts it.
//   Starting costs the main thread about 170 ms here (the wasm's bytes handed to V8, its
//   functions compiled one by one as they are first called, the mount, the swap's layout: four
//   times that on Lighthouse's phone), which was all of the page's Total Blocking Time
//   (decision 0010). Not even the wasm's download is begun before: handing its bytes to V8
//   took up to 27 ms of the main thread in one task.
// - The app draws into a hidden, empty copy of the page's root, each carried answer in a task
//   of its own (`api::next_task`), and the copy replaces the server's markup in one step once
//   nothing in it is loading (no `aria-busy`; at most 2 s) and no pointer is pressed (a tap's
//   click lands on what it started on): the reader never sees it half drawn.
// - What the reader typed or picked in the page's fields, and the focus, stay: read just
//   before the swap, put back just after (with a `change` event, so the page's own scripts,
//   such as the widget builder's, see it). A button of the app pressed before the swap is
//   pressed again after it (the theme's is pwa.js's and works without the app). Then the
//   carried answers go too: the app has read them, and a page without them is the app's (the
//   end-to-end specs wait for that).
const carried = document.getElementById('carried');
const files = document.querySelector('script[data-wasm][data-js]').dataset;
const source = files.wasm;
let shown, drawn, pressed = false, again;
if (carried) {
  shown = document.getElementById('app');
  const needed = new Promise((start) => {
    // Only a control's focus: `<main>` (the skip link's target) takes focus from any click in it.
    const controls = 'a[href], button, input, select, textarea, label, summary';
    addEventListener('focusin', (event) => { if (event.target.matches?.(controls)) start(); }, true);
    addEventListener('click', (event) => { if (event.target.closest?.(controls)) start(); }, true);
    if (window.infoshos?.datesForAnotherOffset) start();
    const tick = () => setTimeout(() => {
      if (!shown.isConnected) return;
      const now = new Date();
      const day = (timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
      for (const clock of shown.querySelectorAll('.clock[data-zone]')) {
        const timeZone = clock.dataset.zone;
        try {
          const there = day(timeZone);
          const mark = there > day() ? '+1' : there < day() ? '−1' : '';
          if (mark !== (clock.querySelector('.clock-day')?.textContent ?? '')) start();
          clock.querySelector('.clock-time').textContent = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
        } catch {} // a zone this browser does not know keeps what the server wrote
      }
      tick();
    }, 60005 - (Date.now() % 60000));
    tick();
  });
  addEventListener('pointerdown', () => { pressed = true; }, true);
  for (const type of ['pointerup', 'pointercancel']) addEventListener(type, () => setTimeout(() => { pressed = false; }), true);
  addEventListener('click', (event) => {
    const button = event.target.closest?.('button[type=button]:not(.theme-toggle)');
    if (!button || !shown.isConnected || !shown.contains(button)) return;
    again = [[...shown.querySelectorAll('button')].indexOf(button), button.textContent];
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
const w = await init({ module_or_path: module });
if (drawn) {
  const until = performance.now() + 2000;
  while ((pressed || drawn.querySelector('[aria-busy="true"]')) && performance.now() < until) {
    await new Promise((later) => setTimeout(later));
  }
  const typed = [...shown.querySelectorAll('[id]:is(input, textarea, select):not([readonly])')].map((f) => [f.id, f.value]);
  const focused = shown.contains(document.activeElement) && document.activeElement.id;
  shown.remove();
  drawn.hidden = false;
  for (const [id, value] of typed) {
    const field = document.getElementById(id);
    if (!field || !value || field.value === value) continue;
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
  if (focused) document.getElementById(focused)?.focus();
  const button = again && drawn.querySelectorAll('button')[again[0]];
  if (button && button.textContent === again[1]) button.click();
  carried.remove();
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: w } }));
