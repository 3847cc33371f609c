/*
 * ticker-view.js: a live ticker (status, pause button, crawl, list) in an element or a shadow
 * root, fed by NewsTicker.connect, its lines drawn by ticker-story.js. Shared by the page, the
 * widget and the iframe embed. Load ticker.js and ticker-story.js first.
 *
 *   NewsTicker.mount(container, { base, category, source, breaking, limit, theme, transport,
 *                                 summaries, label, onStories });
 */
(function (global) {
  'use strict';

  var NewsTicker = global.NewsTicker = global.NewsTicker || {};
  var lines = NewsTicker.StoryLines;
  var el = lines.el;
  var CRAWL_ITEMS = 10;
  var CRAWL_PX_PER_SECOND = 70;
  var CLOCK_MS = 15000;
  var ANNOUNCEMENTS_KEPT = 3;
  var STATUS_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', closed: 'Offline' };

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
    this.clock = setInterval(function () { lines.refreshTimes(self.list); }, CLOCK_MS);
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
    this.crawl.hidden = true;
    this.track = this.crawl.appendChild(el('div', 'nt-track'));

    this.list = el('ol', 'nt-list');
    this.list.setAttribute('aria-label', 'Headlines, newest first');
    this.empty = el('p', 'nt-empty', 'Waiting for headlines…');

    this.live = el('div', 'nt-live');
    this.live.setAttribute('aria-live', 'polite');

    root.append(bar, this.crawl, this.list, this.empty, this.live);
    root.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') lines.dismissTips(root);
    });
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
      onMerge: function (story, envelope) { self.merge(story, envelope); },
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

  /** An editor merged two stories: the absorbed line goes, the survivor is refilled where it stands. */
  View.prototype.merge = function (story, envelope) {
    this.entries.delete(String(envelope.merged));
    this.put(story, envelope);
    this.changed();
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
    this.crawl.hidden = entries.length === 0;
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
        lines.fill(item, entry, self.options);
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

  /** Two copies of the headlines make the loop seamless. */
  View.prototype.renderCrawl = function (entries) {
    var track = this.track;
    track.textContent = '';
    for (var copy = 0; copy < 2; copy++) {
      var run = track.appendChild(el('ul', 'nt-run'));
      entries.forEach(function (entry) {
        var item = run.appendChild(el('li', entry.story.breaking ? 'nt-crawl-item nt-breaking' : 'nt-crawl-item'));
        if (entry.story.breaking) item.appendChild(el('span', 'nt-flag', 'Breaking'));
        item.appendChild(lines.headline(entry.story, 'nt-crawl-headline', false));
      });
    }
    var width = track.firstChild.scrollWidth;
    track.style.setProperty('--nt-crawl-duration', Math.max(10, Math.round(width / CRAWL_PX_PER_SECOND)) + 's');
  };

  /** The only thing screen readers hear unasked: a breaking story, politely. */
  View.prototype.announce = function (story) {
    this.live.appendChild(el('p', null, 'Breaking: ' + story.headline));
    while (this.live.childNodes.length > ANNOUNCEMENTS_KEPT) this.live.removeChild(this.live.firstChild);
  };

  NewsTicker.View = View;
  NewsTicker.mount = function (container, options) {
    return new View(container, options || {}).connect();
  };
})(globalThis);
