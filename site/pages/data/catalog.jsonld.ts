// The DCAT catalogue of the open data as JSON-LD: one file for every language, since each text in it carries its language tag.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../lib/catalog.ts';
import { useTranslations } from '#render/i18n.ts';
import { dcatCatalog } from '../../lib/open-data-catalog.ts';

export const GET: APIRoute = async ({ site: base }) => {
  const body = dcatCatalog(await getCatalog(), useTranslations, base!);
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
};
