// Every version a source text has had, read from the Git history of its file and the working tree: what a stale translation was made from.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { splitFrontMatter } from './read-content.ts';

/** A source text as it stood at one of its versions: its front matter and its body. */
export interface TextAtVersion {
  version: number;
  data: Record<string, unknown>;
  body: string;
  /** The commit it was read from; absent for the working tree's copy (saved but not committed yet). */
  commit?: string;
}

/** Git answers in milliseconds here; a hung process must not hold a request or the build. */
const GIT_TIMEOUT_MS = 10_000;

function git(folder: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', folder, ...args], { encoding: 'utf8', timeout: GIT_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // Not a Git repository, or the file is not in it: the history is what the working tree has.
    return undefined;
  }
}

function parsed(source: string, commit?: string): TextAtVersion | undefined {
  const { data, body } = splitFrontMatter(source);
  if (data === null || typeof data !== 'object') return undefined;
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return undefined;
  return { version, data: data as Record<string, unknown>, body, ...(commit ? { commit } : {}) };
}

/**
 * The text of `file` (an absolute path) at each version it has had, newest first. For a version kept over
 * several commits (fixes that did not change its meaning), the latest text of that version is the one kept.
 */
export function textVersions(file: string, wanted?: ReadonlySet<number>): TextAtVersion[] {
  const folder = dirname(file);
  const name = basename(file);
  const found = new Map<number, TextAtVersion>();
  const keep = (text: TextAtVersion | undefined) => {
    if (text && !found.has(text.version) && (!wanted || wanted.has(text.version))) found.set(text.version, text);
  };
  if (existsSync(file)) keep(parsed(readFileSync(file, 'utf8')));
  const commits = git(folder, ['log', '--format=%H', '--', name])?.split('\n').filter(Boolean) ?? [];
  for (const commit of commits) {
    if (wanted && [...wanted].every((version) => found.has(version))) break;
    const source = git(folder, ['show', `${commit}:./${name}`]);
    if (source !== undefined) keep(parsed(source, commit));
  }
  return [...found.values()].sort((a, b) => b.version - a.version);
}
