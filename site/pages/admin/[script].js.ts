// The editor's script (decap-cms.js) and the parts it loads later, from the npm package.
import type { APIRoute, GetStaticPaths } from 'astro';
import { cmsAssetNames, readCmsAsset } from '#content-files/cms-assets.ts';

export const getStaticPaths = (() => cmsAssetNames('js').map((script) => ({ params: { script } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const body = readCmsAsset(String(params.script), 'js');
  return body
    ? new Response(new Uint8Array(body), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } })
    : new Response('Not found', { status: 404 });
};
