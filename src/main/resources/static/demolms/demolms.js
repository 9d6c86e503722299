// The demo LMS's page scripts (another site than the tool: nothing shared with static/js).
// - form[data-autosubmit]: sent at once (login initiation and id_token posts to the tool);
// - [data-back-to] (Deep Linking done, in the tool's frame): the whole window goes back to the course shortly after;
// - #registration (Dynamic Registration frame): closed when the tool posts org.imsglobal.lti.close.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-autosubmit]');
  for (var i = 0; i < forms.length; i++) {
    forms[i].submit();
  }
  var back = document.querySelector('[data-back-to]');
  if (back) {
    window.setTimeout(function () { window.top.location.href = back.getAttribute('data-back-to'); }, 800);
  }
  if (document.getElementById('registration')) {
    window.addEventListener('message', function (e) {
      if (e.data && e.data.subject === 'org.imsglobal.lti.close') {
        var frame = document.getElementById('registration');
        if (frame) {
          frame.remove();
        }
        document.getElementById('registration-status').textContent = 'Registration finished. Back to the course…';
        window.setTimeout(function () { window.location.href = '/demolms'; }, 800);
      }
    });
  }
})();
