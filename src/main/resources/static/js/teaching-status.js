// The badge dashboard's live state: while a read of the course runs, ask the status endpoint every 2.5 s, show
// its words in the status region (aria-live="polite"), update the counts, and reload the learners' table when the
// counts change or the read ends. No inline script: the page gives the address in data-* attributes.
(function () {
  'use strict';
  var region = document.getElementById('sync-status');
  if (!region || !window.fetch) {
    return;
  }
  var url = region.getAttribute('data-status-url');
  var since = region.getAttribute('data-since');
  var running = region.getAttribute('data-running') === 'true';
  var text = document.getElementById('sync-status-text');
  var last = currentCounts();
  var tries = 0;

  function currentCounts() {
    return ['count-earned', 'count-in-progress', 'count-not-started'].map(function (id) {
      var el = document.getElementById(id);
      return el ? el.textContent : '';
    }).join('/');
  }

  function setCount(id, bar, value, total) {
    var el = document.getElementById(id);
    if (el) {
      el.textContent = String(value);
    }
    var p = document.getElementById(bar);
    if (p) {
      p.max = total > 0 ? total : 1;
      p.value = value;
      p.textContent = (total > 0 ? Math.round(value * 100 / total) : 0) + '%';
    }
  }

  function reloadTable() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        ['learners-part', 'awarding-card', 'counts-total'].forEach(function (id) {
          var fresh = doc.getElementById(id);
          var old = document.getElementById(id);
          if (fresh && old) {
            old.replaceWith(document.importNode(fresh, true));
          }
        });
        ['counts-reading', 'counts-none'].forEach(function (id) {
          var gone = !doc.getElementById(id);
          var el = document.getElementById(id);
          if (gone && el) {
            el.remove();
          }
        });
      })
      .catch(function () { /* the next poll tries again */ });
  }

  function poll() {
    tries++;
    fetch(url + (since ? '?since=' + encodeURIComponent(since) : ''), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) {
          return;
        }
        if (text && text.textContent !== s.text) {
          text.textContent = s.text;
        }
        setCount('count-earned', 'bar-earned', s.earned, s.learners);
        setCount('count-in-progress', 'bar-in-progress', s.inProgress, s.learners);
        setCount('count-not-started', 'bar-not-started', s.notStarted, s.learners);
        var total = document.getElementById('counts-total');
        if (total && s.total && total.textContent !== s.total) {
          total.textContent = s.total; // "of N learners" moves with the counts, not only when the table reloads
        }
        var counts = currentCounts();
        var ended = running && !s.running;
        if (counts !== last || ended) {
          last = counts;
          reloadTable();
        }
        running = s.running;
        region.classList.toggle('running', running);
      })
      .catch(function () { /* keep polling */ })
      .then(function () {
        // while a read runs: every 2.5 s; afterwards one more look in case results are still being evaluated
        if (running && tries < 60) {
          window.setTimeout(poll, 2500);
        }
        else if (!running && tries < 3) {
          window.setTimeout(poll, 2500);
        }
      });
  }

  if (running) {
    window.setTimeout(poll, 1500);
  }
}());
