// Infoshos widgets for partner sites. Paste where a widget should appear:
//   <div data-infoshos-widget="feed" data-limit="5"></div>
//   <script async src="https://PORTAL/embed.js"></script>
// Kinds: feed (data-limit 1-20, data-country, data-section), clocks (data-group
// members|partners|all), rates, converter (data-from, data-to: currency codes), article
// (data-slug); every kind takes
// data-lang and data-theme light|dark. Every data-* attribute is passed on as it is: the widget
// checks them with the portal's rules and says in the frame what is wrong.
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
    converter: 'Infoshos: currency converter',
    article: 'Infoshos article',
  };
  var OWN = ['data-infoshos-widget', 'data-infoshos-ready'];
  var frames = [];

  function frameFor(el) {
    var kind = el.getAttribute('data-infoshos-widget') || '';
    var query = new URLSearchParams();
    for (var i = 0; i < el.attributes.length; i++) {
      var name = el.attributes[i].name;
      if (name.indexOf('data-') === 0 && OWN.indexOf(name) < 0) query.set(name.slice(5), el.attributes[i].value);
    }
    var frame = document.createElement('iframe');
    frame.src = portal + '/embed/' + encodeURIComponent(kind) + '?' + query.toString();
    frame.title = TITLES[kind] || 'Infoshos';
    frame.loading = 'lazy';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
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
