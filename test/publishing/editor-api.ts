// The requests the editor (Decap CMS's proxy backend) sends to decap-server, for tests and the bench to save as an editor does.
import { stringify as toYaml } from 'yaml';

/** The branch the editor's configuration names (backend.branch in lib/content-files/cms-config.ts). */
const BRANCH = 'main';

/** One action, as the editor posts it: `{ action, params }` with the branch, answered with JSON or an error status. */
export async function editorRequest<T = unknown>(url: string, action: string, params: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ branch: BRANCH, action, params: { branch: BRANCH, ...params } }),
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`decap-server ${action}: ${response.status} ${json.error ?? JSON.stringify(json)}`);
  return json;
}

/** A Markdown file with YAML front matter, as the editor writes a text (one file per language). */
export function frontMatterFile(data: Record<string, unknown>, body: string): string {
  return `---\n${toYaml(data)}---\n${body}`;
}

export interface SavedFile {
  /** From the repository's root, e.g. content/news/<slug>/index.vi.md. */
  path: string;
  raw: string;
}

export interface SaveOptions {
  collection: string;
  slug: string;
  files: SavedFile[];
  /** Uploaded files saved with the entry (a document's PDF): their bytes, sent in base64 as the editor sends them. */
  assets?: { path: string; content: Buffer }[];
  /** With the editorial workflow: the entry goes to its draft branch with this status instead of straight to main. */
  workflowStatus?: 'draft' | 'pending_review' | 'pending_publish';
}

/** Saves an entry (every language's file at once) as the editor's Save or Publish now does. */
export function saveEntry(url: string, options: SaveOptions): Promise<unknown> {
  return editorRequest(url, 'persistEntry', {
    dataFiles: options.files.map((file) => ({ slug: options.slug, path: file.path, raw: file.raw })),
    assets: (options.assets ?? []).map((asset) => ({ path: asset.path, content: asset.content.toString('base64'), encoding: 'base64' })),
    options: {
      collectionName: options.collection,
      commitMessage: `${options.workflowStatus ? 'Create' : 'Update'} ${options.collection} "${options.slug}"`,
      useWorkflow: options.workflowStatus !== undefined,
      status: options.workflowStatus ?? 'draft',
    },
  });
}

/** The editorial workflow's board: moves an entry to another column (draft, in review, ready). */
export function setWorkflowStatus(
  url: string,
  collection: string,
  slug: string,
  newStatus: 'draft' | 'pending_review' | 'pending_publish',
) {
  return editorRequest(url, 'updateUnpublishedEntryStatus', { collection, slug, newStatus });
}

/** Publishes a draft: its branch is merged into main. */
export function publishEntry(url: string, collection: string, slug: string) {
  return editorRequest(url, 'publishUnpublishedEntry', { collection, slug });
}

/** The entries waiting in the workflow, as `<collection>/<slug>` keys. */
export function unpublishedEntries(url: string): Promise<string[]> {
  return editorRequest<string[]>(url, 'unpublishedEntries');
}

/** What the board shows for one draft: its status and the files it changes. */
export function unpublishedEntry(url: string, collection: string, slug: string) {
  return editorRequest<{ status: string; diffs: { path: string; newFile: boolean }[] }>(url, 'unpublishedEntry', { collection, slug });
}
