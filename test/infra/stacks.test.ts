// What the synthesized stacks promise, asserted on one shared synth (stub Lambda code, cdk-nag on): privacy, least privilege, headers, logs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { load } from 'cheerio';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocumentFolders } from '#content-files/documents.ts';
import { BUCKETS, TABLES } from '../../functions/resources.ts';
import { ROUTES } from '../../infra/lib/constructs/api.ts';
import { BACKUP_DAYS } from '../../infra/lib/constructs/data.ts';
import { ASSET_CACHE_CONTROL, PAGE_CACHE_CONTROL } from '../../infra/lib/constructs/site.ts';
import { viewerRequestFunctionCode } from '../../infra/lib/edge-function.ts';
import { addNagChecks } from '../../infra/lib/nag.ts';
import { PATHS } from '../../infra/lib/paths.ts';
import { CLOUDFRONT_CSP_MAX_LENGTH } from '../../infra/lib/site-csp.ts';
import { RATE_LIMITS } from '../../infra/lib/stacks/edge-stack.ts';
import { asList, resourcesOf, synthesize, type Synthesized } from './support.ts';

let dev: Synthesized;
type Statement = { Effect: string; Action: string | string[]; Resource?: unknown; Condition?: unknown; Principal?: unknown; Sid?: string };

beforeAll(async () => {
  dev = await synthesize();
});

const props = (resource: { Properties?: Record<string, unknown> }) => resource.Properties ?? {};
const json = (value: unknown) => JSON.stringify(value);

/** Which logical id a Ref / GetAtt points at. */
function target(value: unknown): string | undefined {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  return v?.Ref ?? v?.['Fn::GetAtt']?.[0];
}

describe('stacks and environments', () => {
  it('puts the WAF and the CloudFront alarm in us-east-1 and everything else in the chosen region, deployed in order', () => {
    expect(dev.edge.region).toBe('us-east-1');
    expect(dev.edgeAlarms.region).toBe('us-east-1');
    expect(dev.app.region).toBe('ap-southeast-1');
    expect(dev.app.account).toBe('000000000000');
    expect(dev.app.dependencies).toContain(dev.edge);
    expect(dev.edgeAlarms.dependencies).toContain(dev.app);
    expect(dev.config.stackPrefix).toBe(`${dev.config.project}-dev`);
    expect([dev.edge.stackName, dev.app.stackName, dev.edgeAlarms.stackName]).toEqual([
      `${dev.config.stackPrefix}-edge`,
      dev.config.stackPrefix,
      `${dev.config.stackPrefix}-edge-alarms`,
    ]);
  });

  it('says where the site, the API and the user pool are', () => {
    for (const output of [
      'SiteUrl',
      'ApiUrl',
      'UserPoolId',
      'UserPoolClientId',
      'UserPoolRegion',
      'DistributionDomainName',
      'DocumentsBucketName',
      'AlarmTopicArn',
    ])
      dev.templates.app.hasOutput(output, {});
    dev.templates.app.hasOutput('ApiUrl', { Value: { 'Fn::Join': ['', Match.arrayWith(['https://', '/api/'])] } });
  });
});

