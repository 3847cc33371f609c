/* page.js: the ticker page at /: category filters around one ticker view. */
(function () {
  'use strict';

  // Shown before any story arrives; categories seen on the stream are added as they come.
  var DEFAULT_CATEGORIES = ['world', 'politics', 'business', 'tech', 'science', 'sport'];
  var params = new URLSearchParams(location.search);
  var current = params.get('category') || '';
  var filters = document.getElementById('filters');
  var buttons = new Map();

  [''].concat(DEFAULT_CATEGORIES, current ? [current] : []).forEach(addFilter);
  markCurrent();

  var view = NewsTicker.mount(document.getElementById('ticker'), {
    category: current || null,
    source: params.get('source'),
    breaking: params.get('breaking') === 'true',
    transport: params.get('transport'),
    limit: params.get('limit') || 50,
    summaries: true,
    label: 'Latest news',
    onStories: function (stories) {
      stories.forEach(function (story) {
        if (typeof story.category === 'string' && story.category) addFilter(story.category);
      });
    }
  });

  /** Buttons are only ever added, never rebuilt, so keyboard focus on one is never lost. */
  function addFilter(category) {
    if (buttons.has(category)) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = category || 'All';
    button.setAttribute('aria-pressed', String(category === current));
    button.addEventListener('click', function () { choose(category); });
    filters.appendChild(document.createElement('li')).appendChild(button);
    buttons.set(category, button);
  }

  function markCurrent() {
    buttons.forEach(function (button, category) {
      button.setAttribute('aria-pressed', String(category === current));
    });
  }

  function choose(category) {
    if (category === current) return;
    current = category;
    var url = new URL(location.href);
    if (category) url.searchParams.set('category', category); else url.searchParams.delete('category');
    history.replaceState(null, '', url);
    markCurrent();
    view.setFilter({ category: category || null });
  }
})();
