// Builds the site once before the system tests (vitest.config.ts), which read or serve it: the full build (Astro, then
// Pagefind's search index), unless SKIP_BUILD=1.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  try {
    // Quiet on success; on failure the build's own output says what went wrong.
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}\n${stderr}`);
  }
}
