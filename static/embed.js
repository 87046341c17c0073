// Resizes embedded Midlands Innovation workforce explorers to their content.
//
// Use with: <iframe src=".../?embed=1" data-mi-explorer ...></iframe>
//           <script src=".../embed.js" async></script>
//
// The explorer posts only its height. A message is accepted only from an explorer frame on this
// page, and only from that frame's own origin.
//
// The snippet carries no style attribute (a host page's `style-src 'self'` would block it): this
// script makes each frame borderless and full-width through the CSSOM, which that policy allows.
(function () {
  'use strict';
  if (window.__miExplorerEmbed) return;
  window.__miExplorerEmbed = true;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-mi-explorer]'));
  }

  function fit(frame) {
    frame.style.border = '0';
    frame.style.width = '100%';
  }

  function fitAll() {
    frames().forEach(fit);
  }

  fitAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fitAll);

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'mi-explorer:height' || typeof data.height !== 'number') return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch (e) {
        return;
      }
      if (event.origin !== origin) return;
      var height = Math.max(200, Math.min(Math.ceil(data.height), 20000));
      fit(frame);
      frame.style.height = height + 'px';
      return;
    }
  });
})();
