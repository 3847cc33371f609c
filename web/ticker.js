/*
 * ticker.js: the Newsticker client. No framework, no build step.
 *
 * Classic script: <script src="/ticker.js"></script> defines window.NewsTicker.
 * ES module: import { connect } from '/ticker.mjs' (which loads this same file).
 *
 *   const ticker = NewsTicker.connect({
 *     base: 'https://news.example',      // server origin; '' = this page's origin
 *     transport: 'sse',                  // or 'websocket'
 *     category: 'sport', source: 'wire', breaking: true, snapshot: 20, token: '...',
 *     onSnapshot(stories, envelope) {},  // replace everything shown with these (newest first)
 *     onStory(story, envelope) {},       // story.new or story.updated (envelope.type, .previous, .change)
 *     onRemove(story, envelope) {},      // story.removed
 *     onMerge(story, envelope) {},       // story.merged: drop the line of envelope.merged, show story (the
 *                                        // survivor) in place; left out, onRemove then onStory do it
 *     onResync(envelope) {},             // we fell behind: forget everything, a fresh snapshot follows
 *     onStatus(state) {}                 // 'connecting' | 'live' | 'reconnecting' | 'closed'
 *   });
 *   ticker.close();
 *
 * The client keeps the last seq it has seen. Every reconnect (after an error or a server restart)
 * picks up from there with `since`, and events at or below it are dropped, so a page never shows
 * a story event twice. After a resync the cursor is forgotten and a fresh snapshot starts over.
 * A story that leaves the filters (its breaking flag ends under `breaking: true`, its category is
 * edited away, a source is split off it, it is merged into a story outside them) comes once more
 * and goes to onRemove: the server sends an event to every reader that showed the story before.
 */
