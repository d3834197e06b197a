// Every catalog item's compare cells in one language, written at build for the compare page and the matcher.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../../lib/catalog.ts';
import { useTranslations } from '#render/i18n.ts';
import { languagePaths, type Lang } from '#domain/site.ts';
import { compareData } from './_cells.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const data = compareData(await getCatalog(), lang, useTranslations(lang));
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
