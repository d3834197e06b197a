// Reads the corridor strip's content file and checks it against its schema, naming the file and field on failure.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { projectPath } from '#content-files/project-path.ts';
import { corridorDataSchema, type CorridorData } from './corridor-data.ts';

export const CORRIDOR_FILE = ['pages', 'corridor', 'segments.yaml'] as const;

/** `contentDir` lets tests and a second province's build point at another content folder. */
export function readCorridorData(contentDir = process.env.CONTENT_DIR ?? projectPath('content')): CorridorData | undefined {
  const path = `${contentDir}/${CORRIDOR_FILE.join('/')}`;
  if (!existsSync(path)) return undefined;
  const parsed = corridorDataSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `content/${CORRIDOR_FILE.join('/')}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}
