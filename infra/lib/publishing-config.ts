// The publishing pipeline's settings, read from CDK context (-c sourceConnectionArn=… -c sourceRepository=owner/name …) and checked.
import { type Context, fail, text } from './context.ts';

export interface PublishingConfig {
  /** The CodeConnections (formerly CodeStar Connections) connection to the Git host, created and authorised once in the console. */
  connectionArn: string;
  /** The repository on the Git host, "owner/name". */
  owner: string;
  repository: string;
  /** The content branch: only changes merged into it are built and published (branch protection makes that the approvers' act). */
  branch: string;
  /** Who hears that a publication failed (e-mail subscriptions to the publishing topic). */
  publisherEmails: string[];
}

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;
const CONNECTION_ARN = /^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/;
/** GitHub's rules for owner and repository names (also what GitLab and Bitbucket accept for the usual names). */
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
/** A Git branch name without the characters Git refuses or a shell would read. */
const BRANCH = /^(?!\/|.*\/\/|.*\.\.|.*\/$|.*\.lock$)[A-Za-z0-9._/-]{1,200}$/;

/**
 * The pipeline exists only when both sourceConnectionArn and sourceRepository are given (undefined otherwise): without a
 * connection there is nothing to build from. Keys: sourceConnectionArn, sourceRepository, contentBranch (default main),
 * publisherEmails (comma-separated).
 */
export function readPublishingConfig(context: Context): PublishingConfig | undefined {
  const connectionArn = text(context, 'sourceConnectionArn');
  const repository = text(context, 'sourceRepository');
  if (connectionArn === undefined && repository === undefined) return undefined;
  if (connectionArn === undefined)
    fail('sourceConnectionArn', '', 'the ARN of the CodeConnections connection to the Git host whenever sourceRepository is given');
  if (!CONNECTION_ARN.test(connectionArn))
    fail(
      'sourceConnectionArn',
      connectionArn,
      'a connection ARN such as arn:aws:codeconnections:ap-southeast-1:123456789012:connection/<id>',
    );
  if (repository === undefined) fail('sourceRepository', '', 'the repository as owner/name whenever sourceConnectionArn is given');
  const match = REPOSITORY.exec(repository);
  if (!match) fail('sourceRepository', repository, 'the repository as owner/name, e.g. camau-dfa/invest-site');
  const branch = text(context, 'contentBranch') ?? 'main';
  if (!BRANCH.test(branch)) fail('contentBranch', branch, 'a branch name such as main');
  const publisherEmails = (text(context, 'publisherEmails') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  for (const address of publisherEmails) if (!EMAIL.test(address)) fail('publisherEmails', address, 'comma-separated e-mail addresses');
  return { connectionArn, owner: match[1]!, repository: match[2]!, branch, publisherEmails: [...new Set(publisherEmails)] };
}
