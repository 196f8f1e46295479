// Suggestions as you type, for every input marked data-suggest: names from /api/suggest in a list under the box.
// Choosing one opens its page, or (in the path finder's id fields) fills in its id.
(function () {
  'use strict';
  document.querySelectorAll('input[data-suggest], #site-search').forEach(function (input) {
    var list = document.createElement('ul');
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.setAttribute('aria-autocomplete', 'list');
    input.parentNode.insertBefore(list, input.nextSibling);
    var fillsId = input.name === 'from' || input.name === 'to';
    var target = input.getAttribute('data-suggest-target') ? document.getElementById(input.getAttribute('data-suggest-target')) : null;
    var timer = null;
    var latest = 0;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { list.hidden = true; return; }
      timer = setTimeout(function () {
        var ticket = ++latest;
        fetch('/api/suggest?q=' + encodeURIComponent(q)).then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            if (ticket !== latest) { return; }
            list.innerHTML = '';
            items.forEach(function (item) {
              var li = document.createElement('li');
              li.setAttribute('role', 'option');
              var a = document.createElement('a');
              a.href = item.url;
              a.textContent = item.name;
              a.setAttribute('data-id', item.id);
              var kind = document.createElement('span');
              kind.className = 'suggestion-kind';
              kind.textContent = ' ' + item.kind;
              a.appendChild(kind);
              if (fillsId) {
                a.addEventListener('click', function (e) { e.preventDefault(); input.value = item.id; list.hidden = true; });
              } else if (target) {
                a.addEventListener('click', function (e) {
                  e.preventDefault();
                  var ids = target.value.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
                  if (ids.indexOf(item.id) < 0) { ids.push(item.id); }
                  target.value = ids.join(',');
                  input.value = '';
                  list.hidden = true;
                });
              }
              li.appendChild(a);
              list.appendChild(li);
            });
            list.hidden = items.length === 0;
          });
      }, 150);
    });
    input.addEventListener('keydown', function (e) { if (e.key === 'Escape') { list.hidden = true; } });
    document.addEventListener('click', function (e) { if (e.target !== input && !list.contains(e.target)) { list.hidden = true; } });
  });
})();
