// Outgoing mail through SES: the sending domain's identity (DKIM) and a configuration set that tracks reputation.
import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailProps {
  /** The domain mail is sent from; its DKIM records must be published in DNS before SES sends (docs/deployment.md). */
  domain: string;
}

export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      // Addresses that bounced or complained are not mailed again: protects the account's sending reputation.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.domain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
    });
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        description: `SES DKIM record ${index + 1} of 3 for ${props.domain}: publish as CNAME "name value"`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
  }

  /** ses:SendEmail / SendRawEmail from this identity with this configuration set: nothing else. */
  sendStatement(): iam.PolicyStatement {
    const stack = Stack.of(this);
    return new iam.PolicyStatement({
      sid: 'SendMailFromTheSiteIdentity',
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        this.identity.emailIdentityArn,
        stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
      ],
    });
  }
}
