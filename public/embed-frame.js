// Inside an Infoshos widget frame: tells the partner's page (embed.js) how tall the widget
// is, now and whenever it changes, so the frame never scrolls or leaves a gap. Only a number
// is sent, so any page may hear it.
'use strict';
(() => {
  if (window.parent === window) return;
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'infoshos:height', height }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  // Chromium pauses rendering, and with it ResizeObserver, in cross-origin frames that are
  // out of view: a widget further down a partner's page would keep its first height. DOM
  // changes are still observed there, and measuring forces the layout they need.
  new MutationObserver(report).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  addEventListener('load', report);
})();
