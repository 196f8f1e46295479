// The neighbourhood view on entity pages: the node and its neighbours drawn with Cytoscape.js, coloured by kind.
// Clicking a node selects it (its page can be opened, or its own neighbours added in place); a group node stands
// for neighbours cut from a crowded group and opens their full list. Without JavaScript the page lists the same
// relationships below.
(function () {
  'use strict';
  var container = document.getElementById('graph');
  if (!container || typeof cytoscape === 'undefined') { return; }
  // each kind's colour, from the page (the site's list of kinds), so that no script keeps its own
  var colours = JSON.parse(document.body.getAttribute('data-kind-colours') || '{}');
  var centre = container.getAttribute('data-id');
  var cy = cytoscape({
    container: container,
    elements: [],
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
          'label': 'data(name)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 110,
          'text-valign': 'bottom', 'text-margin-y': 3, 'width': 18, 'height': 18,
          'background-color': function (n) { return colours[n.data('kind')] || '#999'; } } },
      { selector: 'node[?group]', style: { 'shape': 'round-rectangle', 'background-color': '#ecf0f1',
          'border-width': 1, 'border-color': '#95a5a6', 'width': 34, 'height': 16, 'text-valign': 'center',
          'text-margin-y': 0, 'font-size': 9 } },
      { selector: 'node.centre', style: { 'width': 30, 'height': 30, 'font-weight': 'bold', 'font-size': 12 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f1c40f' } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#c3cad6', 'curve-style': 'bezier',
          'target-arrow-shape': 'triangle', 'target-arrow-color': '#c3cad6', 'arrow-scale': 0.6,
          'label': 'data(label)', 'font-size': 7, 'color': '#7a8494', 'text-rotation': 'autorotate' } }
    ]
  });
  var status = document.getElementById('graph-status');
  var openLink = document.getElementById('graph-open');
  var expandSelect = document.getElementById('graph-expand-select');
  var expanded = {};

  function add(data) {
    var added = [];
    data.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).length === 0) {
        added.push({ group: 'nodes', data: { id: n.id, name: n.name, kind: n.kind, url: n.url, group: n.kind === null } });
      }
    });
    data.edges.forEach(function (e) {
      var id = e.source + '|' + e.type + '|' + e.target;
      if (cy.getElementById(id).length === 0) {
        added.push({ group: 'edges', data: { id: id, source: e.source, target: e.target, label: e.label, type: e.type } });
      }
    });
    cy.add(added);
    cy.getElementById(centre).addClass('centre');
    cy.layout({ name: 'cose', animate: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 70; },
      randomize: false, fit: true, padding: 20 }).run();
    container.setAttribute('data-nodes', String(cy.nodes().length));
    container.setAttribute('data-edges', String(cy.edges().length));
    refreshExpandChoices();
    refreshLegend();
  }

  function refreshLegend() {
    var legend = document.getElementById('graph-legend');
    if (!legend) { return; }
    var kinds = {};
    cy.nodes().forEach(function (n) { if (n.data('kind')) { kinds[n.data('kind')] = true; } });
    legend.innerHTML = '';
    Object.keys(kinds).sort().forEach(function (k) {
      var li = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colours[k] || '#999';
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(k));
      legend.appendChild(li);
    });
  }

  function refreshExpandChoices() {
    if (!expandSelect) { return; }
    var current = expandSelect.value;
    expandSelect.innerHTML = '';
    cy.nodes().filter(function (n) { return !n.data('group') && !expanded[n.id()]; })
      .sort(function (a, b) { return a.data('name').localeCompare(b.data('name')); })
      .forEach(function (n) {
        var o = document.createElement('option');
        o.value = n.id(); o.textContent = n.data('name') + ' (' + n.data('kind') + ')';
        expandSelect.appendChild(o);
      });
    if (current) { expandSelect.value = current; }
  }

  function expand(id) {
    if (expanded[id]) { return Promise.resolve(); }
    expanded[id] = true;
    if (status) { status.textContent = 'Adding the neighbours of ' + (cy.getElementById(id).data('name') || id) + '…'; }
    return fetch('/api/graph/' + encodeURIComponent(id) + '?cap=10', { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (data) {
        add(data);
        container.setAttribute('data-expanded', Object.keys(expanded).join(' '));
        if (status) { status.textContent = 'Showing ' + cy.nodes().length + ' nodes and ' + cy.edges().length + ' links.'; }
      })
      .catch(function (err) { if (status) { status.textContent = 'Could not load the neighbourhood: ' + err.message; } });
  }

  cy.on('tap', 'node', function (evt) {
    var n = evt.target;
    if (n.data('group')) { window.location.href = n.data('url'); return; }
    if (openLink) { openLink.href = n.data('url'); openLink.textContent = 'Open ' + n.data('name'); openLink.hidden = false; }
    if (expandSelect) { expandSelect.value = n.id(); }
  });
  cy.on('dbltap', 'node', function (evt) { if (!evt.target.data('group')) { expand(evt.target.id()); } });

  var form = document.getElementById('graph-expand');
  if (form) {
    form.addEventListener('submit', function (e) { e.preventDefault(); if (expandSelect.value) { expand(expandSelect.value); } });
  }
  window.policyGraphView = { cy: cy, expand: expand };
  expand(centre);
})();
