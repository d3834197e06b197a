// Test runner configuration, two projects run in Node. `unit`: every test that needs no built site, no browser and no Java
// (npm run test:unit). `system`: the tests that read or serve dist/, drive Debian's Chromium, run the Nu HTML checker or start
// the whole local stack; only this project builds the site first (test/global-setup.ts). `npm test` runs both, once.
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** A test file that reads dist/, builds a site, starts a browser or Java, or runs `npm run dev` belongs here; any other is a unit test. */
const SYSTEM = [
  'test/browser/**/*.test.ts',
  'test/quality/**/*.test.ts',
  // dist/: the pages themselves, the news feed, the open-data downloads.
  'test/site/built-pages.test.ts',
  'test/site/news.test.ts',
  'test/site/open-data.test.ts',
  'test/site/visual-pages.test.ts',
  // Builds a second province's site (astro build) in a copy of the project.
  'test/site/second-province.test.ts',
  // The editor's saves and approvals built into a copy of the project (astro build, Pagefind, Chromium).
  'test/publishing/**/*.test.ts',
  // The about page as built.
  'test/site/about-page.test.ts',
  // Synthesis stages dist/404.html and hashes dist/'s inline scripts for the CSP; csp-browser also drives Chromium.
  'test/infra/csp-browser.test.ts',
  'test/infra/environments.test.ts',
  'test/infra/full-synth.test.ts',
  'test/infra/infra-functions.test.ts',
  'test/infra/publishing.test.ts',
  'test/infra/site-csp.test.ts',
  'test/infra/stacks.test.ts',
  // Bundles every Lambda with esbuild, as a deployment does, and runs the bundles in fresh Node processes.
  'test/functions/lambda.test.ts',
  // Starts `npm run dev --api-only`, which generates every factsheet first.
  'test/functions/stack.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SYSTEM],
          // Unit tests spend much of their time waiting on the servers and commands they start: one file per core, not
          // Vitest's default of one fewer (a single file at a time on a two-core machine). They run before the system tests.
          maxWorkers: availableParallelism(),
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'system', include: SYSTEM, globalSetup: ['test/global-setup.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