describe('buckets', () => {
  it('are all private: public access blocked, TLS only, encrypted, owner-enforced except the log bucket, access-logged', () => {
    const buckets = resourcesOf(dev.templates.app, 'AWS::S3::Bucket');
    expect(buckets).toHaveLength(3);
    for (const [id, bucket] of buckets) {
      const p = props(bucket);
      expect(p.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(json(p.BucketEncryption), id).toContain('"SSEAlgorithm":"AES256"');
      if (!id.startsWith('LogBucket')) {
        expect(json(p.OwnershipControls), id).toContain('BucketOwnerEnforced');
        expect(p.LoggingConfiguration, id).toBeDefined();
        expect(p.VersioningConfiguration, id).toEqual({ Status: 'Enabled' });
      }
      expect(bucket.DeletionPolicy, id).toBe('Retain');
    }
  });

  it('allow nobody but CloudFront (for the site, through origin access control) and deny plain HTTP', () => {
    const policies = resourcesOf(dev.templates.app, 'AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(3);
    for (const [id, policy] of policies) {
      const statements = (props(policy).PolicyDocument as { Statement: Statement[] }).Statement;
      expect(
        statements.some((s) => s.Effect === 'Deny' && json(s.Condition).includes('"aws:SecureTransport":"false"')),
        id,
      ).toBe(true);
      for (const s of statements.filter((s) => s.Effect === 'Allow')) {
        expect(json(s.Principal), id).not.toMatch(/"\*"|"AWS":"\*"/);
        expect(json(s.Principal), id).toMatch(/cloudfront\.amazonaws\.com|logging\.s3\.amazonaws\.com/);
        if (json(s.Principal).includes('cloudfront')) {
          expect(s.Action).toBe('s3:GetObject');
          expect(json(s.Condition)).toContain('AWS:SourceArn');
        }
      }
    }
  });

  it('serve the site to CloudFront through origin access control (signed requests), never an origin access identity', () => {
    dev.templates.app.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    dev.templates.app.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    const [, distribution] = resourcesOf(dev.templates.app, 'AWS::CloudFront::Distribution')[0]!;
    const origins = (props(distribution).DistributionConfig as { Origins: Record<string, unknown>[] }).Origins;
    const s3Origins = origins.filter((o) => o.S3OriginConfig);
    expect(s3Origins.length).toBeGreaterThan(0);
    for (const origin of s3Origins) {
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
      expect(origin.OriginAccessControlId).toBeDefined();
    }
  });
});

describe('the documents bucket', () => {
  it('receives every document (content/documents/ and the generated factsheets) at the key the downloads function signs', () => {
    const documents = loadDocumentFolders(PATHS.documentFolders);
    expect(dev.assets.documentCount).toBe(documents.length);
    for (const document of documents)
      expect(existsSync(join(dev.assets.documentsDir!, document.meta.s3Key)), document.meta.s3Key).toBe(true);
    if (documents.length === 0) return;
    const [, deployment] = resourcesOf(dev.templates.app, 'Custom::CDKBucketDeployment').find(([id]) =>
      id.startsWith('DataDocumentsDeployment'),
    )!;
    expect(props(deployment)).toMatchObject({ Prune: true, DestinationBucketName: { Ref: expect.stringMatching(/^DataDocumentsBucket/) } });
  });
});

describe('DynamoDB tables', () => {
  const tables = () => resourcesOf(dev.templates.app, 'AWS::DynamoDB::Table');

  it('are one per definition of functions/resources.ts, on demand, with point-in-time recovery and KMS encryption', () => {
    expect(tables()).toHaveLength(Object.keys(TABLES).length);
    for (const [id, table] of tables()) {
      const p = props(table);
      expect(p.BillingMode, id).toBe('PAY_PER_REQUEST');
      expect(p.PointInTimeRecoverySpecification, id).toEqual({ PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: BACKUP_DAYS });
      expect(p.SSESpecification, id).toEqual({ SSEEnabled: true });
    }
  });

  it('have the keys, indexes and TTL attribute each definition asks for, and reach the functions by its envVar', () => {
    const functions = resourcesOf(dev.templates.app, 'AWS::Lambda::Function');
    for (const [name, definition] of Object.entries(TABLES)) {
      const match = tables().find(([id]) => id.toLowerCase().startsWith(`data${name.toLowerCase()}table`));
      expect(match, name).toBeDefined();
      const [id, table] = match!;
      const p = props(table);
      const keys = [definition.partitionKey, ...('sortKey' in definition && definition.sortKey ? [definition.sortKey] : [])];
      expect(p.KeySchema, name).toEqual(keys.map((key, i) => ({ AttributeName: key.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })));
      const ttl = 'timeToLiveAttribute' in definition ? definition.timeToLiveAttribute : undefined;
      if (ttl) expect(p.TimeToLiveSpecification, name).toEqual({ AttributeName: ttl, Enabled: true });
      else expect(p.TimeToLiveSpecification, name).toBeUndefined();
      const indexes = (p.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[] | undefined) ?? [];
      expect(indexes.map((index) => index.IndexName).sort(), name).toEqual(definition.globalIndexes.map((index) => index.name).sort());
      for (const index of definition.globalIndexes) {
        const deployed = indexes.find((candidate) => candidate.IndexName === index.name)!;
        const indexKeys = [index.partitionKey, ...('sortKey' in index && index.sortKey ? [index.sortKey] : [])];
        expect(deployed.KeySchema, `${name}/${index.name}`).toEqual(
          indexKeys.map((key, i) => ({ AttributeName: key.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
        );
      }
      // Every function that names the table gets the deployed name, never a hard-coded one.
      const users = functions.filter(([, fn]) => json(props(fn).Environment ?? {}).includes(`"${definition.envVar}"`));
      for (const [fnId, fn] of users)
        expect((props(fn).Environment as { Variables: Record<string, unknown> }).Variables[definition.envVar], fnId).toEqual({ Ref: id });
    }
    // What the privacy notice promises is deleted by DynamoDB: inquiries and download records carry their expiry.
    for (const name of ['inquiries', 'downloads'] as const) expect(TABLES[name].timeToLiveAttribute, name).toBe('expiresAt');
  });

  it('are deleted with a dev stack but kept, and protected from deletion, in prod (see the prod synth below)', () => {
    for (const [id, table] of tables()) {
      expect(table.DeletionPolicy, id).toBe('Delete');
      expect(props(table).DeletionProtectionEnabled, id).toBe(false);
    }
  });
});

describe('the API', () => {
  const routes = () => resourcesOf(dev.templates.app, 'AWS::ApiGatewayV2::Route').map(([, route]) => props(route));
  const authorizers = () =>
    Object.fromEntries(resourcesOf(dev.templates.app, 'AWS::ApiGatewayV2::Authorizer').map(([id, a]) => [id, props(a)]));

  it('has exactly the routes of infra/lib/constructs/api.ts, the staff ones included now that functions/api/lambda/staff.ts exists', () => {
    expect(dev.assets.functions).toContain('staff');
    expect(
      routes()
        .map((route) => route.RouteKey)
        .sort(),
    ).toEqual(ROUTES.map((route) => route.key).sort());
  });

  it('puts the Cognito JWT authorizer on every staff route', () => {
    const staffRoutes = routes().filter((route) => String(route.RouteKey).includes('/api/staff'));
    expect(staffRoutes.length).toBeGreaterThan(0);
    for (const route of staffRoutes) {
      expect(route.AuthorizationType).toBe('JWT');
      const authorizer = authorizers()[target(route.AuthorizerId)!]!;
      expect(authorizer.AuthorizerType).toBe('JWT');
      expect(authorizer.IdentitySource).toEqual(['$request.header.Authorization']);
      expect(json(authorizer.JwtConfiguration)).toMatch(/https:\/\/cognito-idp\.ap-southeast-1\.amazonaws\.com\/.*StaffAuthUserPool/);
      expect(json((authorizer.JwtConfiguration as { Audience: unknown }).Audience)).toContain('StaffAuthUserPoolConsoleClient');
    }
  });

  it('lets no route be called without an authorizer: the others accept only requests that came through CloudFront', () => {
    for (const route of routes()) {
      expect(route.AuthorizationType, String(route.RouteKey)).not.toBe('NONE');
      if (String(route.RouteKey).includes('/api/staff')) continue;
      expect(route.AuthorizationType).toBe('CUSTOM');
      const authorizer = authorizers()[target(route.AuthorizerId)!]!;
      expect(authorizer.IdentitySource).toEqual(['$request.header.x-origin-verify']);
      expect(authorizer.EnableSimpleResponses).toBe(true);
    }
    // The same secret reaches CloudFront's origin header and the authorizer, as dynamic references, never as text.
    const template = json(dev.templates.app.toJSON());
    expect(template.match(/\{\{resolve:secretsmanager:/g)?.length).toBe(2);
  });

  it('logs every request (no bodies, no visitor addresses) and throttles the stage', () => {
    const [, stage] = resourcesOf(dev.templates.app, 'AWS::ApiGatewayV2::Stage')[0]!;
    const settings = props(stage).AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(target(settings.DestinationArn)).toMatch(/^ApiAccessLogs/);
    expect(JSON.parse(settings.Format)).toMatchObject({ status: '$context.status', route: '$context.routeKey' });
    expect(settings.Format).not.toMatch(/requestBody|cloudfront-viewer-address/i);
    expect(props(stage).DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
  });
});

describe('Lambda functions', () => {
  const projectFunctions = () =>
    resourcesOf(dev.templates.app, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('Api') || id.startsWith('Site'));

  it('run Node 24 on arm64, one per route group, with the environment the functions README asks for', () => {
    const ids = projectFunctions().map(([id]) => id.replace(/Function[0-9A-F]{8}$/, ''));
    expect(ids.sort()).toEqual([
      'ApiDownloads',
      'ApiHealth',
      'ApiInquiries',
      'ApiOriginVerify',
      'ApiServiceFigures',
      'ApiStaff',
      'SiteNotFound',
    ]);
    for (const [id, fn] of projectFunctions()) {
      expect(props(fn).Runtime, id).toBe('nodejs24.x');
      expect(props(fn).Architectures, id).toEqual(['arm64']);
      expect((props(fn).Timeout as number) >= 3, id).toBe(true);
    }
    const env = (prefix: string) =>
      (props(projectFunctions().find(([id]) => id.startsWith(prefix))![1]).Environment as { Variables: Record<string, unknown> }).Variables;
    // No mail settings: the inquiry is stored with the mails it owes and the mail function sends them.
    expect(Object.keys(env('ApiInquiries')).sort()).toEqual([
      'INQUIRIES_TABLE',
      'NODE_OPTIONS',
      'RATE_LIMITS_TABLE',
      'TRUST_VIEWER_ADDRESS',
    ]);
    expect(Object.keys(env('ApiDownloads')).sort()).toEqual([
      BUCKETS.documents.envVar,
      'DOWNLOADS_TABLE',
      'NODE_OPTIONS',
      'RATE_LIMITS_TABLE',
      'TRUST_VIEWER_ADDRESS',
    ]);
    expect(env('ApiInquiries').TRUST_VIEWER_ADDRESS).toBe('1');
    const mailFunction = resourcesOf(dev.templates.app, 'AWS::Lambda::Function').find(([id]) => id.startsWith('MailOutboxFunction'))!;
    const mailEnv = (props(mailFunction[1]).Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(mailEnv).sort()).toEqual(['INQUIRIES_TABLE', 'MAIL_FROM', 'NODE_OPTIONS', 'SES_CONFIGURATION_SET', 'STAFF_EMAIL']);
    expect(mailEnv.MAIL_FROM).toBe(dev.config.mailFrom);
    expect(Object.keys(env('ApiStaff'))).toEqual(
      expect.arrayContaining(['STAFF_AUTH_ISSUER', 'STAFF_AUTH_CLIENT_ID', 'AUDIT_LOG_TABLE', 'STAFF_MEMBERS_TABLE']),
    );
    expect(json(env('ApiStaff').STAFF_AUTH_ISSUER)).toContain('https://cognito-idp.ap-southeast-1.amazonaws.com/');
  });

  it("send inquiry mail from the inquiries table's stream (new items, keys only), with retries, bisection, an encrypted dead-letter queue and a sweep", () => {
    const [, table] = resourcesOf(dev.templates.app, 'AWS::DynamoDB::Table').find(([id]) => /^DatainquiriesTable/i.test(id))!;
    expect(props(table).StreamSpecification).toEqual({ StreamViewType: 'KEYS_ONLY' });
    dev.templates.app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DatainquiriesTable'), 'StreamArn'] },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: Match.anyValue(),
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MailOutboxDeadLetters'), 'Arn'] } } },
    });
    dev.templates.app.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    dev.templates.app.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MailOutboxFunction'), 'Arn'] } })],
    });
  });

  it('each log to their own log group, and every log group of every stack has a retention', () => {
    for (const template of Object.values(dev.templates)) {
      const logGroups = Object.fromEntries(resourcesOf(template, 'AWS::Logs::LogGroup'));
      for (const [id, fn] of resourcesOf(template, 'AWS::Lambda::Function')) {
        const logGroup = target((props(fn).LoggingConfig as { LogGroup?: unknown } | undefined)?.LogGroup);
        expect(logGroup && logGroups[logGroup], `${id} has no log group of its own`).toBeDefined();
      }
      for (const [id, logGroup] of Object.entries(logGroups)) expect(props(logGroup).RetentionInDays, id).toBe(30);
    }
    dev.templates.app.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });
});

describe('IAM', () => {
  const policies = (template = dev.templates.app) =>
    resourcesOf(template, 'AWS::IAM::Policy').map(
      ([id, policy]) => [id, (props(policy).PolicyDocument as { Statement: Statement[] }).Statement] as const,
    );
  const statementsOf = (prefix: string) => policies().find(([id]) => id.startsWith(prefix))![1];

  it('uses no AWS-managed policy and no wildcard action anywhere', () => {
    for (const template of Object.values(dev.templates)) {
      for (const [id, role] of resourcesOf(template, 'AWS::IAM::Role')) expect(props(role).ManagedPolicyArns, id).toBeUndefined();
      for (const [id, statements] of policies(template))
        for (const statement of statements) for (const action of asList(statement.Action)) expect(action, id).not.toMatch(/^\*$|:\*$/);
    }
  });

  it('grants "*" resources only where AWS has no narrower resource: CloudFront invalidations of CDK\'s BucketDeployment', () => {
    const wildcards = Object.values(dev.templates).flatMap((template) =>
      policies(template).flatMap(([id, statements]) =>
        statements.filter((s) => asList(s.Resource).includes('*')).map((s) => ({ id, actions: asList(s.Action) })),
      ),
    );
    expect(wildcards).toEqual([
      {
        id: expect.stringMatching(/^DeploymentRoleDefaultPolicy/),
        actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
      },
    ]);
  });

  it('gives each function only what its routes need, on its own tables, bucket and mail identity', () => {
    const tableRef = (name: string) => ({ 'Fn::GetAtt': [expect.stringMatching(new RegExp(`^Data${name}Table`, 'i')), 'Arn'] });
    const own = {
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: expect.anything(),
    };
    const ses = {
      Sid: 'SendMailFromTheSiteIdentity',
      Effect: 'Allow',
      Action: ['ses:SendEmail', 'ses:SendRawEmail'],
      Resource: [expect.objectContaining({ 'Fn::Join': expect.anything() }), expect.objectContaining({ 'Fn::Join': expect.anything() })],
    };
    expect(statementsOf('ApiHealthRole')).toEqual([own]);
    expect(statementsOf('ApiOriginVerifyRole')).toEqual([own]);
    expect(statementsOf('SiteNotFoundRole')).toEqual([own]);
    expect(statementsOf('ApiInquiriesRole')).toEqual([
      own,
      { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: tableRef('inquiries') },
      { Effect: 'Allow', Action: 'dynamodb:UpdateItem', Resource: tableRef('rateLimits') },
    ]);
    // The mail function: the inquiries table (read, conditional updates, the sweep's scan), its stream, and mail.
    const streamRef = { 'Fn::GetAtt': [expect.stringMatching(/^DatainquiriesTable/i), 'StreamArn'] };
    expect(statementsOf('MailOutboxFunctionRole')).toEqual([
      own,
      { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:UpdateItem'], Resource: tableRef('inquiries') },
      { Effect: 'Allow', Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], Resource: streamRef },
      { Effect: 'Allow', Action: 'dynamodb:ListStreams', Resource: expect.objectContaining({ 'Fn::Join': expect.anything() }) },
      ses,
      // Lambda's dead-letter destination: send to the one queue.
      expect.objectContaining({ Action: expect.arrayContaining(['sqs:SendMessage']) }),
    ]);
    expect(statementsOf('ApiDownloadsRole')).toEqual([
      own,
      { Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: tableRef('downloads') },
      { Effect: 'Allow', Action: 'dynamodb:UpdateItem', Resource: tableRef('rateLimits') },
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^DataDocumentsBucket/), 'Arn'] }, '/*']] },
      },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^DataDocumentsBucket/), 'Arn'] } },
    ]);
    // The service figures: a scan of the inquiries' clock attributes only (IAM refuses any other), one published item.
    expect(statementsOf('ApiServiceFiguresRole')).toEqual([
      own,
      {
        Effect: 'Allow',
        Action: 'dynamodb:Scan',
        Resource: tableRef('inquiries'),
        Condition: {
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['status', 'receivedAt', 'firstReplyAt'] },
          StringEquals: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      },
      { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: tableRef('published') },
    ]);
    dev.templates.app.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 17 * * ? *)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiServiceFigures'), 'Arn'] } })],
    });
    // The SES statement names the identity and the configuration set, nothing else.
    const sesStatement = statementsOf('MailOutboxFunctionRole').find((s) => s.Sid === 'SendMailFromTheSiteIdentity')!;
    expect(json(sesStatement.Resource)).toMatch(/:ses:ap-southeast-1:000000000000:identity\/","?\{"Ref":"MailIdentity/);
    expect(json(sesStatement.Resource)).toMatch(/:ses:ap-southeast-1:000000000000:configuration-set\/","?\{"Ref":"MailConfigurationSet/);
    // The staff function: its four tables (two indexes by name) and mail; no S3, no rate limits, no table it does not use.
    const staff = statementsOf('ApiStaffRole');
    // A staff change is an update of the record's own fields (the outbox on the same item stays), never a whole put.
    expect(staff).toContainEqual(
      expect.objectContaining({ Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:UpdateItem'] }),
    );
    expect(json(staff)).not.toMatch(/s3:|RateLimits|index\/\*/);
    expect(json(staff)).toContain('/index/by-status');
    expect(json(staff)).toContain('/index/by-lead');
  });
});

describe('the CloudFront distribution', () => {
  const distribution = () =>
    props(resourcesOf(dev.templates.app, 'AWS::CloudFront::Distribution')[0]![1]).DistributionConfig as Record<string, any>;

  it('runs the language function on the pages, with the languages of content/site.json', () => {
    const [id, fn] = resourcesOf(dev.templates.app, 'AWS::CloudFront::Function')[0]!;
    expect(props(fn).FunctionConfig).toMatchObject({ Runtime: 'cloudfront-js-2.0' });
    expect(props(fn).FunctionCode).toBe(viewerRequestFunctionCode(dev.config));
    expect(distribution().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [id, 'FunctionARN'] } },
    ]);
  });

  it('caches hashed assets for long and pages briefly, sends /api/* uncached with the viewer address, and has the WAF in front', () => {
    const config = distribution();
    const byPath = Object.fromEntries((config.CacheBehaviors as Record<string, any>[]).map((b) => [b.PathPattern, b]));
    expect(byPath['/_astro/*'].CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6'); // Managed-CachingOptimized
    expect(byPath['/api/*'].CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // Managed-CachingDisabled
    // Managed-AllViewerExceptHostHeader: every viewer header (Authorization too) and CloudFront's, CloudFront-Viewer-Address among them.
    expect(byPath['/api/*'].OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(byPath['/api/*'].AllowedMethods).toContain('POST');
    expect(byPath['/api/*'].ViewerProtocolPolicy).toBe('https-only');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    dev.templates.app.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        DefaultTTL: 300,
        MinTTL: 0,
        MaxTTL: 86400,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({ EnableAcceptEncodingBrotli: true }),
      },
    });
    expect(target(config.WebACLId)).toMatch(new RegExp(`^SsmParameterValue${dev.config.project.replaceAll('-', '')}devedgewebaclarn`));
    expect(config.Logging).toMatchObject({ IncludeCookies: false, Prefix: 'cloudfront/' });
    // No distribution-wide error page: it would replace the API's own 403/404 JSON. A missing page falls over to the not-found function.
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.OriginGroups.Items[0].FailoverCriteria.StatusCodes.Items).toEqual([403, 404]);
  });

  it("deploys dist/ with a year's cache for /_astro and a short one for pages, then invalidates CloudFront", () => {
    const deployments = resourcesOf(dev.templates.app, 'Custom::CDKBucketDeployment').map(([id, d]) => [id, props(d)] as const);
    const assets = deployments.find(([id]) => id.startsWith('SiteAssetsDeployment'))![1];
    const pages = deployments.find(([id]) => id.startsWith('SitePagesDeployment'))![1];
    expect(assets).toMatchObject({
      DestinationBucketKeyPrefix: '_astro/',
      Prune: false,
      SystemMetadata: { 'cache-control': ASSET_CACHE_CONTROL },
    });
    expect(pages).toMatchObject({
      Prune: true,
      Exclude: ['_astro/*'],
      SystemMetadata: { 'cache-control': PAGE_CACHE_CONTROL },
      DistributionPaths: ['/*'],
    });
    expect(pages.DistributionId).toBeDefined();
  });
});

