// The one site configuration: everything that makes this catalog about one province lives here, not in code.
import { z } from 'zod';
import { slugSchema, sourceSchema } from './catalog/catalog.ts';
import { claimSchema } from './catalog/figures.ts';

const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'expected a short language code as used in URLs (e.g. "ja")');
const localized = z.record(languageCode, z.string().min(1));
const lonLat = z.tuple([z.number(), z.number()]);
/** One detail of the publisher (an address, a phone number...), with whether it is verified and its source. */
const publisherDetail = z.strictObject({ value: z.string().min(1), verified: z.boolean(), source: z.string().min(1) });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const siteConfigSchema = z
  .strictObject({
    /**
     * A short id for this site (e.g. "camau"): the staff console's browser storage keys, the local stack's table
     * names and, in infra/, the stack and parameter names are derived from it, so two provinces never collide.
     */
    id: z.string().regex(/^[a-z][a-z0-9]{1,15}$/, 'expected 2-16 lower-case letters or digits, starting with a letter'),
    /** The start of every inquiry reference (e.g. "CM" in CM-2026-7K3Q9X). */
    referencePrefix: z.string().regex(/^[A-Z]{1,4}$/, 'expected 1-4 capital letters (e.g. "CM")'),
    /**
     * The office's IANA time zone (e.g. "Asia/Ho_Chi_Minh"): the year in a reference, the working days of the reply
     * promise and every time the staff console shows are counted in it.
     */
    timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as "Asia/Ho_Chi_Minh"'),
    /**
     * The AWS region that stores inquiries, download records and documents. The privacy notice names it (a transfer of
     * personal data abroad under Vietnam's law) and infra/ deploys there and nowhere else, so the page and the
     * deployment cannot disagree.
     */
    dataRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as "ap-southeast-1"'),
    /**
     * The languages investor-relations staff answer in, the first being the one an investor gets when theirs is not
     * among them (the form, the acknowledgement and the console say so). Absent: every site language.
     */
    replyLanguages: z.array(languageCode).min(1).optional(),
    /** Public address of the site, used for canonical links, hreflang and the sitemap. */
    url: z.url(),
    siteName: localized,
    province: localized,
    /**
     * Where a file of the repository is edited in its web interface, up to the file's path (e.g.
     * "https://github.com/<owner>/<repo>/edit/main/"): the staff console's translation page links each file to
     * this address followed by its path ("content/catalog/zones/ip-khanh-an/ja.md"). Absent: paths are shown as text.
     */
    repositoryEditUrl: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) address, e.g. "https://github.com/<owner>/<repo>/edit/main/"' })
      .refine((url) => url.endsWith('/'), 'expected the address to end with "/": the file\'s path is added after it')
      .optional(),
    /** URL codes, in the order the language switcher lists them. */
    languages: z.array(languageCode).min(1),
    /** BCP 47 tags where the URL code alone is ambiguous (e.g. zh → zh-Hans for Simplified Chinese). */
    languageTags: z.record(languageCode, z.string()).default({}),
    defaultLanguage: languageCode,
    /** The language publishers write first; other languages translate from it. */
    sourceLanguage: languageCode,
    map: z.strictObject({
      bounds: z.tuple([lonLat, lonLat]).describe('[[west, south], [east, north]]'),
      /** The province's own waters count as inside for content checks (islands, offshore wind). */
      outline: z.string().min(1),
      outlineCredit: z.string().min(1),
      /**
       * A MapLibre style URL to use instead of the offline basemap (e.g. "/basemap/style.json" on the site's own
       * bucket, whose sources may be pmtiles:// archives). Absent: the offline basemap, the default.
       */
      basemapStyle: z.string().min(1).optional(),
    }),
    /** Places every item page measures its straight-line distance to. */
    distanceTargets: z
      .array(
        z.union([
          z.strictObject({ item: slugSchema, label: z.string() }),
          z.strictObject({ nearestOfKind: z.string(), label: z.string() }),
        ]),
      )
      .default([]),
    featured: z.array(slugSchema).default([]),
    corridor: z.array(slugSchema).default([]),
    /** Sector and investment-size ids; their labels are UI strings (`sector.<id>`, `size.<id>`). */
    sectors: z.array(slugSchema).min(1),
    investmentSizes: z.array(slugSchema).min(1),
    /** Version of the consent text the forms show (UI string `form.consent`); raise it whenever that text changes. */
    consentVersion: z.string().min(1).max(64),
    /**
     * A project still in progress (announced, pre-construction, under construction) whose status no source has
     * confirmed for this many months is shown as "not confirmed since <date>" instead of its plain status.
     */
    staleAfterMonths: z.number().int().min(1).max(240).default(24),
    keyFigures: z.array(z.strictObject({ key: z.string().min(1), claim: claimSchema })).default([]),
    keyFigureSources: z.array(sourceSchema).default([]),
    /**
     * Who publishes the site, as a Vietnamese government portal must say: each detail with whether it is verified and
     * where it comes from. A detail no source gives is left out and the about page says it is not yet verified; nothing
     * is filled in from memory.
     */
    publisher: z.strictObject({
      name: localized,
      address: publisherDetail.optional(),
      phone: publisherDetail.optional(),
      email: publisherDetail.optional(),
      responsiblePerson: publisherDetail.optional(),
      /** The province's official portal. */
      portal: publisherDetail.extend({ value: z.url() }).optional(),
    }),
    contacts: z
      .array(
        z.strictObject({
          id: slugSchema,
          name: localized,
          website: z.url().optional(),
          email: z.email().optional(),
          phone: z.string().optional(),
          address: z.string().optional(),
          role: localized,
          verified: z.boolean(),
          source: z.string(),
        }),
      )
      .default([]),
  })
  .superRefine((config, ctx) => {
    for (const field of ['defaultLanguage', 'sourceLanguage'] as const)
      if (!config.languages.includes(config[field]))
        ctx.addIssue({ code: 'custom', path: [field], message: `"${config[field]}" is not in languages` });
    config.replyLanguages?.forEach((code, index) => {
      if (!config.languages.includes(code))
        ctx.addIssue({ code: 'custom', path: ['replyLanguages', index], message: `"${code}" is not in languages` });
    });
    const sourceIds = new Set(config.keyFigureSources.map((source) => source.id));
    config.keyFigures.forEach((figure, index) => {
      for (const id of figure.claim.sources)
        if (!sourceIds.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['keyFigures', index, 'claim', 'sources'],
            message: `source "${id}" is not in keyFigureSources`,
          });
    });
  });

export type SiteConfig = z.infer<typeof siteConfigSchema>;
