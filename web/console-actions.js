/*
 * console-actions.js: the forms of an open story that act on it alone: edit the headline in place,
 * breaking on (for some minutes) and off, retract. Each goes through desk.act with its undo.
 */
(function (global) {
  'use strict';

  var C = global.NewsConsole;
  var el = C.view.el;
  var button = C.view.button;
  var api = C.api;
  var DEFAULT_BREAKING_MINUTES = 30;

  function editForm(id, detail, desk) {
    var input = el('input', { id: 'headline-' + id, type: 'text', required: true, 'data-key': 'headline:' + id });
    input.value = detail.headline;
    var form = el('form', { class: 'edit', method: 'post', action: '#' },
      el('label', { for: 'headline-' + id }, 'Headline'), input,
      el('button', { type: 'submit', 'data-key': 'save:' + id }, 'Save headline'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var before = detail.headline;
      var after = input.value;
      desk.act('Headline corrected', function () { return api.edit(id, { headline: after }); },
        function () { return api.edit(id, { headline: before }); });
    });
    return form;
  }

  function breakingForm(id, detail, desk) {
    var wasUntil = detail.breaking ? detail.breakingUntil : null;
    var minutes = el('input', { id: 'minutes-' + id, type: 'number', min: 1, max: 10080, step: 1, required: true,
      'data-key': 'minutes:' + id });
    minutes.value = String(DEFAULT_BREAKING_MINUTES);
    var form = el('form', { class: 'breaking-form', method: 'post', action: '#' },
      el('label', { for: 'minutes-' + id }, 'Breaking for (minutes)'), minutes,
      el('button', { type: 'submit', 'data-key': 'set-breaking:' + id }, detail.breaking ? 'Change end' : 'Set breaking'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var count = Number(minutes.value);
      desk.act('Breaking for ' + count + ' min', function () { return api.breakingFor(id, count); },
        function () { return restoreBreaking(id, wasUntil); });
    });
    if (detail.breaking) {
      form.appendChild(button('End breaking', function () {
        desk.act('Breaking ended', function () { return api.endBreaking(id); },
          function () { return restoreBreaking(id, wasUntil); });
      }, { 'data-key': 'end-breaking:' + id }));
    }
    return form;
  }

  /** Undo of a breaking change: the flag as it was (its old end, if still ahead), or off. */
  function restoreBreaking(id, until) {
    if (until && new Date(until).getTime() > Date.now()) return api.breakingUntil(id, until);
    return api.endBreaking(id);
  }

  /** The undo restores the story as it was (POST /restore): readers get it back as story.new. */
  function retractControl(id, desk) {
    return el('div', { class: 'retract' }, button('Retract', function () {
      desk.act('Retracted', function () { return api.retract(id); }, function () { return api.restore(id); });
    }, { class: 'danger', 'data-key': 'retract:' + id }));
  }

  C.storyActions = { editForm: editForm, breakingForm: breakingForm, retractControl: retractControl };
})(globalThis);
