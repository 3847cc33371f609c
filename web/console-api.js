/*
 * console-api.js: the console's calls to the API. The publish token lives in sessionStorage only
 * (gone with the tab) and travels in the Authorization header, never in a URL.
 */
(function (global) {
  'use strict';

  var TOKEN_KEY = 'newsticker.console.token';

  /** A refusal: `message` is the API's own `error`, shown verbatim. */
  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function token() {
    return global.sessionStorage.getItem(TOKEN_KEY) || '';
  }

  function setToken(value) {
    if (value) global.sessionStorage.setItem(TOKEN_KEY, value);
    else global.sessionStorage.removeItem(TOKEN_KEY);
  }

  /** Resolves with the answer's JSON (null for 204); rejects with an ApiError. */
  function call(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (token()) headers.Authorization = 'Bearer ' + token();
    var init = { method: method, headers: headers, cache: 'no-store', credentials: 'omit' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return global.fetch(path, init).then(function (response) {
      if (response.status === 204) return null;
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (err) {
          json = null;
        }
        if (!response.ok) {
          var reason = json && typeof json.error === 'string' ? json.error : text || ('HTTP ' + response.status);
          throw new ApiError(response.status, reason);
        }
        return json;
      });
    }, function () {
      throw new ApiError(0, 'the server did not answer');
    });
  }

  function story(id) {
    return call('GET', '/api/v1/stories/' + encodeURIComponent(id));
  }

  function storyCall(method, id, action, body) {
    return call(method, '/api/v1/stories/' + encodeURIComponent(id) + (action ? '/' + action : ''), body);
  }

  var api = {
    ApiError: ApiError,
    token: token,
    setToken: setToken,
    call: call,
    story: story,
    edit: function (id, fields) { return storyCall('PATCH', id, '', fields); },
    retract: function (id) { return storyCall('DELETE', id, ''); },
    restore: function (id) { return storyCall('POST', id, 'restore'); },
    breakingFor: function (id, minutes) { return storyCall('POST', id, 'breaking', { minutes: minutes }); },
    breakingUntil: function (id, until) { return storyCall('POST', id, 'breaking', { until: until }); },
    endBreaking: function (id) { return storyCall('DELETE', id, 'breaking'); },
    split: function (id, revision) { return storyCall('POST', id, 'split', { revision: revision }); },
    unmerge: function (survivor, absorbed) { return storyCall('POST', survivor, 'split', { merged: absorbed }); },
    merge: function (id, into) { return storyCall('POST', id, 'merge', { into: into }); },
    apart: function (id, from) { return storyCall('POST', id, 'apart', { from: from }); },
    doubts: function () { return call('GET', '/api/v1/desk/doubts?limit=50'); },
    dismissDoubt: function (id) { return call('DELETE', '/api/v1/desk/doubts/' + encodeURIComponent(id)); },
    feeds: function () { return call('GET', '/api/v1/feeds'); },
    addFeed: function (feed) { return call('POST', '/api/v1/feeds', feed); },
    removeFeed: function (id) { return call('DELETE', '/api/v1/feeds/' + encodeURIComponent(id)); },
    fetchFeed: function (id) { return call('POST', '/api/v1/feeds/' + encodeURIComponent(id) + '/fetch'); },
    figures: function () { return call('GET', '/api/v1/figures'); }
  };

  global.NewsConsole = global.NewsConsole || {};
  global.NewsConsole.api = api;
})(globalThis);
