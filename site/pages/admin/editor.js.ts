// The editor's extension (site/pages/admin/_editor/main.ts and the domain rules it uses), bundled for the browser at build and dev request.
import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import { projectPath } from '#content-files/project-path.ts';

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: [projectPath('site/pages/admin/_editor/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
