// Hands one value from a stack in one region to a stack in another: written as an SSM parameter in the reader's region, read there natively.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { AwsCustomResource, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/**
 * Why not CDK's crossRegionReferences: its export writer and reader functions cannot be given a log group
 * (so their logs would be kept forever) and run with an AWS-managed policy. This is the same idea, spelled
 * out: a small custom resource with its own role and log group puts the value into the other region's
 * Parameter Store, and the reading stack takes it as an SSM-typed CloudFormation parameter, resolved again
 * on every deployment. `cdk deploy --all` deploys the writer's stack first (see handOffReader).
 */
export interface HandOffWriterProps {
  /** /<project>/<env>/<name> (handOffParameter): one parameter per value. */
  parameterName: string;
  value: string;
  targetRegion: string;
  description: string;
  logRetentionDays: number;
}

export class HandOffWriter extends Construct {
  constructor(scope: Construct, id: string, props: HandOffWriterProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const parameterArn = stack.formatArn({
      service: 'ssm',
      region: props.targetRegion,
      resource: 'parameter',
      resourceName: props.parameterName.replace(/^\//, ''),
    });
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Writes ${props.parameterName} in ${props.targetRegion} and nothing else`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteTheOneParameter',
        actions: ['ssm:PutParameter', 'ssm:DeleteParameter'],
        resources: [parameterArn],
      }),
    );
    const put = {
      service: 'SSM',
      action: 'PutParameter',
      region: props.targetRegion,
      parameters: { Name: props.parameterName, Value: props.value, Type: 'String', Overwrite: true, Description: props.description },
      physicalResourceId: PhysicalResourceId.of(props.parameterName),
    };
    const writer = new AwsCustomResource(this, 'Write', {
      onCreate: put,
      onUpdate: put,
      onDelete: {
        service: 'SSM',
        action: 'DeleteParameter',
        region: props.targetRegion,
        parameters: { Name: props.parameterName },
        ignoreErrorCodesMatching: 'ParameterNotFound',
      },
      role,
      logGroup,
      installLatestAwsSdk: false,
      timeout: Duration.minutes(2),
    });
    writer.node.addDependency(role);
  }
}

/** The value a HandOffWriter in another region put here; the writer's stack must be deployed first. */
export function handOffReader(scope: Construct, parameterName: string): string {
  return ssm.StringParameter.valueForStringParameter(scope, parameterName);
}

/** Which deployment a parameter belongs to: the project (from the site's id) and the environment. */
export interface ParameterScope {
  project: string;
  envName: string;
}

export const handOffParameter = (scope: ParameterScope, name: string): string => `/${scope.project}/${scope.envName}/${name}`;
