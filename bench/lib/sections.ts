// The report's section for each part of the bench, drawn from that part's figures alone (so a part kept from an earlier run draws the same).
import type { ApiFigures } from './api.ts';
import type { BuildScale } from './build-scale.ts';
import type { FormFactor, LighthouseFigures } from './lighthouse.ts';
import type { MapTiming } from './map-timing.ts';
import type { PublishFigures } from './publish.ts';

export interface PageResult {
  label: string;
  path: string;
  results: Partial<Record<FormFactor, LighthouseFigures>>;
}

export interface MapFigures {
  timings: Record<'siteNavigation' | 'bareNavigation' | 'siteClick', MapTiming>;
  lighthouse: PageResult[];
}

export interface BuildFigures extends BuildScale {
  /** How many languages each generated item had (absent in figures from before it was recorded). */
  languages?: number;
}

export interface PartFigures {
  map: MapFigures;
  api: ApiFigures;
  build: BuildFigures;
  pages: PageResult[];
  publish: PublishFigures;
}

export type PartName = keyof PartFigures;

/** In the order the bench runs them and the report shows them. */
export const PART_NAMES: readonly PartName[] = ['map', 'api', 'build', 'pages', 'publish'];

const kb = (bytes: number | null) => (typeof bytes === 'number' && Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '—');

export function lighthouseTable(rows: PageResult[]): string {
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

function mapSection({ timings: t, lighthouse }: MapFigures): string {
  return `Both draw the same basemap and features (\`/map/basemap.geojson\`, \`/en/map/features.geojson\`). Medians of ${t.siteNavigation.runs.length} runs
in Chromium at 1280×900 unless noted; bytes are uncompressed response bodies (the bench server does not compress).

| measure | map page | bare MapLibre page |
|---|---|---|
| navigation → map drawn (desktop, ours starts when idle) | ${t.siteNavigation.readyMs} ms | ${t.bareNavigation.readyMs} ms |
| click on the preview → map drawn (760 px wide, nothing started before) | ${t.siteClick.readyMs} ms | — |
| bytes before the map starts | ${kb(t.siteClick.bytesOnLoad)} | — |
| bytes once the map is drawn | ${kb(t.siteNavigation.bytesWhenReady)} | ${kb(t.bareNavigation.bytesWhenReady)} |

Runs (ms): ours from navigation ${t.siteNavigation.runs.join(', ')}; bare ${t.bareNavigation.runs.join(', ')}; ours from a click ${t.siteClick.runs.join(', ')}.

${lighthouseTable(lighthouse)}
`;
}

function apiSection(api: ApiFigures): string {
  const ratio = api.inquiries.requestsPerSecond / api.bare.requestsPerSecond;
  return `Inquiries (\`POST /api/inquiries\`: validation, idempotency, two rate-limit counters, one conditional write and two
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
`;
}

function buildSection(scale: BuildFigures): string {
  const ratio = scale.catalog.seconds / scale.empty.seconds;
  const languages = scale.languages === undefined ? 'every language' : `all ${scale.languages} languages`;
  return `A catalog of ${scale.items} generated zones, each with a text in ${languages} (item, list, map and
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
}`;
}

function pagesSection(results: PageResult[]): string {
  return `Targets: text pages 100 on mobile with no JavaScript outside islands; the map page ≥ 95 on mobile.

${lighthouseTable(results)}
`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 10) / 10;
};

function publishSection(figures: PublishFigures): string {
  const change = median(figures.changeToSiteSeconds);
  const full = median(figures.fullBuildSeconds);
  return `One item's text (\`${figures.changed}\`, its summary) saved through the editor's local proxy (decap-server, as
\`/admin/\` saves it), then the site rebuilt as \`npm run build\` builds it (Astro, then Pagefind) until the item's page shows
the new summary, beside a full build of the same copy from nothing (dist/ and Astro's and Vite's caches removed), the two
alternating in one run, ${figures.fullBuildSeconds.length} times each. The site has ${figures.pages} pages.

| from | to | seconds (median) | runs (s) |
|---|---|---|---|
| a saved one-item change | the rebuilt site showing it | ${change} | ${figures.changeToSiteSeconds.join(', ')} |
| nothing (no caches) | a full build | ${full} | ${figures.fullBuildSeconds.join(', ')} |

The save itself took ${figures.saveMs.join(', ')} ms. Ratio change / full: **${(change / full).toFixed(2)}**. Astro builds
static sites whole: its content cache spares re-reading unchanged files, but every page is rendered again (each page
lists or links items), so a one-item change costs nearly a full build. The figures are from a shared machine with other
builds running; the ratio, measured in the same run, is the figure to compare. \`npm run dev\` needs no build: its dev
server renders a page again when it is next asked for (not measured here).
`;
}

/** Each part's heading, and its section's text below the heading from its figures. */
export const SECTIONS: { [P in PartName]: { title: string; body: (figures: PartFigures[P]) => string } } = {
  map: { title: 'Map page against a bare MapLibre page', body: mapSection },
  api: { title: 'API', body: apiSection },
  build: { title: 'Build scale', body: buildSection },
  pages: { title: 'Lighthouse on the page templates', body: pagesSection },
  publish: { title: 'From a saved change to the rebuilt site', body: publishSection },
};
