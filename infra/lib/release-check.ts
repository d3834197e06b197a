// What the publishing build checks before it uploads anything: the new build must fit what only `npm run deploy` changes.
import type { InlineInventory } from './site-csp.ts';

/** What the deployed stacks fixed at `cdk deploy` time, handed to the build as environment variables. */
export interface DeployedRelease {
  /** The Content-Security-Policy CloudFront sends with every public page (its inline hashes come from the deployed build). */
  contentSecurityPolicy: string;
  /** The documents bucket's keys the downloads function knows (its catalog is bundled with it). */
  documentKeys: string[];
}

/** Environment variable names: one source for the stack that sets them and the script that reads them. */
export const RELEASE_ENV = { contentSecurityPolicy: 'DEPLOYED_CSP', documentKeys: 'DEPLOYED_DOCUMENT_KEYS' } as const;

/** Document keys travel as one line; a key never holds a newline (they are paths the content tools make). */
export const joinKeys = (keys: readonly string[]): string => [...keys].sort().join('\n');
export const splitKeys = (value: string): string[] => value.split('\n').filter(Boolean);

/**
 * The reasons the new build cannot be published by the pipeline alone, in words a publisher can pass on; none means it can.
 * - an inline script or style the deployed policy does not allow: the browser would refuse it on the live pages;
 * - a document the downloads function does not know: its link would answer "not found".
 * A document that is no longer in the build is fine (pages stop linking to it).
 */
export function releaseProblems(inventory: InlineInventory, documentKeys: readonly string[], deployed: DeployedRelease): string[] {
  const allowed = new Set(deployed.contentSecurityPolicy.split(/[\s;]+/));
  const problems: string[] = [];
  for (const hash of [...inventory.scriptHashes, ...inventory.styleHashes, ...inventory.styleAttributeHashes])
    if (!allowed.has(hash))
      problems.push(
        `${inventory.firstSeen[hash] ?? 'a page'} has inline code (${hash}) the deployed Content-Security-Policy does not allow: ` +
          'the site code changed, so an operator deploys it with npm run deploy (docs/deployment.md)',
      );
  const known = new Set(deployed.documentKeys);
  for (const key of documentKeys)
    if (!known.has(key))
      problems.push(
        `document ${key} is new: the downloads function learns of documents only in a deployment, so an operator runs npm run deploy ` +
          '(docs/deployment.md) and the pipeline publishes the pages after it',
      );
  return problems;
}
