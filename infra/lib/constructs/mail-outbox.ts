// The mail function: the inquiries table's stream (and a sweep every few minutes) drive it; failures go to an encrypted dead-letter queue with an alarm.
import { type CfnElement, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLES } from '../../../functions/resources.ts';
import type { FunctionName, PreparedAssets } from '../bundles.ts';
import { acknowledge } from '../nag.ts';
import type { Data } from './data.ts';
import type { Mail } from './mail.ts';
import { ProjectFunction, STUB_CODE } from './project-function.ts';

/** A function's code: its bundle, or the stub when the stack is synthesized without bundles (-c bundles=stub). */
export function bundleCode(assets: PreparedAssets, name: FunctionName): lambda.Code {
  if (!assets.bundleDirs) return lambda.Code.fromInline(STUB_CODE);
  const dir = assets.bundleDirs[name];
  if (!dir) throw new Error(`No bundle prepared for the ${name} function`);
  return lambda.Code.fromAsset(dir);
}

/** Named so the docs and tests can cite them. */
export const MAIL_OUTBOX = {
  /** Lambda's retries of a failing batch before it goes to the dead-letter queue (bisected on the way). */
  retryAttempts: 8,
  /** A stream record older than this is given up (to the queue); the sweep still sends its mail while it is owed. */
  maxRecordAge: Duration.hours(6),
  /** How often every inquiry that still owes mail is tried again, whatever happened to its stream record. */
  sweepEvery: Duration.minutes(5),
  /** Room for a batch of sends, each at most two SES attempts of 3 s (functions/storage/clients.ts). */
  timeout: Duration.seconds(60),
  /** The dead-letter queue keeps what the stream gave up on for two weeks, SQS's longest. */
  dlqRetention: Duration.days(14),
} as const;

export interface MailOutboxProps {
  assets: PreparedAssets;
  data: Data;
  mail: Mail;
  mailFrom: string;
  staffEmail: string;
  logRetentionDays: number;
  retainLogs: boolean;
}

export class MailOutbox extends Construct {
  readonly function: ProjectFunction;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: MailOutboxProps) {
    super(scope, id);
    const table = props.data.tables.inquiries;
    if (!table.tableStreamArn) throw new Error('functions/resources.ts: the inquiries table needs its stream for the mail function');

    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: MAIL_OUTBOX.dlqRetention,
    });
    acknowledge(
      this.deadLetters,
      'AwsSolutions-SQS3',
      "This queue is itself the dead-letter destination of the mail function's stream mapping (records it gave up on, as " +
        'metadata: shard and sequence numbers, no mail or personal data). An alarm watches its depth; nothing consumes it.',
    );

    this.function = new ProjectFunction(this, 'Function', {
      name: 'mail',
      description: "Sends the mails each new inquiry owes (acknowledgement, staff notice): the inquiries table's stream and a sweep",
      code: bundleCode(props.assets, 'mail'),
      environment: {
        [TABLES.inquiries.envVar]: table.tableName,
        MAIL_FROM: props.mailFrom,
        STAFF_EMAIL: props.staffEmail,
        SES_CONFIGURATION_SET: props.mail.configurationSet.configurationSetName,
      },
      statements: [
        // Read the inquiry, claim / release / settle each mail (conditional updates), and the sweep's scan for owed mail.
        new iam.PolicyStatement({
          actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:Scan'],
          resources: [table.tableArn],
        }),
        // The stream of this table only (what the event source mapping polls with the function's role).
        new iam.PolicyStatement({
          actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
          resources: [table.tableStreamArn],
        }),
        new iam.PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: [`${table.tableArn}/stream/*`] }),
        props.mail.sendStatement(),
      ],
      timeout: MAIL_OUTBOX.timeout,
      logRetentionDays: props.logRetentionDays,
      retainLogs: props.retainLogs,
    });

    acknowledge(
      this.function.role.node.findChild('DefaultPolicy'),
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(table.node.defaultChild as CfnElement)}.Arn>/stream/*]`,
      "dynamodb:ListStreams on the inquiries table's streams only: a stream's ARN ends in its creation time, which changes if " +
        'the stream is ever re-enabled, so the one table is named and its streams are matched.',
    );

    new lambda.EventSourceMapping(this, 'Stream', {
      target: this.function.fn,
      eventSourceArn: table.tableStreamArn,
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 10,
      // New inquiries only: staff changes and the worker's own updates to the item are not mail to send.
      filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT') })],
      retryAttempts: MAIL_OUTBOX.retryAttempts,
      maxRecordAge: MAIL_OUTBOX.maxRecordAge,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(this.deadLetters),
    });
    // The function's role must exist before the mapping starts polling with it.
    this.node.findChild('Stream').node.addDependency(this.function.role);

    new events.Rule(this, 'Sweep', {
      description: 'Tries every inquiry that still owes mail again (after a dead-lettered record or an SES outage)',
      schedule: events.Schedule.rate(MAIL_OUTBOX.sweepEvery),
      targets: [new targets.LambdaFunction(this.function.fn, { retryAttempts: 0 })],
    });
  }

  /** Anything in the dead-letter queue is an inquiry whose mail the stream gave up on: someone should look (the sweep keeps trying). */
  alarmTo(topic: sns.ITopic): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, 'DeadLettersAlarm', {
      alarmDescription:
        "The mail function's stream gave up on new inquiries (dead-letter queue not empty): their mails are still owed and the sweep " +
        "retries them every few minutes; see the mail function's log (mail.failed) for why SES or DynamoDB refused",
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic));
    alarm.addOkAction(new actions.SnsAction(topic));
    return alarm;
  }
}
