// `npm run bench`: builds the site, measures it side by side with its baselines, and merges the parts run into bench/REPORT.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { site } from '#domain/site.ts';
import { CHROMIUM, launchBrowser } from '../test/support/browser.ts';
import { serveDist } from '../test/support/serve.ts';
import { measureApi } from './lib/api.ts';
import { measureBuildScale } from './lib/build-scale.ts';
import { runLighthouse, withChrome } from './lib/lighthouse.ts';
import { measureMap } from './lib/map-timing.ts';
import { measurePublish } from './lib/publish.ts';
import { type BenchResults, mergeResults, type PartResult, readResults, renderReport } from './lib/report.ts';
import { PART_NAMES, type PageResult, type PartName } from './lib/sections.ts';

const RESULTS = 'bench/results.json';
const REPORT = 'bench/REPORT.md';

const { values: flags } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(flags.runs);
const only = flags.only?.split(',').map((part) => part.trim());
const unknown = only?.filter((part) => !(PART_NAMES as readonly string[]).includes(part)) ?? [];
if (unknown.length) {
  console.error(`--only: no part named ${unknown.join(', ')}; the parts are ${PART_NAMES.join(', ')}`);
  process.exit(2);
}
const wanted = (part: PartName) => !only || only.includes(part);

const LIGHTHOUSE_PAGES = [
  { label: 'home', path: '' },
  { label: 'list', path: 'zones/' },
  { label: 'item', path: 'zones/ip-khanh-an/' },
  { label: 'map', path: 'map/' },
  { label: 'corridor', path: 'corridor/' },
];
const LIGHTHOUSE_LANGUAGES = ['en', 'ja', 'ar'];

async function lighthouseFor(origin: string, targets: { label: string; path: string }[]): Promise<PageResult[]> {
  return withChrome(async (port) => {
    const results: PageResult[] = [];
    for (const target of targets) {
      const row: PageResult = { ...target, results: {} };
      for (const form of ['mobile', 'desktop'] as const) {
        process.stdout.write(`  lighthouse ${form} ${target.path}\n`);
        row.results[form] = await runLighthouse(`${origin}${target.path}`, port, form);
      }
      results.push(row);
    }
    return results;
  });
}

function previousResults(): BenchResults {
  if (!existsSync(RESULTS)) return {};
  try {
    return readResults(JSON.parse(readFileSync(RESULTS, 'utf8')));
  } catch {
    console.warn(`${RESULTS} is not valid JSON: parts not run now will be missing from the report`);
    return {};
  }
}

async function main(): Promise<void> {
  if (!flags['no-build']) execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  const environment = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${chromium}`;
  const measured = <P extends PartName>(figures: PartResult<P>['figures']): PartResult<P> => ({
    measuredAt: new Date().toISOString(),
    environment,
    figures,
  });
  // The comparison page is served beside the site, with MapLibre's own files, from the same server.
  const server = await serveDist({ mounts: { '/bench': 'bench/pages', '/vendor/maplibre': 'node_modules/maplibre-gl/dist' } });
  const fresh: BenchResults = {};
  try {
    if (wanted('map')) {
      console.log('map: time to ready and weight');
      const browser = await launchBrowser();
      try {
        const timings = {
          siteNavigation: await measureMap(browser, `${server.origin}/en/map/`, 'site', 'navigation', runs),
          bareNavigation: await measureMap(browser, `${server.origin}/bench/bare-map.html`, 'bare', 'navigation', runs),
          siteClick: await measureMap(browser, `${server.origin}/en/map/`, 'site', 'click', runs),
        };
        await browser.close();
        console.log('map: lighthouse');
        const lighthouse = await lighthouseFor(server.origin, [
          { label: 'map page (preview, MapLibre on demand)', path: '/en/map/' },
          { label: 'bare MapLibre page, same data', path: '/bench/bare-map.html' },
        ]);
        fresh.map = measured<'map'>({ timings, lighthouse });
      } finally {
        await browser.close().catch(() => {});
      }
    }

    if (wanted('api')) {
      console.log('api: load at 20 connections, bundles, cold imports');
      fresh.api = measured<'api'>(await measureApi(20, 10));
    }

    if (wanted('build')) {
      console.log('build: 1,000 generated items in every language beside as many empty pages');
      fresh.build = measured<'build'>({ ...measureBuildScale(1000), languages: site.languages.length });
    }

    if (wanted('pages')) {
      console.log('pages: lighthouse');
      const targets = LIGHTHOUSE_LANGUAGES.flatMap((lang) =>
        LIGHTHOUSE_PAGES.map((page) => ({ label: `${lang} ${page.label}`, path: `/${lang}/${page.path}` })),
      );
      fresh.pages = measured<'pages'>(await lighthouseFor(server.origin, targets));
    }

    if (wanted('publish')) {
      console.log('publish: a saved one-item change to the rebuilt site, beside a full build');
      fresh.publish = measured<'publish'>(await measurePublish(2));
    }
  } finally {
    await server.close();
  }

  const results = mergeResults(previousResults(), fresh);
  writeFileSync(REPORT, renderReport(results));
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${REPORT} (measured now: ${Object.keys(fresh).join(', ') || 'nothing'})`);
}

await main();
