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
  addEventListener('load', report);
})();
