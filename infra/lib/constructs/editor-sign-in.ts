// The editor's sign-in with Git host (GitHub) accounts: the OAuth exchange function behind its own function URL, its app's id and secret in Secrets Manager.
import { Duration, Fn } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';
import { PATHS } from '../paths.ts';
import { ProjectFunction } from './project-function.ts';

export interface EditorSignInProps {
  /** The site's origin (https://…): the only window the function hands a token to. */
  editorOrigin: string;
  logRetentionDays: number;
  retainLogs: boolean;
}

export class EditorSignIn extends Construct {
  /** Filled in once by an operator: {"clientId": "…", "clientSecret": "…"} of the GitHub OAuth app (docs/publishing.md). */
  readonly secret: secretsmanager.Secret;
  readonly function: ProjectFunction;
  /** The function URL's origin, without a trailing slash: Decap's backend base_url. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: EditorSignInProps) {
    super(scope, id);
    this.secret = new secretsmanager.Secret(this, 'OAuthApp', {
      description:
        'The GitHub OAuth app of the content editor, as JSON {"clientId": "…", "clientSecret": "…"} (put it after the first deployment)',
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'The client secret of a GitHub OAuth app: GitHub issues it and only GitHub can rotate it (a new client secret in the ' +
        "app's settings, then put-secret-value here), so Secrets Manager has no rotation function to run. docs/publishing.md says how.",
    );
    this.function = new ProjectFunction(this, 'Exchange', {
      name: 'editorAuth',
      description: "The content editor's GitHub sign-in: OAuth code for token, handed to the editor's window only",
      code: lambda.Code.fromAsset(PATHS.editorAuthFunction),
      environment: { EDITOR_AUTH_SECRET_ARN: this.secret.secretArn, EDITOR_ORIGIN: props.editorOrigin },
      statements: [
        new iam.PolicyStatement({ sid: 'ReadOAuthApp', actions: ['secretsmanager:GetSecretValue'], resources: [this.secret.secretArn] }),
      ],
      memorySize: 256,
      // The token exchange gives GitHub 8 s; the popup should not wait longer than that and a little.
      timeout: Duration.seconds(10),
      logRetentionDays: props.logRetentionDays,
      retainLogs: props.retainLogs,
    });
    // A public OAuth endpoint by nature (a browser popup opens it): no IAM auth. It hands tokens only to the editor's origin.
    const url = this.function.fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    this.origin = `https://${Fn.select(2, Fn.split('/', url.url))}`;
  }
}
