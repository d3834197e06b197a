// Every built HTML page in every language is valid HTML by the W3C Nu checker (vnu.jar), run once over dist/.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const VNU_JAR = join(dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
const JAVA = process.env.JAVA ?? 'java';

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
}

/**
 * Messages that are the checker's limits, not the site's faults. Each is matched exactly.
 * - `paint-order` is a standard property (CSS Fill and Stroke, SVG 2; in every current browser) that the
 *   checker's bundled CSS validator does not know yet; the map's SVG labels use it for their halo.
 */
const CHECKER_LIMITS = new Set(["CSS: “paint-order”: Property “paint-order” doesn't exist."]);

function countHtml(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) => sum + (entry.isDirectory() ? countHtml(join(dir, entry.name)) : entry.name.endsWith('.html') ? 1 : 0),
    0,
  );
}

describe('HTML validity', () => {
  it('has no Nu checker error on any page of dist/', async () => {
    const dist = join(process.cwd(), 'dist');
    // A page known to be wrong goes through the same run: the checker must find its error, or the run proves nothing.
    const canary = mkdtempSync(join(tmpdir(), 'camau-vnu-'));
    writeFileSync(
      join(canary, 'canary.html'),
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>block in a paragraph</div></p></body></html>',
    );
    let stdout: string;
    try {
      // One JVM for the whole folder: starting the checker costs seconds, checking a page milliseconds.
      // Serial GC and the quick compiler only: measured here, 13 s on one core instead of 33 s on two (the checker needs a 4 MB stack then).
      ({ stdout } = await run(
        JAVA,
        [
          '-Xss4m',
          '-XX:+UseSerialGC',
          '-XX:TieredStopAtLevel=1',
          '-jar',
          VNU_JAR,
          '--errors-only',
          '--format',
          'json',
          '--stdout',
          '--exit-zero-always',
          '--skip-non-html',
          dist,
          canary,
        ],
        {
          maxBuffer: 64 * 1024 * 1024,
        },
      ));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        throw new Error(`Java not found ("${JAVA}"): install Debian's default-jre-headless (.ci/run does) or set JAVA`);
      throw error;
    } finally {
      rmSync(canary, { recursive: true, force: true });
    }
    const all = (JSON.parse(stdout) as { messages: NuMessage[] }).messages;
    expect(all.some((message) => message.url?.endsWith('/canary.html') && message.type === 'error')).toBe(true);
    const messages = all.filter((message) => !message.url?.endsWith('/canary.html'));
    expect(countHtml(dist)).toBeGreaterThan(100);
    const errors = messages.filter((message) => message.type !== 'info' && !CHECKER_LIMITS.has(message.message));
    const report = errors
      .slice(0, 40)
      .map(
        (message) =>
          `${relative(dist, (message.url ?? '').replace(/^file:/, ''))}:${message.lastLine ?? '?'} ${message.message}${message.extract ? ` «${message.extract}»` : ''}`,
      );
    expect(report, `${errors.length} errors`).toEqual([]);
  }, 240_000);
});
