// The console's Cypher editor: Neo4j's Cypher support for CodeMirror 6 (@neo4j-cypher/codemirror), with syntax
// highlighting, bracket matching, linting and completion of the graph's labels, relationship types, properties and
// the saved queries' parameters (the page gives them in <script type="application/json" id="cypher-schema">).
// It takes the place of the query's <textarea>, and keeps the textarea's value in step, so that the form posts
// what the editor holds; without JavaScript the textarea and the form work as they are.
// Built into ../../resources/META-INF/resources/static/cypher-editor.js by `npm run build` (see README.md here).
import { createCypherEditor } from '@neo4j-cypher/codemirror';
import { setDiagnostics } from '@codemirror/lint';
import { StyleModule } from 'style-mod';

// CodeMirror writes its themes through style-mod, which puts them in a <style> element when the editor is in the
// document itself; the site's Content-Security-Policy (style-src 'self', no inline styles) refuses such an element,
// and the editor would be unstyled (the completion list invisible). For a root without a <head> (a shadow root),
// style-mod uses a constructed style sheet instead, which the policy allows. So the document is given to style-mod
// as such a root: the same rules, in the same order, in one constructed sheet adopted by the document.
const documentAsSheetRoot = {
  ownerDocument: document,
  get adoptedStyleSheets() {
    return document.adoptedStyleSheets;
  },
  set adoptedStyleSheets(sheets) {
    document.adoptedStyleSheets = sheets;
  }
};
const mountStyles = StyleModule.mount;
if (document.adoptedStyleSheets && window.CSSStyleSheet) {
  StyleModule.mount = (root, modules, options) =>
    mountStyles(root === document ? documentAsSheetRoot : root, modules, options);
}

function start() {
  const form = document.getElementById('console-form');
  const textarea = document.getElementById('query');
  if (!form || !textarea) {
    return;
  }
  const schemaElement = document.getElementById('cypher-schema');
  const schema = schemaElement ? JSON.parse(schemaElement.getAttribute('data-schema') || '{}') : {};
  const host = document.createElement('div');
  host.id = 'query-editor';
  host.className = 'cypher-editor';
  host.setAttribute('aria-label', 'Query');
  textarea.parentNode.insertBefore(host, textarea);
  const { editor } = createCypherEditor(host, {
    value: textarea.value,
    schema,
    autocomplete: true,
    autocompleteCloseOnBlur: true,
    bracketMatching: true,
    closeBrackets: true,
    history: true,
    lineNumbers: true,
    lineNumberFormatter: (line) => String(line), // not the "$" prompt Neo4j's shells show on a one-line query
    lineWrapping: true,
    lint: true,
    search: false,
    theme: 'light',
    placeholder: textarea.getAttribute('placeholder') || ''
  });
  const view = editor.codemirror;
  const value = () => view.state.doc.toString();
  textarea.classList.add('replaced-by-editor');
  textarea.setAttribute('tabindex', '-1');
  editor.onValueChanged((value) => {
    textarea.value = value;
  });
  // Ctrl+Enter (Cmd+Enter) runs the query, before CodeMirror's own binding of it; the event goes no further, so
  // that the form's handler (console.js) does not submit a second time
  host.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      textarea.value = value();
      form.submit();
    }
  }, true);
  form.addEventListener('submit', () => {
    textarea.value = value();
  });

  // where the server said the query is wrong: the same place, marked in the editor
  const error = document.querySelector('.console-error[data-line]');
  if (error) {
    const line = Number(error.getAttribute('data-line'));
    const column = Number(error.getAttribute('data-column')) || 1;
    if (line >= 1 && line <= view.state.doc.lines) {
      const at = view.state.doc.line(line);
      const from = Math.min(at.from + column - 1, at.to);
      const to = Math.min(Math.max(from + 1, at.to), view.state.doc.length);
      view.dispatch(setDiagnostics(view.state, [{
        from, to, severity: 'error', source: 'server', message: error.getAttribute('data-message') || 'error'
      }]));
      editor.setPosition({ line, column });
      host.setAttribute('data-error-marked', String(line) + ':' + String(column));
    }
  }
  host.setAttribute('data-ready', 'true');
  // for scripts and tests: the text, and the editor's API (@neo4j-cypher/codemirror's EditorApi)
  window.PolicyGraphCypherEditor = { getValue: value, setValue: (v) => editor.setValue(v), api: editor };
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
