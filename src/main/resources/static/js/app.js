// Enhancements of the pages; every page works without them.
(function () {
  'use strict';

  // A form field shown only for some answer of another field (the Camunda Form's "hide" condition). Hidden fields
  // are disabled too, so that, as in the form viewer, what is hidden is not sent.
  function currentValue(form, key) {
    var controls = form.querySelectorAll('[name="' + key + '"]');
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      if (control.type === 'radio' || control.type === 'checkbox') {
        if (control.checked) return control.value;
      } else {
        return control.value;
      }
    }
    return '';
  }

  function applyConditions(form) {
    form.querySelectorAll('[data-cond-key]').forEach(function (field) {
      var equal = currentValue(form, field.dataset.condKey) === field.dataset.condValue;
      var show = field.dataset.condOp === 'show-if-equals' ? equal : !equal;
      field.hidden = !show;
      field.querySelectorAll('input, textarea, select').forEach(function (input) { input.disabled = !show; });
    });
  }

  function conditionalForms(root) {
    root.querySelectorAll('form[data-conditional]').forEach(function (form) {
      form.querySelectorAll('.cond-hint').forEach(function (hint) { hint.hidden = true; });
      applyConditions(form);
      form.addEventListener('change', function () { applyConditions(form); });
    });
  }

  // The read-only process diagrams of an engagement's page: the viewer (bpmn-js) is loaded only where a page has
  // a diagram, and the elements the lifecycle waits at are highlighted.
  var viewer = null;

  function loadViewer(container) {
    if (!viewer) {
      viewer = new Promise(function (resolve, reject) {
        var css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = container.dataset.viewerCss;
        document.head.appendChild(css);
        var script = document.createElement('script');
        script.src = container.dataset.viewer;
        script.onload = function () { resolve(window.BpmnJS); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return viewer;
  }

  function showDiagram(container) {
    if (container.dataset.shown) return;
    container.dataset.shown = 'loading';
    Promise.all([loadViewer(container), fetch(container.dataset.src).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    })]).then(function (loaded) {
      container.textContent = '';
      var diagram = new loaded[0]({ container: container });
      return diagram.importXML(loaded[1]).then(function () {
        var canvas = diagram.get('canvas');
        (container.dataset.active || '').split(' ').filter(Boolean).forEach(function (id) {
          try { canvas.addMarker(id, 'active'); } catch (notDrawn) { /* an element without a shape */ }
        });
        canvas.zoom('fit-viewport');
        container.dataset.shown = 'shown';
      });
    }).catch(function () { container.dataset.shown = 'failed'; });
  }

  function init(root) {
    // a refused form: the list of what to fix takes the focus, so that it is read out and reached first
    var summary = root.querySelector('#error-summary');
    if (summary) summary.focus();
    conditionalForms(root);
    root.querySelectorAll('.diagram[data-src]').forEach(showDiagram);
  }

  if (window.htmx) {
    window.htmx.onLoad(init);
  } else {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  }
})();
