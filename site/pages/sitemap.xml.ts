// The sitemap: every page in every language it is written in, each with its full hreflang set and x-default.
import type { APIRoute } from 'astro';
import { listPages } from '../lib/page-index.ts';
import { languageInfo, site } from '#domain/site.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ site: base }) => {
  const pages = await listPages();
  const url = (lang: string, path: string) => escapeXml(new URL(`/${lang}/${path}`, base).href);
  const entries = pages.flatMap(({ path, languages }) => {
    const xDefault = languages.includes(site.defaultLanguage) ? site.defaultLanguage : languages[0];
    const links = [
      ...languages.map((lang) => `    <xhtml:link rel="alternate" hreflang="${languageInfo(lang).tag}" href="${url(lang, path)}"/>`),
      ...(xDefault ? [`    <xhtml:link rel="alternate" hreflang="x-default" href="${url(xDefault, path)}"/>`] : []),
    ].join('\n');
    return languages.map((lang) => `  <url>\n    <loc>${url(lang, path)}</loc>\n${links}\n  </url>`);
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