describe('the response headers', () => {
  const siteHeaders = () =>
    props(resourcesOf(dev.templates.app, 'AWS::CloudFront::ResponseHeadersPolicy').find(([id]) => id.startsWith('SiteSiteHeaders'))![1])
      .ResponseHeadersPolicyConfig as Record<string, any>;

  /** Every inline script a browser runs on any built page, found independently of infra/lib/site-csp.ts (with cheerio). */
  function inlineScriptHashes(): Set<string> {
    const hashes = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : name.endsWith('.html') ? [join(dir, name)] : [],
      );
    for (const file of walk(PATHS.dist)) {
      // htmlparser2 (cheerio's xml option with HTML rules): five times faster than parse5, and script text stays raw.
      const $ = load(readFileSync(file, 'utf8'), { xml: { xmlMode: false, decodeEntities: false } });
      $('script:not([src])').each((_, element) => {
        const type = ($(element).attr('type') ?? '').toLowerCase();
        if (type && type !== 'module' && !type.includes('javascript')) return;
        hashes.add(
          `'sha256-${createHash('sha256')
            .update($(element).html() ?? '')
            .digest('base64')}'`,
        );
      });
    }
    return hashes;
  }

  it("carry a CSP that allows exactly the built pages' inline scripts, nothing from other origins, no framing", () => {
    const csp: string = siteHeaders().SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp.length).toBeLessThanOrEqual(CLOUDFRONT_CSP_MAX_LENGTH);
    const directives: Record<string, string[]> = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    const expected = inlineScriptHashes();
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(directives['script-src']!.filter((s) => s.startsWith("'sha256-")))).toEqual(expected);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-eval'");
    expect(directives['style-src']).not.toContain("'unsafe-inline'");
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'", 'https://cognito-idp.ap-southeast-1.amazonaws.com']);
    expect(dev.app.contentSecurityPolicy).toBe(csp);
  });

  it('set HSTS for two years, nosniff, DENY framing, the referrer and permissions policies, and override the origin', () => {
    const headers = siteHeaders();
    expect(headers.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
      ContentSecurityPolicy: { Override: true },
    });
    const custom = Object.fromEntries(
      (headers.CustomHeadersConfig.Items as { Header: string; Value: string }[]).map((h) => [h.Header, h.Value]),
    );
    expect(custom['Permissions-Policy']).toContain('camera=()');
    expect(custom['Permissions-Policy']).toContain('geolocation=()');
    expect(custom['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  it('give API answers a deny-all CSP and no-store unless the API says otherwise', () => {
    const api = props(
      resourcesOf(dev.templates.app, 'AWS::CloudFront::ResponseHeadersPolicy').find(([id]) => id.startsWith('SiteApiHeaders'))![1],
    ).ResponseHeadersPolicyConfig as Record<string, any>;
    expect(api.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.CustomHeadersConfig.Items).toEqual([{ Header: 'Cache-Control', Value: 'no-store', Override: false }]);
  });
});

