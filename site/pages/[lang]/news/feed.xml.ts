// An Atom feed of the news per language: each post in that language, or in the source language (marked by xml:lang) until translated.
import type { APIRoute } from 'astro';
import { escapeHtml } from '#domain/text/escape.ts';
import { localize } from '../../../lib/catalog.ts';
import { getNews, newsPath } from '../../../lib/news.ts';
import { useTranslations } from '#render/i18n.ts';
import { languageInfo, languagePaths, pick, site, type Lang } from '#domain/site.ts';
import { openData } from '../../../lib/open-data.ts';

export const getStaticPaths = languagePaths;

/** Escaping for HTML text and attributes is also right for XML text and attributes. */
const x = escapeHtml;
/** Posts are dated by day; Atom wants a full timestamp, so the day starts at midnight UTC. */
const timestamp = (date: string) => `${date}T00:00:00Z`;

export const GET: APIRoute = async ({ params, site: base }) => {
  const lang = params.lang as Lang;
  const t = useTranslations(lang);
  const posts = await getNews();
  const url = (path: string) => new URL(path, base).href;
  const siteName = pick(site.siteName, lang);
  const entries = posts.map((post) => {
    const text = localize(post.texts, lang);
    const html = text.entry.rendered?.html;
    const language = text.fallback ? ` xml:lang="${x(languageInfo(text.lang).tag)}"` : '';
    return `  <entry${language}>
    <id>${x(url(newsPath(lang, post)))}</id>
    <title>${x(text.data.title)}</title>
    <link rel="alternate" type="text/html" href="${x(url(newsPath(lang, post)))}"/>
    <published>${timestamp(post.date)}</published>
    <updated>${timestamp(post.date)}</updated>
    <category term="${x(post.type)}" label="${x(t(`news.type.${post.type}`))}"/>
    <summary>${x(text.data.summary)}</summary>${html ? `\n    <content type="html">${x(html)}</content>` : ''}
  </entry>`;
  });
  const updated = posts[0] ? timestamp(posts[0].date) : '1970-01-01T00:00:00Z';
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(languageInfo(lang).tag)}">
  <id>${x(url(`/${lang}/news/`))}</id>
  <title>${x(`${t('news.title')} — ${siteName}`)}</title>
  <subtitle>${x(t('news.intro'))}</subtitle>
  <link rel="self" type="application/atom+xml" href="${x(url(`/${lang}/news/feed.xml`))}"/>
  <link rel="alternate" type="text/html" href="${x(url(`/${lang}/news/`))}"/>
  <updated>${updated}</updated>
  <author><name>${x(pick(openData.publisher, lang))}</name></author>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
