/*
 * console-view.js: small DOM helpers for the console. Every piece of data goes in as text
 * (textContent, attribute values), never as markup.
 */
(function (global) {
  'use strict';

  /** el('button', {type: 'button', 'aria-label': 'x'}, 'text or', childNode, ...) */
  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value == null || value === false) return;
      if (name === 'class') node.className = value;
      else if (name === 'hidden') node.hidden = true;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function button(text, onClick, attributes) {
    var b = el('button', Object.assign({ type: 'button' }, attributes || {}), text);
    b.addEventListener('click', onClick);
    return b;
  }

  /**
   * Runs `change` (which may rebuild part of the page) and gives keyboard focus back to the
   * element that had it, or to its replacement: the one with the same data-key.
   */
  function keepingFocus(change) {
    var active = document.activeElement;
    var key = active && active.getAttribute && active.getAttribute('data-key');
    change();
    if (!active || active === document.body || document.activeElement === active) return;
    if (active.isConnected) {
      active.focus();
    } else if (key) {
      var replacement = document.querySelector('[data-key="' + CSS.escape(key) + '"]');
      if (replacement) replacement.focus();
    }
  }

  function time(iso) {
    if (!iso) return '—';
    var date = new Date(iso);
    if (isNaN(date)) return String(iso);
    return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  /** "4 min 05 s" from now until `iso`; "ending" once it has passed. */
  function timeLeft(iso, now) {
    var left = Math.round((new Date(iso).getTime() - now) / 1000);
    if (!(left > 0)) return 'ending';
    var hours = Math.floor(left / 3600);
    var minutes = Math.floor(left % 3600 / 60);
    var seconds = left % 60;
    if (hours > 0) return hours + ' h ' + String(minutes).padStart(2, '0') + ' min';
    return minutes + ' min ' + String(seconds).padStart(2, '0') + ' s';
  }

  global.NewsConsole = global.NewsConsole || {};
  global.NewsConsole.view = { el: el, button: button, keepingFocus: keepingFocus, time: time, timeLeft: timeLeft };
})(globalThis);
