// The CloudFront Function's code: infra/edge/viewer-request.js with the site's languages from content/site.json filled in.
import { readFileSync } from 'node:fs';
import { PATHS } from './paths.ts';

/** CloudFront Functions' code limit; the function stays far below it. */
export const CLOUDFRONT_FUNCTION_MAX_BYTES = 10_240;

const CODE = /^[a-z]{2,3}$/;

export interface EdgeLanguages {
  languages: readonly string[];
  defaultLanguage: string;
}

/** The source as deployed: plain JavaScript for the cloudfront-js-2.0 runtime, with a top-level `handler`. */
export function viewerRequestFunctionCode(
  { languages, defaultLanguage }: EdgeLanguages,
  sourcePath: string = PATHS.viewerRequestFunction,
): string {
  for (const code of [...languages, defaultLanguage])
    if (!CODE.test(code))
      throw new Error(
        `content/site.json: language "${code}" is not a URL code of 2-3 lower-case letters; the CloudFront Function routes only such codes`,
      );
  if (!languages.includes(defaultLanguage))
    throw new Error(`content/site.json: defaultLanguage "${defaultLanguage}" is not one of the languages (${languages.join(', ')})`);
  const source = readFileSync(sourcePath, 'utf8');
  const filled = source
    .replace(/^var LANGUAGES = .*;$/m, `var LANGUAGES = ${JSON.stringify(languages)};`)
    .replace(/^var DEFAULT_LANGUAGE = .*;$/m, `var DEFAULT_LANGUAGE = ${JSON.stringify(defaultLanguage)};`);
  if (
    !filled.includes(`var LANGUAGES = ${JSON.stringify(languages)};`) ||
    !filled.includes(`var DEFAULT_LANGUAGE = ${JSON.stringify(defaultLanguage)};`)
  )
    throw new Error(`${sourcePath}: the "var LANGUAGES = …;" and "var DEFAULT_LANGUAGE = …;" lines the synth fills in are missing`);
  const bytes = Buffer.byteLength(filled, 'utf8');
  if (bytes > CLOUDFRONT_FUNCTION_MAX_BYTES)
    throw new Error(`${sourcePath}: ${bytes} bytes, over CloudFront Functions' ${CLOUDFRONT_FUNCTION_MAX_BYTES}-byte limit`);
  return filled;
}
