// Build scale: the site built from a generated catalog of many items in every language, beside the same number of
// empty Astro pages, with wall time and peak memory of each build.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { site } from '#domain/site.ts';
import { projectPath } from '#content-files/project-path.ts';
import { textFileName } from '#domain/content-layout.ts';

export interface BuildRun {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  peakMemoryMb: number;
}

export interface BuildScale {
  items: number;
  catalog: BuildRun;
  empty: BuildRun;
}

/** Runs a build under GNU time, which reports the peak resident memory of the whole process tree's largest process. */
function timedBuild(args: string[], cwd: string, env: NodeJS.ProcessEnv, pages: number): BuildRun {
  const report = join(mkdtempSync(join(tmpdir(), 'invest-time-')), 'peak');
  const started = Date.now();
  execFileSync(
    '/usr/bin/time',
    ['-f', '%M', '-o', report, process.execPath, projectPath('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent', ...args],
    {
      cwd,
      env,
      stdio: 'ignore',
    },
  );
  const seconds = (Date.now() - started) / 1000;
  const peakKb = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
  return {
    pages,
    seconds: Math.round(seconds * 10) / 10,
    pagesPerSecond: Math.round(pages / seconds),
    peakMemoryMb: Math.round(peakKb / 1024),
  };
}

/** A copy of content/ whose catalog holds `count` generated zones, each with a text in every language. */
function generatedContent(root: string, count: number): string {
  const dir = join(root, 'content');
  cpSync(projectPath('content'), dir, { recursive: true });
  rmSync(join(dir, 'catalog'), { recursive: true, force: true });
  const [[west, south], [east, north]] = site.map.bounds;
  for (let n = 0; n < count; n++) {
    const id = `generated-zone-${String(n).padStart(4, '0')}`;
    const folder = join(dir, 'catalog', 'zones', id);
    mkdirSync(folder, { recursive: true });
    const lon = west + ((east - west) * ((n * 37) % 1000)) / 1000;
    const lat = south + ((north - south) * ((n * 91) % 1000)) / 1000;
    writeFileSync(
      join(folder, 'facts.yaml'),
      toYaml({
        id,
        kind: 'industrial-park',
        status: 'operating',
        statusAsOf: '2025',
        statusSources: ['s1'],
        geometry: { type: 'Point', coordinates: [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4] },
        location: { precision: 'approximate', basis: 'Generated for the build benchmark.' },
        figures: { area: [{ value: 100 + n, unit: 'ha', sources: ['s1'], asOf: '2025', basis: 'estimate' }] },
        sectors: [site.sectors[n % site.sectors.length]],
        sources: [{ id: 's1', title: 'Benchmark source' }],
      }),
    );
    for (const lang of site.languages) {
      const front =
        lang === site.sourceLanguage ? 'version: 1' : `translatedFrom: ${site.sourceLanguage}\nsourceVersion: 1\nmachineTranslated: true`;
      writeFileSync(
        join(folder, textFileName(lang)),
        `---\ntitle: Generated zone ${n} (${lang})\nsummary: A generated industrial park for the build benchmark.\n${front}\n---\nParagraph one of zone ${n}.\n\nParagraph two.\n`,
      );
    }
  }
  return dir;
}

/** The smallest Astro project with the same number of pages, each empty: the floor any static build pays. */
function emptyProject(root: string, pages: number): string {
  const dir = join(root, 'empty');
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(projectPath('node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'empty-pages', type: 'module', private: true }));
  writeFileSync(join(dir, 'astro.config.mjs'), "export default { trailingSlash: 'always', build: { format: 'directory' } };\n");
  writeFileSync(
    join(dir, 'src', 'pages', '[page].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, n) => ({ params: { page: String(n) } })); }\n---\n<html lang="en"><head><title>{Astro.params.page}</title></head><body></body></html>\n`,
  );
  return dir;
}

export function measureBuildScale(items = 1000): BuildScale {
  const root = mkdtempSync(join(tmpdir(), 'invest-scale-'));
  try {
    const contentDir = generatedContent(root, items);
    const outDir = join(root, 'dist');
    const catalog = timedBuild(['--outDir', outDir], projectPath(), { ...process.env, CONTENT_DIR: contentDir }, 0);
    const built = Number(execFileSync('find', [outDir, '-name', 'index.html'], { encoding: 'utf8' }).trim().split('\n').length);
    const catalogRun = { ...catalog, pages: built, pagesPerSecond: Math.round(built / catalog.seconds) };
    const empty = timedBuild([], emptyProject(root, built), process.env, built);
    return { items, catalog: catalogRun, empty };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
