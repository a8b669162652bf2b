// The segment form's live count: whenever a filter field changes, asks
// /crm/segments/count for the number of matching customers and shows it. Without
// JavaScript the "Preview count" button does the same with a page load.
(function () {
  'use strict';
  var form = document.getElementById('segment-form');
  var output = document.getElementById('segment-count');
  if (!form || !output || !window.fetch) {
    return;
  }
  var url = form.getAttribute('data-count-url');
  var timer = null;
  var latest = 0;

  function refresh() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (key !== '_csrf' && key !== 'name' && typeof value === 'string') {
        params.append(key, value);
      }
    });
    var ticket = ++latest;
    output.classList.add('text-body-secondary');
    fetch(url + '?' + params.toString(), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (ticket !== latest || !body) {
          return;
        }
        output.textContent = body.problems ? body.problems.join(' ') : body.text;
        output.classList.toggle('text-danger', !!body.problems);
      })
      .catch(function () { /* the preview button still works */ })
      .then(function () {
        if (ticket === latest) {
          output.classList.remove('text-body-secondary');
        }
      });
  }

  function schedule(event) {
    if (event.target && event.target.name === 'name') {
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }

  form.addEventListener('change', schedule);
  form.addEventListener('input', schedule);
})();
