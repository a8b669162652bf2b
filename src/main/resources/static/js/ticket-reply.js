// The canned reply picker of a ticket: picking one puts its text into the reply box, where
// the operator can still edit it. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var picker = event.target;
    if (!picker.matches || !picker.matches('select[data-target]')) {
      return;
    }
    var option = picker.options[picker.selectedIndex];
    var body = option && option.getAttribute('data-body');
    var target = document.getElementById(picker.getAttribute('data-target'));
    if (body && target) {
      target.value = body;
      target.focus();
    }
  });
})();
