// Synthesizes the CDK app for the infra tests: temporary folders for bundles and staging, cdk-nag on, no network and no credentials.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { configOf, createApp, defineStacks, type ProjectStacks } from '../../infra/lib/app.ts';
import { prepareAssets, type FunctionName, type PreparedAssets } from '../../infra/lib/bundles.ts';
import { PATHS } from '../../infra/lib/paths.ts';

export interface Synthesized extends ProjectStacks {
  assets: PreparedAssets;
  assembly: CloudAssembly;
  templates: { edge: Template; app: Template; edgeAlarms: Template };
  outdir: string;
}

export interface SynthOptions {
  /** `-c key=value` as the CLI would pass it; bundles defaults to 'stub' (no esbuild). */
  context?: Record<string, unknown>;
  /** aws-cdk-lib's CloudFormation validator: slow (several seconds), so only the full-synth test turns it on. */
  cloudFormationValidation?: boolean;
  entryExists?: (name: FunctionName) => boolean;
}

export async function synthesize(options: SynthOptions = {}): Promise<Synthesized> {
  const tmp = mkdtempSync(join(tmpdir(), 'invest-infra-'));
  const outdir = join(tmp, 'cdk.out');
  const app = createApp({
    context: { bundles: 'stub', ...options.context },
    outdir,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
  });
  const config = configOf(app);
  const assets = await prepareAssets({
    mode: config.bundles,
    bundleDir: join(tmp, 'lambda'),
    documentsStaging: join(tmp, 'documents'),
    notFoundStaging: join(tmp, 'not-found'),
    distDir: PATHS.dist,
    entryExists: options.entryExists,
  });
  const stacks = defineStacks(app, config, assets);
  // cdk-nag runs here: under vitest (NODE_ENV=test) any unacknowledged finding throws with the report.
  const assembly = app.synth();
  const template = (name: string) => Template.fromJSON(assembly.getStackByName(name).template as Record<string, unknown>);
  return {
    ...stacks,
    assets,
    assembly,
    outdir,
    templates: {
      edge: template(stacks.edge.stackName),
      app: template(stacks.app.stackName),
      edgeAlarms: template(stacks.edgeAlarms.stackName),
    },
  };
}

type Resource = { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown };

/** Every resource of one type in a template, by logical id. */
export function resourcesOf(template: Template, type: string): [string, Resource][] {
  const all = (template.toJSON() as { Resources: Record<string, Resource> }).Resources;
  return Object.entries(all).filter(([, resource]) => resource.Type === type);
}

/** A policy statement's Resource(s) as a list. */
export const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
