// The catalog's map features in one language, generated at build from content/.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../../lib/catalog.ts';
import { useTranslations } from '#render/i18n.ts';
import { mapFeatures } from '../../../lib/map/features.ts';
import { languagePaths, type Lang } from '#domain/site.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const collection = mapFeatures(await getCatalog(), lang, useTranslations(lang));
  return new Response(JSON.stringify(collection), { headers: { 'Content-Type': 'application/geo+json' } });
};
