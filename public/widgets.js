// The widget builder on /{lang}/widgets (src/routes/widgets.rs draws the form): reads the
// form, writes the two-line embed code and points the preview at the widget. The widget
// checks the options itself and says in the preview what is wrong with them.
'use strict';
(() => {
  const form = document.getElementById('widget-picker');
  if (!form || form.dataset.ready) return;
  form.dataset.ready = 'yes';
  const code = document.getElementById('widget-code');
  const preview = document.getElementById('widget-preview');
  const copy = document.getElementById('widget-copy');
  const copied = document.getElementById('widget-copied');
  const lang = document.documentElement.lang || 'en';
  const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

  function update() {
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
    copied.textContent = '';
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  copy.addEventListener('click', () => {
    code.select();
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(code.value).then(
      () => { copied.textContent = copy.dataset.done; },
      () => {},
    );
  });
  update();
})();
