// Sends the forms marked data-autosubmit as soon as the page is read (the Deep Linking response to the platform).
// Without JavaScript the form shows its Continue button instead.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-autosubmit]');
  for (var i = 0; i < forms.length; i++) {
    forms[i].submit();
  }
})();
