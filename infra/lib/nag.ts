// cdk-nag (AwsSolutions) on the whole app, and the one way this project records an accepted finding: with a reason.
import { Stack, Validations, type App, type CfnElement } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Accepts one cdk-nag finding on `scope` and everything under it. cdk-nag 3 matches whole finding ids:
 * "AwsSolutions-IAM5[Resource::…]" accepts that one wildcard only, never every IAM5 finding.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 40) throw new Error(`The acknowledgement of ${id} at ${scope.node.path} needs a reason a reviewer can check`);
  Validations.of(scope).acknowledge({ id, reason });
}

export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/** How cdk-nag names a grant on every object of a bucket of this app: "Resource::<LogicalId.Arn>/*". */
export function objectsFinding(bucket: s3.IBucket): string {
  const stack = Stack.of(bucket);
  return `Resource::<${stack.getLogicalId(bucket.node.defaultChild as CfnElement)}.Arn>/*`;
}
