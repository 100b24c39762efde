// The boundaries of the code, checked by dependency-cruiser in `npm run lint`.
//
// Layers, lowest first: a layer may use those below it, never those above.
//   platform                 what every area stands on; knows no area
//   vocabulary               words the areas share (learning methods, education levels, CVR)
//   the areas                in the order src/app/modules.ts lists them (read from it below):
//                            organisation → people → workshops → assessment → evaluation →
//                            pilots → learning → demo (the Copenhagen demo, on top of all)
//   app                      the composition root (server, CLI, module list, cross-cutting checks)
// Areas meet only through each other's index.ts; a *.schema.ts may name another area's tables
// for its foreign keys; the web pages may use any area's contracts and constants (they are the
// typed HTTP interface). Tests may reach further to set up their data.
const { areaLayers } = require('./scripts/area-layers.cjs');

const LAYERS = ['platform', 'vocabulary', ...areaLayers(), 'app'];
const AREAS = LAYERS.filter((l) => !['platform', 'vocabulary', 'app'].includes(l));
const TESTS = '\\.test\\.ts$|^src/[^/]+/testing/|^src/app/checks/';
// The web pages compose across areas (a citizen's page shows each area's section); they are
// checked by their own rule below.
const WEB = '^src/(web|[^/]+/web)/';
const SCHEMA = '\\.schema\\.ts$';

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer}`,
  comment: `${layer} may not use what sits above it (${LAYERS.slice(i + 1).join(', ')})`,
  severity: 'error',
  from: { path: `^src/${layer}/`, pathNot: [TESTS, WEB] },
  to: { path: `^src/(${LAYERS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no cycles: between areas, or inside one',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    {
      name: 'areas-through-index',
      comment:
        'areas meet through index.ts only (schemas may reference tables; web pages may use contracts and constants)',
      severity: 'error',
      from: { path: `^src/(${AREAS.join('|')})/`, pathNot: [TESTS, WEB, SCHEMA] },
      to: {
        path: `^src/(${AREAS.join('|')})/`,
        pathNot: ['^src/$1/', `^src/(${AREAS.join('|')})/index\\.ts$`],
      },
    },
    {
      name: 'schemas-reference-schemas',
      comment: "a table may point at another area's table, nothing else of it",
      severity: 'error',
      from: { path: `^src/([^/]+)/.*${SCHEMA}` },
      to: { path: `^src/(${AREAS.join('|')})/`, pathNot: ['^src/$1/', SCHEMA] },
    },
    {
      name: 'domain-knows-no-http',
      comment:
        'use cases, policies, stores and models throw domain errors (platform/errors.ts); only routes speak HTTP',
      severity: 'error',
      from: {
        path: `^src/(${AREAS.join('|')})/`,
        pathNot: [TESTS, WEB, '\\.(routes|contract)\\.ts$', '/index\\.ts$'],
      },
      to: { path: '^src/platform/http/', pathNot: '^src/platform/http/(text|app-constants)\\.ts$' },
    },
    {
      name: 'routes-parse-call-answer',
      comment:
        'a routes file parses, calls a use case and answers: queries live in stores, reached through use cases',
      severity: 'error',
      from: { path: '\\.routes\\.ts$', pathNot: TESTS },
      to: { path: '(^|/)node_modules/drizzle-orm/|\\.schema\\.ts$' },
    },
    {
      name: 'web-through-contracts',
      comment:
        'the web client reaches the server only through HTTP: contracts, constants, pure models',
      severity: 'error',
      from: { path: WEB, pathNot: TESTS },
      to: {
        path: '^src/',
        pathNot: [
          WEB,
          '\\.(contract|constants|model)\\.ts$',
          '^src/vocabulary/',
          '^src/platform/http/(text|app-constants|endpoint)\\.ts$',
          '^src/platform/(auth/(roles|roles\\.contract|capabilities)|i18n/messages)\\.ts$',
          '\\.json$',
          // The endpoint types come from the module list's contracts (type-only, below).
          '^src/app/modules\\.ts$',
        ],
      },
    },
    {
      name: 'web-takes-contracts-as-types',
      comment:
        'the web calls endpoints by key with types from the contracts; a value import would ship zod to phones',
      severity: 'error',
      from: { path: WEB, pathNot: TESTS },
      to: { path: '\\.contract\\.ts$|^src/app/modules\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
