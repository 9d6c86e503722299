// Copy buttons: <button data-copy-from="input-id" data-status="status-id" data-copied="…" data-failed="…">.
// The status element (role=status) says whether it worked; without the clipboard API the text is selected instead.
(function () {
  'use strict';
  function say(button, key) {
    var status = document.getElementById(button.getAttribute('data-status'));
    if (status) {
      status.textContent = button.getAttribute(key) || '';
    }
  }
  document.querySelectorAll('button[data-copy-from]').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.getAttribute('data-copy-from'));
      if (!field) {
        return;
      }
      field.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(function () { say(button, 'data-copied'); },
          function () { say(button, 'data-failed'); });
      } else {
        say(button, 'data-failed');
      }
    });
  });
}());
