// The publishing pipeline as synthesized (with a connection configured): least privilege of the build, the order of the upload, the failure mail, cdk-nag; and /admin/'s own CSP beside the public pages' unchanged one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CMS_BACKEND_ENV } from '#content-files/cms-config.ts';
import { PATHS } from '../../infra/lib/paths.ts';
import { decodeIds, RELEASE_ENV } from '../../infra/lib/release-check.ts';
import { contentSecurityPolicy, EDITOR_PATH_PATTERN, editorContentSecurityPolicy, scanInline } from '../../infra/lib/site-csp.ts';
import { BUILD_COMMANDS, PUBLISH_COMMANDS } from '../../infra/lib/constructs/publishing-pipeline.ts';
import { asList, resourcesOf, synthesize, type Synthesized } from './support.ts';

const CONNECTION = 'arn:aws:codeconnections:ap-southeast-1:123456789012:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

let synth: Synthesized;
let publishing: Template;
type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource?: unknown; Principal?: unknown };
type Json = Record<string, any>;

beforeAll(async () => {
  synth = await synthesize({
    context: {
      sourceConnectionArn: CONNECTION,
      sourceRepository: 'camau-dfa/invest-site',
      contentBranch: 'content',
      publisherEmails: 'bientap@camau.gov.vn, pheduyet@camau.gov.vn',
    },
  });
  publishing = synth.templates.app;
}, 120_000);

/** The one resource of a type whose logical id starts with `prefix`. */
function only(template: Template, type: string, prefix = ''): [string, Json] {
  const found = resourcesOf(template, type).filter(([id]) => id.startsWith(prefix));
  expect(
    found.map(([id]) => id),
    `${type} ${prefix}`,
  ).toHaveLength(1);
  return found[0] as [string, Json];
}

