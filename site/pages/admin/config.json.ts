// The editor's configuration, generated from the content schemas and site.json at every build and dev request.
import type { APIRoute } from 'astro';
import { cmsConfig } from '#content-files/cms-config.ts';
import { site } from '#domain/site.ts';

/** The local proxy that edits the working tree: `npm run dev` starts it and says where (DECAP_SERVER_URL). */
const localBackendUrl = process.env.DECAP_SERVER_URL || undefined;

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(cmsConfig(site, { localBackendUrl }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
