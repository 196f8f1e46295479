// Writes the licence of every package bundled into cypher-editor.js (the production dependencies, transitively)
// next to the bundle, from each package's own package.json.
const fs = require('fs');
const path = require('path');
const seen = new Map();
function visit(name, from) {
  let dir = from;
  while (true) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8'));
      const key = pkg.name + '@' + pkg.version;
      if (seen.has(key)) return;
      seen.set(key, pkg.license || (pkg.licenses || []).map((l) => l.type).join(' OR ') || 'UNKNOWN');
      Object.keys(pkg.dependencies || {}).forEach((d) => visit(d, path.dirname(candidate)));
      return;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('not installed: ' + name);
    dir = parent;
  }
}
const root = JSON.parse(fs.readFileSync('package.json', 'utf8'));
Object.keys(root.dependencies).forEach((d) => visit(d, __dirname));
const lines = ['The Cypher editor (cypher-editor.js, cypher-codemirror.css) bundles these packages, each under its licence:', ''];
[...seen.entries()].sort().forEach(([k, v]) => lines.push(k + ': ' + v));
fs.writeFileSync('../../resources/META-INF/resources/static/cypher-editor.LICENSES.txt', lines.join('\n') + '\n');
