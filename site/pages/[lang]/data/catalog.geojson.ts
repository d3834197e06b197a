// The catalog as GeoJSON in one language: every item's geometry, words, facts and sources, with the licence and citation.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../../lib/catalog.ts';
import { useTranslations } from '#render/i18n.ts';
import { catalogGeoJson } from '../../../lib/open-data.ts';
import { languagePaths, type Lang } from '#domain/site.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = async ({ params, site: base }) => {
  const lang = params.lang as Lang;
  const body = catalogGeoJson(await getCatalog(), lang, useTranslations(lang), base!);
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
};
