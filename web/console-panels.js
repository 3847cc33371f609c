/*
 * console-panels.js: the side of the console: the desk's doubts, the live figures and the feeds.
 * Each panel reloads itself now and then, and after every action taken on it.
 */
(function (global) {
  'use strict';

  var C = global.NewsConsole;
  var el = C.view.el;
  var button = C.view.button;
  var api = C.api;

  function Doubts(list, state, desk, stories) {
    this.list = list;
    this.state = state;
    this.desk = desk;
    this.stories = stories;
  }

  Doubts.prototype.load = function () {
    var self = this;
    return api.doubts().then(function (answer) {
      var doubts = (answer && answer.doubts) || [];
      C.view.keepingFocus(function () {
        self.list.textContent = '';
        doubts.forEach(function (doubt) { self.list.appendChild(self.item(doubt)); });
      });
      self.state.textContent = doubts.length ? 'Merges the desk nearly made, or only just made.' : 'The desk has no doubts.';
    }, function (error) {
      self.list.textContent = '';
      self.state.textContent = error.status === 404 ? 'This server does not report the desk\'s doubts.'
        : 'The doubts could not be read: ' + error.message;
    });
  };

  Doubts.prototype.item = function (doubt) {
    var self = this;
    var nearMiss = doubt.kind === 'near-miss';
    var key = 'doubt:' + doubt.id;
    var merge = nearMiss
      ? function () { return self.stories.mergeInto(doubt.story.id, doubt.other.id).then(reload); }
      : function () { return self.desk.act('The desk\'s merge kept', function () { return api.dismissDoubt(doubt.id); }, null).then(reload); };
    var apart = nearMiss
      ? function () {
        return self.desk.act('Kept apart: the desk will not merge these two', function () {
          return api.apart(doubt.story.id, doubt.other.id);
        }, null).then(reload);
      }
      : function () { return self.stories.splitOut(doubt.story.id, doubt.revision).then(reload); };
    function reload() { return self.load(); }
    return el('li', { class: 'doubt', 'data-id': doubt.id },
      el('p', { class: 'doubt-kind' }, (nearMiss ? 'Near miss' : 'Close merge') + ' · score ' + doubt.score +
        ' (threshold ' + doubt.threshold + ') · ' + C.view.time(doubt.at)),
      el('div', { class: 'pair' },
        el('p', { class: 'headline' }, el('span', { class: 'label' }, nearMiss ? 'New item' : 'Joined'), doubt.story.headline),
        el('p', { class: 'headline' }, el('span', { class: 'label' }, nearMiss ? 'Nearly joined' : 'Before the merge'),
          doubt.other.headline)),
      el('div', { class: 'doubt-actions' },
        button('Merge', merge, { 'data-key': key + ':merge', 'aria-label': 'Merge: ' + doubt.story.headline }),
        button('Keep apart', apart, { 'data-key': key + ':apart', 'aria-label': 'Keep apart: ' + doubt.story.headline })));
  };

  function Figures(list) {
    this.list = list;
  }

  Figures.prototype.load = function () {
    var self = this;
    return api.figures().then(function (f) {
      var readers = Object.keys(f.readers || {}).map(function (t) { return t + ' ' + f.readers[t]; }).join(', ');
      var store = f.store ? f.store.kind + (f.store.ready ? ', ready' : ', NOT READY') : '—';
      self.show([
        ['Readers', readers || '0'],
        ['Events per minute', String(f.eventsPerMinute)],
        ['Publish to delivery, p99', f.publishToDeliveryP99Millis + ' ms'],
        ['Queued for slow readers', String(f.queuedEvents)],
        ['Store', store]
      ], f.store && !f.store.ready);
    }, function (error) {
      self.show([['Figures', 'not available: ' + error.message]], true);
    });
  };

  Figures.prototype.show = function (pairs, alarming) {
    var list = this.list;
    list.textContent = '';
    list.classList.toggle('alarm', !!alarming);
    pairs.forEach(function (pair) { list.append(el('dt', {}, pair[0]), el('dd', {}, pair[1])); });
  };

  function Feeds(list, state, form, desk) {
    var self = this;
    this.list = list;
    this.state = state;
    this.desk = desk;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var url = form.querySelector('#feed-url');
      var source = form.querySelector('#feed-source');
      var feed = { url: url.value };
      if (source.value) feed.source = source.value;
      self.add(feed).then(function (added) {
        if (added) {
          url.value = '';
          source.value = '';
        }
      });
    });
  }

  Feeds.prototype.load = function () {
    var self = this;
    return api.feeds().then(function (answer) {
      var feeds = (answer && answer.feeds) || [];
      C.view.keepingFocus(function () {
        self.list.textContent = '';
        feeds.forEach(function (feed) { self.list.appendChild(self.item(feed)); });
      });
      self.state.textContent = feeds.length ? '' : 'No feeds are polled.';
    }, function (error) {
      self.state.textContent = 'The feeds could not be read: ' + error.message;
    });
  };

  Feeds.prototype.add = function (feed) {
    var self = this;
    return this.desk.act('Feed added', function () { return api.addFeed(feed); },
      function (added) { return api.removeFeed(added.id); })
      .then(function (added) { self.load(); return added; });
  };

  Feeds.prototype.item = function (feed) {
    var self = this;
    var s = feed.status || {};
    var key = 'feed:' + feed.id;
    var again = { url: feed.url };
    ['source', 'category', 'intervalSeconds'].forEach(function (name) { if (feed[name] != null) again[name] = feed[name]; });
    var lines = [
      'Last fetch ' + C.view.time(s.lastFetch) + (s.httpStatus ? ' (HTTP ' + s.httpStatus + ')' : ''),
      'next poll ' + C.view.time(s.nextFetch),
      (s.itemsLast24h || 0) + ' new items in 24 h'
    ];
    return el('li', { class: 'feed', 'data-state': s.state || 'pending' },
      el('p', { class: 'feed-name' }, el('span', { class: 'state' }, s.state || 'pending'), feed.source || feed.url),
      el('p', { class: 'feed-url' }, feed.url),
      el('p', { class: 'meta' }, lines.join(' · ')),
      s.state === 'failing' ? el('p', { class: 'failing' }, 'Failing since ' + C.view.time(s.failingSince) + ' (' +
        s.consecutiveErrors + ' in a row): ' + (s.lastError || 'no reason given')) : null,
      el('div', { class: 'feed-actions' },
        button('Fetch now', function () {
          self.desk.act('Fetching ' + feed.url, function () { return api.fetchFeed(feed.id); }, null)
            .then(function () { self.load(); });
        }, { 'data-key': key + ':fetch', 'aria-label': 'Fetch now: ' + feed.url }),
        button('Remove', function () {
          self.desk.act('Feed removed', function () { return api.removeFeed(feed.id); },
            function () { return api.addFeed(again).then(function () { self.load(); }); })
            .then(function () { self.load(); });
        }, { 'data-key': key + ':remove', 'aria-label': 'Remove feed ' + feed.url })));
  };

  C.Doubts = Doubts;
  C.Figures = Figures;
  C.Feeds = Feeds;
})(globalThis);
