// The dependency rules (.dependency-cruiser.mjs) as `npm run deps` checks them: the project passes, and a tree that breaks them fails,
// naming each rule it breaks. The check is the script itself, run with the project's Node, so a rule that stops matching shows here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'test/fixtures/dependency-rules');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

/** `npm run deps` as package.json says it, without the program's name: the configuration and the folders it checks. */
function depsScript(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [program, ...args] = (scripts.deps ?? '').split(/\s+/);
  expect(program).toBe('depcruise');
  return args;
}

function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [depcruise, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the dependency rules', () => {
  it('hold for the project as npm run deps checks it', () => {
    const { status, output } = run(root, depsScript());
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('fail on a tree that breaks them, naming each rule and the import that breaks it', () => {
    // The same configuration from the fixture's root, so its paths start with lib/, site/ and functions/ as the project's do.
    const args = depsScript();
    const config = args[args.indexOf('--config') + 1]!;
    const { status, output } = run(fixture, ['--config', join(root, config), 'lib', 'site', 'functions']);
    expect(status).not.toBe(0);
    const violations = output.match(/^\s*error [a-z-]+: .+$/gm)?.map((line) => line.trim()) ?? [];
    expect(violations).toEqual(
      expect.arrayContaining([
        'error domain-has-no-node: lib/domain/rule.ts → fs',
        'error domain-is-pure: lib/domain/rule.ts → site/page.ts',
        'error functions-use-only-lib: functions/handler.ts → site/page.ts',
        'error islands-run-in-the-browser: site/islands/Island.tsx → lib/content-files/reader.ts',
      ]),
    );
    expect(output).toMatch(/error no-circular: lib\/domain\/first\.ts →\s+lib\/domain\/second\.ts →\s+lib\/domain\/first\.ts/);
    // The allowed import in the fixture (lib/content-files reading with the domain's rules) is not reported.
    expect(output).not.toContain('lib/content-files/reader.ts → lib/domain/rule.ts');
  });
});
