// The synth `npm run synth` does: real Lambda bundles from functions/build.ts (esbuild, no Docker), aws-cdk-lib's CloudFormation validator on, cdk-nag on.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdkJsonContext } from '../../infra/lib/app.ts';
import { STUB_CODE } from '../../infra/lib/constructs/project-function.ts';
import { PATHS } from '../../infra/lib/paths.ts';
import { resourcesOf, synthesize, type Synthesized } from './support.ts';

let full: Synthesized;

beforeAll(async () => {
  full = await synthesize({ context: { bundles: 'build' }, cloudFormationValidation: true });
}, 120_000);

/** The cloud assembly folder a function's code was staged into. */
function codeDir(logicalIdPrefix: string): string {
  const [, fn] = resourcesOf(full.templates.app, 'AWS::Lambda::Function').find(([id]) => id.startsWith(logicalIdPrefix))!;
  const key = String((fn.Properties?.Code as { S3Key: unknown } | undefined)?.S3Key);
  return join(full.outdir, `asset.${key.replace(/\.zip$/, '')}`);
}

describe('the full synth', () => {
  it("passes aws-cdk-lib's CloudFormation validator (strict: errors fail the synth) and cdk-nag", () => {
    expect(full.app.node.tryGetContext('@aws-cdk/core:validateAgainstDefaultRules')).toBe(true);
    const report = JSON.parse(readFileSync(join(full.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((r) => r.violations)).toEqual([]);
  });

  it('would have failed on a template CloudFormation refuses (the validator is live here, not skipped)', () => {
    const app = new App({ context: cdkJsonContext(), builtinCloudFormationValidation: true });
    const stack = new Stack(app, 'Invalid', { env: { account: '000000000000', region: 'ap-southeast-1' } });
    new CfnResource(stack, 'Bucket', { type: 'AWS::S3::Bucket', properties: { NoSuchProperty: 1 } });
    expect(() => app.synth()).toThrow(/NoSuchProperty.*CloudFormation Validate/s);
  });

  it("deploys each route group's own esbuild bundle, with the document catalog beside downloads and staff", () => {
    for (const [prefix, extra] of [
      ['ApiHealth', []],
      ['ApiInquiries', []],
      ['ApiDownloads', ['documents.json']],
      ['ApiStaff', ['documents.json']],
    ] as const) {
      const dir = codeDir(prefix);
      // The bundle and the data files functions/build.ts puts beside it (more may come; these must be there).
      expect(readdirSync(dir), prefix).toEqual(expect.arrayContaining(['index.mjs', ...extra]));
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).toMatch(/handler/);
    }
    expect(readdirSync(codeDir('ApiOriginVerify'))).toEqual(['index.mjs']);
    expect(readdirSync(codeDir('SiteNotFound')).sort()).toEqual(['404.html', 'index.mjs']);
    expect(JSON.stringify(full.templates.app.toJSON())).not.toContain(STUB_CODE.slice(0, 30));
  });

  it('publishes files only (no Docker image, no bundling in a container) and the whole built site', () => {
    for (const stack of [full.edge, full.app, full.edgeAlarms]) {
      const manifest = JSON.parse(readFileSync(join(full.outdir, `${stack.artifactId}.assets.json`), 'utf8')) as {
        files: Record<string, unknown>;
        dockerImages: Record<string, unknown>;
      };
      expect(manifest.dockerImages, stack.stackName).toEqual({});
    }
    const pages = resourcesOf(full.templates.app, 'Custom::CDKBucketDeployment').find(([id]) => id.startsWith('SitePagesDeployment'))![1];
    const zip = String((pages.Properties?.SourceObjectKeys as string[] | undefined)?.[0]);
    expect(existsSync(join(full.outdir, `asset.${zip.replace(/\.zip$/, '')}`, 'index.html'))).toBe(true);
    expect(existsSync(join(full.outdir, `asset.${zip.replace(/\.zip$/, '')}`, '_astro'))).toBe(false);
    expect(existsSync(join(PATHS.dist, '_astro'))).toBe(true);
  });
});
