// LTI platform storage (postMessage): the login page puts the state into the platform's storage, then goes on to the
// platform's authorization endpoint; the launch page reads the state back and confirms the launch with it. The values
// come from the data-* attributes of #platform-storage (data-step "put" or "get").
(function () {
  'use strict';
  var el = document.getElementById('platform-storage');
  if (!el) {
    return;
  }
  var step = el.getAttribute('data-step'), state = el.getAttribute('data-state'),
      target = el.getAttribute('data-storage-target') || '_parent', origin = el.getAttribute('data-platform-origin');
  var frame = target === '_parent' ? window.parent : (window.parent.frames[target] || window.opener || window.parent);
  var id = 'bb-' + Math.random().toString(36).slice(2);

  if (step === 'put') {
    var next = el.getAttribute('data-next'), done = false;
    var go = function () {
      if (!done) {
        done = true;
        window.location.replace(next);
      }
    };
    window.addEventListener('message', function (e) {
      if (e.origin === origin && e.data && e.data.message_id === id) {
        go();
      }
    });
    frame.postMessage({ subject: 'lti.put_data', message_id: id, key: 'state-' + state, value: state }, origin);
    window.setTimeout(go, 2000); // no answer: the state cookie set with this page is the fallback
  }
  else {
    window.addEventListener('message', function (e) {
      if (e.origin !== origin || !e.data || e.data.message_id !== id) {
        return;
      }
      var form = document.getElementById('confirm');
      form.elements.state.value = e.data.value || '';
      form.submit();
    });
    frame.postMessage({ subject: 'lti.get_data', message_id: id, key: 'state-' + state }, origin);
    window.setTimeout(function () {
      el.textContent = 'The course page did not answer. Open the activity again, or in a new window.';
    }, 3000);
  }
})();
