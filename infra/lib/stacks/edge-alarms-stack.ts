// The us-east-1 stack for what CloudFront reports only there: its error-rate alarm, with its own alarm topic.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import { alarmTopic } from '../constructs/monitoring.ts';
import { handOffParameter, handOffReader, type ParameterScope } from '../constructs/hand-off.ts';

export const DISTRIBUTION_ID_PARAMETER = (config: ParameterScope) => handOffParameter(config, 'app/distribution-id');

/** Share of requests answered 5xx, in percent over 5 minutes, that raises the alarm. */
export const CLOUDFRONT_5XX_PERCENT = 5;

export interface EdgeAlarmsStackProps extends StackProps {
  config: DeploymentConfig;
}

export class EdgeAlarmsStack extends Stack {
  constructor(scope: Construct, id: string, props: EdgeAlarmsStackProps) {
    super(scope, id, props);
    const { config } = props;
    const distributionId = handOffReader(this, DISTRIBUTION_ID_PARAMETER(config));
    const topic = alarmTopic(this, 'AlarmTopic', config, 'CloudFront (us-east-1)');
    const metric = new cloudwatch.Metric({
      namespace: 'AWS/CloudFront',
      metricName: '5xxErrorRate',
      dimensionsMap: { DistributionId: distributionId, Region: 'Global' },
      statistic: 'Average',
      period: Duration.minutes(5),
    });
    const alarm = new cloudwatch.Alarm(this, 'CloudFront5xx', {
      alarmDescription: `More than ${CLOUDFRONT_5XX_PERCENT}% of the site's responses were 5xx for 10 minutes (pages, /api through CloudFront)`,
      metric,
      threshold: CLOUDFRONT_5XX_PERCENT,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic));
    alarm.addOkAction(new actions.SnsAction(topic));
  }
}
