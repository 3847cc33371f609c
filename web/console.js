/*
 * console.js: the editor's console at /console. Signs in (or finds loopback access), follows the
 * live stream, and runs every action through act(): the API's refusal shown verbatim, or a
 * notice with ten seconds to undo by the reverse action.
 */
(function (global) {
  'use strict';

  var C = global.NewsConsole;
  var api = C.api;
  var UNDO_SECONDS = 10;
  var FIGURES_EVERY_MS = 5000;
  var FEEDS_EVERY_MS = 15000;
  var DOUBTS_EVERY_MS = 20000;
  var LIVE_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', closed: 'Closed' };

  var $ = function (id) { return document.getElementById(id); };
  var pending = null;

  var desk = { act: act };
  var stories = new C.Stories($('stories'), $('stories-empty'), desk);
  var doubts = new C.Doubts($('doubts'), $('doubts-state'), desk, stories);
  var figures = new C.Figures($('figures'));
  var feeds = new C.Feeds($('feeds'), $('feeds-state'), $('add-feed'), desk);

  /** Runs an action; resolves with its answer, or with null once its refusal is shown. */
  function act(label, run, undo) {
    $('refusal').hidden = true;
    return run().then(function (answer) {
      offer(label, undo ? function () { return undo(answer); } : null);
      return answer;
    }, function (error) {
      refuse(error);
      return null;
    });
  }

  function refuse(error) {
    var refusal = $('refusal');
    refusal.textContent = error && error.message ? error.message : String(error);
    refusal.hidden = false;
  }

  /** The notice after an action, with its undo for ten seconds when there is one. */
  function offer(text, undo) {
    clearInterval(pending && pending.timer);
    pending = undo ? { undo: undo, until: Date.now() + UNDO_SECONDS * 1000 } : null;
    $('notice-text').textContent = text + '.';
    $('notice').hidden = false;
    $('undo').hidden = !undo;
    if (pending) {
      pending.timer = setInterval(countDown, 250);
      countDown();
    }
  }

  function countDown() {
    var left = Math.ceil((pending.until - Date.now()) / 1000);
    if (left > 0) {
      $('undo-left').textContent = '(' + left + ' s)';
      return;
    }
    var hadFocus = document.activeElement === $('undo');
    clearInterval(pending.timer);
    pending = null;
    $('undo').hidden = true;
    if (hadFocus) $('stories-heading').focus();
  }

  function undo() {
    if (!pending) return;
    var reverse = pending.undo;
    clearInterval(pending.timer);
    pending = null;
    $('undo').hidden = true;
    $('notice-text').textContent = 'Undoing…';
    act('Undone', reverse, null);
  }

  $('undo').addEventListener('click', undo);
  document.addEventListener('keydown', function (event) {
    if (event.altKey && event.code === 'KeyZ' && pending) {
      event.preventDefault();
      undo();
    }
  });

  function showAccess(state, text) {
    var access = $('access');
    access.setAttribute('data-state', state);
    access.textContent = text;
    var signedIn = state === 'signed-in' || state === 'loopback';
    $('signin').hidden = signedIn;
    $('signout').hidden = !api.token();
    document.body.setAttribute('data-access', state);
  }

  /** Who we are to the server: the figures answer only a publisher, so they say it. */
  function checkAccess() {
    return api.figures().then(function (f) {
      if (api.token()) showAccess('signed-in', 'Signed in as ' + f.publisher + '.');
      else showAccess('loopback', 'No publish token is configured: the console works from this machine (loopback) only.');
      refreshPanels();
    }, function (error) {
      if (error.status === 401) {
        showAccess('signed-out', 'Sign in with a publish token to correct the desk.');
      } else if (error.status === 403 && api.token()) {
        api.setToken('');
        showAccess('signed-out', 'Refused: ' + error.message + '.');
      } else {
        showAccess('refused', error.message);
      }
    });
  }

  $('signin').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('token');
    api.setToken(input.value.trim());
    input.value = '';
    checkAccess();
  });

  $('signout').addEventListener('click', function () {
    api.setToken('');
    checkAccess().then(function () { $('token').focus(); });
  });

  function signedIn() {
    var state = document.body.getAttribute('data-access');
    return state === 'signed-in' || state === 'loopback';
  }

  function refreshPanels() {
    figures.load();
    feeds.load();
    doubts.load();
  }

  var doubtsSoon = null;
  /** Stories changed: the doubts may have too (merged, split or retracted stories leave the list). */
  function reloadDoubtsSoon() {
    clearTimeout(doubtsSoon);
    doubtsSoon = setTimeout(function () { if (signedIn()) doubts.load(); }, 500);
  }

  var stream = connect();
  // A page left for another keeps no stream open (a browser allows few connections per host);
  // back again from the back-forward cache, it follows the stream anew.
  global.addEventListener('pagehide', function () { stream.close(); });
  global.addEventListener('pageshow', function (event) { if (event.persisted) stream = connect(); });

  function connect() {
    return NewsTicker.connect({
      snapshot: 200,
      onSnapshot: function (list) { stories.replaceAll(list); reloadDoubtsSoon(); },
      onStory: function (story) { stories.upsert(story); reloadDoubtsSoon(); },
      onRemove: function (story) { stories.remove(story.id); reloadDoubtsSoon(); },
      onMerge: function (story, envelope) { stories.merged(story, envelope.merged); reloadDoubtsSoon(); },
      onResync: function () {},
      onStatus: function (state) {
        $('live').setAttribute('data-state', state);
        $('live').textContent = LIVE_TEXT[state] || state;
      }
    });
  }

  setInterval(function () { stories.tick(Date.now()); }, 1000);
  setInterval(function () { if (signedIn()) figures.load(); }, FIGURES_EVERY_MS);
  setInterval(function () { if (signedIn()) feeds.load(); }, FEEDS_EVERY_MS);
  setInterval(function () { if (signedIn()) doubts.load(); }, DOUBTS_EVERY_MS);
  checkAccess();
})(globalThis);
