// ShopOps page behaviour. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  // Forms and links with data-confirm ask before they act (destructive actions).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // Progress bars take their width from data-progress (inline styles are not allowed).
  function paintProgress(root) {
    (root || document).querySelectorAll('[data-progress]').forEach(function (bar) {
      var value = Math.max(0, Math.min(100, parseFloat(bar.getAttribute('data-progress')) || 0));
      bar.style.width = value + '%';
    });
  }
  document.addEventListener('DOMContentLoaded', function () { paintProgress(document); });
  document.addEventListener('htmx:afterSettle', function (event) { paintProgress(event.target); });
  window.ShopOps = { paintProgress: paintProgress };
})();
