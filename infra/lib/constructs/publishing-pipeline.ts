// The publishing pipeline: a change merged into the content branch is checked, built and uploaded to the site bucket, then CloudFront is invalidated; a failure tells the publishers.
import type * as cdk from 'aws-cdk-lib';
import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import { CMS_BACKEND_ENV } from '#content-files/cms-config.ts';
import { acknowledge, objectsFinding } from '../nag.ts';
import type { PublishingConfig } from '../publishing-config.ts';
import { encodeIds, RELEASE_ENV } from '../release-check.ts';
import { EditorSignIn } from './editor-sign-in.ts';
import { secureBucket } from './secure-bucket.ts';
import { ASSET_CACHE_CONTROL, PAGE_CACHE_CONTROL } from './site.ts';

export interface PublishingPipelineProps {
  config: DeploymentConfig;
  publishing: PublishingConfig;
  /** The site bucket and its distribution: the only things the build may change. */
  siteBucket: s3.IBucket;
  distribution: cloudfront.IDistribution;
  /** The public pages' policy as deployed, and the documents the downloads function knows: the build checks it fits them. */
  contentSecurityPolicy: string;
  documentIds: string[];
}

/** How long a build may take before CodeBuild stops it (a normal one takes a few minutes). */
export const BUILD_TIMEOUT_MINUTES = 30;

/**
 * The upload, in the order that keeps the live site whole at every moment: hashed assets first (never deleted: cached
 * pages may still ask for the previous build's), then every other file but the pages, then the pages that point at
 * them, then the removal of what the build no longer has, and last the invalidation. Run only after the build and its
 * checks succeeded (the build phase stops at the first failing command), so a failed build uploads nothing.
 */
export const PUBLISH_COMMANDS = [
  'aws s3 sync dist/_astro "s3://$SITE_BUCKET/_astro" --cache-control "$ASSET_CACHE_CONTROL" --no-progress',
  'aws s3 sync dist "s3://$SITE_BUCKET" --exclude "_astro/*" --exclude "*.html" --cache-control "$PAGE_CACHE_CONTROL" --no-progress',
  'aws s3 sync dist "s3://$SITE_BUCKET" --exclude "*" --include "*.html" --cache-control "$PAGE_CACHE_CONTROL" --no-progress',
  'aws s3 sync dist "s3://$SITE_BUCKET" --delete --exclude "_astro/*" --cache-control "$PAGE_CACHE_CONTROL" --no-progress',
  'aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths "/*"',
] as const;

/** The checks and the build, before any upload: the same ones a developer runs (npm run content:check, npm run build). */
export const BUILD_COMMANDS = ['npm run content:check', 'npm run build', 'npx tsx infra/bin/check-release.ts'] as const;

export class PublishingPipeline extends Construct {
  readonly key: kms.Key;
  readonly topic: sns.Topic;
  readonly project: codebuild.PipelineProject;
  readonly pipeline: codepipeline.Pipeline;
  readonly failureRule: events.Rule;
  readonly signIn: EditorSignIn;

