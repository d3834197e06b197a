// Builds the site once before the tests that read or serve it, unless a fresh build was asked to be skipped.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync('npx', ['astro', 'build', '--silent'], { stdio: 'inherit' });
}
