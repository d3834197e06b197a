// The one direction of imports (see ARCHITECTURE.md): lib/domain at the bottom, then lib/content-files and lib/render,
// then the parts (site, functions, scripts, infra), with bench/ and test/ free to use any of them.
const PARTS = ['site', 'functions', 'scripts', 'infra', 'bench', 'test'];
const under = (...folders) => `^(${folders.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'lib/domain holds rules only: it imports nothing of the project but itself and content/site.json (data), no Node built-in.',
      severity: 'error',
      from: { path: '^lib/domain/' },
      to: { pathNot: ['^lib/domain/', '^content/site\\.json$', '^node_modules/'] },
    },
    {
      name: 'domain-has-no-node',
      comment: 'lib/domain runs in browsers too (the islands use it): no Node built-in.',
      severity: 'error',
      from: { path: '^lib/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'content-files-read-only-domain',
      comment: 'lib/content-files reads content/ with the domain schemas; it knows nothing of pages, functions or rendering.',
      severity: 'error',
      from: { path: '^lib/content-files/' },
      to: { path: under('lib/render', ...PARTS) },
    },
    {
      name: 'render-below-the-parts',
      comment: 'lib/render draws for the site and the factsheets alike, so it imports neither.',
      severity: 'error',
      from: { path: '^lib/render/' },
      to: { path: under(...PARTS) },
    },
    {
      name: 'site-uses-only-lib',
      comment: 'The site never imports a script, a function, the infrastructure, a bench or a test.',
      severity: 'error',
      from: { path: '^site/' },
      to: { path: under('functions', 'scripts', 'infra', 'bench', 'test') },
    },
    {
      name: 'islands-run-in-the-browser',
      comment: 'Islands ship to browsers: no Node-only reader of content/, no Node built-in.',
      severity: 'error',
      from: { path: '^site/islands/' },
      to: { path: '^lib/content-files/' },
    },
    {
      name: 'islands-have-no-node',
      severity: 'error',
      from: { path: '^site/islands/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'functions-use-only-lib',
      comment: 'A Lambda bundle holds functions/ and lib/ only: no page helper, script, infrastructure or rendering.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: under('site', 'scripts', 'infra', 'bench', 'test', 'lib/render') },
    },
    {
      name: 'scripts-are-entry-points',
      comment: 'Command-line tools use lib/ and the local stack; nothing imports them but the bench and the tests.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: under('site', 'infra', 'bench', 'test') },
    },
    {
      name: 'nothing-imports-a-script',
      severity: 'error',
      from: { path: under('lib', 'site', 'functions', 'infra') },
      to: { path: '^scripts/' },
    },
    {
      name: 'infra-describes-functions',
      comment: 'The CDK app reads the shared table definitions and bundles from functions/, never the site or the scripts.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: under('site', 'scripts', 'bench', 'test', 'lib/render') },
    },
    {
      name: 'no-circular',
      comment: 'Circles make the direction meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.astro|\\.local|\\.generated|test/fixtures/(?!dependency-rules)|infra/cdk\\.out)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json', '.astro'],
    },
    extraExtensionsToScan: ['.astro'],
  },
};
