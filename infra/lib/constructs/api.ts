// The HTTP API behind CloudFront: one Lambda function per route group, each with only the permissions its routes need.
import { Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { HttpLambdaAuthorizer, HttpLambdaResponseType, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { BUCKETS, TABLES, type TableName } from '../../../functions/resources.ts';
import { SERVICE_FACT_ATTRIBUTES } from '../../../functions/storage/service-figures-dynamodb.ts';
import type { FunctionName, PreparedAssets } from '../bundles.ts';
import { acknowledge, objectsFinding } from '../nag.ts';
import { PATHS } from '../paths.ts';
import type { Data } from './data.ts';
import type { Mail } from './mail.ts';
import { bundleCode } from './mail-outbox.ts';
import { ProjectFunction } from './project-function.ts';
import type { StaffAuth } from './staff-auth.ts';

export interface ApiProps {
  assets: PreparedAssets;
  data: Data;
  mail: Mail;
  staffAuth: StaffAuth;
  mailFrom: string;
  staffEmail: string;
  logRetentionDays: number;
  retainLogs: boolean;
  /** Which version of the origin-verify secret to resolve; the current one when absent (docs/deployment.md: rotating). */
  originVerifySecretVersion?: string;
}

/** The header CloudFront adds to every request it forwards to the API; the authorizer checks it. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/**
 * Requests per second across the API stage. Far above what people send (the WAF allows one address 300
 * requests in 5 minutes), it bounds what anything reaching API Gateway directly can cost.
 */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * Every route, with the function behind it and who may call it; the tests check the deployed API against this.
 * ANY rather than the one method: each app answers other methods itself (405 with Allow), as it does locally.
 */
export const ROUTES: { key: string; fn: FunctionName; access: 'cloudfront' | 'staff' }[] = [
  { key: 'ANY /api/health', fn: 'health', access: 'cloudfront' },
  { key: 'ANY /api/inquiries', fn: 'inquiries', access: 'cloudfront' },
  { key: 'ANY /api/downloads/{documentId}', fn: 'downloads', access: 'cloudfront' },
  { key: 'ANY /api/inquiry-service', fn: 'service-figures', access: 'cloudfront' },
  // Anything else under /api gets the API's own JSON 404 (health's app has no other route), not API Gateway's {"message":…}.
  { key: 'ANY /api/{proxy+}', fn: 'health', access: 'cloudfront' },
  // The console's sign-in settings (public facts about the pool), then everything behind a staff token.
  { key: 'ANY /api/auth/config', fn: 'staff', access: 'cloudfront' },
  { key: 'ANY /api/staff/{proxy+}', fn: 'staff', access: 'staff' },
];

export class Api extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  /** The route groups' functions, plus the origin-verify authorizer. */
  readonly functions: ProjectFunction[] = [];
  readonly originVerifySecret: secretsmanager.Secret;
  readonly accessLogs: logs.LogGroup;
  private readonly originVerifySecretVersion?: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.originVerifySecretVersion = props.originVerifySecretVersion;
    const { data, mail, assets } = props;
    const tables = data.tables;
    const common = { logRetentionDays: props.logRetentionDays, retainLogs: props.retainLogs };
    const code = (name: FunctionName): lambda.Code => bundleCode(assets, name);
    const on = (table: TableName, actions: string[], indexes: string[] = []) =>
      new iam.PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources: [tables[table].tableArn, ...indexes.map((index) => data.indexArn(table, index))],
      });
    const tableEnv = (...names: TableName[]) => Object.fromEntries(names.map((name) => [TABLES[name].envVar, tables[name].tableName]));
    // The visitor's address for rate limits comes from CloudFront's viewer-address header, which only CloudFront can set here.
    const trustViewer = { TRUST_VIEWER_ADDRESS: '1' };

    // A random value only CloudFront and the authorizer know. CloudFormation resolves it into both at deploy.
    this.originVerifySecret = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      description: 'Value of the x-origin-verify header CloudFront sends to the API; the API authorizer refuses requests without it',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    acknowledge(
      this.originVerifySecret,
      'AwsSolutions-SMG4',
      'A shared header value between CloudFront and the API authorizer, not a credential to data; both read it through a ' +
        'CloudFormation dynamic reference at deploy, so automatic rotation would leave them out of step. docs/deployment.md ' +
        'describes rotating it by hand (new value, then a deployment).',
    );
    const authorizer = this.add('originVerify', {
      description: 'HTTP API authorizer: only requests that came through CloudFront (x-origin-verify header)',
      code: lambda.Code.fromAsset(PATHS.originVerifyFunction),
      environment: { ORIGIN_VERIFY_SECRET: this.originVerifySecretValue().unsafeUnwrap() },
      memorySize: 128,
      timeout: Duration.seconds(3),
      ...common,
    });
    const fromCloudFront = new HttpLambdaAuthorizer('FromCloudFront', authorizer.fn, {
      authorizerName: 'from-cloudfront',
      identitySource: [`$request.header.${ORIGIN_VERIFY_HEADER}`],
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      // CloudFront sends one value, so nearly every request is answered from this cache.
      resultsCacheTtl: Duration.minutes(5),
    });

    const byName = new Map<FunctionName, ProjectFunction>();
    byName.set(
      'health',
      this.add('health', { description: 'GET /api/health, and the JSON 404 for any other /api path', code: code('health'), ...common }),
    );
    byName.set(
      'inquiries',
      this.add('inquiries', {
        description: 'POST /api/inquiries',
        code: code('inquiries'),
        // No mail here: the inquiry is stored with the mails it owes, and the mail function (MailOutbox) sends them.
        environment: { ...tableEnv('inquiries', 'rateLimits'), ...trustViewer },
        statements: [on('inquiries', ['GetItem', 'PutItem']), on('rateLimits', ['UpdateItem'])],
        ...common,
      }),
    );
    const downloads = this.add('downloads', {
      description: 'POST /api/downloads/{documentId}',
      code: code('downloads'),
      environment: { ...tableEnv('downloads', 'rateLimits'), [BUCKETS.documents.envVar]: data.documentsBucket.bucketName, ...trustViewer },
      statements: [
        on('downloads', ['PutItem']),
        on('rateLimits', ['UpdateItem']),
        // Signing a GET URL needs GetObject on the objects; ListBucket makes a missing object a 404 (not a 403).
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [data.documentsBucket.arnForObjects('*')] }),
        new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [data.documentsBucket.bucketArn] }),
      ],
      ...common,
    });
    byName.set('downloads', downloads);
    acknowledge(
      downloads.role.node.findChild('DefaultPolicy'),
      `AwsSolutions-IAM5[${objectsFinding(data.documentsBucket)}]`,
      'The downloads function signs GET URLs for any document of the catalog, and every object in this bucket is a published ' +
        "document (the bucket holds nothing else). s3:GetObject is granted on this one bucket's objects; object ARNs need the wildcard.",
    );

    const serviceFigures = this.add('service-figures', {
      description: 'GET /api/inquiry-service, and the daily job that publishes the inquiry service figures it serves',
      code: code('service-figures'),
      environment: tableEnv('inquiries', 'published'),
      // The job reads every inquiry, but only its clock: IAM refuses a scan that asks for any other attribute (a name,
      // an address, a message), whatever the code does. The route reads one published item; the job replaces it.
      statements: [
        new iam.PolicyStatement({
          actions: ['dynamodb:Scan'],
          resources: [tables.inquiries.tableArn],
          conditions: {
            'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...SERVICE_FACT_ATTRIBUTES] },
            StringEquals: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
          },
        }),
        on('published', ['GetItem', 'PutItem']),
      ],
      // Room for the job's scan of every inquiry; the API route itself answers from one item.
      timeout: Duration.seconds(60),
      ...common,
    });
    byName.set('service-figures', serviceFigures);
    // Daily at 00:30 in the office (17:30 UTC for UTC+7): the figures cover whole days up to then.
    new events.Rule(this, 'PublishServiceFigures', {
      description: 'Publishes the inquiry service figures once a day',
      schedule: events.Schedule.cron({ minute: '30', hour: '17' }),
      targets: [new targets.LambdaFunction(serviceFigures.fn, { retryAttempts: 2 })],
    });

    let staffJwt: HttpUserPoolAuthorizer | undefined;
    if (assets.functions.includes('staff')) {
      const pool = props.staffAuth.userPool;
      staffJwt = new HttpUserPoolAuthorizer('StaffJwt', pool, {
        authorizerName: 'staff-jwt',
        userPoolClients: [props.staffAuth.client],
        identitySource: ['$request.header.Authorization'],
      });
      byName.set(
        'staff',
        this.add('staff', {
          description: 'GET /api/auth/config and ANY /api/staff/{proxy+}: the staff console (signed-in staff only)',
          code: code('staff'),
          environment: {
            ...tableEnv('inquiries', 'downloads', 'auditLog', 'staffMembers'),
            MAIL_FROM: props.mailFrom,
            STAFF_EMAIL: props.staffEmail,
            SES_CONFIGURATION_SET: mail.configurationSet.configurationSetName,
            STAFF_AUTH_ISSUER: `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${pool.userPoolId}`,
            STAFF_AUTH_CLIENT_ID: props.staffAuth.client.userPoolClientId,
            ...trustViewer,
          },
          // What functions/storage/staff-dynamodb.ts does: inbox by status, read one inquiry and update its own fields
          // (version-checked), erasure's scan of the table for an address, an investor's downloads by lead and the
          // dashboard's scan, erasure updates, the audit log, the staff directory.
          statements: [
            on('inquiries', ['GetItem', 'UpdateItem', 'Query', 'Scan'], ['by-status']),
            on('downloads', ['Query', 'Scan', 'UpdateItem'], ['by-lead']),
            on('auditLog', ['PutItem', 'Query']),
            on('staffMembers', ['PutItem', 'Scan']),
            mail.sendStatement(),
          ],
          ...common,
        }),
      );
    }

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetentionDays,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'The API, reached through CloudFront at /api/*',
      createDefaultStage: true,
    });
    const stage = this.httpApi.defaultStage?.node.defaultChild as apigwv2.CfnStage;
    stage.accessLogSettings = {
      destinationArn: this.accessLogs.logGroupArn,
      // No viewer address and no body: the source IP here is CloudFront's, and the functions log their own ids.
      format: JSON.stringify({
        requestId: '$context.requestId',
        time: '$context.requestTime',
        method: '$context.httpMethod',
        route: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        integrationLatencyMs: '$context.integrationLatency',
        responseBytes: '$context.responseLength',
        edgeIp: '$context.identity.sourceIp',
        authorizerError: '$context.authorizer.error',
        integrationError: '$context.integrationErrorMessage',
      }),
    };
    stage.defaultRouteSettings = { throttlingRateLimit: API_THROTTLE.rateLimit, throttlingBurstLimit: API_THROTTLE.burstLimit };

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of ROUTES) {
      const target = byName.get(route.fn);
      if (!target) continue; // staff, before its entry exists
      let integration = integrations.get(route.fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.fn}Integration`, target.fn);
        integrations.set(route.fn, integration);
      }
      const [method = '', path = ''] = route.key.split(' ');
      this.httpApi.addRoutes({
        path,
        methods: [method as apigwv2.HttpMethod],
        integration,
        authorizer: route.access === 'staff' ? staffJwt : fromCloudFront,
      });
    }
  }

  /**
   * The origin-verify value as a CloudFormation dynamic reference: resolved at deploy, never written into the template.
   * CloudFormation resolves it again only when the reference changes, hence the version id after a rotation.
   */
  originVerifySecretValue(): SecretValue {
    if (!this.originVerifySecretVersion) return this.originVerifySecret.secretValue;
    return SecretValue.secretsManager(this.originVerifySecret.secretArn, { versionId: this.originVerifySecretVersion });
  }

  private add(name: FunctionName | 'originVerify', props: Omit<ConstructorParameters<typeof ProjectFunction>[2], 'name'>): ProjectFunction {
    // service-figures → ServiceFigures: construct ids (and so logical ids) in one case, whatever the bundle's name.
    const id = name.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());
    const created = new ProjectFunction(this, id, { name, ...props });
    this.functions.push(created);
    return created;
  }
}
