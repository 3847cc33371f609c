/*
 * ticker-view.js: renders a live ticker (status, pause button, crawl, list) into an element or a
 * shadow root, fed by NewsTicker.connect. Shared by the page, the widget and the iframe embed.
 *
 *   NewsTicker.mount(container, { base, category, source, breaking, limit, theme, transport,
 *                                 summaries, onStories });
 *
 * Everything from the server (headlines, bylines, sources, URLs) is untrusted: text goes in with
 * textContent only, and a link is made only for an http or https URL.
 */
(function (global) {
  'use strict';

  var NewsTicker = global.NewsTicker = global.NewsTicker || {};
  var CRAWL_ITEMS = 10;
  var CRAWL_PX_PER_SECOND = 70;
  var CLOCK_MS = 15000;
  var ANNOUNCEMENTS_KEPT = 3;
  var STATUS_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', closed: 'Offline' };
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
  function headlineNode(story, className, focusable) {
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

  function View(container, options) {
    this.options = options;
    this.limit = Math.max(1, Math.min(200, parseInt(options.limit, 10) || 20));
    this.entries = new Map();
    this.items = new Map();
    this.arrivals = 0;
    this.versions = 0;
    this.paused = false;
    this.held = 0;
    this.connection = null;
    this.build(container);
    var self = this;
    this.clock = setInterval(function () { self.refreshTimes(); }, CLOCK_MS);
  }

  View.prototype.build = function (container) {
    var self = this;
    var theme = this.options.theme === 'dark' || this.options.theme === 'light' ? this.options.theme : 'auto';
    var root = el('section', 'nt nt-theme-' + theme);
    root.setAttribute('aria-label', this.options.label || 'Live news ticker');

    var bar = el('div', 'nt-bar');
    this.status = el('span', 'nt-status');
    this.status.appendChild(el('span', 'nt-dot')).setAttribute('aria-hidden', 'true');
    this.statusText = this.status.appendChild(el('span', 'nt-status-text'));
    this.pauseButton = el('button', 'nt-pause', 'Pause');
    this.pauseButton.type = 'button';
    this.pauseButton.setAttribute('aria-pressed', 'false');
    this.pauseButton.addEventListener('click', function () { self.setPaused(!self.paused); });
    this.heldNote = el('span', 'nt-held');
    bar.append(this.status, this.heldNote, this.pauseButton);

    // The crawl only repeats the top of the list for the eye: hidden from assistive technology
    // and out of the tab order, so nobody hears or tabs through the same headlines twice.
    this.crawl = el('div', 'nt-crawl');
    this.crawl.setAttribute('aria-hidden', 'true');
    this.track = this.crawl.appendChild(el('div', 'nt-track'));

    this.list = el('ol', 'nt-list');
    this.list.setAttribute('aria-label', 'Headlines, newest first');
    this.empty = el('p', 'nt-empty', 'Waiting for headlines…');

    this.live = el('div', 'nt-live');
    this.live.setAttribute('aria-live', 'polite');

    root.append(bar, this.crawl, this.list, this.empty, this.live);
    root.addEventListener('keydown', function (e) { self.dismissTip(e); });
    container.appendChild(root);
    this.root = root;
    this.setStatus('connecting');
  };

  View.prototype.connect = function () {
    var self = this;
    var o = this.options;
    if (this.connection) this.connection.close();
    this.connection = NewsTicker.connect({
      base: o.base, transport: o.transport, category: o.category, source: o.source,
      breaking: o.breaking, token: o.token, snapshot: this.limit,
      onSnapshot: function (stories) { self.replaceAll(stories); },
      onStory: function (story, envelope) { self.upsert(story, envelope); },
      onRemove: function (story) { self.remove(story.id); },
      onResync: function () { self.replaceAll([]); },
      onStatus: function (state) { self.setStatus(state); }
    });
    return this;
  };

  /** New filters: forget what is shown and start over with a fresh snapshot. */
  View.prototype.setFilter = function (filter) {
    var o = this.options;
    Object.keys(filter).forEach(function (key) { o[key] = filter[key]; });
    this.replaceAll([]);
    return this.connect();
  };

  View.prototype.destroy = function () {
    clearInterval(this.clock);
    if (this.connection) this.connection.close();
    this.root.remove();
  };

  View.prototype.setStatus = function (state) {
    this.status.setAttribute('data-state', state);
    this.statusText.textContent = STATUS_TEXT[state] || state;
  };

  View.prototype.replaceAll = function (stories) {
    this.entries.clear();
    for (var i = stories.length - 1; i >= 0; i--) {
      if (stories[i] && stories[i].id != null) this.put(stories[i], null);
    }
    this.changed();
  };

  View.prototype.put = function (story, envelope) {
    var id = String(story.id);
    var known = this.entries.get(id);
    var previous = envelope && envelope.previous;
    this.entries.set(id, {
      story: story,
      order: known ? known.order : ++this.arrivals,
      previous: previous || (known && known.previous) || null,
      change: (envelope && envelope.change) || (known && known.change) || null,
      // Unique across the view's life, so a line is refilled whenever its story was put again,
      // even after a snapshot replaced everything.
      version: ++this.versions
    });
    return known;
  };

  View.prototype.upsert = function (story, envelope) {
    var known = this.put(story, envelope);
    if (story.breaking && !(known && known.story.breaking)) this.announce(story);
    this.changed();
  };

  View.prototype.remove = function (id) {
    if (this.entries.delete(String(id))) this.changed();
  };

  View.prototype.sorted = function () {
    var all = Array.from(this.entries.values()).sort(function (a, b) { return b.order - a.order; });
    for (var i = this.limit; i < all.length; i++) this.entries.delete(String(all[i].story.id));
    return all.slice(0, this.limit);
  };

  View.prototype.changed = function () {
    var entries = this.sorted();
    if (this.options.onStories) {
      this.options.onStories(entries.map(function (entry) { return entry.story; }));
    }
    if (this.paused) {
      this.held++;
      this.heldNote.textContent = this.held === 1 ? '1 update waiting' : this.held + ' updates waiting';
      return;
    }
    this.render(entries);
  };

  View.prototype.setPaused = function (paused) {
    this.paused = paused;
    this.root.classList.toggle('nt-paused', paused);
    this.pauseButton.textContent = paused ? 'Play' : 'Pause';
    this.pauseButton.setAttribute('aria-pressed', String(paused));
    if (!paused) {
      this.held = 0;
      this.heldNote.textContent = '';
      this.render(this.sorted());
    }
  };

  View.prototype.render = function (entries) {
    this.renderList(entries);
    this.renderCrawl(entries.slice(0, CRAWL_ITEMS));
    this.empty.hidden = entries.length > 0;
  };

  /** Keyed update: a changed story is refilled where it stands, untouched ones are not moved. */
  View.prototype.renderList = function (entries) {
    var list = this.list;
    var items = this.items;
    var self = this;
    var kept = new Set();
    var previousItem = null;
    entries.forEach(function (entry) {
      var id = String(entry.story.id);
      var item = items.get(id);
      if (!item) {
        item = el('li');
        items.set(id, item);
      }
      if (item.ntVersion !== entry.version || !item.firstChild) {
        self.fillItem(item, entry);
        item.ntVersion = entry.version;
      }
      var expected = previousItem ? previousItem.nextSibling : list.firstChild;
      if (item !== expected) list.insertBefore(item, expected);
      kept.add(id);
      previousItem = item;
    });
    items.forEach(function (item, id) {
      if (!kept.has(id)) {
        item.remove();
        items.delete(id);
      }
    });
  };

  View.prototype.fillItem = function (item, entry) {
    var story = entry.story;
    var updated = Boolean(entry.previous) || story.revision > 1;
    item.className = 'nt-item' + (story.breaking ? ' nt-breaking' : '') + (updated ? ' nt-updated' : '');
    item.setAttribute('data-id', String(story.id));
    item.textContent = '';
    var line = item.appendChild(el('div', 'nt-line'));
    if (story.breaking) line.appendChild(el('span', 'nt-flag', 'Breaking'));
    line.appendChild(headlineNode(story, 'nt-headline', true));
    if (updated) line.appendChild(this.badge(entry));
    var meta = item.appendChild(el('div', 'nt-meta'));
    [story.category, story.source, story.byline].forEach(function (text) {
      if (text) meta.appendChild(el('span', 'nt-meta-part', text));
    });
    var when = story.updatedAt || story.publishedAt;
    if (when) {
      var time = meta.appendChild(el('time', 'nt-time', relativeTime(when, Date.now())));
      time.dateTime = when;
      time.title = new Date(when).toLocaleString();
    }
    if (this.options.summaries && story.summary) item.appendChild(el('p', 'nt-summary', story.summary));
  };

  /** "Updated": a real button, so keyboard users reach it; its tooltip shows on hover and focus. */
  View.prototype.badge = function (entry) {
    var wrap = el('span', 'nt-upd');
    var button = wrap.appendChild(el('button', 'nt-badge', 'Updated'));
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    var tip = wrap.appendChild(el('span', 'nt-tip'));
    tip.id = 'nt-tip-' + (++tipCounter);
    tip.setAttribute('role', 'tooltip');
    button.setAttribute('aria-describedby', tip.id);
    fillTip(tip, entry);
    var self = this;
    if (!entry.previous) {
      // Stories from a snapshot carry no previous headline: ask for it when someone looks.
      var lookUp = function () { self.lookUpPrevious(entry, tip); };
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
  };

  View.prototype.lookUpPrevious = function (entry, tip) {
    if (entry.lookup) return;
    var url = (this.options.base || '').replace(/\/+$/, '') + '/api/v1/stories/' + encodeURIComponent(entry.story.id);
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
  };

  /** WCAG 1.4.13: a tooltip shown on hover or focus can be dismissed with Escape. */
  View.prototype.dismissTip = function (e) {
    if (e.key !== 'Escape') return;
    var wraps = this.root.querySelectorAll('.nt-upd');
    for (var i = 0; i < wraps.length; i++) {
      wraps[i].classList.add('nt-dismissed');
      wraps[i].classList.remove('nt-open');
      wraps[i].firstChild.setAttribute('aria-expanded', 'false');
    }
  };

  /** Two copies of the headlines make the loop seamless. */
  View.prototype.renderCrawl = function (entries) {
    var track = this.track;
    track.textContent = '';
    for (var copy = 0; copy < 2; copy++) {
      var run = track.appendChild(el('ul', 'nt-run'));
      entries.forEach(function (entry) {
        var item = run.appendChild(el('li', entry.story.breaking ? 'nt-crawl-item nt-breaking' : 'nt-crawl-item'));
        if (entry.story.breaking) item.appendChild(el('span', 'nt-flag', 'Breaking'));
        item.appendChild(headlineNode(entry.story, 'nt-crawl-headline', false));
      });
    }
    var width = track.firstChild.scrollWidth;
    track.style.setProperty('--nt-crawl-duration', Math.max(10, Math.round(width / CRAWL_PX_PER_SECOND)) + 's');
  };

  View.prototype.refreshTimes = function () {
    var now = Date.now();
    var times = this.list.querySelectorAll('time');
    for (var i = 0; i < times.length; i++) {
      times[i].textContent = relativeTime(times[i].dateTime, now);
    }
  };

  /** The only thing screen readers hear unasked: a breaking story, politely. */
  View.prototype.announce = function (story) {
    this.live.appendChild(el('p', null, 'Breaking: ' + story.headline));
    while (this.live.childNodes.length > ANNOUNCEMENTS_KEPT) this.live.removeChild(this.live.firstChild);
  };

  NewsTicker.View = View;
  NewsTicker.safeHref = safeHref;
  NewsTicker.relativeTime = relativeTime;
  NewsTicker.mount = function (container, options) {
    return new View(container, options || {}).connect();
  };
})(globalThis);
