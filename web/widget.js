/*
 * widget.js: the Newsticker on any site, where this tag stands.
 *
 *   <script src="https://HOST/widget.js" data-category="sport" data-theme="dark"
 *           data-limit="10" data-source="wire" async></script>
 *
 * The ticker lives in a shadow root, so the host page's CSS cannot reach it and its CSS cannot
 * reach the host page. The server is wherever this script came from.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(script.src, location.href).origin;
  var data = script.dataset;

  var host = document.createElement('div');
  host.className = 'newsticker-widget';
  if (script.parentNode && script.parentNode !== document.head) {
    script.parentNode.insertBefore(host, script.nextSibling);
  } else {
    (document.body || document.documentElement).appendChild(host);
  }
  var shadow = host.attachShadow({ mode: 'open' });

  // Mount once the stylesheet is in, so the host page never sees an unstyled flash.
  var stylesheet = element('link', { rel: 'stylesheet', href: base + '/ticker.css' });
  Promise.all([loaded(stylesheet, shadow), library()]).then(function (results) {
    results[1].mount(shadow, {
      base: base,
      category: data.category,
      source: data.source,
      breaking: data.breaking === 'true',
      theme: data.theme,
      limit: data.limit || 10,
      transport: data.transport,
      label: data.label || 'Live news ticker'
    });
  });

  function element(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function loaded(node, parent) {
    return new Promise(function (resolve) {
      node.onload = node.onerror = resolve;
      parent.appendChild(node);
    });
  }

  /** The ticker's scripts from our server, fetched once however many widgets a page holds. */
  function library() {
    var NewsTicker = window.NewsTicker = window.NewsTicker || {};
    if (NewsTicker.mount) return Promise.resolve(NewsTicker);
    if (!NewsTicker.loading) {
      NewsTicker.loading = ['/ticker.js', '/ticker-story.js', '/ticker-view.js'].reduce(function (previous, path) {
        return previous.then(function () {
          return loaded(element('script', { src: base + path, async: '' }), document.head);
        });
      }, Promise.resolve()).then(function () { return window.NewsTicker; });
    }
    return NewsTicker.loading;
  }
})();