(function (global) {
  'use strict';

  var STREAM_PATH = '/api/v1/stream';
  var WS_PATH = '/api/v1/ws';
  var BACKOFF_FIRST_MS = 500;
  var BACKOFF_MAX_MS = 30000;
  var RESYNC_WAIT_MS = 5000;
  var LIVE_TYPES = ['story.new', 'story.updated', 'story.removed', 'story.merged', 'resync'];

  function noop() {}

  /** Exponential backoff with jitter, so a restarted server is not hit by every reader at once. */
  function backoffDelay(attempt) {
    var ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * Math.pow(2, attempt));
    return Math.round(ceiling / 2 + Math.random() * ceiling / 2);
  }

  function Connection(options) {
    this.options = options;
    this.base = (options.base || '').replace(/\/+$/, '');
    this.transport = options.transport === 'websocket' ? 'websocket' : 'sse';
    this.snapshotSize = options.snapshot == null ? 20 : options.snapshot;
    this.lastSeq = null;
    this.attempt = 0;
    this.socket = null;
    this.timer = null;
    this.closed = false;
    this.state = null;
    this.handlers = {
      snapshot: options.onSnapshot || noop,
      story: options.onStory || noop,
      remove: options.onRemove || noop,
      merge: options.onMerge || null,
      resync: options.onResync || noop,
      status: options.onStatus || noop
    };
    this.setState('connecting');
    this.open();
    // Back online: no point sitting out the rest of a long backoff.
    var self = this;
    this.onOnline = function () {
      if (self.state === 'reconnecting' && !self.socket) self.schedule(0);
    };
    if (global.addEventListener) global.addEventListener('online', this.onOnline);
  }

  Connection.prototype.setState = function (state) {
    if (state !== this.state) {
      this.state = state;
      this.handlers.status(state);
    }
  };

  /** The filters, and where to start: after the last seq seen, or (first time, after a resync) with a snapshot. */
  Connection.prototype.request = function () {
    var o = this.options;
    var request = {};
    if (o.category) request.category = o.category;
    if (o.source) request.source = o.source;
    if (o.breaking) request.breaking = true;
    if (this.lastSeq == null) {
      request.snapshot = this.snapshotSize;
    } else {
      request.since = this.lastSeq;
    }
    return request;
  };

  Connection.prototype.open = function () {
    if (this.closed) return;
    if (this.transport === 'websocket') {
      this.openWebSocket();
    } else {
      this.openEventSource();
    }
  };

  Connection.prototype.openEventSource = function () {
    var self = this;
    var params = new URLSearchParams(this.request());
    if (this.options.token) params.set('token', this.options.token);
    var source = new EventSource(this.base + STREAM_PATH + '?' + params.toString());
    this.socket = source;
    source.onopen = function () { self.opened(); };
    // EventSource would retry by itself at the server's fixed `retry:` pace and resend the
    // original URL; closing and reopening here gives backoff and the `since` of this moment.
    source.onerror = function () { self.failed(); };
    source.addEventListener('snapshot', function (e) { self.receive(e.data); });
    LIVE_TYPES.forEach(function (type) {
      source.addEventListener(type, function (e) { self.receive(e.data); });
    });
  };

  Connection.prototype.openWebSocket = function () {
    var self = this;
    var url = new URL(this.base + WS_PATH, global.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    // the subscription in the URL, as for SSE: the server starts with it at once
    var request = this.request();
    Object.keys(request).forEach(function (name) { url.searchParams.set(name, String(request[name])); });
    if (this.options.token) url.searchParams.set('token', this.options.token);
    var socket = new WebSocket(url.href);
    this.socket = socket;
    socket.onopen = function () { self.opened(); };
    socket.onmessage = function (e) { self.receive(e.data); };
    socket.onclose = function () { self.failed(); };
  };

  Connection.prototype.opened = function () {
    this.setState('live');
  };

  Connection.prototype.detach = function () {
    var socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onerror = socket.onclose = socket.onmessage = null;
    socket.close();
  };

  Connection.prototype.failed = function () {
    if (this.closed || !this.socket) return;
    this.detach();
    this.setState('reconnecting');
    this.schedule(backoffDelay(this.attempt++));
  };

  Connection.prototype.schedule = function (delay) {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.open(); }, delay);
  };

  Connection.prototype.receive = function (data) {
    var envelope;
    try {
      envelope = JSON.parse(data);
    } catch (err) {
      return;
    }
    if (!envelope || typeof envelope.type !== 'string') return;
    // Backoff restarts only once the server really talks, not when it accepts and drops us.
    this.attempt = 0;
    if (envelope.type === 'snapshot') {
      clearTimeout(this.timer);
      this.lastSeq = envelope.seq;
      this.handlers.snapshot(envelope.stories || [], envelope);
      return;
    }
    if (envelope.type === 'resync') {
      this.resync(envelope);
      return;
    }
    if (typeof envelope.seq === 'number') {
      if (this.lastSeq != null && envelope.seq <= this.lastSeq) return;
      this.lastSeq = envelope.seq;
    }
    if (!envelope.story || envelope.story.id == null) return;
    var wanted = this.wants(envelope.story);
    if (envelope.type === 'story.removed' || (envelope.type === 'story.updated' && !wanted)) {
      this.handlers.remove(envelope.story, envelope);
    } else if (envelope.type === 'story.new' || envelope.type === 'story.updated') {
      this.handlers.story(envelope.story, envelope);
    } else if (envelope.type === 'story.merged' && envelope.merged != null) {
      if (this.handlers.merge && wanted) {
        this.handlers.merge(envelope.story, envelope);
      } else {
        this.handlers.remove({ id: envelope.merged }, envelope);
        if (wanted) this.handlers.story(envelope.story, envelope);
        else this.handlers.remove(envelope.story, envelope);
      }
    }
  };

  /** Whether a story matches this connection's filters, as the server matches them. */
  Connection.prototype.wants = function (story) {
    var o = this.options;
    if (o.category && String(story.category || '').toLowerCase() !== String(o.category).toLowerCase()) return false;
    if (o.source && !(Array.isArray(story.sources) && story.sources.indexOf(o.source) >= 0)) return false;
    return !o.breaking || story.breaking === true;
  };

  /**
   * The server could not keep up with us (or we asked for too old a seq): drop everything. The
   * server follows a resync with a fresh snapshot on the same connection; should none come, we
   * reconnect and ask for one.
   */
  Connection.prototype.resync = function (envelope) {
    var self = this;
    this.lastSeq = null;
    this.handlers.resync(envelope);
    clearTimeout(this.timer);
    this.timer = setTimeout(function () {
      if (self.lastSeq == null && self.socket) {
        self.detach();
        self.setState('reconnecting');
        self.open();
      }
    }, RESYNC_WAIT_MS);
  };

  Connection.prototype.close = function () {
    this.closed = true;
    if (global.removeEventListener) global.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
    this.detach();
    this.setState('closed');
  };

  function connect(options) {
    return new Connection(options || {});
  }

  var api = global.NewsTicker || {};
  api.connect = connect;
  api.backoffDelay = backoffDelay;
  global.NewsTicker = api;
})(globalThis);
