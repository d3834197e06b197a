// Reads content/documents/*.yaml and checks each against its file, for the local bucket and the Lambda bundle alike.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { defaultS3Key, documentFileSchema, type DocumentMeta } from '#domain/catalog/documents.ts';

export interface DocumentProblem {
  file: string;
  field: string;
  message: string;
}

export interface DocumentOnDisk {
  meta: DocumentMeta;
  /** Absolute path of the file to upload. */
  path: string;
}

export function readDocuments(dir: string): { documents: DocumentOnDisk[]; problems: DocumentProblem[] } {
  const documents: DocumentOnDisk[] = [];
  const problems: DocumentProblem[] = [];
  if (!existsSync(dir)) return { documents, problems };
  for (const name of readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()) {
    const file = `content/documents/${name}`;
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      problems.push({ file, field: '(syntax)', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const parsed = documentFileSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ file, field: issue.path.map(String).join('.') || '(whole file)', message: issue.message });
      continue;
    }
    const doc = parsed.data;
    const expectedId = name.replace(/\.ya?ml$/, '');
    if (doc.id !== expectedId) problems.push({ file, field: 'id', message: `"${doc.id}" must match the file name "${expectedId}"` });
    const path = join(dir, doc.file);
    if (!existsSync(path) || !statSync(path).isFile()) {
      problems.push({ file, field: 'file', message: `"${doc.file}" is not in content/documents/; add the file or correct the name` });
      continue;
    }
    const size = statSync(path).size;
    if (doc.size !== undefined && doc.size !== size)
      problems.push({
        file,
        field: 'size',
        message: `says ${doc.size} bytes but ${doc.file} has ${size}; remove "size" to have it measured`,
      });
    documents.push({ meta: { ...doc, size, s3Key: doc.s3Key ?? defaultS3Key(doc) }, path });
  }
  const seen = new Map<string, string>();
  for (const { meta } of documents) {
    const other = seen.get(meta.s3Key);
    if (other)
      problems.push({ file: `content/documents/${meta.id}.yaml`, field: 's3Key', message: `"${meta.s3Key}" is also used by ${other}` });
    seen.set(meta.s3Key, meta.id);
  }
  return { documents, problems };
}

/** Like readDocuments, but stops with every problem listed: a wrong file must not reach a bucket or a bundle. */
export function loadDocuments(dir: string): DocumentOnDisk[] {
  const { documents, problems } = readDocuments(dir);
  if (problems.length > 0)
    throw new Error(
      `Documents have ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file} › ${p.field}: ${p.message}`).join('\n')}`,
    );
  return documents;
}

/**
 * Where documents come from, relative to the project root: what publishers add, and the factsheets generated
 * from the catalog (scripts/documents/factsheets.ts). The local bucket, the Lambda bundle, the deployment and the
 * site's listings all read these same folders.
 */
export const DOCUMENT_FOLDERS = ['content/documents', '.generated/documents'] as const;

/** Every document of every folder, stopping on any problem or on one id used twice. */
export function loadDocumentFolders(dirs: readonly string[]): DocumentOnDisk[] {
  const documents = dirs.flatMap((dir) => loadDocuments(dir));
  const seen = new Set<string>();
  for (const { meta } of documents) {
    if (seen.has(meta.id)) throw new Error(`Document id "${meta.id}" is used twice across ${dirs.join(' and ')}`);
    seen.add(meta.id);
  }
  return documents;
}
