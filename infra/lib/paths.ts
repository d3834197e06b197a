// Where the infrastructure finds the project's parts: absolute paths, so the CDK app runs from any working directory.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_FOLDERS } from '#content-files/documents.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const PATHS = {
  root: ROOT,
  /** The built site (`npm run build`): uploaded to the site bucket and read for the CSP's hashes. */
  dist: join(ROOT, 'dist'),
  siteConfig: join(ROOT, 'content/site.json'),
  /** Where documents come from: the same folders functions/build.ts catalogs (content/documents/, generated factsheets). */
  documentFolders: DOCUMENT_FOLDERS.map((folder) => join(ROOT, folder)),
  /** Lambda bundles written by functions/build.ts, one folder per function. */
  lambdaBundles: join(ROOT, '.local/lambda'),
  /** Documents laid out at their bucket keys, for the documents bucket deployment. */
  documentsStaging: join(ROOT, '.local/infra/documents'),
  /** The not-found function's code beside dist/404.html, for its asset. */
  notFoundStaging: join(ROOT, '.local/infra/not-found'),
  viewerRequestFunction: join(ROOT, 'infra/edge/viewer-request.js'),
  originVerifyFunction: join(ROOT, 'infra/functions/origin-verify'),
  notFoundFunction: join(ROOT, 'infra/functions/not-found'),
  editorAuthFunction: join(ROOT, 'infra/functions/editor-auth'),
  cdkJson: join(ROOT, 'infra/cdk.json'),
} as const;

/** A Lambda entry of functions/api/lambda/, relative to the project root. */
export const lambdaEntry = (name: string): string => join(ROOT, 'functions/api/lambda', `${name}.ts`);
