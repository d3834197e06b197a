// `npm run bench`: builds the site, measures it side by side with its baselines in one run, and writes bench/REPORT.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { serveDist } from '../test/support/serve.ts';
import { runLighthouse, withChrome, type FormFactor, type LighthouseFigures } from './lib/lighthouse.ts';
import { measureMap, type MapTiming } from './lib/map-timing.ts';
import { CHROMIUM, launchBrowser } from '../test/support/browser.ts';
import { site } from '#domain/site.ts';
import { measureApi } from './lib/api.ts';
import { measureBuildScale } from './lib/build-scale.ts';

const { values: flags } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(flags.runs);
const wanted = (section: string) => !flags.only || flags.only.split(',').includes(section);

interface PageResult {
  label: string;
  path: string;
  results: Partial<Record<FormFactor, LighthouseFigures>>;
}

const LIGHTHOUSE_PAGES = [
  { label: 'home', path: '' },
  { label: 'list', path: 'zones/' },
  { label: 'item', path: 'zones/ip-khanh-an/' },
  { label: 'map', path: 'map/' },
  { label: 'corridor', path: 'corridor/' },
];
const LIGHTHOUSE_LANGUAGES = ['en', 'ja', 'ar'];

const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '—');

function lighthouseTable(rows: PageResult[]): string {
  const header =
    '| page | form | perf | a11y | best pr. | SEO | LCP ms | TBT ms | CLS | JS | total |\n|---|---|---|---|---|---|---|---|---|---|---|';
  const lines = rows.flatMap((row) =>
    (['mobile', 'desktop'] as const).flatMap((form) => {
      const r = row.results[form];
      return r
        ? [
            `| ${row.label} | ${form} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.lcpMs} | ${r.tbtMs} | ${r.cls} | ${kb(r.jsBytes)} | ${kb(r.totalBytes)} |`,
          ]
        : [];
    }),
  );
  return [header, ...lines].join('\n');
}

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

