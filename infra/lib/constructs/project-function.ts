// One Lambda function the way this project runs them: Node 24 on arm64, its own role (no managed policies), its own log group with retention.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export const RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Stand-in code for tests that do not look at bundles (-c bundles=stub); `npm run deploy` never uses it. */
export const STUB_CODE = "exports.handler = async () => ({ statusCode: 503, body: '' });";

export interface ProjectFunctionProps {
  /** Short name used in ids, alarms and the role's description: health, inquiries, staff, … */
  name: string;
  description: string;
  code: lambda.Code;
  environment?: Record<string, string>;
  /** Everything the function may do besides writing its own logs. */
  statements?: iam.PolicyStatement[];
  memorySize?: number;
  timeout?: Duration;
  logRetentionDays: number;
  retainLogs: boolean;
}

export class ProjectFunction extends Construct {
  readonly name: string;
  readonly fn: lambda.Function;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    super(scope, id);
    this.name = props.name;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const statements = props.statements ?? [];
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `The ${props.name} function: its own log group${statements.length > 0 ? ' and the data its routes use' : ' only'}`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs on every log group): this function's log group only.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    for (const statement of statements) this.role.addToPolicy(statement);
    this.fn = new lambda.Function(this, 'Function', {
      description: props.description,
      runtime: RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: props.code,
      memorySize: props.memorySize ?? 512,
      // The SDK clients try twice with 1 s connect / 3 s request timeouts before the API answers 503 (functions/README.md).
      timeout: props.timeout ?? Duration.seconds(15),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.TEXT,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });
    // The function must not start before its policy exists, or its first calls fail.
    this.fn.node.addDependency(this.role);
  }
}