/** Every statement of every policy attached to a role (by its logical id). */
function statementsOf(template: Template, roleId: string): Statement[] {
  return resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, policy]) => asList(policy.Properties?.Roles).some((role: any) => role?.Ref === roleId))
    .flatMap(([, policy]) => (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The logical id of the app stack's export a cross-stack value comes from (Fn::ImportValue's name names the resource). */
const imported = (value: unknown): string => JSON.stringify(value);

describe('the publishing pipeline', () => {
  it('is built from the configured connection, repository and branch', () => {
    expect(synth.app.publishing).toBeDefined();
    const [, pipeline] = only(publishing, 'AWS::CodePipeline::Pipeline');
    expect(pipeline.Properties.PipelineType).toBe('V2');
    const stages = pipeline.Properties.Stages as Json[];
    expect(stages.map((stage) => stage.Name)).toEqual(['Source', 'Publish']);
    const source = stages[0]!.Actions[0];
    expect(source.ActionTypeId).toMatchObject({ Owner: 'AWS', Category: 'Source', Provider: 'CodeStarSourceConnection' });
    expect(source.Configuration).toMatchObject({
      ConnectionArn: CONNECTION,
      FullRepositoryId: 'camau-dfa/invest-site',
      BranchName: 'content',
    });
    expect(stages[1]!.Actions[0].ActionTypeId).toMatchObject({ Category: 'Build', Provider: 'CodeBuild' });
  });

  it('gives the build role only its logs, its key, the artifacts to read, the site bucket to write and the one distribution to invalidate', () => {
    const [projectId, project] = only(publishing, 'AWS::CodeBuild::Project', 'Publishing');
    const roleId = project.Properties.ServiceRole['Fn::GetAtt'][0] as string;
    const statements = statementsOf(publishing, roleId);
    const [bucketId] = only(synth.templates.app, 'AWS::S3::Bucket', 'SiteBucket');
    const [distributionId] = only(synth.templates.app, 'AWS::CloudFront::Distribution', 'SiteDistribution');
    const [artifactsId] = only(publishing, 'AWS::S3::Bucket', 'PublishingArtifacts');
    const [keyId] = only(publishing, 'AWS::KMS::Key', 'Publishing');
    // CodeBuild writes to /aws/codebuild/<project name>: the log group made with that name (and a retention).
    const [, logGroup] = only(publishing, 'AWS::Logs::LogGroup', 'PublishingBuildLogs');
    expect(logGroup.Properties.LogGroupName).toBe(`/aws/codebuild/${project.Properties.Name}`);

    // Whatever may write, delete or invalidate: exactly these three statements, on the app stack's site bucket and distribution.
    const changing = statements.filter((s) =>
      asList(s.Action).some((action) => /^s3:(Put|Delete|Abort|Replicate|Restore)|^cloudfront:|^s3:\*|^\*$/.test(action)),
    );
    expect(changing.map((s) => [s.Sid, asList(s.Action)])).toEqual([
      ['WriteSiteObjects', ['s3:DeleteObject', 's3:PutObject']],
      ['InvalidateSite', ['cloudfront:CreateInvalidation']],
    ]);
    const write = changing[0]!;
    expect(imported(write.Resource)).toContain(bucketId);
    expect(imported(write.Resource)).toMatch(/\/\*"/);
    const invalidate = changing[1]!;
    expect(imported(invalidate.Resource)).toContain(distributionId);
    expect(imported(invalidate.Resource)).toContain(':distribution/');

    // And nothing else: every statement is one of these, on these resources only; no "*" resource anywhere.
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      const resources = asList(statement.Resource).map(imported);
      expect(resources.length, JSON.stringify(statement)).toBeGreaterThan(0);
      expect(resources, JSON.stringify(statement)).not.toContain('"*"');
      const actions = asList(statement.Action);
      const on = (id: string) => resources.every((r) => r.includes(id));
      if (statement.Sid === 'ListSiteBucket') expect(on(bucketId) && actions.join() === 's3:ListBucket').toBe(true);
      else if (statement.Sid === 'WriteSiteObjects' || statement.Sid === 'InvalidateSite') continue;
      else if (actions.every((a) => a.startsWith('logs:')))
        expect(resources.every((r) => r.includes('log-group:/aws/codebuild/') && r.includes(projectId))).toBe(true);
      else if (actions.every((a) => a.startsWith('kms:'))) expect(on(keyId), JSON.stringify(statement)).toBe(true);
      else {
        // The source snapshot: read only, in the artifact bucket only.
        expect(on(artifactsId), JSON.stringify(statement)).toBe(true);
        expect(
          actions.every((a) => /^s3:(Get|List)/.test(a)),
          JSON.stringify(statement),
        ).toBe(true);
      }
    }
    // The role cannot be assumed by anything but CodeBuild.
    const [, role] = resourcesOf(publishing, 'AWS::IAM::Role').find(([id]) => id === roleId)!;
    expect((role.Properties!.AssumeRolePolicyDocument as Json).Statement).toEqual([
      expect.objectContaining({ Action: 'sts:AssumeRole', Principal: { Service: 'codebuild.amazonaws.com' } }),
    ]);
  });

  it('uploads only after the checks and the build succeed: assets, other files, pages last, then prune and invalidate', () => {
    const [, project] = only(publishing, 'AWS::CodeBuild::Project', 'Publishing');
    const spec = JSON.parse(project.Properties.Source.BuildSpec as string) as Json;
    const commands = spec.phases.build.commands as string[];
    // One phase: CodeBuild runs no further command of a phase after one fails, so a failed build or check uploads nothing.
    expect(commands).toEqual([...BUILD_COMMANDS, ...PUBLISH_COMMANDS]);
    expect(spec.phases.post_build).toBeUndefined();
    expect(spec.phases.install.commands).toEqual(['npm ci --no-fund --no-audit']);
    const index = (pattern: RegExp) => commands.findIndex((command) => pattern.test(command));
    const assets = index(/sync dist\/_astro/);
    const others = index(/--exclude "\*\.html"/);
    const pages = index(/--include "\*\.html"/);
    const prune = index(/--delete/);
    const invalidation = index(/create-invalidation/);
    expect(index(/npm run build/)).toBeLessThan(assets);
    expect(index(/check-release/)).toBeLessThan(assets);
    expect([assets, others, pages, prune, invalidation]).toEqual([...[assets, others, pages, prune, invalidation]].sort((a, b) => a - b));
    expect(commands[assets]).not.toContain('--delete');
    expect(commands[prune]).toContain('--exclude "_astro/*"');
    expect(invalidation).toBe(commands.length - 1);
  });

  it('hands the build what the deployment fixed: the bucket, the distribution, the public CSP and the known documents', () => {
    const [, project] = only(publishing, 'AWS::CodeBuild::Project', 'Publishing');
    const variables = Object.fromEntries(
      (project.Properties.Environment.EnvironmentVariables as { Name: string; Value: unknown }[]).map((v) => [v.Name, v.Value]),
    );
    expect(variables[RELEASE_ENV.contentSecurityPolicy]).toBe(synth.app.contentSecurityPolicy);
    expect(decodeIds(String(variables[RELEASE_ENV.documentIds]))).toEqual(synth.assets.documentIds);
    expect(synth.assets.documentIds.length).toBe(synth.assets.documentCount);
    // Every variable within CodeBuild's limit for one variable.
    for (const [name, value] of Object.entries(variables)) expect(JSON.stringify(value).length, name).toBeLessThan(4096);
    expect(imported(variables.SITE_BUCKET)).toContain('SiteBucket');
    expect(imported(variables.DISTRIBUTION_ID)).toContain('SiteDistribution');
    expect(project.Properties.EncryptionKey).toBeDefined();
    expect(project.Properties.ConcurrentBuildLimit).toBe(1);
  });

  it("mails the publishers when a publication fails: rule on the pipeline's failed executions → encrypted topic → their addresses", () => {
    const [ruleId, rule] = only(publishing, 'AWS::Events::Rule', 'Publishing');
    const [pipelineId] = only(publishing, 'AWS::CodePipeline::Pipeline');
    const [topicId, topic] = only(publishing, 'AWS::SNS::Topic', 'Publishing');
    const [keyId, key] = only(publishing, 'AWS::KMS::Key', 'Publishing');
    const pattern = rule.Properties.EventPattern as Json;
    expect(pattern.source).toEqual(['aws.codepipeline']);
    expect(pattern['detail-type']).toEqual(['CodePipeline Pipeline Execution State Change']);
    expect(pattern.detail.state).toContain('FAILED');
    expect(imported(pattern.resources)).toContain(pipelineId);
    const [target] = rule.Properties.Targets as Json[];
    expect(target!.Arn).toEqual({ Ref: topicId });
    const message = JSON.stringify(target!.InputTransformer.InputTemplate);
    expect(message).toMatch(/CHƯA được cập nhật.*<detail-state>.*NOT updated.*<detail-execution-id>/s);
    expect(target!.InputTransformer.InputPathsMap).toEqual({
      'detail-state': '$.detail.state',
      'detail-execution-id': '$.detail.execution-id',
    });
    expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(key.Properties.EnableKeyRotation).toBe(true);
    // EventBridge may publish to the topic and use its key.
    const [, topicPolicy] = only(publishing, 'AWS::SNS::TopicPolicy', 'Publishing');
    expect(JSON.stringify(topicPolicy.Properties.PolicyDocument)).toContain('events.amazonaws.com');
    expect(JSON.stringify(key.Properties.KeyPolicy)).toContain('events.amazonaws.com');
    const subscriptions = resourcesOf(publishing, 'AWS::SNS::Subscription')
      .filter(([id]) => id.startsWith('Publishing'))
      .map(([, s]) => s.Properties!);
    expect(subscriptions.map((s) => [s.Protocol, s.Endpoint, s.TopicArn])).toEqual([
      ['email', 'bientap@camau.gov.vn', { Ref: topicId }],
      ['email', 'pheduyet@camau.gov.vn', { Ref: topicId }],
    ]);
    expect(ruleId).toBeTruthy();
  });

  it("encrypts and expires its artifacts, and keeps the build logs for the deployment's retention", () => {
    const [, artifacts] = only(publishing, 'AWS::S3::Bucket', 'PublishingArtifacts');
    const encryption = artifacts.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
    expect(encryption.SSEAlgorithm).toBe('aws:kms');
    expect(artifacts.Properties.LoggingConfiguration).toBeDefined();
    expect(JSON.stringify(artifacts.Properties.LifecycleConfiguration)).toContain('"ExpirationInDays":30');
    const [, buildLogs] = only(publishing, 'AWS::Logs::LogGroup', 'PublishingBuildLogs');
    expect(buildLogs.Properties.RetentionInDays).toBe(synth.config.logRetentionDays);
  });

  it("lets editors sign in with GitHub: the exchange reads only its app's secret, and the built editor is pointed at it", () => {
    const [secretId] = only(publishing, 'AWS::SecretsManager::Secret', 'PublishingEditorSignIn');
    const [fnId, fn] = resourcesOf(publishing, 'AWS::Lambda::Function').find(([id]) => id.startsWith('PublishingEditorSignIn'))!;
    const roleId = (fn.Properties!.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    const statements = statementsOf(publishing, roleId);
    expect(statements.map((s) => [s.Sid, s.Action])).toEqual([
      ['WriteOwnLogs', ['logs:CreateLogStream', 'logs:PutLogEvents']],
      ['ReadOAuthApp', 'secretsmanager:GetSecretValue'],
    ]);
    expect(statements[1]!.Resource).toEqual({ Ref: secretId });
    const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.EDITOR_AUTH_SECRET_ARN).toEqual({ Ref: secretId });
    expect(imported(env.EDITOR_ORIGIN)).toContain('SiteDistribution');
    const [, url] = only(publishing, 'AWS::Lambda::Url', 'PublishingEditorSignIn');
    expect(url.Properties.AuthType).toBe('NONE');
    expect(imported(url.Properties.TargetFunctionArn)).toContain(fnId);

    const [, project] = only(publishing, 'AWS::CodeBuild::Project', 'Publishing');
    const variables = Object.fromEntries(
      (project.Properties.Environment.EnvironmentVariables as { Name: string; Value: unknown }[]).map((v) => [v.Name, v.Value]),
    );
    expect(variables[CMS_BACKEND_ENV.repo]).toBe('camau-dfa/invest-site');
    expect(variables[CMS_BACKEND_ENV.branch]).toBe('content');
    expect(imported(variables[CMS_BACKEND_ENV.authUrl])).toContain('PublishingEditorSignInExchangeFunctionFunctionUrl');
    expect(variables.DECAP_PUBLISH_MODE).toBe('editorial_workflow');

    // The set-up's values, as outputs: the OAuth app's callback, the secret to fill, the editor's build settings for npm run deploy.
    const outputs = publishing.findOutputs('*');
    const output = (name: string) => Object.entries(outputs).find(([id]) => id.startsWith(`Publishing${name}`))?.[1] as Json;
    expect(imported(output('EditorSignInCallbackUrl').Value)).toMatch(/\/callback"/);
    expect(output('EditorSignInSecretArn').Value).toEqual({ Ref: secretId });
    expect(imported(output('PublishedEditorEnvironment').Value)).toContain('DECAP_GITHUB_REPO=camau-dfa/invest-site DECAP_BRANCH=content');
  });

  it('passes cdk-nag with every accepted finding acknowledged by name and reason', () => {
    // The synth above would have thrown on an unacknowledged finding; the report confirms none was left.
    const report = JSON.parse(readFileSync(join(synth.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((r) => r.violations)).toEqual([]);
  });
});

describe("the editor's own Content-Security-Policy", () => {
  const policies = () =>
    Object.fromEntries(
      resourcesOf(synth.templates.app, 'AWS::CloudFront::ResponseHeadersPolicy').map(([id, p]) => [
        id.replace(/[0-9A-F]{8}$/, ''),
        (p.Properties!.ResponseHeadersPolicyConfig as Json).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy as string,
      ]),
    );

  it('serves /admin/* with the editor policy and every other page with the unchanged strict one', () => {
    const { SiteSiteHeaders: site, SiteEditorHeaders: editor } = policies();
    // The public policy is exactly what it was: computed from the built pages, no unsafe-inline, no unsafe-eval.
    const inventory = scanInline(PATHS.dist);
    expect(site).toBe(
      contentSecurityPolicy(inventory, {
        connectSources: [`https://cognito-idp.${synth.app.region}.amazonaws.com`, ...synth.config.externalOrigins],
        imageSources: synth.config.externalOrigins,
      }),
    );
    expect(site).not.toMatch(/unsafe-inline|'unsafe-eval'|api\.github\.com/);
    expect(editor).toBe(editorContentSecurityPolicy(scanInline(join(PATHS.dist, 'admin'))));
    expect(editor).not.toBe(site);
    expect(editor).toContain("style-src 'self' 'unsafe-inline'");
    expect(editor).toContain('connect-src');
    expect(editor).toMatch(/connect-src [^;]*https:\/\/api\.github\.com/);
    expect(editor).toContain("frame-ancestors 'none'");

    const [, distribution] = only(synth.templates.app, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as Json;
    const headersOf = (behavior: Json) => JSON.stringify(behavior.ResponseHeadersPolicyId);
    const editorBehaviors = (config.CacheBehaviors as Json[]).filter((b) => b.PathPattern === EDITOR_PATH_PATTERN);
    expect(editorBehaviors).toHaveLength(1);
    expect(headersOf(editorBehaviors[0]!)).toContain('SiteEditorHeaders');
    expect(headersOf(config.DefaultCacheBehavior)).toContain('SiteSiteHeaders');
    for (const behavior of config.CacheBehaviors as Json[])
      if (behavior.PathPattern !== EDITOR_PATH_PATTERN) expect(headersOf(behavior), behavior.PathPattern).not.toContain('EditorHeaders');
  });

  it("keeps the sign-in popup's opener and keeps the editor out of search engines", () => {
    const [, editor] = resourcesOf(synth.templates.app, 'AWS::CloudFront::ResponseHeadersPolicy').find(([id]) =>
      id.startsWith('SiteEditorHeaders'),
    )!;
    const headers = Object.fromEntries(
      ((editor.Properties!.ResponseHeadersPolicyConfig as Json).CustomHeadersConfig.Items as Json[]).map((h) => [h.Header, h.Value]),
    );
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
    expect(headers['X-Robots-Tag']).toBe('noindex, nofollow');
  });
});

describe('without a connection', () => {
  it('has no pipeline (the default synth stays offline and needs no Git host)', async () => {
    const plain = await synthesize();
    expect(plain.app.publishing).toBeUndefined();
    expect(resourcesOf(plain.templates.app, 'AWS::CodePipeline::Pipeline')).toEqual([]);
    expect(resourcesOf(plain.templates.app, 'AWS::CodeBuild::Project')).toEqual([]);
  });
});

// Read once so a missing dist/ fails here with the build's own message rather than deep inside a test.
beforeAll(() => {
  readFileSync(join(PATHS.dist, 'index.html'));
});
