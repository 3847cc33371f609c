/*
 * Drives NewsTicker.connect against a scripted EventSource, for protocol cases a real server
 * rarely produces on demand (duplicates, resync, a resync with no snapshot after it).
 * Runs inside the page via executeAsyncScript; answers a log of what the client did.
 */
(function (done) {
  'use strict';
  var log = [];
  var sources = [];
  function FakeEventSource(url) {
    this.url = url;
    this.listeners = {};
    this.closed = false;
    sources.push(this);
    log.push('open ' + url.replace(/^.*\?/, ''));
  }
  FakeEventSource.prototype.addEventListener = function (type, listener) { this.listeners[type] = listener; };
  FakeEventSource.prototype.close = function () { this.closed = true; };
  FakeEventSource.prototype.emit = function (envelope) {
    this.listeners[envelope.type]({ data: JSON.stringify(envelope) });
  };
  var realEventSource = window.EventSource;
  window.EventSource = FakeEventSource;

  var ticker = NewsTicker.connect({
    category: 'sport',
    onSnapshot: function (stories, e) { log.push('snapshot ' + e.seq + ' ' + stories.map(function (s) { return s.id; }).join(',')); },
    onStory: function (story, e) { log.push(e.type + ' ' + story.id + ' ' + e.seq); },
    onRemove: function (story, e) { log.push('removed ' + story.id + ' ' + e.seq); },
    onResync: function () { log.push('resync'); },
    onStatus: function (state) { log.push('status ' + state); }
  });
  var first = sources[0];
  first.onopen();
  first.emit({ type: 'snapshot', seq: 10, stories: [{ id: 'a' }, { id: 'b' }] });
  first.emit({ type: 'story.new', seq: 10, story: { id: 'old' } });
  // an update that takes a story out of the filters (its category edited away) comes as a removal
  first.emit({ type: 'story.updated', seq: 11, story: { id: 'unknown', category: 'politics' }, was: { category: 'sport' } });
  first.emit({ type: 'story.updated', seq: 11, story: { id: 'unknown' } });
  first.emit({ type: 'story.removed', seq: 12, story: { id: 'a' } });
  first.onerror();
  log.push('first closed ' + first.closed);

  setTimeout(function () {
    var second = sources[1];
    second.onopen();
    second.emit({ type: 'story.new', seq: 13, story: { id: 'c' } });
    second.emit({ type: 'resync', seq: 13 });
    second.emit({ type: 'snapshot', seq: 20, stories: [{ id: 'd' }] });
    second.emit({ type: 'story.new', seq: 21, story: { id: 'e' } });
    second.emit({ type: 'resync', seq: 21 });
    // No snapshot follows this time: the client must come back and ask for one.
    setTimeout(function () {
      ticker.close();
      window.EventSource = realEventSource;
      done(log);
    }, 6000);
  }, 1200);
})(arguments[arguments.length - 1]);
