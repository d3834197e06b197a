// The WebAssembly modules the editor's script loads, from the npm package.
import type { APIRoute, GetStaticPaths } from 'astro';
import { cmsAssetNames, readCmsAsset } from '#content-files/cms-assets.ts';

export const getStaticPaths = (() => cmsAssetNames('wasm').map((module) => ({ params: { module } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const body = readCmsAsset(String(params.module), 'wasm');
  return body
    ? new Response(new Uint8Array(body), { headers: { 'Content-Type': 'application/wasm' } })
    : new Response('Not found', { status: 404 });
};
