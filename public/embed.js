// Infoshos widgets for partner sites. Paste where a widget should appear:
//   <div data-infoshos-widget="feed" data-limit="5"></div>
//   <script async src="https://PORTAL/embed.js"></script>
// Kinds: feed (data-limit 1-20, data-country, data-lang), clocks (data-group members|partners
// |all), rates, article (data-slug); every kind takes data-theme light|dark.
// No dependencies; one global, InfoshosWidgets, with scan() for placeholders added later.
(function () {
  'use strict';
  if (window.InfoshosWidgets) {
    window.InfoshosWidgets.scan();
    return;
  }
  var script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  var portal = new URL(script.src, location.href).origin;
  var TITLES = {
    feed: 'Infoshos: latest news',
    clocks: 'Infoshos: time in the SCO capitals',
    rates: 'Infoshos: SCO currencies against the rouble',
    article: 'Infoshos article',
  };
  var OPTIONS = ['lang', 'limit', 'country', 'group', 'theme', 'slug'];
  var frames = [];

  function frameFor(el) {
    var kind = el.getAttribute('data-infoshos-widget') || '';
    var query = new URLSearchParams();
    OPTIONS.forEach(function (name) {
      var value = el.getAttribute('data-' + name);
      if (value !== null) query.set(name, value);
    });
    var frame = document.createElement('iframe');
    frame.src = portal + '/embed/' + encodeURIComponent(kind) + '?' + query.toString();
    frame.title = TITLES[kind] || 'Infoshos';
    frame.loading = 'lazy';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    frame.style.cssText = 'display:block;width:100%;height:200px;border:0;color-scheme:normal';
    return frame;
  }

  function scan() {
    var spots = document.querySelectorAll('[data-infoshos-widget]:not([data-infoshos-ready])');
    for (var i = 0; i < spots.length; i++) {
      var frame = frameFor(spots[i]);
      spots[i].setAttribute('data-infoshos-ready', '');
      spots[i].replaceChildren(frame);
      frames.push(frame);
    }
    // Frames pasted from an oEmbed answer follow their height too.
    var pasted = document.querySelectorAll('iframe[data-infoshos-frame]');
    for (var j = 0; j < pasted.length; j++) {
      if (frames.indexOf(pasted[j]) < 0 && pasted[j].src.indexOf(portal + '/embed/') === 0) frames.push(pasted[j]);
    }
  }

  // Only a height from one of our frames, sent from the portal, in the expected shape.
  window.addEventListener('message', function (event) {
    if (event.origin !== portal) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'infoshos:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > 20000) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });

  window.InfoshosWidgets = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
