// Prepares what the stack deploys from disk: the Lambda bundles of functions/build.ts and the documents laid out at their bucket keys.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDocumentFolders } from '#content-files/documents.ts';
import type { BundleMode } from './config.ts';
import { PATHS, lambdaEntry } from './paths.ts';

/**
 * The route groups' functions, and `mail` (the inquiries table's stream and a schedule invoke it, no route).
 * `staff` is optional: deployed only while functions/api/lambda/staff.ts exists.
 */
export const FUNCTION_NAMES = ['health', 'inquiries', 'downloads', 'staff', 'mail', 'service-figures'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
export const OPTIONAL_FUNCTIONS: readonly FunctionName[] = ['staff'];

export interface PreparedAssets {
  /** Folder of each function's bundle (index.mjs and the data files functions/build.ts puts beside it); undefined in stub mode. */
  bundleDirs?: Partial<Record<FunctionName, string>>;
  /** The functions this deployment has: every required one, and staff when functions/api/lambda/staff.ts exists. */
  functions: FunctionName[];
  /** Folder with the documents at their bucket keys, or undefined when there are none. */
  documentsDir?: string;
  documentCount: number;
  /** The documents' ids, sorted: what the downloads function's catalog knows after this deployment. */
  documentIds: string[];
  /** The not-found function's code: infra/functions/not-found/index.mjs beside the built site's 404.html. */
  notFoundDir: string;
}

export interface PrepareOptions {
  mode: BundleMode;
  /** Where functions/build.ts writes (and 'prebuilt' reads) the bundles. */
  bundleDir?: string;
  documentsSources?: readonly string[];
  documentsStaging?: string;
  /** The built site, whose 404.html the not-found function serves. */
  distDir?: string;
  notFoundStaging?: string;
  /** Which entries exist; the default looks at functions/api/lambda/. */
  entryExists?: (name: FunctionName) => boolean;
}

/**
 * Copies each document to <staging>/<its s3Key>, so one deployment puts every file where the downloads function looks.
 * The folders are functions/build.ts's: content/documents/ and the factsheets `npm run build` generates.
 */
export function stageDocuments(sources: readonly string[], staging: string): { dir?: string; count: number; ids: string[] } {
  const documents = loadDocumentFolders(sources);
  rmSync(staging, { recursive: true, force: true });
  const ids = documents.map((document) => document.meta.id).sort();
  if (documents.length === 0) return { count: 0, ids };
  for (const document of documents) {
    const target = join(staging, document.meta.s3Key);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(document.path, target);
  }
  return { dir: staging, count: documents.length, ids };
}

/** The not-found function's folder: its code and the 404 page it answers with. */
export function stageNotFound(distDir: string, staging: string): string {
  const page = join(distDir, '404.html');
  if (!existsSync(page))
    throw new Error(`${page} is missing: run "npm run build" first (the not-found function serves the built 404 page)`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  copyFileSync(join(PATHS.notFoundFunction, 'index.mjs'), join(staging, 'index.mjs'));
  copyFileSync(page, join(staging, '404.html'));
  return staging;
}

export async function prepareAssets(options: PrepareOptions): Promise<PreparedAssets> {
  const entryExists = options.entryExists ?? ((name: FunctionName) => existsSync(lambdaEntry(name)));
  const functions = FUNCTION_NAMES.filter((name) => !OPTIONAL_FUNCTIONS.includes(name) || entryExists(name));
  for (const name of functions)
    if (!entryExists(name)) throw new Error(`functions/api/lambda/${name}.ts is missing: the ${name} route group has no entry to deploy`);

  const {
    dir: documentsDir,
    count: documentCount,
    ids: documentIds,
  } = stageDocuments(options.documentsSources ?? PATHS.documentFolders, options.documentsStaging ?? PATHS.documentsStaging);
  const notFoundDir = stageNotFound(options.distDir ?? PATHS.dist, options.notFoundStaging ?? PATHS.notFoundStaging);
  if (options.mode === 'stub') return { functions, documentsDir, documentCount, documentIds, notFoundDir };

  const bundleDir = options.bundleDir ?? PATHS.lambdaBundles;
  if (options.mode === 'build') {
    const { buildFunctions } = await import('../../functions/build.ts');
    await buildFunctions(bundleDir);
  }
  const bundleDirs: Partial<Record<FunctionName, string>> = {};
  for (const name of functions) {
    const dir = join(bundleDir, name);
    if (!existsSync(join(dir, 'index.mjs')))
      throw new Error(
        options.mode === 'build'
          ? `functions/build.ts wrote no bundle for "${name}" (${dir}/index.mjs): add ${name} to LAMBDA_ENTRIES in functions/build.ts`
          : `No bundle for "${name}" at ${dir}/index.mjs: run "npx tsx functions/build.ts" first, or synth with -c bundles=build`,
      );
    bundleDirs[name] = dir;
  }
  return { bundleDirs, functions, documentsDir, documentCount, documentIds, notFoundDir };
}
