// Crosswalk's SPARQL endpoint is read-only: the Fuseki UI's write actions (add data, edit, new dataset,
// backup, compact, remove) would only fail, so they are taken off the page, and their pages lead back to
// the dataset list. Served as a file of its own (no inline script, so a strict CSP still allows it).
(function () {
  var WRITE = /^\s*(add data|edit|new dataset|add new dataset|backup|compact|remove|delete|upload files|upload now)\s*$/i;
  var WRITE_ROUTE = /\/(upload|edit|new|manage)(\/|$)/;
  function strip() {
    if (WRITE_ROUTE.test(location.hash)) location.hash = '#/';
    document.querySelectorAll('a, button').forEach(function (e) {
      var href = e.getAttribute('href') || '';
      if (WRITE.test(e.textContent) || WRITE_ROUTE.test(href.replace(/^#/, ''))) e.remove();
    });
  }
  new MutationObserver(strip).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('hashchange', strip);
  strip();
})();
