// Alarms on what goes wrong in the app's region: API 5xx, function errors and throttles, failed mail, and SES reputation.
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import type { Api } from './api.ts';
import type { ProjectFunction } from './project-function.ts';

/** A topic for alarms, TLS-only, with the alarm e-mail subscribed when one is configured. */
export function alarmTopic(scope: Construct, id: string, config: DeploymentConfig, what: string): sns.Topic {
  const topic = new sns.Topic(scope, id, { displayName: `${config.stackPrefix} alarms: ${what}`, enforceSSL: true });
  if (config.alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
  return topic;
}

export interface MonitoringProps {
  config: DeploymentConfig;
  api: Api;
  /** Every function to watch for errors and throttles. */
  functions: ProjectFunction[];
}

/** Thresholds, named so the docs and tests can cite them. */
export const ALARM_THRESHOLDS = {
  /** API answers with status 5xx in 5 minutes (503 when storage is down, 500 on a bug). */
  api5xx: 5,
  /** SES account bounce rate (0-1); SES reviews accounts at 5 % and may pause sending at 10 %. */
  bounceRate: 0.05,
  /** SES complaint rate (0-1); SES reviews at 0.1 %. */
  complaintRate: 0.001,
} as const;

export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { api, config } = props;
    this.topic = alarmTopic(this, 'AlarmTopic', config, Stack.of(this).region);
    const notify = new actions.SnsAction(this.topic);
    const alarm = (alarmId: string, options: cloudwatch.AlarmProps) => {
      const created = new cloudwatch.Alarm(this, alarmId, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...options });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      this.alarms.push(created);
      return created;
    };
    const fiveMinutes = Duration.minutes(5);

    alarm('Api5xx', {
      alarmDescription: `The API answered ${ALARM_THRESHOLDS.api5xx} or more 5xx in 5 minutes (storage unavailable, or a bug: see the functions' logs)`,
      metric: api.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: ALARM_THRESHOLDS.api5xx,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });

    for (const { name, fn } of props.functions) {
      const label = name.charAt(0).toUpperCase() + name.slice(1);
      alarm(`${label}Errors`, {
        alarmDescription: `The ${name} function failed (an uncaught error, a timeout or running out of memory)`,
        metric: fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
      alarm(`${label}Throttles`, {
        alarmDescription: `The ${name} function was throttled: the account's concurrency limit was reached`,
        metric: fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    // The inquiry is stored even when its mail fails (functions/README.md); the log line "mail.failed" is the signal.
    // The mail function sends what inquiries owe; the staff function sends replies.
    const mailLogs = props.functions.filter(({ name }) => name === 'mail' || name === 'staff');
    const namespace = `${config.project}/${config.envName}`;
    for (const { name, logGroup } of mailLogs) {
      const label = name.charAt(0).toUpperCase() + name.slice(1);
      const filter = new logs.MetricFilter(this, `${label}MailFailedFilter`, {
        logGroup,
        filterPattern: logs.FilterPattern.literal('"mail.failed"'),
        metricNamespace: namespace,
        metricName: `${label}MailFailed`,
        metricValue: '1',
      });
      alarm(`${label}MailFailed`, {
        alarmDescription: `The ${name} function could not hand a message to SES (log event mail.failed): staff or an investor was not told`,
        metric: filter.metric({ period: Duration.minutes(15), statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    const reputation = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    alarm('MailBounceRate', {
      alarmDescription: `SES bounce rate reached ${ALARM_THRESHOLDS.bounceRate * 100} %: mail is failing to arrive and SES may pause sending`,
      metric: reputation('Reputation.BounceRate'),
      threshold: ALARM_THRESHOLDS.bounceRate,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
    alarm('MailComplaintRate', {
      alarmDescription: `SES complaint rate reached ${ALARM_THRESHOLDS.complaintRate * 100} %: recipients mark the mail as spam`,
      metric: reputation('Reputation.ComplaintRate'),
      threshold: ALARM_THRESHOLDS.complaintRate,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
    });
  }
}
