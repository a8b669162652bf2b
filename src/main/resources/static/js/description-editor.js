// Rich-text editing of product descriptions with Quill (BSD-3-Clause, shipped in the jar).
// The textarea stays the form field: the editor writes its HTML into it, and the server
// sanitises whatever arrives. Without JavaScript, or for HTML the editor cannot represent
// (tables, images), the textarea is edited as it is.
(function () {
  'use strict';

  var FORMATS = ['header', 'bold', 'italic', 'underline', 'list', 'link'];
  var TOOLBAR = [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'],
    [{ list: 'ordered' }, { list: 'bullet' }], ['link'], ['clean']];
  var UNSUPPORTED = /<(table|img|h1|h4|h5|h6)\b/i;

  function enhance(textarea) {
    if (!window.Quill || UNSUPPORTED.test(textarea.value)) {
      return;
    }
    var container = document.createElement('div');
    container.className = 'description-editor';
    container.id = textarea.id + '-editor';
    textarea.parentNode.insertBefore(container, textarea.nextSibling);
    var quill = new window.Quill(container, {
      theme: 'snow',
      formats: FORMATS,
      modules: { toolbar: TOOLBAR }
    });
    quill.setContents(quill.clipboard.convert({ html: textarea.value }), 'silent');
    quill.root.setAttribute('aria-labelledby', textarea.id + '-label');
    quill.root.setAttribute('role', 'textbox');
    quill.root.setAttribute('aria-multiline', 'true');
    if (textarea.classList.contains('is-invalid')) {
      container.classList.add('is-invalid');
    }
    textarea.classList.add('d-none');
    textarea.setAttribute('data-rich-text-active', 'true');
    function store() {
      var empty = quill.getText().trim() === '';
      // Quill writes every space as a no-break space; the stored text keeps plain ones.
      textarea.value = empty ? '' : quill.getSemanticHTML().replace(/&nbsp;/g, ' ');
    }
    quill.on('text-change', store);
    textarea.form.addEventListener('submit', store);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('textarea[data-rich-text]').forEach(enhance);
  });
})();
