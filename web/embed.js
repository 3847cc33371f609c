/* embed.js: the iframe form, /embed?category=sport&theme=dark&limit=10&source=wire */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.style.colorScheme = theme;
  NewsTicker.mount(document.getElementById('ticker'), {
    category: params.get('category'),
    source: params.get('source'),
    breaking: params.get('breaking') === 'true',
    limit: params.get('limit') || 10,
    theme: theme,
    transport: params.get('transport')
  });
})();
