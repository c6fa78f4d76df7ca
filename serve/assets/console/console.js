// newsgraph's additions to Cayley's web console, loaded before the
// console's own scripts:
//  - an Examples panel with ready-to-run queries for this graph;
//  - links into the console (/#page=visualize&run=1&query=...) that load a
//    query into the editor, open a page and run it;
//  - messages for what the console leaves silent: query errors and
//    truncated results, writes refused or done, Query Shape not supported;
//  - on the Visualize page, results that do not tag "source" and "target"
//    as nodes are left out (they would otherwise stop the page).
(function () {
  'use strict';

  var PAGES = { query: 'Query', queryShape: 'Query Shape', visualize: 'Visualize', write: 'Write' };

  // A link into the console: store its query where the console reads its
  // last query at start-up, before the console's scripts run.
  var pending = null;
  (function () {
    var params = new URLSearchParams(location.hash.slice(1));
    if (!params.has('query')) return;
    try {
      localStorage.setItem('LAST_QUERY', JSON.stringify({ text: params.get('query'), language: params.get('lang') || 'gizmo' }));
    } catch (e) { /* private mode: the editor keeps its default */ }
    pending = { page: PAGES[params.get('page')] ? params.get('page') : 'query', run: params.get('run') === '1' };
    history.replaceState(null, '', location.pathname + location.search);
  })();

  // The editors Monaco creates, to find the query editor later. Monaco
  // announces itself with the console's own "monaco_init" event; this
  // listener runs before the console's.
  var editors = [];
  document.addEventListener('monaco_init', function () {
    var m = window.monaco;
    if (!m || !m.editor) return;
    m.editor.onDidCreateEditor(function (ed) {
      editors.push(ed);
      ed.onDidDispose(function () {
        var i = editors.indexOf(ed);
        if (i >= 0) editors.splice(i, 1);
      });
    });
  });

  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  async function waitFor(fn, ms) {
    var end = Date.now() + (ms || 10000);
    for (;;) {
      var v = fn();
      if (v) return v;
      if (Date.now() > end) return null;
      await sleep(50);
    }
  }

  function queryEditor() {
    for (var i = 0; i < editors.length; i++) {
      var node = editors[i].getDomNode && editors[i].getDomNode();
      if (node && document.body.contains(node) && node.closest('.QueryEditor')) return editors[i];
    }
    return null;
  }

  function navItem(page) {
    var items = document.querySelectorAll('.mdc-drawer .mdc-list-item');
    for (var i = 0; i < items.length; i++) {
      if (items[i].textContent.trim() === PAGES[page]) return items[i];
    }
    return null;
  }

  function currentPage() {
    var active = document.querySelector('.mdc-drawer .mdc-list-item--activated');
    if (!active) return null;
    for (var p in PAGES) if (PAGES[p] === active.textContent.trim()) return p;
    return null;
  }

  // open shows page, sets the query editor to text in Gizmo, and runs it
  // when run is set.
  async function open(page, text, run) {
    var item = await waitFor(function () { return navItem(page); });
    if (!item) return;
    if (currentPage() !== page) item.click();
    var ed = await waitFor(queryEditor, 20000);
    if (!ed) { toast('The editor did not load.', 'error'); return; }
    if (text !== undefined) {
      var select = document.querySelector('.QueryEditor select');
      if (select && select.value !== 'gizmo') {
        select.value = 'gizmo';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await sleep(50);
      }
      ed.setValue(text);
      await sleep(50);
    }
    if (run) {
      var button = document.querySelector('.QueryEditor .actions button');
      if (button) button.click();
    }
  }

  // Messages.
  var toastBox = null;
  function toast(text, kind) {
    if (!toastBox) {
      toastBox = document.createElement('div');
      toastBox.className = 'ng-toasts';
      toastBox.setAttribute('role', 'status');
      toastBox.setAttribute('aria-live', 'polite');
      document.body.appendChild(toastBox);
    }
    var t = document.createElement('div');
    t.className = 'ng-toast ng-' + (kind || 'info');
    t.textContent = text;
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'ng-toast-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.onclick = function () { t.remove(); };
    t.appendChild(close);
    toastBox.appendChild(t);
    setTimeout(function () { t.remove(); }, kind === 'error' ? 15000 : 8000);
  }

  function hasID(v) { return v !== null && typeof v === 'object' && typeof v['@id'] === 'string'; }

  // The console's requests, and what it does not say about their answers.
  var fetch0 = window.fetch.bind(window);
  window.fetch = async function (input, init) {
    var res = await fetch0(input, init);
    var url;
    try { url = new URL(typeof input === 'string' ? input : input.url, location.href); } catch (e) { return res; }
    if (url.origin !== location.origin || url.pathname.indexOf('/api/') !== 0) return res;
    var body;
    try { body = await res.clone().json(); } catch (e) { return res; }
    if (!body || typeof body !== 'object') return res;
    if (body.error) {
      toast(url.pathname.indexOf('/api/v1/shape/') === 0 ? body.error : 'Error: ' + body.error, 'error');
      return res;
    }
    if (url.pathname === '/api/v2/write' || url.pathname === '/api/v2/delete') {
      if (body.result) toast(body.result, 'info');
      return res;
    }
    if (url.pathname !== '/api/v2/query') return res;
    if (body.truncated) {
      toast('Showing the first ' + body.limit + ' results: the server\'s result limit cut the rest (serve --limit).', 'warn');
    }
    if (currentPage() === 'visualize' && Array.isArray(body.result)) {
      var edges = body.result.filter(function (r) { return r && typeof r === 'object' && hasID(r.source) && hasID(r.target); });
      if (edges.length < body.result.length || edges.length === 0) {
        toast(edges.length === 0
          ? 'Nothing to draw: Visualize draws results that tag "source" and "target" nodes, e.g. g.V().Tag("source").Out().Tag("target").All(). See Examples.'
          : 'Drew ' + edges.length + ' of ' + body.result.length + ' results: the others do not tag both "source" and "target" nodes.', 'warn');
      }
      var copy = Object.assign({}, body, { result: shortNames(edges) });
      return new Response(JSON.stringify(copy), { status: res.status, statusText: res.statusText, headers: res.headers });
    }
    return res;
  };

  // shortNames labels Visualize's nodes by the last part of their IRIs
  // ("Vladimir Putin" for the entity IRI ending in /entity/Vladimir_Putin),
  // unless two nodes would then share a label.
  function shortNames(edges) {
    var short = {}, used = {};
    function label(iri) {
      var name = iri.replace(/[\/#]+$/, '');
      name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('#')) + 1);
      try { name = decodeURIComponent(name); } catch (e) { /* keep it */ }
      return name.replace(/_/g, ' ') || iri;
    }
    for (var i = 0; i < edges.length; i++) {
      [edges[i].source['@id'], edges[i].target['@id']].forEach(function (iri) {
        if (short[iri] !== undefined) return;
        short[iri] = label(iri);
        used[short[iri]] = (used[short[iri]] || 0) + 1;
      });
    }
    for (var iri in short) if (used[short[iri]] > 1) return edges;
    return edges.map(function (e) {
      return Object.assign({}, e, { source: { '@id': short[e.source['@id']] }, target: { '@id': short[e.target['@id']] } });
    });
  }

  // The Examples panel.
  var panel = null;
  async function showExamples() {
    if (panel) { panel.hidden = false; panel.querySelector('.ng-close').focus(); return; }
    var examples = [];
    try { examples = await (await fetch0('/newsgraph/examples.json')).json(); } catch (e) { toast('Could not load the examples.', 'error'); return; }
    panel = document.createElement('div');
    panel.className = 'ng-overlay';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-label', 'Example queries');
    var box = el('div', 'ng-panel');
    var head = el('div', 'ng-panel-head');
    head.appendChild(el('h2', '', 'Example queries'));
    var close = el('button', 'ng-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.onclick = hide;
    head.appendChild(close);
    box.appendChild(head);
    var intro = el('p', 'ng-intro');
    intro.innerHTML = 'Gizmo is JavaScript: <code>g.V()</code> starts from nodes, <code>Out</code>/<code>In</code> follow predicates, ' +
      '<code>Tag</code> names a step, <code>All()</code> returns the results. IRIs go in angle brackets. ' +
      'Ctrl+Enter runs the editor. <b>Visualize</b> draws results that tag <code>source</code> and <code>target</code>. ' +
      'Query Shape is not supported by this server. <a href="/examples" target="_blank" rel="noopener">Open as a page</a>.';
    box.appendChild(intro);
    examples.forEach(function (ex) {
      var item = el('section', 'ng-example');
      item.appendChild(el('h3', '', ex.title));
      item.appendChild(el('p', '', ex.about));
      item.appendChild(el('pre', '', ex.query));
      var actions = el('div', 'ng-actions');
      var run = el('button', 'ng-button', 'Run');
      run.type = 'button';
      run.onclick = function () { hide(); open('query', ex.query, true); };
      actions.appendChild(run);
      if (ex.visualize) {
        var vis = el('button', 'ng-button', 'Visualize');
        vis.type = 'button';
        vis.onclick = function () { hide(); open('visualize', ex.query, true); };
        actions.appendChild(vis);
      }
      var edit = el('button', 'ng-button ng-quiet', 'Edit');
      edit.type = 'button';
      edit.title = 'Put it in the editor without running it';
      edit.onclick = function () { hide(); open(currentPage() === 'visualize' ? 'visualize' : 'query', ex.query, false); };
      actions.appendChild(edit);
      item.appendChild(actions);
      box.appendChild(item);
    });
    panel.appendChild(box);
    panel.addEventListener('click', function (e) { if (e.target === panel) hide(); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && panel && !panel.hidden) hide(); });
    document.body.appendChild(panel);
    close.focus();
  }
  function hide() { if (panel) panel.hidden = true; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Console internals for tests and curious users.
  window.newsgraph = { open: open, showExamples: showExamples, queryEditor: queryEditor, currentPage: currentPage };

  document.addEventListener('DOMContentLoaded', function () {
    var button = el('button', 'ng-examples-button');
    button.type = 'button';
    button.id = 'ng-examples';
    var icon = el('i', 'material-icons', 'lightbulb');
    icon.setAttribute('aria-hidden', 'true');
    button.appendChild(icon);
    button.appendChild(document.createTextNode(' Examples'));
    button.onclick = showExamples;
    document.body.appendChild(button);
    if (pending) open(pending.page, undefined, pending.run);
  });
})();
