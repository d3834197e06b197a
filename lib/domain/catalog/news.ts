// The schema of a news post (content/news/<slug>/<language>.md): words per language; date, type and sources in the source text.
// Plain zod with no Astro import, so the content scripts and the build share it.
import { z } from 'zod';
import { checkTranslationFields, slugSchema, sourceSchema, translationFields } from './catalog.ts';
import { writtenDay } from './figures.ts';

/** What a post is; each has a translated label in the UI strings (`news.type.<type>`). */
export const NEWS_TYPES = ['announcement', 'investment-call', 'event'] as const;
export type NewsType = (typeof NEWS_TYPES)[number];

/**
 * A day, written YYYY-MM-DD. Astro's front-matter reader turns an unquoted date into a Date and the content
 * scripts' reader keeps it as text; both end up as the same string here.
 */
export const newsDateSchema = z.preprocess(
  writtenDay,
  z
    .string({ error: 'expected a date as YYYY-MM-DD (e.g. "2026-01-19")' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date as YYYY-MM-DD (e.g. "2026-01-19")'),
);

export const newsTextSchema = z
  .strictObject({
    title: z.string().min(1).max(160),
    summary: z.string().min(1).max(400),
    /** The day the news happened or was announced; in the source text, optional (and equal) in translations. */
    date: newsDateSchema.optional(),
    type: z.enum(NEWS_TYPES, { error: `expected one of: ${NEWS_TYPES.join(', ')}` }).optional(),
    /** Where the news comes from: every post cites at least one source. */
    sources: z.array(sourceSchema).optional(),
    /** Catalog items the post is about, linked from the post. */
    related: z.array(slugSchema).optional(),
    ...translationFields,
  })
  .superRefine((text, ctx) => {
    if (checkTranslationFields(text, ctx)) return;
    if (text.date === undefined)
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'expected the date of the news as YYYY-MM-DD in the source text' });
    if (text.type === undefined)
      ctx.addIssue({ code: 'custom', path: ['type'], message: `expected one of: ${NEWS_TYPES.join(', ')} in the source text` });
    if (!text.sources?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: 'expected at least one source in the source text: every post cites where its news comes from',
      });
  });

export type NewsText = z.output<typeof newsTextSchema>;
