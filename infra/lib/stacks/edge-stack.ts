// The us-east-1 stack CloudFront needs: the WAF web ACL (CLOUDFRONT scope exists only there), handed to the app stack's region.
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import { HandOffWriter, handOffParameter, type ParameterScope } from '../constructs/hand-off.ts';

/** Requests one address may make in 5 minutes: to /api/* (a person sends a few), and to anything (a person reads a few dozen pages). */
export const RATE_LIMITS = { api: 300, all: 3000, windowSeconds: 300 } as const;

export const WEB_ACL_PARAMETER = (config: ParameterScope) => handOffParameter(config, 'edge/web-acl-arn');

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const managedGroup = (
  name: string,
  priority: number,
  ruleActionOverrides?: wafv2.CfnWebACL.RuleActionOverrideProperty[],
): wafv2.CfnWebACL.RuleProperty => ({
  name: `aws-${name}`,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides } },
  visibilityConfig: visibility(`aws-${name}`),
});

export interface EdgeStackProps extends StackProps {
  config: DeploymentConfig;
}

export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { config } = props;
    const tooMany = (bodyKey: string): wafv2.CfnWebACL.RuleActionProperty => ({
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: bodyKey,
          responseHeaders: [{ name: 'Retry-After', value: String(RATE_LIMITS.windowSeconds) }],
        },
      },
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${config.stackPrefix}-site`,
      description: `${config.siteName} site and API: IP reputation, rate limits, AWS common and known-bad-input rules`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${config.stackPrefix}-site`),
      customResponseBodies: {
        // The API's own error shape, so the site's forms show their translated "too many requests" message.
        'rate-limited-json': { contentType: 'APPLICATION_JSON', content: '{"errors":[{"code":"rate_limited"}]}' },
        'rate-limited-text': { contentType: 'TEXT_PLAIN', content: 'Too many requests. Please wait a few minutes and try again.' },
      },
      rules: [
        managedGroup('AWSManagedRulesAmazonIpReputationList', 0),
        {
          name: 'rate-api',
          priority: 1,
          action: tooMany('rate-limited-json'),
          statement: {
            rateBasedStatement: {
              limit: RATE_LIMITS.api,
              evaluationWindowSec: RATE_LIMITS.windowSeconds,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: '/api/',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: visibility('rate-api'),
        },
        {
          name: 'rate-all',
          priority: 2,
          action: tooMany('rate-limited-text'),
          statement: {
            rateBasedStatement: { limit: RATE_LIMITS.all, evaluationWindowSec: RATE_LIMITS.windowSeconds, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('rate-all'),
        },
        // An inquiry may be 32 KB (5,000 characters of Japanese or Arabic are 10-15 KB); the common rule set blocks bodies
        // over 8 KB. Counted, not blocked: the API refuses bodies over 32 KB itself, with a 413 the form can explain.
        managedGroup('AWSManagedRulesCommonRuleSet', 3, [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]),
        managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 4),
      ],
    });

    new HandOffWriter(this, 'WebAclHandOff', {
      parameterName: WEB_ACL_PARAMETER(config),
      value: this.webAcl.attrArn,
      targetRegion: config.region,
      description: `WAF web ACL of the ${config.stackPrefix} CloudFront distribution (written by ${id})`,
      logRetentionDays: config.logRetentionDays,
    });
  }
}
