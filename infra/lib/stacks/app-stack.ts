// The app stack, in the deployment's region: data, staff sign-in, mail, the API, the site behind CloudFront, and their alarms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, CfnOutput, DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { PreparedAssets } from '../bundles.ts';
import type { DeploymentConfig } from '../config.ts';
import type { PublishingConfig } from '../publishing-config.ts';
import { Api } from '../constructs/api.ts';
import { Data } from '../constructs/data.ts';
import { HandOffWriter, handOffReader } from '../constructs/hand-off.ts';
import { Mail } from '../constructs/mail.ts';
import { MailOutbox } from '../constructs/mail-outbox.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { PublishingPipeline } from '../constructs/publishing-pipeline.ts';
import { secureBucket } from '../constructs/secure-bucket.ts';
import { Site } from '../constructs/site.ts';
import { StaffAuth } from '../constructs/staff-auth.ts';
import { acknowledge, objectsFinding } from '../nag.ts';
import { contentSecurityPolicy, editorContentSecurityPolicy, scanInline, type InlineInventory } from '../site-csp.ts';
import { EDGE_REGION } from '../config.ts';
import { DISTRIBUTION_ID_PARAMETER } from './edge-alarms-stack.ts';
import { WEB_ACL_PARAMETER } from './edge-stack.ts';

export interface AppStackProps extends StackProps {
  config: DeploymentConfig;
  assets: PreparedAssets;
  distDir: string;
  /** The pipeline that publishes the content branch (infra/lib/publishing-config.ts); none without a connection. */
  publishing?: PublishingConfig;
}

