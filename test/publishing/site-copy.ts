// A copy of the project around a content/ folder of its own, built as `npm run build` builds the site (Astro, then Pagefind);
// and a content repository for the editor's Git mode.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT = resolve('.');

export interface SiteCopy {
  /** The copy's root: content/ lies here, as do dist/ after a build. */
  root: string;
  /** Runs `astro build` then Pagefind over the copy's dist/; throws with their output when either fails. */
  build(): void;
  remove(): void;
}

/**
 * Copies the code that builds the site and the given content folder into a new temporary folder. The packages are linked,
 * not copied, but not their caches: Astro keeps its content store in node_modules/.astro, which must not be shared.
 */
export function copySite(prefix: string, contentFrom = 'content'): SiteCopy {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const part of ['lib', 'site', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(PROJECT, part), join(root, part), { recursive: true });
  cpSync(resolve(contentFrom), join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(PROJECT, 'node_modules')))
    if (!name.startsWith('.') || name === '.bin') symlinkSync(join(PROJECT, 'node_modules', name), join(root, 'node_modules', name));
  writeFileSync(join(root, '.gitignore'), 'node_modules\ndist\n.astro\n');
  const run = (what: string, args: string[]) => {
    const { CONTENT_DIR: _ignored, SITE_URL: _alsoIgnored, ...env } = process.env;
    const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', timeout: 240_000 });
    if (result.status !== 0) throw new Error(`${what} in ${root} failed:\n${result.stdout}\n${result.stderr}`);
  };
  return {
    root,
    build: () => {
      run('astro build', [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
      run('pagefind', [join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', 'dist']);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A Git repository in `dir` holding a copy of content/ on `main` in one commit, as the department's content repository. */
export function contentRepository(dir: string): string {
  cpSync(resolve('content'), join(dir, 'content'), { recursive: true });
  const identity = {
    GIT_AUTHOR_NAME: 'Setup',
    GIT_AUTHOR_EMAIL: 'setup@example.org',
    GIT_COMMITTER_NAME: 'Setup',
    GIT_COMMITTER_EMAIL: 'setup@example.org',
  };
  execFileSync('git', ['init', '--quiet', '--initial-branch', 'main', dir]);
  execFileSync('git', ['-C', dir, 'add', '.']);
  execFileSync('git', ['-C', dir, 'commit', '--quiet', '--no-gpg-sign', '-m', 'Starter content'], { env: { ...process.env, ...identity } });
  return dir;
}
