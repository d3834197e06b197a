// Lambda (function URL, CloudFront's fallback origin): answers any path with the site's 404 page and status 404.
// CloudFront asks here only when the site bucket has no object for a page (S3 answers 403 without list rights),
// so visitors see the site's own page while the API's 403 and 404 answers reach callers untouched.
// Deployed as it is (no bundling); 404.html is copied beside this file from dist/ at synth (infra/lib/bundles.ts).
import { readFileSync } from 'node:fs';

const page = readFileSync(new URL('./404.html', import.meta.url), 'utf8');

export const handler = async () => ({
  statusCode: 404,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60' },
  body: page,
});
