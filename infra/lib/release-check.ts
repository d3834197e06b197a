// What the publishing build checks before it uploads anything: the new build must fit what only `npm run deploy` changes.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { InlineInventory } from './site-csp.ts';

/** What the deployed stacks fixed at `cdk deploy` time, handed to the build as environment variables. */
export interface DeployedRelease {
  /** The Content-Security-Policy CloudFront sends with every public page (its inline hashes come from the deployed build). */
  contentSecurityPolicy: string;
  /** The documents the downloads function knows, by id (its catalog is bundled with it; pages ask for a document by id). */
  documentIds: string[];
}

/** Environment variable names: one source for the stack that sets them and the script that reads them. */
export const RELEASE_ENV = { contentSecurityPolicy: 'DEPLOYED_CSP', documentIds: 'DEPLOYED_DOCUMENT_IDS' } as const;

/** CodeBuild refuses an environment variable longer than this (InvalidInputException at the start of a build). */
export const CODEBUILD_VARIABLE_MAX_LENGTH = 4096;

/** Document ids travel compressed in one variable (ids are slugs: no comma); a hundred ids take some 600 characters. */
export function encodeIds(ids: readonly string[]): string {
  const encoded = deflateRawSync([...new Set(ids)].sort().join(','), { level: 9 }).toString('base64');
  if (encoded.length > CODEBUILD_VARIABLE_MAX_LENGTH)
    throw new Error(
      `${ids.length} document ids take ${encoded.length} characters, over CodeBuild's ${CODEBUILD_VARIABLE_MAX_LENGTH} for one variable`,
    );
  return encoded;
}
export const decodeIds = (value: string): string[] =>
  value === '' ? [] : inflateRawSync(Buffer.from(value, 'base64')).toString('utf8').split(',').filter(Boolean);

/**
 * The reasons the new build cannot be published by the pipeline alone, in words a publisher can pass on; none means it can.
 * - an inline script or style the deployed policy does not allow: the browser would refuse it on the live pages;
 * - a document the downloads function does not know (an uploaded one, or the factsheets of a new catalog item): its
 *   download would answer "not found".
 * A document no longer in the build is fine (pages stop linking to it); a new version of a known one is served at its
 * previous version until the next deployment.
 */
export function releaseProblems(inventory: InlineInventory, documentIds: readonly string[], deployed: DeployedRelease): string[] {
  const allowed = new Set(deployed.contentSecurityPolicy.split(/[\s;]+/));
  const problems: string[] = [];
  for (const hash of [...inventory.scriptHashes, ...inventory.styleHashes, ...inventory.styleAttributeHashes])
    if (!allowed.has(hash))
      problems.push(
        `${inventory.firstSeen[hash] ?? 'a page'} has inline code (${hash}) the deployed Content-Security-Policy does not allow: ` +
          'the site code changed, so an operator deploys it with npm run deploy (docs/deployment.md)',
      );
  const known = new Set(deployed.documentIds);
  for (const id of documentIds)
    if (!known.has(id))
      problems.push(
        `document ${id} is new: the downloads function learns of documents only in a deployment, so an operator runs npm run deploy ` +
          '(docs/deployment.md) and the pipeline publishes the pages after it',
      );
  return problems;
}
