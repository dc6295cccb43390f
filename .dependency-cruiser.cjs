/**
 * The layer arrows of DESIGN.md §2, enforced in CI (`npm run boundaries`).
 *   spec <- lib <- providers;  routing, learning, accounting, security, cache, competition -> spec, lib, store ports;
 *   gateway.ts -> everything below it;  server, cli -> gateway.ts.
 * The CLI's `serve` command is the one place allowed to start the HTTP server, so cli -> server is allowed;
 * nothing else imports server or cli.
 */
const domains = '^src/(routing|learning|accounting|security|cache|competition)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'spec-imports-nothing',
      comment: 'src/spec holds only types and imports nothing from the project.',
      severity: 'error',
      from: { path: '^src/spec/' },
      to: { path: '^src/', pathNot: '^src/spec/' },
    },
    {
      name: 'lib-imports-spec-only',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/(spec|lib)/' },
    },
    {
      name: 'providers-know-no-routing-storage-or-http',
      comment:
        'Provider folders translate wire formats; they know nothing of routing, keys, storage or serving.',
      severity: 'error',
      from: { path: '^src/providers/' },
      to: { path: '^src/', pathNot: '^src/(spec|lib|providers)/' },
    },
    {
      name: 'providers-do-not-import-each-other',
      comment: 'A provider folder may import itself and the shared OpenAI-compatible base only.',
      severity: 'error',
      from: { path: '^src/providers/([^/]+)/' },
      to: {
        path: '^src/providers/([^/]+)/',
        pathNot: ['^src/providers/$1/', '^src/providers/openai-compatible/'],
      },
    },
    {
      name: 'domains-use-spec-lib-and-store-ports',
      comment:
        'Domain layers depend on spec, lib, store ports (not backends) and each other, never on providers.',
      severity: 'error',
      from: { path: domains },
      to: {
        path: '^src/',
        pathNot: [
          '^src/(spec|lib|routing|learning|accounting|security|cache|competition)/',
          '^src/store/[^/]+\\.ts$',
        ],
      },
    },
    {
      name: 'store-backends-only-from-composition-root',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/store/', '^src/gateway\\.ts$', '^src/gateway/'] },
      to: { path: '^src/store/[^/]+/' },
    },
    {
      name: 'simulator-is-self-contained',
      severity: 'error',
      from: { path: '^src/simulator/' },
      to: { path: '^src/', pathNot: '^src/(spec|lib|simulator)/' },
    },
    {
      name: 'config-knows-no-runtime',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: '^src/(spec|lib|config)/' },
    },
    {
      name: 'nothing-imports-server',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|cli)/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
