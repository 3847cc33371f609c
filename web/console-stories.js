/*
 * console-stories.js: the stories, live and newest first (as the ticker orders them: a story
 * keeps its place when it changes), and the open story with its history and the actions on it.
 */
(function (global) {
  'use strict';

  var C = global.NewsConsole;
  var el = C.view.el;
  var button = C.view.button;
  var api = C.api;
  var actions = C.storyActions;

  /** `desk.act(label, run, undo)` runs an action and offers its undo (console.js). */
  function Stories(list, empty, desk) {
    this.list = list;
    this.empty = empty;
    this.desk = desk;
    this.entries = new Map();
    this.arrivals = 0;
    this.openId = null;
    this.detail = null;
  }

  Stories.prototype.replaceAll = function (stories) {
    this.entries.forEach(function (entry) { entry.row.li.remove(); });
    this.entries.clear();
    for (var i = stories.length - 1; i >= 0; i--) this.put(stories[i]);
    this.render();
  };

  Stories.prototype.put = function (story) {
    var id = String(story.id);
    var known = this.entries.get(id);
    if (known) {
      known.story = story;
      return known;
    }
    var entry = { story: story, order: ++this.arrivals };
    entry.row = this.row(entry);
    this.entries.set(id, entry);
    return entry;
  };

  Stories.prototype.upsert = function (story) {
    this.put(story);
    this.render();
    if (this.openId === String(story.id)) this.loadDetail();
  };

  Stories.prototype.remove = function (id) {
    var entry = this.entries.get(String(id));
    if (!entry) return;
    this.entries.delete(String(id));
    var hadFocus = entry.row.li.contains(document.activeElement);
    entry.row.li.remove();
    if (this.openId === String(id)) this.openId = null;
    this.render();
    if (hadFocus) document.getElementById('stories-heading').focus();
  };

  /** A merge: the absorbed line goes, the survivor is updated in place. */
  Stories.prototype.merged = function (survivor, absorbedId) {
    this.remove(absorbedId);
    this.upsert(survivor);
  };

  Stories.prototype.sorted = function () {
    return Array.from(this.entries.values()).sort(function (a, b) { return b.order - a.order; });
  };

  Stories.prototype.render = function () {
    var self = this;
    var entries = this.sorted();
    C.view.keepingFocus(function () {
      entries.forEach(function (entry, index) {
        self.fill(entry);
        if (self.list.children[index] !== entry.row.li) self.list.insertBefore(entry.row.li, self.list.children[index] || null);
      });
    });
    this.empty.hidden = entries.length > 0;
    this.tick(Date.now());
  };

  Stories.prototype.row = function (entry) {
    var self = this;
    var id = String(entry.story.id);
    var row = {};
    row.flag = el('span', { class: 'flag' });
    row.headline = el('span', { class: 'headline' });
    row.meta = el('p', { class: 'meta' });
    row.detail = el('div', { class: 'detail', id: 'detail-' + id, hidden: true });
    row.open = button('Open', function () { self.toggle(id); },
      { class: 'open', 'aria-expanded': 'false', 'aria-controls': 'detail-' + id, 'data-key': 'open:' + id });
    row.li = el('li', { class: 'story', 'data-id': id },
      el('div', { class: 'line' }, row.flag, row.headline, row.open), row.meta, row.detail);
    return row;
  };

  Stories.prototype.fill = function (entry) {
    var story = entry.story;
    var row = entry.row;
    row.headline.textContent = story.headline;
    row.li.classList.toggle('breaking', !!story.breaking);
    row.open.setAttribute('aria-label', (this.openId === String(story.id) ? 'Close ' : 'Open ') + story.headline);
    var sources = Array.isArray(story.sources) && story.sources.length ? story.sources : [story.source];
    row.meta.textContent = [
      'Sources: ' + sources.join(', '),
      story.revision + (story.revision === 1 ? ' revision' : ' revisions'),
      story.category || 'no category',
      'updated ' + C.view.time(story.updatedAt || story.publishedAt)
    ].join(' · ');
  };

  /** Once a second: the breaking flags' time left. */
  Stories.prototype.tick = function (now) {
    this.entries.forEach(function (entry) {
      var story = entry.story;
      entry.row.flag.textContent = !story.breaking ? ''
        : story.breakingUntil ? 'Breaking · ' + C.view.timeLeft(story.breakingUntil, now) + ' left' : 'Breaking';
    });
  };

  Stories.prototype.story = function (id) {
    var entry = this.entries.get(String(id));
    return entry && entry.story;
  };

  Stories.prototype.toggle = function (id) {
    var previous = this.openId && this.entries.get(this.openId);
    if (previous) {
      previous.row.detail.hidden = true;
      previous.row.detail.textContent = '';
      previous.row.open.setAttribute('aria-expanded', 'false');
      previous.row.open.textContent = 'Open';
    }
    this.openId = this.openId === id ? null : id;
    var entry = this.openId && this.entries.get(id);
    if (entry) {
      entry.row.open.setAttribute('aria-expanded', 'true');
      entry.row.open.textContent = 'Close';
      entry.row.detail.hidden = false;
      entry.row.detail.textContent = 'Loading the history…';
      this.loadDetail();
    }
    this.render();
  };

  Stories.prototype.loadDetail = function () {
    var self = this;
    var id = this.openId;
    api.story(id).then(function (detail) {
      var entry = self.entries.get(id);
      if (self.openId !== id || !entry) return;
      C.view.keepingFocus(function () {
        entry.row.detail.textContent = '';
        entry.row.detail.appendChild(self.buildDetail(entry.story, detail));
      });
    }, function (error) {
      var entry = self.entries.get(id);
      if (entry && self.openId === id) entry.row.detail.textContent = 'The history could not be read: ' + error.message;
    });
  };

  Stories.prototype.buildDetail = function (story, detail) {
    var id = String(story.id);
    return el('div', { class: 'detail-body' },
      el('div', { class: 'actions' }, actions.editForm(id, detail, this.desk), actions.breakingForm(id, detail, this.desk),
        this.mergeForm(id), actions.retractControl(id, this.desk)),
      this.history(id, detail));
  };

  Stories.prototype.mergeForm = function (id) {
    var self = this;
    var select = el('select', { id: 'merge-' + id, required: true, 'data-key': 'merge-into:' + id },
      el('option', { value: '' }, 'Choose a story…'));
    this.sorted().forEach(function (entry) {
      if (String(entry.story.id) !== id) select.appendChild(el('option', { value: entry.story.id }, entry.story.headline));
    });
    var form = el('form', { class: 'merge', method: 'post', action: '#' },
      el('label', { for: 'merge-' + id }, 'Merge into'), select,
      el('button', { type: 'submit', 'data-key': 'merge:' + id }, 'Merge'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (select.value) self.mergeInto(id, select.value);
    });
    return form;
  };

  /**
   * Merges `id` into `into`. The undo is the merge's own reverse (`split {"merged": id}`): the
   * absorbed story comes back under its id with what it brought.
   */
  Stories.prototype.mergeInto = function (id, into) {
    var self = this;
    return this.desk.act('Merged', function () {
      return api.merge(id, into).then(function (answer) {
        if (answer && answer.story) self.merged(answer.story, answer.merged || id);
        return answer;
      });
    }, function () {
      return api.unmerge(into, id).then(function (answer) {
        if (answer && answer.story) self.upsert(answer.story);
        if (answer && answer.split) self.upsert(answer.split);
      });
    });
  };

  /** Splits a revision out; the undo merges the new story back. */
  Stories.prototype.splitOut = function (id, revision) {
    var self = this;
    return this.desk.act('Revision ' + revision + ' split out', function () {
      return api.split(id, revision).then(function (answer) {
        if (answer && answer.story) self.upsert(answer.story);
        if (answer && answer.split) self.upsert(answer.split);
        return answer;
      });
    }, function (answer) {
      return api.merge(answer.split.id, answer.story.id).then(function (merged) {
        if (merged && merged.story) self.merged(merged.story, merged.merged || answer.split.id);
      });
    });
  };

  Stories.prototype.history = function (id, detail) {
    var self = this;
    var revisions = (detail.revisions || []).slice().reverse();
    // a source's item can leave; an editor's revision (it has an action) cannot
    var items = revisions.filter(function (r) { return !r.action; });
    var canSplit = items.length > 1;
    var body = el('tbody');
    revisions.forEach(function (r) {
      body.appendChild(el('tr', {},
        el('td', {}, String(r.revision)),
        el('td', { class: 'text' }, r.headline, r.summary ? el('span', { class: 'summary' }, r.summary) : null),
        el('td', {}, r.source || '—'),
        el('td', {}, el('time', { datetime: r.at }, C.view.time(r.at))),
        el('td', {}, r.change || '—'),
        el('td', {}, r.by || '—'),
        el('td', {}, r.action || '—'),
        el('td', {}, canSplit && !r.action ? button('Split out', function () { self.splitOut(id, r.revision); },
          { 'aria-label': 'Split out revision ' + r.revision, 'data-key': 'split:' + id + ':' + r.revision }) : null)));
    });
    return el('div', { class: 'history' },
      el('table', {},
        el('caption', {}, 'Revision history (' + revisions.length + ')'),
        el('thead', {}, el('tr', {}, ['#', 'Text', 'Source', 'Time', 'Change', 'By', 'Action', 'Split'].map(function (name) {
          return el('th', { scope: 'col' }, name);
        }))),
        body));
  };

  C.Stories = Stories;
})(globalThis);