  constructor(scope: Construct, id: string, props: PublishingPipelineProps) {
    super(scope, id);
    const { config, publishing } = props;
    const projectName = `${config.stackPrefix}-publish`;

    this.key = new kms.Key(this, 'Key', {
      description: `${config.stackPrefix} publishing: build artifacts, the build project and the failure topic`,
      enableKeyRotation: true,
      // Artifacts and notifications are transient: nothing encrypted with this key outlives the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });

    const accessLogs = secureBucket(this, 'AccessLogs', {
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(config.logRetentionDays) }],
    });
    const artifacts = secureBucket(this, 'Artifacts', {
      accessLogs: { bucket: accessLogs, prefix: 's3/artifacts/' },
      encryptionKey: this.key,
      // A source snapshot is needed only while its build runs; a month leaves time to look into a failure.
      lifecycleRules: [{ id: 'expire-artifacts', expiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });

    this.topic = new sns.Topic(this, 'FailureTopic', {
      displayName: `${config.siteName}: publishing`,
      masterKey: this.key,
      enforceSSL: true,
    });
    for (const address of publishing.publisherEmails) this.topic.addSubscription(new subscriptions.EmailSubscription(address));

    // CodeBuild's own log group name, made here first so it has a retention (CodeBuild would make one that keeps logs forever).
    const buildLogs = new logs.LogGroup(this, 'BuildLogs', {
      logGroupName: `/aws/codebuild/${projectName}`,
      retention: config.logRetentionDays,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    // Editors sign in with their Git host accounts: the published editor's configuration points at this exchange.
    this.signIn = new EditorSignIn(this, 'EditorSignIn', {
      editorOrigin: config.domain ? `https://${config.domain}` : `https://${props.distribution.distributionDomainName}`,
      logRetentionDays: config.logRetentionDays,
      retainLogs: config.retainData,
    });

    // The published editor (lib/content-files/cms-config.ts): this repository and branch, this sign-in, drafts until approved.
    const editorEnvironment: Record<string, string> = {
      [CMS_BACKEND_ENV.repo]: `${publishing.owner}/${publishing.repository}`,
      [CMS_BACKEND_ENV.branch]: publishing.branch,
      [CMS_BACKEND_ENV.authUrl]: this.signIn.origin,
      DECAP_PUBLISH_MODE: 'editorial_workflow',
    };

    this.project = new codebuild.PipelineProject(this, 'Build', {
      projectName,
      description: `Builds ${config.siteName} from the content branch and uploads it to the site bucket, then invalidates CloudFront`,
      environment: {
        buildImage: codebuild.LinuxBuildImage.STANDARD_7_0,
        // The site build (maps, factsheets, search index) wants more than the small size's 3 GB.
        computeType: codebuild.ComputeType.MEDIUM,
      },
      encryptionKey: this.key,
      // No test reports are published, so the role gets no report-group permissions.
      grantReportGroupPermissions: false,
      timeout: Duration.minutes(BUILD_TIMEOUT_MINUTES),
      queuedTimeout: Duration.hours(1),
      // One publication at a time: two uploads at once could interleave their pages.
      concurrentBuildLimit: 1,
      environmentVariables: {
        SITE_BUCKET: { value: props.siteBucket.bucketName },
        DISTRIBUTION_ID: { value: props.distribution.distributionId },
        ASSET_CACHE_CONTROL: { value: ASSET_CACHE_CONTROL },
        PAGE_CACHE_CONTROL: { value: PAGE_CACHE_CONTROL },
        [RELEASE_ENV.contentSecurityPolicy]: { value: props.contentSecurityPolicy },
        [RELEASE_ENV.documentIds]: { value: encodeIds(props.documentIds) },
        ...Object.fromEntries(Object.entries(editorEnvironment).map(([name, value]) => [name, { value }])),
      },
      buildSpec: codebuild.BuildSpec.fromObject({
        version: '0.2',
        env: { shell: 'bash' },
        phases: {
          // The image's Node 22 runs npm; `npm ci` then brings the project's own Node (package.json's node devDependency).
          install: { 'runtime-versions': { nodejs: 22 }, commands: ['npm ci --no-fund --no-audit'] },
          build: { commands: [...BUILD_COMMANDS, ...PUBLISH_COMMANDS] },
        },
      }),
    });
    this.project.node.addDependency(buildLogs);
    this.grantPublishing(props.siteBucket, props.distribution);

    const source = new codepipeline.Artifact('Source');
    this.pipeline = new codepipeline.Pipeline(this, 'Pipeline', {
      pipelineType: codepipeline.PipelineType.V2,
      // A newer merge replaces one still waiting: the site always moves to the latest approved content.
      executionMode: codepipeline.ExecutionMode.SUPERSEDED,
      artifactBucket: artifacts,
      restartExecutionOnUpdate: false,
      stages: [
        {
          stageName: 'Source',
          actions: [
            new actions.CodeStarConnectionsSourceAction({
              actionName: 'ContentBranch',
              connectionArn: publishing.connectionArn,
              owner: publishing.owner,
              repo: publishing.repository,
              branch: publishing.branch,
              triggerOnPush: true,
              output: source,
            }),
          ],
        },
        {
          stageName: 'Publish',
          actions: [new actions.CodeBuildAction({ actionName: 'BuildAndUpload', project: this.project, input: source })],
        },
      ],
    });

    this.failureRule = this.notifyOnFailure(config);
    this.acknowledgeFindings(props.siteBucket, artifacts);
    this.outputs(editorEnvironment);
  }

  /** Where the set-up of docs/publishing.md ("Publishing on AWS") finds its values. */
  private outputs(editorEnvironment: Record<string, string>): void {
    new CfnOutput(this, 'EditorSignInCallbackUrl', {
      description: "The GitHub OAuth app's Authorization callback URL",
      value: `${this.signIn.origin}/callback`,
    });
    new CfnOutput(this, 'EditorSignInSecretArn', {
      description: 'Put the OAuth app\'s {"clientId","clientSecret"} here (aws secretsmanager put-secret-value)',
      value: this.signIn.secret.secretArn,
    });
    new CfnOutput(this, 'PublishedEditorEnvironment', {
      description: 'Prefix npm run deploy with these, so a deployment from a computer builds the same editor as the pipeline',
      value: Object.entries(editorEnvironment)
        .map(([name, value]) => `${name}=${value}`)
        .join(' '),
    });
    new CfnOutput(this, 'PublishingPipelineName', { value: this.pipeline.pipelineName });
    new CfnOutput(this, 'PublishingFailureTopicArn', {
      description: 'Publishers subscribed here hear of failed publications',
      value: this.topic.topicArn,
    });
  }

  /**
   * Everything the build may do beyond reading its source and writing its logs: put and delete objects of the site
   * bucket, list it (aws s3 sync compares), and invalidate the one distribution. No read of the site's objects is needed.
   */
  private grantPublishing(siteBucket: s3.IBucket, distribution: cloudfront.IDistribution): void {
    const role = this.project.role!;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListSiteBucket',
        actions: ['s3:ListBucket'],
        resources: [siteBucket.bucketArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteSiteObjects',
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [siteBucket.arnForObjects('*')],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'InvalidateSite',
        actions: ['cloudfront:CreateInvalidation'],
        resources: [distribution.distributionArn],
      }),
    );
  }

  /** A failed (or stopped) publication mails the publishers, in Vietnamese and English, with a link to the build's log. */
  private notifyOnFailure(config: DeploymentConfig): events.Rule {
    const rule = new events.Rule(this, 'FailureRule', {
      description: 'A publication of the site failed: tell the publishers (the live site is unchanged)',
      eventPattern: {
        source: ['aws.codepipeline'],
        detailType: ['CodePipeline Pipeline Execution State Change'],
        resources: [this.pipeline.pipelineArn],
        detail: { state: ['FAILED', 'STOPPED'] },
      },
    });
    const execution = events.EventField.fromPath('$.detail.execution-id');
    const state = events.EventField.fromPath('$.detail.state');
    const link = `https://${Stack.of(this).region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${this.pipeline.pipelineName}/executions/${execution}/timeline?region=${Stack.of(this).region}`;
    rule.addTarget(
      new targets.SnsTopic(this.topic, {
        message: events.RuleTargetInput.fromText(
          [
            `[${config.siteName}] Trang web CHƯA được cập nhật (${state}): thay đổi mới nhất chưa được công bố. Trang web đang chạy vẫn như trước.`,
            `Lý do nằm trong nhật ký: ${link}`,
            `The site was NOT updated (${state}): the latest approved change was not published. The live site is unchanged.`,
            `Why: ${link}`,
          ].join('\n'),
        ),
      }),
    );
    // EventBridge publishes to the encrypted topic: it needs the key for that, and nothing else.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'EventBridgePublishesToTopic',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    return rule;
  }

  /** cdk-nag's IAM5 findings on the grants aws-cdk-lib makes for CodePipeline and CodeBuild, each with its reason. */
  private acknowledgeFindings(siteBucket: s3.IBucket, artifacts: s3.IBucket): void {
    const buildPolicy = this.project.role!.node.findChild('DefaultPolicy');
    const pipelineRoles = [this.pipeline.role, ...this.pipeline.node.findAll().filter((c): c is iam.Role => c instanceof iam.Role)];
    const policies = [
      buildPolicy,
      ...new Set(pipelineRoles.map((role) => role.node.tryFindChild('DefaultPolicy')).filter((p) => p !== undefined)),
    ];
    acknowledge(
      buildPolicy,
      `AwsSolutions-IAM5[${objectsFinding(siteBucket)}]`,
      'The build publishes the whole built site: it puts every file of dist/ and deletes the pages the build no longer has, so it ' +
        'needs every key of the site bucket (put and delete only, no read) and of no other bucket.',
    );
    acknowledge(
      buildPolicy,
      `AwsSolutions-IAM5[Resource::arn:aws:logs:${Stack.of(this).region}:${Stack.of(this).account}:log-group:/aws/codebuild/<${Stack.of(this).getLogicalId(this.project.node.defaultChild as cdk.CfnElement)}>:*]`,
      "Granted by aws-cdk-lib's CodeBuild project: it writes its log streams into its own log group (made here with a retention); " +
        'stream names are chosen by CodeBuild per build, so the streams of that one group are named by a wildcard.',
    );
    for (const policy of policies) {
      acknowledge(
        policy,
        `AwsSolutions-IAM5[${objectsFinding(artifacts)}]`,
        "Granted by aws-cdk-lib's CodePipeline actions on the pipeline's own artifact bucket: the source snapshot is written and " +
          'read under names CodePipeline chooses per execution. The bucket holds nothing else and its objects expire after 30 days.',
      );
      for (const [action, what] of [
        ['s3:GetObject*', 'reads the source snapshot of the execution'],
        ['s3:GetBucket*', "reads the artifact bucket's location and settings"],
        ['s3:List*', 'lists the artifact bucket'],
        ['kms:GenerateDataKey*', 'encrypts artifacts with the pipeline key'],
        ['kms:ReEncrypt*', 'passes artifacts between actions under the pipeline key'],
      ])
        acknowledge(
          policy,
          `AwsSolutions-IAM5[Action::${action}]`,
          `Granted by aws-cdk-lib's CodePipeline/CodeBuild integration, scoped to the pipeline's artifact bucket and key only: it ${what}.`,
        );
    }
    for (const policy of policies.slice(1))
      for (const [action, what] of [
        ['s3:DeleteObject*', 'replaces artifacts of the same execution'],
        ['s3:Abort*', 'aborts its own failed multipart uploads of artifacts'],
      ])
        acknowledge(
          policy,
          `AwsSolutions-IAM5[Action::${action}]`,
          `Granted by aws-cdk-lib's CodePipeline to the pipeline and its source action on the artifact bucket only: it ${what}.`,
        );
  }
}
