// Builds the CDK app: the three stacks of one environment (edge in us-east-1, the app, the edge alarms), checked by cdk-nag.
import { readFileSync } from 'node:fs';
import { App, Tags } from 'aws-cdk-lib';
import type { PreparedAssets } from './bundles.ts';
import { EDGE_REGION, readConfig, type DeploymentConfig } from './config.ts';
import { addNagChecks } from './nag.ts';
import { PATHS } from './paths.ts';
import { readPublishingConfig } from './publishing-config.ts';
import { AppStack } from './stacks/app-stack.ts';
import { EdgeAlarmsStack } from './stacks/edge-alarms-stack.ts';
import { EdgeStack } from './stacks/edge-stack.ts';

/** The feature flags and settings of infra/cdk.json, so an app built in a test behaves as `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(PATHS.cdkJson, 'utf8')) as { context: Record<string, unknown> }).context;
}

export interface CreateAppOptions {
  /** Context as `-c key=value` would give it (tests); the CDK CLI's own context always wins. */
  context?: Record<string, unknown>;
  outdir?: string;
  /** aws-cdk-lib's bundled CloudFormation validator (on by default; off where a test wants speed). */
  builtinCloudFormationValidation?: boolean;
}

export function createApp(options: CreateAppOptions = {}): App {
  return new App({
    context: { ...cdkJsonContext(), ...options.context },
    outdir: options.outdir,
    builtinCloudFormationValidation: options.builtinCloudFormationValidation,
  });
}

export function configOf(app: App): DeploymentConfig {
  return readConfig((key) => app.node.tryGetContext(key));
}

export interface ProjectStacks {
  config: DeploymentConfig;
  edge: EdgeStack;
  app: AppStack;
  edgeAlarms: EdgeAlarmsStack;
}

export interface DefineOptions {
  distDir?: string;
  /** cdk-nag's AwsSolutions pack (on unless a test turns it off). */
  nag?: boolean;
}

/** The stacks of one environment. Deploy order (cdk deploy --all follows it): edge → app → edge alarms */
export function defineStacks(app: App, config: DeploymentConfig, assets: PreparedAssets, options: DefineOptions = {}): ProjectStacks {
  const prefix = config.stackPrefix;
  const description = (what: string) => `${config.siteName} (${config.envName}): ${what}`;
  const edge = new EdgeStack(app, `${prefix}-edge`, {
    config,
    env: { account: config.account, region: EDGE_REGION },
    description: description('WAF web ACL for CloudFront (us-east-1)'),
    terminationProtection: config.retainData,
  });
  const main = new AppStack(app, prefix, {
    config,
    assets,
    distDir: options.distDir ?? PATHS.dist,
    publishing: readPublishingConfig((key) => app.node.tryGetContext(key)),
    env: { account: config.account, region: config.region },
    description: description('site, API, data, staff sign-in, mail and alarms'),
    terminationProtection: config.retainData,
  });
  main.addStackDependency(edge, 'reads the web ACL ARN the edge stack hands over through Parameter Store');
  const edgeAlarms = new EdgeAlarmsStack(app, `${prefix}-edge-alarms`, {
    config,
    env: { account: config.account, region: EDGE_REGION },
    description: description('CloudFront alarms (CloudFront reports its metrics in us-east-1)'),
  });
  edgeAlarms.addStackDependency(main, 'reads the distribution id the app stack hands over through Parameter Store');
  for (const stack of [edge, main, edgeAlarms]) {
    Tags.of(stack).add('project', config.project);
    Tags.of(stack).add('environment', config.envName);
  }
  if (options.nag !== false) addNagChecks(app);
  return { config, edge, app: main, edgeAlarms };
}
