// The widget builder on /{lang}/widgets (src/routes/widgets.rs draws the form): reads the
// form, writes the two-line embed code and points the preview at the widget. The widget
// checks the options itself and says in the preview what is wrong with them.
// The page's elements are looked up at each event, never kept: the server's copy of the page
// is on screen first, and the app's own copy replaces it when it takes over (the script runs
// once per copy; the second run finds it listening already).
'use strict';
(() => {
  if (window.infoshosWidgetBuilder) return;
  window.infoshosWidgetBuilder = true;
  const $ = (id) => document.getElementById(id);
  const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const inForm = (event) => event.target instanceof Element && event.target.closest('#widget-picker');

  function update() {
    const form = $('widget-picker');
    if (!form) return;
    const code = $('widget-code');
    const preview = $('widget-preview');
    const lang = document.documentElement.lang || 'en';
    const kind = form.elements.kind.value;
    form.dataset.kind = kind;
    // Every named field that applies to this widget, in the form's order (a field marked
    // only-<kind> applies to that one alone). The page draws the fields and their choices from
    // the model's rules, so no parameter or value is spelled here.
    const options = [];
    if (lang !== 'en') options.push(['lang', lang]);
    for (const field of form.querySelectorAll('[name]')) {
      if (field.name === 'kind' || !field.value) continue;
      const only = [...field.closest('.field').classList].find((c) => c.startsWith('only-'));
      if (only && only !== `only-${kind}`) continue;
      options.push([field.name, field.value]);
    }
    const attrs = options.map(([k, v]) => ` data-${k}="${attr(v)}"`).join('');
    code.value = `<div data-infoshos-widget="${kind}"${attrs}></div>\n` +
      `<script async src="${location.origin}/embed.js"></script>`;
    const src = `${location.origin}/embed/${kind}?${new URLSearchParams(options)}`;
    if (preview.getAttribute('src') !== src) preview.src = src;
    $('widget-copied').textContent = '';
  }

  document.addEventListener('input', (event) => inForm(event) && update());
  document.addEventListener('change', (event) => inForm(event) && update());
  document.addEventListener('submit', (event) => inForm(event) && event.preventDefault());
  document.addEventListener('click', (event) => {
    const copy = event.target instanceof Element && event.target.closest('#widget-copy');
    if (!copy) return;
    const code = $('widget-code');
    code.select();
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(code.value).then(
      () => { $('widget-copied').textContent = copy.dataset.done; },
      () => {},
    );
  });
  // The app's copy of the page, with what the partner picked carried over, is now the page.
  addEventListener('TrunkApplicationStarted', update);
  update();
})();
