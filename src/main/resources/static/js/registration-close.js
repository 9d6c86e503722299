// Dynamic Registration result page (/lti/register): asks the LMS to close the frame or window it opened the page in,
// with the close message of LTI Dynamic Registration 1.0. A registration waiting for a BadgeBridge administrator
// closes only with the Close button (the LMS admin must read that first); an active one closes after data-auto-close
// seconds.
(function () {
  'use strict';
  var button = document.getElementById('close');
  if (!button) {
    return;
  }
  function close() {
    (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
  }
  button.addEventListener('click', close);
  var seconds = parseInt(button.getAttribute('data-auto-close') || '', 10);
  if (seconds > 0) {
    window.setTimeout(close, seconds * 1000);
  }
})();
