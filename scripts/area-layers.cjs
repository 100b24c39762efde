// The areas in layer order, read from the composition root's module list (src/app/modules.ts):
// a new area joins the boundary check by its one line there. Shared by .dependency-cruiser.cjs
// and the test that holds the two to the same order (src/app/checks/modules.test.ts).
const fs = require('node:fs');
const path = require('node:path');

function areaLayers() {
  const source = fs.readFileSync(path.join(__dirname, '..', 'src', 'app', 'modules.ts'), 'utf8');
  const imported = new Map(
    [...source.matchAll(/^import \{ (\w+Module) \} from '\.\.\/([a-z-]+)';$/gm)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  const list = /const AREAS = \[([^\]]*)\]/.exec(source);
  if (!list) throw new Error('src/app/modules.ts: no `const AREAS = [...]` list');
  return list[1]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const folder = imported.get(name);
      if (!folder) throw new Error(`src/app/modules.ts: ${name} is not imported from an area`);
      return folder;
    });
}

module.exports = { areaLayers };