describe('staff sign-in', () => {
  it('is a user pool only administrators add people to, with strong passwords, TOTP, e-mail recovery and threat protection', () => {
    dev.templates.app.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    const [, pool] = resourcesOf(dev.templates.app, 'AWS::Cognito::UserPool')[0]!;
    expect(props(pool).UsernameAttributes).toBeUndefined();
    expect(props(pool).UsernameConfiguration).toEqual({ CaseSensitive: false });
    const groups = resourcesOf(dev.templates.app, 'AWS::Cognito::UserPoolGroup')
      .map(([, g]) => props(g).GroupName)
      .sort();
    expect(groups).toEqual(['admin', 'staff']);
    dev.templates.app.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      // A disabled member cannot refresh: their access ends when the last access token does, within 15 minutes.
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes', IdToken: 'minutes' }),
    });
  });
});

describe('protection and operations', () => {
  it('has a CLOUDFRONT-scope web ACL with rate limits and the AWS common, known-bad-inputs and IP-reputation groups', () => {
    dev.templates.edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const [, acl] = resourcesOf(dev.templates.edge, 'AWS::WAFv2::WebACL')[0]!;
    const rules = props(acl).Rules as Record<string, any>[];
    const managed = rules.filter((r) => r.Statement.ManagedRuleGroupStatement).map((r) => r.Statement.ManagedRuleGroupStatement.Name);
    expect(managed.sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    const rates = rules.filter((r) => r.Statement.RateBasedStatement);
    expect(rates.map((r) => r.Statement.RateBasedStatement.Limit).sort((a, b) => a - b)).toEqual([RATE_LIMITS.api, RATE_LIMITS.all]);
    for (const rate of rates) expect(rate.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429 });
    // Long inquiries in CJK or Arabic exceed the common rule set's 8 KB body limit: counted, and left to the API's own 32 KB limit.
    const common = rules.find((r) => r.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet')!;
    expect(common.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
  });

  it('hands the web ACL to the app stack and the distribution id to the alarms through Parameter Store, each writer allowed that one parameter', () => {
    const writes = (template: typeof dev.templates.app) => resourcesOf(template, 'Custom::AWS').map(([, r]) => json(props(r).Create));
    expect(writes(dev.templates.edge)[0]).toContain(`/${dev.config.project}/dev/edge/web-acl-arn`);
    expect(writes(dev.templates.edge)[0]).toMatch(/region\\+":\\+"ap-southeast-1/);
    expect(writes(dev.templates.app)[0]).toContain(`/${dev.config.project}/dev/app/distribution-id`);
    expect(writes(dev.templates.app)[0]).toMatch(/region\\+":\\+"us-east-1/);
    const writer = resourcesOf(dev.templates.edge, 'AWS::IAM::Policy')
      .map(([, p]) => json(props(p).PolicyDocument))
      .find((doc) => doc.includes('ssm:PutParameter'))!;
    expect(writer).toContain(`:ssm:ap-southeast-1:000000000000:parameter/${dev.config.project}/dev/edge/web-acl-arn`);
  });

  it("alarms on API 5xx, CloudFront 5xx, every function's errors and throttles, failed mail and SES reputation", () => {
    const alarms = resourcesOf(dev.templates.app, 'AWS::CloudWatch::Alarm').map(([, a]) => props(a));
    const metrics = alarms.map((a) => `${a.Namespace}/${a.MetricName}`);
    expect(metrics).toContain('AWS/ApiGateway/5xx');
    expect(metrics).toContain('AWS/SES/Reputation.BounceRate');
    expect(metrics).toContain('AWS/SES/Reputation.ComplaintRate');
    expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(8);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Throttles')).toHaveLength(8);
    // Inquiries whose mail the stream gave up on wait in the dead-letter queue.
    expect(metrics).toContain('AWS/SQS/ApproximateNumberOfMessagesVisible');
    expect(metrics.filter((m) => m.endsWith('MailFailed'))).toHaveLength(2);
    for (const alarm of alarms) expect(alarm.AlarmActions, String(alarm.MetricName)).toHaveLength(1);
    dev.templates.edgeAlarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/CloudFront',
      MetricName: '5xxErrorRate',
      Dimensions: Match.arrayWith([{ Name: 'Region', Value: 'Global' }]),
    });
    dev.templates.app.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '"mail.failed"' });
  });

  it("sends mail from the domain's SES identity, with DKIM and a configuration set that suppresses bounces", () => {
    dev.templates.app.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'invest.example.org',
      DkimAttributes: { SigningEnabled: true },
    });
    dev.templates.app.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  /** Every acknowledgement in the app: construct path → rule id → reason. */
  function acknowledgements(root: IConstruct): Map<string, Map<string, string>> {
    const found = new Map<string, Map<string, string>>();
    for (const construct of root.node.findAll())
      for (const entry of construct.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          const rules = found.get(construct.node.path) ?? new Map<string, string>();
          rules.set(id.replace(/^annotation::/i, ''), reason);
          found.set(construct.node.path, rules);
        }
    return found;
  }

  it('passes with no unacknowledged finding (the synth in beforeAll ran the checks and would have thrown)', () => {
    expect(dev.assembly.stacks).toHaveLength(3);
  });

  it('acknowledges each finding one by one, with a reason a reviewer can check, and no acknowledgement is left over', () => {
    const root = dev.app.node.root;
    // The same checks, blind to acknowledgements: every finding the app would have without them.
    const raw = new AwsSolutionsChecks(root);
    Object.assign(raw, { isAcknowledged: () => false });
    const findings = raw
      .validateScope(root)
      .violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })));
    const acks = acknowledgements(root);
    const used = new Set<string>();
    for (const finding of findings) {
      let path = finding.path;
      let reason: string | undefined;
      while (path && reason === undefined) {
        reason = acks.get(path)?.get(finding.rule);
        if (reason === undefined) path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      }
      expect(reason, `${finding.rule} at ${finding.path} is not acknowledged`).toBeDefined();
      expect(reason!.length).toBeGreaterThan(60);
      used.add(`${path} ${finding.rule}`);
    }
    const all = [...acks].flatMap(([path, rules]) => [...rules.keys()].map((rule) => `${path} ${rule}`));
    expect(all.filter((ack) => !used.has(ack))).toEqual([]);
    expect(findings.length).toBeGreaterThan(10);
    // No blanket acknowledgement: never a whole stack or the app, never all IAM5 findings at once.
    for (const path of acks.keys()) expect(path.split('/').length, path).toBeGreaterThan(1);
    for (const rules of acks.values()) expect([...rules.keys()]).not.toContain('AwsSolutions-IAM5');
  });

  // Small, but cdk-nag's rules load on first use: over 30 s on a busy machine.
  it('really stops a synth on a finding nobody acknowledged', () => {
    const app = new App();
    new s3.Bucket(new Stack(app, 'Plain'), 'Bucket');
    addNagChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  }, 120_000);
});
