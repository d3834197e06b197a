// The publishing build's last check before the upload (infra/lib/stacks/publishing-stack.ts runs it): exits 1, saying why, when the new dist/ needs `npm run deploy`.
import { loadDocumentFolders } from '#content-files/documents.ts';
import { PATHS } from '../lib/paths.ts';
import { decodeIds, RELEASE_ENV, releaseProblems } from '../lib/release-check.ts';
import { scanInline } from '../lib/site-csp.ts';

const contentSecurityPolicy = process.env[RELEASE_ENV.contentSecurityPolicy];
const documentIds = process.env[RELEASE_ENV.documentIds];
if (!contentSecurityPolicy || documentIds === undefined) {
  console.error(`${RELEASE_ENV.contentSecurityPolicy} and ${RELEASE_ENV.documentIds} must be set (the publishing build project sets them)`);
  process.exit(2);
}

const problems = releaseProblems(
  scanInline(PATHS.dist),
  loadDocumentFolders(PATHS.documentFolders).map((document) => document.meta.id),
  { contentSecurityPolicy, documentIds: decodeIds(documentIds) },
);
for (const problem of problems) console.error(`Not published: ${problem}`);
if (problems.length > 0) process.exit(1);
console.log('The build fits the deployed site: publishing it.');
