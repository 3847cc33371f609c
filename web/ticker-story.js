/*
 * ticker-story.js: one story as a line of the ticker: breaking flag, headline (a link only for
 * http/https), the "Updated" badge with its tooltip, its sources, byline and a relative time.
 * Used by ticker-view.js; load it after ticker.js and before ticker-view.js.
 *
 * Everything from the server (headlines, bylines, sources, categories, URLs) is untrusted: text
 * goes in with textContent only, never as HTML.
 */
(function (global) {
  'use strict';

  var NewsTicker = global.NewsTicker = global.NewsTicker || {};
  var CHANGE_TEXT = { figure: 'figure changed', wording: 'reworded', correction: 'corrected', source: 'new source' };
  var tipCounter = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }

  function safeHref(url) {
    if (typeof url !== 'string' || url === '') return null;
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (err) {
      return null;
    }
  }

  function relativeTime(iso, now) {
    var then = Date.parse(iso);
    if (isNaN(then)) return '';
    var seconds = Math.max(0, Math.round((now - then) / 1000));
    if (seconds < 45) return 'just now';
    var minutes = Math.round(seconds / 60);
    if (minutes < 60) return minutes + ' min ago';
    var hours = Math.round(minutes / 60);
    if (hours < 24) return hours + ' h ago';
    return Math.round(hours / 24) + ' d ago';
  }

  /** A headline as a link when its URL is safe to follow, as plain text otherwise. */
  function headline(story, className, focusable) {
    var href = safeHref(story.url);
    var node = el(href ? 'a' : 'span', className, story.headline);
    if (href) {
      node.href = href;
      node.target = '_blank';
      node.rel = 'noopener noreferrer';
      if (!focusable) node.tabIndex = -1;
    }
    return node;
  }

  /**
   * Fills a list item with a story. `entry` is {story, previous, change}; `options.base` is the
   * server (for the previous headline of a story that came in a snapshot), `options.summaries`
   * adds the summary.
   */
  function fill(item, entry, options) {
    var story = entry.story;
    var updated = Boolean(entry.previous) || story.revision > 1;
    item.className = 'nt-item' + (story.breaking ? ' nt-breaking' : '') + (updated ? ' nt-updated' : '');
    item.setAttribute('data-id', String(story.id));
    item.textContent = '';
    var line = item.appendChild(el('div', 'nt-line'));
    if (story.breaking) line.appendChild(el('span', 'nt-flag', 'Breaking'));
    line.appendChild(headline(story, 'nt-headline', true));
    if (updated) line.appendChild(badge(entry, options.base || ''));
    var meta = item.appendChild(el('div', 'nt-meta'));
    if (story.category) meta.appendChild(el('span', 'nt-meta-part', story.category));
    var sources = sourcesOf(story);
    if (sources.length) {
      var credit = meta.appendChild(el('span', 'nt-meta-part nt-sources', sources.join(', ')));
      if (sources.length > 1) credit.title = sources.length + ' sources: ' + sources.join(', ');
    }
    if (story.byline) meta.appendChild(el('span', 'nt-meta-part', story.byline));
    var when = story.updatedAt || story.publishedAt;
    if (when) {
      var time = meta.appendChild(el('time', 'nt-time', relativeTime(when, Date.now())));
      time.dateTime = when;
      time.title = new Date(when).toLocaleString();
    }
    if (options.summaries && story.summary) item.appendChild(el('p', 'nt-summary', story.summary));
  }

  /** Every source that reported the story, first reporter first: one line for the same news from several publishers. */
  function sourcesOf(story) {
    var sources = Array.isArray(story.sources) ? story.sources.filter(function (name) {
      return typeof name === 'string' && name !== '';
    }) : [];
    return sources.length ? sources : (story.source ? [story.source] : []);
  }

  /** "Updated": a real button, so keyboard users reach it; its tooltip shows on hover and focus. */
  function badge(entry, base) {
    var wrap = el('span', 'nt-upd');
    var button = wrap.appendChild(el('button', 'nt-badge', 'Updated'));
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    var tip = wrap.appendChild(el('span', 'nt-tip'));
    tip.id = 'nt-tip-' + (++tipCounter);
    tip.setAttribute('role', 'tooltip');
    button.setAttribute('aria-describedby', tip.id);
    fillTip(tip, entry);
    if (!entry.previous) {
      // Stories from a snapshot carry no previous headline: ask for it when someone looks.
      var lookUp = function () { lookUpPrevious(entry, tip, base); };
      button.addEventListener('focus', lookUp);
      wrap.addEventListener('mouseenter', lookUp);
    }
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      wrap.classList.toggle('nt-open', open);
      wrap.classList.remove('nt-dismissed');
    });
    var undismiss = function () { wrap.classList.remove('nt-dismissed'); };
    button.addEventListener('blur', undismiss);
    wrap.addEventListener('mouseleave', undismiss);
    return wrap;
  }

  function fillTip(tip, entry) {
    tip.textContent = '';
    if (entry.previous) {
      tip.appendChild(el('span', 'nt-tip-label', 'Previously: '));
      tip.appendChild(el('span', 'nt-previous', entry.previous));
    } else {
      tip.appendChild(el('span', 'nt-tip-label', 'Revised (version ' + entry.story.revision + ')'));
    }
    if (entry.change) tip.appendChild(el('span', 'nt-change', ' (' + (CHANGE_TEXT[entry.change] || entry.change) + ')'));
  }

  function lookUpPrevious(entry, tip, base) {
    if (entry.lookup) return;
    var url = base.replace(/\/+$/, '') + '/api/v1/stories/' + encodeURIComponent(entry.story.id);
    entry.lookup = fetch(url).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (detail) {
      var revisions = (detail && detail.revisions) || [];
      for (var i = 0; i < revisions.length; i++) {
        if (revisions[i].revision === entry.story.revision - 1) {
          entry.previous = revisions[i].headline;
          fillTip(tip, entry);
        }
      }
    }).catch(function () { entry.lookup = null; });
  }

  /** WCAG 1.4.13: a tooltip shown on hover or focus can be dismissed with Escape. */
  function dismissTips(root) {
    var wraps = root.querySelectorAll('.nt-upd');
    for (var i = 0; i < wraps.length; i++) {
      wraps[i].classList.add('nt-dismissed');
      wraps[i].classList.remove('nt-open');
      wraps[i].firstChild.setAttribute('aria-expanded', 'false');
    }
  }

  function refreshTimes(root) {
    var now = Date.now();
    var times = root.querySelectorAll('time');
    for (var i = 0; i < times.length; i++) {
      times[i].textContent = relativeTime(times[i].dateTime, now);
    }
  }

  NewsTicker.StoryLines = {
    el: el, headline: headline, fill: fill, dismissTips: dismissTips, refreshTimes: refreshTimes
  };
  NewsTicker.safeHref = safeHref;
  NewsTicker.relativeTime = relativeTime;
})(globalThis);
