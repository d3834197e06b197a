// Bundles each Lambda entry with esbuild into .local/lambda/<name>/, folders the CDK stack can deploy as code assets (with the data files they read beside them).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DOCUMENT_FOLDERS, loadDocumentFolders } from '#content-files/documents.ts';
import { TRANSLATION_REPORT_FILE, readTranslationReport } from '#content-files/translations.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One function per route group: each gets only the permissions and code its routes need. */
export const LAMBDA_ENTRIES = {
  health: 'functions/api/lambda/health.ts',
  inquiries: 'functions/api/lambda/inquiries.ts',
  downloads: 'functions/api/lambda/downloads.ts',
  staff: 'functions/api/lambda/staff.ts',
  // Not a route: the inquiries table's stream and a schedule invoke it (functions/outbox/).
  mail: 'functions/api/lambda/mail.ts',
  // GET /api/inquiry-service, and the daily schedule that publishes what it serves (functions/service-figures/).
  'service-figures': 'functions/api/lambda/service-figures.ts',
} as const;
export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/**
 * Not under dist/: the site build empties dist/ and the site bucket must never hold function code.
 * Beside the code: documents.json (downloads, staff) and translation-status.json (staff), made from content/ now.
 */
export async function buildFunctions(
  outDir = join(root, '.local/lambda'),
  documentsDirs: readonly string[] = DOCUMENT_FOLDERS.map((folder) => join(root, folder)),
  contentDir = join(root, 'content'),
): Promise<Record<LambdaName, string>> {
  const documents = loadDocumentFolders(documentsDirs);
  const translations = readTranslationReport(contentDir);
  const outputs = {} as Record<LambdaName, string>;
  for (const [name, entry] of Object.entries(LAMBDA_ENTRIES) as [LambdaName, string][]) {
    const dir = join(outDir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, 'index.mjs');
    await build({
      entryPoints: [join(root, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      minify: true,
      sourcemap: true,
      // The SDK is bundled rather than taken from the runtime, so the deployed code is the tested code.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    if (name === 'downloads' || name === 'staff')
      writeFileSync(
        join(dir, 'documents.json'),
        JSON.stringify(
          documents.map((d) => d.meta),
          null,
          2,
        ),
      );
    if (name === 'staff') writeFileSync(join(dir, TRANSLATION_REPORT_FILE), JSON.stringify(translations, null, 2));
    outputs[name] = outfile;
  }
  return outputs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputs = await buildFunctions();
  for (const [name, file] of Object.entries(outputs)) console.log(`${name.padEnd(10)} ${file}`);
}
