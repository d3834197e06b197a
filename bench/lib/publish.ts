// From a saved change to the rebuilt site: one item's text saved through decap-server as the editor saves it, then the
// site rebuilt (Astro, Pagefind) until the page shows it, beside a full build of the same copy with no caches, in one run.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '#content-files/read-content.ts';
import { startEditorServer } from '../../scripts/dev/editor-server.ts';
import { frontMatterFile, saveEntry } from '../../test/publishing/editor-api.ts';
import { copySite } from '../../test/publishing/site-copy.ts';

export interface PublishFigures {
  /** The text changed each run (its summary), from the repository's root. */
  changed: string;
  /** HTML pages in the built site. */
  pages: number;
  /** decap-server's answer to the save, in ms, per run. */
  saveMs: number[];
  /** From the save's start to a rebuilt site whose page shows the new summary (caches of the previous build kept), s per run. */
  changeToSiteSeconds: number[];
  /** The same build from nothing: dist/ and Astro's and Vite's caches removed first, s per run. */
  fullBuildSeconds: number[];
}

const ZONE = 'ip-khanh-an';
const CHANGED = `content/catalog/zones/${ZONE}/index.vi.md`;
const PAGE = join('dist', 'vi', 'zones', ZONE, 'index.html');

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
}

/** `runs` times, alternating: a full build from nothing, then a saved one-item change and the rebuild it needs. */
export async function measurePublish(runs: number): Promise<PublishFigures> {
  const copy = copySite('invest-bench-publish-');
  const editor = await startEditorServer(copy.root, 0);
  const figures: PublishFigures = { changed: CHANGED, pages: 0, saveMs: [], changeToSiteSeconds: [], fullBuildSeconds: [] };
  try {
    for (let run = 1; run <= runs; run++) {
      for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'])
        rmSync(join(copy.root, cache), { recursive: true, force: true });
      let started = performance.now();
      copy.build();
      figures.fullBuildSeconds.push(seconds(started));
      figures.pages = countPages(join(copy.root, 'dist'));
      process.stdout.write(`  full build ${figures.fullBuildSeconds.at(-1)} s\n`);

      const { data, body } = splitFrontMatter(readFileSync(join(copy.root, CHANGED), 'utf8'));
      const summary = `Khu công nghiệp Khánh An: tóm tắt sửa lần ${run} từ trình soạn thảo (bench).`;
      started = performance.now();
      await saveEntry(editor.url, {
        collection: 'zones',
        slug: `${ZONE}/index`,
        files: [{ path: CHANGED, raw: frontMatterFile({ ...(data as Record<string, unknown>), summary }, body) }],
      });
      figures.saveMs.push(Math.round(performance.now() - started));
      copy.build();
      figures.changeToSiteSeconds.push(seconds(started));
      if (!readFileSync(join(copy.root, PAGE), 'utf8').includes(summary)) throw new Error(`${PAGE} does not show the saved summary`);
      process.stdout.write(`  saved change to site ${figures.changeToSiteSeconds.at(-1)} s\n`);
    }
  } finally {
    await editor.stop();
    copy.remove();
  }
  return figures;
}
