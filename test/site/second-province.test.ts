// Another province launches its own site by replacing content/: the site built from a second province's content carries its
// name and settings, and nothing of Ca Mau.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PROJECT = resolve('.');
const FIXTURE = resolve('test/fixtures/second-province');
const secondSite = JSON.parse(readFileSync(join(FIXTURE, 'site.json'), 'utf8')) as {
  id: string;
  referencePrefix: string;
  siteName: Record<string, string>;
  province: Record<string, string>;
  url: string;
};

let root: string;
let dist: string;

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

beforeAll(() => {
  // A copy of the project's code beside the fixture as content/: the code finds content/ where it always does, by its
  // own relative imports and the working directory, so the build is the one a second province would run.
  root = mkdtempSync(join(tmpdir(), 'invest-second-province-'));
  for (const part of ['lib', 'site', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(PROJECT, part), join(root, part), { recursive: true });
  cpSync(FIXTURE, join(root, 'content'), { recursive: true });
  // The packages are shared, their caches are not: Astro keeps its content store in node_modules/.astro.
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(PROJECT, 'node_modules')))
    if (!name.startsWith('.') || name === '.bin') symlinkSync(join(PROJECT, 'node_modules', name), join(root, 'node_modules', name));
  writeFileSync(join(root, '.gitignore'), 'node_modules\n');
  const { CONTENT_DIR: _ignored, SITE_URL: _alsoIgnored, ...env } = process.env;
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 170_000,
  });
  if (build.status !== 0) throw new Error(`astro build of the second province failed:\n${build.stdout}\n${build.stderr}`);
  dist = join(root, 'dist');
}, 180_000);

afterAll(() => {
  if (root && !process.env.KEEP_SECOND_PROVINCE) rmSync(root, { recursive: true, force: true });
});

describe('a second province built from its own content/', () => {
  it("names the second province and its site in every language's home page", () => {
    for (const lang of ['en', 'vi']) {
      const html = readFileSync(join(dist, lang, 'index.html'), 'utf8');
      expect(html).toContain(secondSite.siteName[lang]);
      expect(html).toContain(secondSite.province[lang]);
      expect(html).toContain(`${secondSite.url}/${lang}/`);
    }
    expect(readFileSync(join(dist, 'en', 'zones', 'ip-binh-hoa', 'index.html'), 'utf8')).toContain('Binh Hoa Industrial Park');
  });

  it('carries its reference prefix and site id into the islands, which number inquiries and name browser storage by them', () => {
    const scripts = filesUnder(dist)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(dist, file), 'utf8'));
    // The configuration as the bundler writes it: keys bare or quoted, strings in any quotes.
    const setting = (key: string, value: string) => new RegExp(`["'\`]?${key}["'\`]?:\\s*["'\`]${value}["'\`]`);
    expect(scripts.some((code) => setting('referencePrefix', secondSite.referencePrefix).test(code))).toBe(true);
    expect(scripts.some((code) => setting('id', secondSite.id).test(code))).toBe(true);
  });

  it('has nothing of Ca Mau in any page, script or data file', () => {
    const files = filesUnder(dist).filter((file) => /\.(html|js|css|json|geojson|xml|csv|txt|webmanifest)$/.test(file));
    expect(files.length).toBeGreaterThan(20);
    const mentioning = files.filter((file) => /ca[\s-]?mau|cà mau|camau|CM-\d{4}/i.test(readFileSync(join(dist, file), 'utf8')));
    expect(mentioning).toEqual([]);
  });
});