export class AppStack extends Stack {
  readonly data: Data;
  readonly staffAuth: StaffAuth;
  readonly mail: Mail;
  readonly api: Api;
  readonly mailOutbox: MailOutbox;
  readonly site: Site;
  readonly monitoring: Monitoring;
  readonly publishing?: PublishingPipeline;
  readonly logBucket: s3.Bucket;
  readonly inlineInventory: InlineInventory;
  readonly contentSecurityPolicy: string;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config, assets } = props;

    // Access logs of the buckets and CloudFront's logs (which hold visitors' addresses): kept 90 days in prod, 30 in dev.
    this.logBucket = secureBucket(this, 'LogBucket', {
      // CloudFront's standard logs are delivered with an ACL, so this one bucket keeps ACLs enabled (owner-preferred).
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(config.logRetentionDays) }],
    });
    // One role and log group for every BucketDeployment here: one handler function serves them all.
    const deploymentLogs = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built site and the documents into their buckets and invalidates CloudFront (CDK BucketDeployment)',
    });
    deploymentRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [deploymentLogs.logGroupArn],
      }),
    );
    const deployment = { role: deploymentRole, logGroup: deploymentLogs };

    this.data = new Data(this, 'Data', {
      retainData: config.retainData,
      logBucket: this.logBucket,
      documentsDir: assets.documentsDir,
      deployment,
    });
    this.staffAuth = new StaffAuth(this, 'StaffAuth', { retainData: config.retainData, mfa: config.staffMfa, siteName: config.siteName });
    if (config.staffMfa === 'optional')
      acknowledge(
        this.staffAuth.userPool,
        'AwsSolutions-COG2',
        "MFA (TOTP) is available but not yet required: the staff console's sign-in (site/islands/staff/session.ts) does not answer " +
          "Cognito's MFA_SETUP and SOFTWARE_TOKEN_MFA challenges yet, so requiring MFA now would lock every staff member out. Meanwhile " +
          'the pool is on the Plus plan with threat protection enforced (risky sign-ins blocked, leaked passwords refused). Deploy with ' +
          '-c staffMfa=required once the console handles those challenges (docs/deployment.md).',
      );
    this.mail = new Mail(this, 'Mail', { domain: config.mailDomain });
    this.api = new Api(this, 'Api', {
      assets,
      data: this.data,
      mail: this.mail,
      staffAuth: this.staffAuth,
      mailFrom: config.mailFrom,
      staffEmail: config.staffEmail,
      logRetentionDays: config.logRetentionDays,
      retainLogs: config.retainData,
      originVerifySecretVersion: config.originVerifySecretVersion,
    });
    this.mailOutbox = new MailOutbox(this, 'MailOutbox', {
      assets,
      data: this.data,
      mail: this.mail,
      mailFrom: config.mailFrom,
      staffEmail: config.staffEmail,
      logRetentionDays: config.logRetentionDays,
      retainLogs: config.retainData,
    });

    this.inlineInventory = scanInline(props.distDir);
    const cognitoEndpoint = `https://cognito-idp.${this.region}.amazonaws.com`;
    this.contentSecurityPolicy = contentSecurityPolicy(this.inlineInventory, {
      connectSources: [cognitoEndpoint, ...config.externalOrigins],
      imageSources: config.externalOrigins,
    });

    this.site = new Site(this, 'Site', {
      distDir: props.distDir,
      contentSecurityPolicy: this.contentSecurityPolicy,
      editorContentSecurityPolicy: editorContentSecurityPolicy(scanInline(join(props.distDir, 'admin'))),
      languages: config.languages,
      defaultLanguage: config.defaultLanguage,
      api: this.api,
      logBucket: this.logBucket,
      webAclArn: handOffReader(this, WEB_ACL_PARAMETER(config)),
      domain: config.domain,
      certificateArn: config.certificateArn,
      notFoundDir: assets.notFoundDir,
      deployment,
      logRetentionDays: config.logRetentionDays,
      retainLogs: config.retainData,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      api: this.api,
      functions: [...this.api.functions, this.mailOutbox.function, this.site.notFound],
    });
    this.monitoring.alarms.push(this.mailOutbox.alarmTo(this.monitoring.topic));

    if (props.publishing)
      this.publishing = new PublishingPipeline(this, 'Publishing', {
        config,
        publishing: props.publishing,
        siteBucket: this.site.bucket,
        distribution: this.site.distribution,
        contentSecurityPolicy: this.contentSecurityPolicy,
        documentIds: assets.documentIds,
      });

    new HandOffWriter(this, 'DistributionIdHandOff', {
      parameterName: DISTRIBUTION_ID_PARAMETER(config),
      value: this.site.distribution.distributionId,
      targetRegion: EDGE_REGION,
      description: `CloudFront distribution of ${id}, for its alarms in ${EDGE_REGION} (written by ${id})`,
      logRetentionDays: config.logRetentionDays,
    });

    this.warnAboutCanonicalHost(props.distDir, config);
    this.acknowledgeFindings(config);
    this.outputs(config);
  }

  /** The built pages name their own address (canonical, hreflang, sitemap): it should be where they are served. */
  private warnAboutCanonicalHost(distDir: string, config: DeploymentConfig): void {
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    const expected = config.domain ? `https://${config.domain}/` : undefined;
    if (canonical && expected && canonical !== expected)
      Annotations.of(this).addWarningV2(
        'invest:canonical-host',
        `dist/ was built for ${canonical} but the site is served at ${expected}: build with SITE_URL=${expected.slice(0, -1)} (docs/deployment.md)`,
      );
  }

  private acknowledgeFindings(config: DeploymentConfig): void {
    acknowledge(
      this.site.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction by design: the site exists to reach investors in Japan, Korea, China, Singapore, the Gulf, Malaysia, Europe and beyond.',
    );
    if (!config.certificateArn)
      acknowledge(
        this.site.distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain the distribution uses the *.cloudfront.net certificate, whose minimum protocol CloudFront fixes at TLSv1. ' +
          'With -c domain and -c certificateArn (every production deployment) the minimum is TLSv1.2_2021 and this finding does not arise.',
      );
    // CDK's BucketDeployment: one handler function (Python, with the AWS CLI) copies dist/ and the documents.
    const deploymentPolicy = this.node.findChild('DeploymentRole').node.findChild('DefaultPolicy');
    const assetBucket = `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${this.account}-${this.region}`;
    acknowledge(
      deploymentPolicy,
      `AwsSolutions-IAM5[Resource::arn:aws:s3:::${assetBucket}/*]`,
      "Granted by CDK's BucketDeployment: read access to the objects of the CDK asset bucket, where `cdk deploy` uploads the zipped build " +
        'and documents this deployment copies. Asset object names are content hashes, so no narrower ARN exists before synth.',
    );
    for (const bucket of [this.site.bucket, ...(this.data.documentsDeployment ? [this.data.documentsBucket] : [])])
      acknowledge(
        deploymentPolicy,
        `AwsSolutions-IAM5[${objectsFinding(bucket)}]`,
        "Granted by CDK's BucketDeployment on this one destination bucket's objects: it writes every file of the build (or of " +
          'content/documents/) and prunes the ones no longer there, so it needs every key of that bucket and no other.',
      );
    acknowledge(
      deploymentPolicy,
      'AwsSolutions-IAM5[Resource::*]',
      "Granted by CDK's BucketDeployment for cloudfront:CreateInvalidation and GetInvalidation only (after a deployment of the pages). " +
        'Those actions cannot read or change data, and the role is assumable by the deployment handler function alone.',
    );
    const cdkGrants: [string, string][] = [
      [
        's3:GetObject*',
        'reads the zipped build from the CDK asset bucket and compares objects in the destination (object-level reads only)',
      ],
      ['s3:GetBucket*', "reads the asset and destination buckets' location and settings, as aws s3 sync does"],
      ['s3:List*', 'lists the asset and destination buckets to compare what is there with the build'],
      ['s3:DeleteObject*', 'prunes pages and documents that are no longer in the build, in the destination buckets only'],
      ['s3:Abort*', 'aborts its own failed multipart uploads into the destination buckets'],
    ];
    for (const [action, what] of cdkGrants)
      acknowledge(
        deploymentPolicy,
        `AwsSolutions-IAM5[Action::${action}]`,
        `Granted by CDK's BucketDeployment (aws-cdk-lib's own grant, scoped to the CDK asset bucket and this stack's site and documents buckets): it ${what}.`,
      );
    const deploymentHandler = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (deploymentHandler)
      acknowledge(
        deploymentHandler,
        'AwsSolutions-L1',
        "CDK's BucketDeployment handler: a Python function whose runtime aws-cdk-lib chooses and updates with each release " +
          '(it bundles the AWS CLI layer for that runtime). It runs only during deployments, never on visitor requests.',
      );
  }

  private outputs(config: DeploymentConfig): void {
    new CfnOutput(this, 'SiteUrl', { description: 'Where the site is', value: `${this.site.url}/` });
    new CfnOutput(this, 'ApiUrl', { description: 'Where the API is (the same origin as the site)', value: `${this.site.url}/api/` });
    new CfnOutput(this, 'DistributionDomainName', {
      description: config.domain ? `Point ${config.domain} here (CNAME, or an alias record in Route 53)` : "The site's CloudFront name",
      value: this.site.distribution.distributionDomainName,
    });
    new CfnOutput(this, 'DistributionId', { value: this.site.distribution.distributionId });
    new CfnOutput(this, 'UserPoolId', {
      description: 'Staff sign-in: the Cognito user pool (docs/deployment.md: creating the first staff user)',
      value: this.staffAuth.userPool.userPoolId,
    });
    new CfnOutput(this, 'UserPoolClientId', {
      description: 'Staff console app client (public, no secret)',
      value: this.staffAuth.client.userPoolClientId,
    });
    new CfnOutput(this, 'UserPoolRegion', { value: this.region });
    new CfnOutput(this, 'SiteBucketName', { value: this.site.bucket.bucketName });
    new CfnOutput(this, 'DocumentsBucketName', { value: this.data.documentsBucket.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'Subscribe to hear about alarms (or deploy with -c alarmEmail=…)',
      value: this.monitoring.topic.topicArn,
    });
    new CfnOutput(this, 'ApiDirectEndpoint', {
      description: "API Gateway's own address: refuses every request that did not come through CloudFront",
      value: this.api.httpApi.apiEndpoint,
    });
  }
}
