// A source text at each of its versions, for the editor's diff of what changed since a stale translation was made:
// answered live from Git by `npm run dev`, and written at build for the texts that have a stale translation today.
import type { APIRoute, GetStaticPaths } from 'astro';
import { sourceTexts, staleSources, textHistory } from '#content-files/cms-history.ts';
import { projectPath } from '#content-files/project-path.ts';
import { site } from '#domain/site.ts';

const CONTENT_FOLDER = 'content';

export const getStaticPaths = (() =>
  import.meta.env.DEV
    ? sourceTexts(projectPath(), CONTENT_FOLDER).map((text) => ({ params: { text }, props: {} }))
    : staleSources(projectPath(), CONTENT_FOLDER).map(({ file, versions }) => ({
        params: { text: file },
        props: { versions: [...versions] },
      }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const wanted = Array.isArray(props.versions) ? new Set<number>(props.versions) : undefined;
  const history = textHistory(projectPath(), CONTENT_FOLDER, String(params.text), site.languages, wanted);
  return history
    ? new Response(JSON.stringify(history), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
    : new Response('Not found', { status: 404 });
};
