/* page.js: the ticker page at /: category filters around one ticker view. */
(function () {
  'use strict';

  // Shown before any story arrives; categories seen on the stream are added as they come.
  var DEFAULT_CATEGORIES = ['world', 'politics', 'business', 'tech', 'science', 'sport'];
  var params = new URLSearchParams(location.search);
  var current = params.get('category') || '';
  var categories = DEFAULT_CATEGORIES.slice();
  var filters = document.getElementById('filters');

  var view = NewsTicker.mount(document.getElementById('ticker'), {
    category: current || null,
    source: params.get('source'),
    breaking: params.get('breaking') === 'true',
    transport: params.get('transport'),
    limit: params.get('limit') || 50,
    summaries: true,
    label: 'Latest news',
    onStories: learnCategories
  });
  renderFilters();

  function learnCategories(stories) {
    var before = categories.length;
    stories.forEach(function (story) {
      if (typeof story.category === 'string' && story.category && categories.indexOf(story.category) < 0) {
        categories.push(story.category);
      }
    });
    if (categories.length !== before) renderFilters();
  }

  function renderFilters() {
    filters.textContent = '';
    [''].concat(categories).forEach(function (category) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = category || 'All';
      button.setAttribute('aria-pressed', String(category === current));
      button.addEventListener('click', function () { choose(category); });
      filters.appendChild(document.createElement('li')).appendChild(button);
    });
  }

  function choose(category) {
    if (category === current) return;
    current = category;
    var url = new URL(location.href);
    if (category) url.searchParams.set('category', category); else url.searchParams.delete('category');
    history.replaceState(null, '', url);
    view.setFilter({ category: category || null });
    renderFilters();
    filters.querySelector('[aria-pressed="true"]').focus();
  }
})();
