// The Cypher console: Ctrl+Enter (or Cmd+Enter) runs the query, and the nodes and relationships of a result are
// drawn with Cytoscape.js in the colours of the entity pages. The page works without this script: the form posts
// and the server renders the table.
(function () {
  'use strict';
  var form = document.getElementById('console-form');
  if (form) {
    form.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.submit(); }
    });
  }
  var container = document.getElementById('cypher-graph');
  if (!container || typeof cytoscape === 'undefined') { return; }
  // each kind's colour, from the page (the site's list of kinds), so that no script keeps its own
  var colours = JSON.parse(document.body.getAttribute('data-kind-colours') || '{}');
  var data = JSON.parse(container.getAttribute('data-graph'));
  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: 'nodes', data: { id: n.id, name: n.name, kind: n.kind, url: n.url } });
  });
  data.edges.forEach(function (e) {
    elements.push({ group: 'edges', data: { id: e.source + '|' + e.type + '|' + e.target, source: e.source,
      target: e.target, label: e.label } });
  });
  var cy = cytoscape({
    container: container,
    elements: elements,
    wheelSensitivity: 0.3,
    maxZoom: 1.6,
    minZoom: 0.1,
    style: [
      { selector: 'node', style: {
          'label': 'data(name)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 110,
          'text-valign': 'bottom', 'text-margin-y': 3, 'width': 18, 'height': 18,
          'background-color': function (n) { return colours[n.data('kind')] || '#999'; } } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f1c40f' } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#c3cad6', 'curve-style': 'bezier',
          'target-arrow-shape': 'triangle', 'target-arrow-color': '#c3cad6', 'arrow-scale': 0.6,
          'label': 'data(label)', 'font-size': 7, 'color': '#7a8494', 'text-rotation': 'autorotate' } }
    ],
    layout: { name: 'cose', animate: false, nodeRepulsion: function () { return 9000; },
      idealEdgeLength: function () { return 70; }, fit: true, padding: 20 }
  });
  container.setAttribute('data-nodes', String(cy.nodes().length));
  container.setAttribute('data-edges', String(cy.edges().length));
  cy.on('dbltap', 'node', function (evt) { var url = evt.target.data('url'); if (url) { window.location.href = url; } });
})();
