/*
 * ShopOps traffic collection for the shop's own site. Paste on every page:
 *   <script src="https://YOUR-SHOPOPS/js/collect.js" data-key="pk_…" async></script>
 * It sends a page_view on load; call shopops.track('product_view', {sku: 'SKU-1'}),
 * shopops.track('add_to_cart', {sku: 'SKU-1'}) or shopops.track('checkout') for the others.
 * The visitor id is kept in localStorage, the session id (30 minutes idle) in sessionStorage.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.key) {
    return;
  }
  var key = script.dataset.key;
  var endpoint = new URL('/collect', script.src).href;
  var queue = [];
  var timer = null;

  function id() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  function stored(storage, name, maxIdleMs) {
    try {
      var now = Date.now();
      var entry = JSON.parse(storage.getItem(name) || 'null');
      if (!entry || (maxIdleMs && now - entry.at > maxIdleMs)) {
        entry = {id: id(), at: now};
      }
      entry.at = now;
      storage.setItem(name, JSON.stringify(entry));
      return entry.id;
    } catch (e) {
      return id();
    }
  }

  function flush() {
    timer = null;
    if (!queue.length) {
      return;
    }
    var body = JSON.stringify({key: key, events: queue.splice(0, 500)});
    // text/plain keeps the request "simple" (no preflight); the endpoint reads it as JSON
    var blob = new Blob([body], {type: 'text/plain'});
    if (!(navigator.sendBeacon && navigator.sendBeacon(endpoint, blob))) {
      fetch(endpoint, {method: 'POST', body: body, keepalive: true, mode: 'cors', credentials: 'omit',
        headers: {'Content-Type': 'text/plain'}}).catch(function () {});
    }
  }

  function track(type, details) {
    var params = new URLSearchParams(location.search);
    var event = {
      type: type,
      visitorId: stored(localStorage, 'shopops.visitor', 0),
      sessionId: stored(sessionStorage, 'shopops.session', 30 * 60 * 1000),
      url: location.href,
      referrer: document.referrer || null,
      utm: {
        source: params.get('utm_source'), medium: params.get('utm_medium'),
        campaign: params.get('utm_campaign'), content: params.get('utm_content')
      },
      contentCode: (details && details.contentCode) || params.get('code'),
      sku: (details && details.sku) || null,
      at: new Date().toISOString()
    };
    queue.push(event);
    if (!timer) {
      timer = setTimeout(flush, 1000);
    }
  }

  window.shopops = {track: track, flush: flush};
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      flush();
    }
  });
  track('page_view');
}());