async function main(): Promise<void> {
  if (!flags['no-build']) execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  // The comparison page is served beside the site, with MapLibre's own files, from the same server.
  const server = await serveDist({ mounts: { '/bench': 'bench/pages', '/vendor/maplibre': 'node_modules/maplibre-gl/dist' } });
  const sections: string[] = [];
  const json: Record<string, unknown> = {};
  try {
    if (wanted('map')) {
      console.log('map: time to ready and weight');
      const browser = await launchBrowser();
      let timings: Record<string, MapTiming>;
      try {
        timings = {
          siteNavigation: await measureMap(browser, `${server.origin}/en/map/`, 'site', 'navigation', runs),
          bareNavigation: await measureMap(browser, `${server.origin}/bench/bare-map.html`, 'bare', 'navigation', runs),
          siteClick: await measureMap(browser, `${server.origin}/en/map/`, 'site', 'click', runs),
        };
      } finally {
        await browser.close();
      }
      console.log('map: lighthouse');
      const lighthouse = await lighthouseFor(server.origin, [
        { label: 'map page (preview, MapLibre on demand)', path: '/en/map/' },
        { label: 'bare MapLibre page, same data', path: '/bench/bare-map.html' },
      ]);
      json.map = { timings, lighthouse };
      const t = timings;
      sections.push(`## Map page against a bare MapLibre page

Both draw the same basemap and features (\`/map/basemap.geojson\`, \`/en/map/features.geojson\`). Medians of ${runs} runs
in Chromium at 1280×900 unless noted; bytes are uncompressed response bodies (the bench server does not compress).

| measure | map page | bare MapLibre page |
|---|---|---|
| navigation → map drawn (desktop, ours starts when idle) | ${t.siteNavigation!.readyMs} ms | ${t.bareNavigation!.readyMs} ms |
| click on the preview → map drawn (760 px wide, nothing started before) | ${t.siteClick!.readyMs} ms | — |
| bytes before the map starts | ${kb(t.siteClick!.bytesOnLoad)} | — |
| bytes once the map is drawn | ${kb(t.siteNavigation!.bytesWhenReady)} | ${kb(t.bareNavigation!.bytesWhenReady)} |

Runs (ms): ours from navigation ${t.siteNavigation!.runs.join(', ')}; bare ${t.bareNavigation!.runs.join(', ')}; ours from a click ${t.siteClick!.runs.join(', ')}.

${lighthouseTable(lighthouse)}
`);
    }

    if (wanted('api')) {
      console.log('api: load at 20 connections, bundles, cold imports');
      const api = await measureApi(20, 10);
      json.api = api;
      const ratio = api.inquiries.requestsPerSecond / api.bare.requestsPerSecond;
      sections.push(`## API

Inquiries (\`POST /api/inquiries\`: validation, idempotency, two rate-limit counters, one conditional write and two
e-mails written to disk) against a bare endpoint that does one DynamoDB put, both on the local stack (dynalite in
process), ${api.connections} connections for ${api.seconds} s each after a 2 s warm-up (autocannon).

| endpoint | requests/s | p50 ms | p99 ms | errors | non-2xx |
|---|---|---|---|---|---|
| inquiries | ${api.inquiries.requestsPerSecond} | ${api.inquiries.p50Ms} | ${api.inquiries.p99Ms} | ${api.inquiries.errors} | ${api.inquiries.non2xx} |
| bare put | ${api.bare.requestsPerSecond} | ${api.bare.p50Ms} | ${api.bare.p99Ms} | ${api.bare.errors} | ${api.bare.non2xx} |

Throughput ratio inquiries / bare: **${ratio.toFixed(2)}** (target ≥ 0.7${ratio < 0.7 ? `, missed by ${(0.7 - ratio).toFixed(2)}` : ''}); inquiry p99 ${api.inquiries.p99Ms} ms (target ≤ 50 ms${api.inquiries.p99Ms > 50 ? `, missed by ${api.inquiries.p99Ms - 50} ms` : ''}).
${
  ratio < 0.7 || api.inquiries.p99Ms > 50
    ? `
Why: an inquiry makes three DynamoDB round trips (the client and e-mail rate counters, at once, then one conditional
write) where the bare endpoint makes one, and dynalite answers them in the same process, so the API and its database
share the CPU; it also builds two e-mails and writes them to disk (four files) before answering. Taking the mail off
the request (an outbox read by a mail function, with retries) is the next step; on AWS the database is not in-process.
`
    : ''
}
| Lambda bundle (esbuild, minified) | size | gzip | cold import (median of 5) |
|---|---|---|---|
${Object.entries(api.bundles)
  .map(([name, bundle]) => `| ${name} | ${kb(bundle.bytes)} | ${kb(bundle.gzipBytes)} | ${bundle.coldImportMs} ms |`)
  .join('\n')}
`);
    }

    if (wanted('build')) {
      console.log('build: 1,000 generated items in every language beside as many empty pages');
      const scale = measureBuildScale(1000);
      json.build = scale;
      const ratio = scale.catalog.seconds / scale.empty.seconds;
      sections.push(`## Build scale

A catalog of ${scale.items} generated zones, each with a text in all ${site.languages.length} languages (item, list, map and
every other page of the site), built with \`astro build\` beside an Astro project of the same number of empty pages.
Peak memory is the largest process's resident size (GNU time).

| build | pages | seconds | pages/s | peak memory |
|---|---|---|---|---|
| catalog | ${scale.catalog.pages} | ${scale.catalog.seconds} | ${scale.catalog.pagesPerSecond} | ${scale.catalog.peakMemoryMb} MB |
| empty pages | ${scale.empty.pages} | ${scale.empty.seconds} | ${scale.empty.pagesPerSecond} | ${scale.empty.peakMemoryMb} MB |

Time ratio catalog / empty: **${ratio.toFixed(2)}** (target ≤ 2${ratio > 2 ? `, missed by ${(ratio - 2).toFixed(2)}` : ''}).
${
  ratio > 2
    ? `
Why: an item page is not an empty page: it server-renders three React islands (the inquiry form and the download
buttons), its Markdown, a small SVG map clipped from the basemap, footnoted figures and distances; list and map pages
carry every item. The map features are made once per language and each small map draws only what falls inside it
(without that the same build took 63 times the empty one).
`
    : ''
}`);
    }

    if (wanted('pages')) {
      console.log('pages: lighthouse');
      const targets = LIGHTHOUSE_LANGUAGES.flatMap((lang) =>
        LIGHTHOUSE_PAGES.map((page) => ({ label: `${lang} ${page.label}`, path: `/${lang}/${page.path}` })),
      );
      const results = await lighthouseFor(server.origin, targets);
      json.pages = results;
      sections.push(`## Lighthouse on the page templates

Targets: text pages 100 on mobile with no JavaScript outside islands; the map page ≥ 95 on mobile.

${lighthouseTable(results)}
`);
    }
  } finally {
    await server.close();
  }

  const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  const report = `# Benchmark report

Written by \`npm run bench\` on ${new Date().toISOString()}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${chromium}.
This machine is shared, so figures vary between runs; compare the columns of one run, not runs with each other.
Lighthouse uses its default throttling (simulated slow 4G and a 4× slower CPU on mobile).

${sections.join('\n')}`;
  writeFileSync('bench/REPORT.md', report);
  writeFileSync('bench/results.json', `${JSON.stringify(json, null, 2)}\n`);
  console.log('wrote bench/REPORT.md');
}

await main();
