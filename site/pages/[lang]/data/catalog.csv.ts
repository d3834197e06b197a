// The catalog as CSV in one language: one row per item with its position, status and figures, for spreadsheets.
import type { APIRoute } from 'astro';
import { getCatalog } from '../../../lib/catalog.ts';
import { useTranslations } from '#render/i18n.ts';
import { catalogCsv } from '../../../lib/open-data.ts';
import { languagePaths, type Lang } from '#domain/site.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = async ({ params, site: base }) => {
  const lang = params.lang as Lang;
  const body = catalogCsv(await getCatalog(), lang, useTranslations(lang), base!);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
