// Schemas of the catalog: an item's facts (written once) and its words (written once per language).
import { z } from 'zod';
import { figuresSchema, partialDateSchema, BASES } from './figures.ts';
import { lifecycleStatusSchema } from './lifecycle.ts';

/** The catalog's sections; each is a folder under content/catalog/ and a list page on the site. */
export const CATEGORIES = ['zones', 'energy', 'logistics', 'opportunities'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What an item is. The category it belongs to follows from its kind. */
export const KINDS_BY_CATEGORY = {
  zones: ['industrial-park', 'industrial-cluster', 'economic-zone'],
  energy: ['gas-power', 'lng-power', 'wind-farm', 'solar-farm', 'gas-pipeline', 'fertilizer-plant'],
  logistics: ['seaport', 'expressway', 'bridge', 'airport'],
  opportunities: ['opportunity'],
} as const satisfies Record<Category, readonly string[]>;

export const KINDS = Object.values(KINDS_BY_CATEGORY).flat() as [Kind, ...Kind[]];
export type Kind = (typeof KINDS_BY_CATEGORY)[Category][number];

export function categoryOfKind(kind: Kind): Category {
  const found = CATEGORIES.find((category) => (KINDS_BY_CATEGORY[category] as readonly string[]).includes(kind));
  if (!found) throw new Error(`Kind "${kind}" belongs to no category`);
  return found;
}

/** Lower-case words joined by hyphens: the id is also the item's URL. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case letters, digits and single hyphens (e.g. "ip-khanh-an")');

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).describe('[longitude, latitude]');

export const geometrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: lonLat }),
  z.strictObject({ type: z.literal('LineString'), coordinates: z.array(lonLat).min(2) }),
]);
export type Geometry = z.infer<typeof geometrySchema>;

export const sourceSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  /** Absent when the source is a document without a public address; the note then says what it is. */
  url: z.url().optional(),
  publisher: z.string().optional(),
  date: partialDateSchema.optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const locationSchema = z.strictObject({
  precision: z.enum(['exact', 'approximate']),
  /** How the position was placed, and how far off it may be. */
  basis: z.string().min(1),
  /** Lines drawn through guessed points rather than a surveyed alignment. */
  schematic: z.boolean().default(false),
  /** Plain address or administrative description in the source language (old names where sources use them). */
  description: z.string().optional(),
});

export const PARTY_ROLES = ['investor', 'developer', 'owner', 'operator', 'contractor'] as const;
export const UTILITIES = ['power', 'gas', 'water', 'wastewater', 'telecom', 'road', 'river', 'sea'] as const;

/** A fact that is a name rather than a number (an investor, a developer), with its source. */
export const namedFactSchema = z.strictObject({
  name: z.string().min(1),
  role: z.enum(PARTY_ROLES),
  sources: z.array(z.string().min(1)).min(1),
  asOf: partialDateSchema.optional(),
  basis: z.enum(BASES),
});

export const itemFactsSchema = z
  .strictObject({
    id: slugSchema,
    kind: z.enum(KINDS, { error: `expected one of: ${Object.values(KINDS_BY_CATEGORY).flat().join(', ')}` }),
    status: lifecycleStatusSchema,
    /** When a source last confirmed the status; a status in progress not confirmed for site.json's staleAfterMonths is shown as "not confirmed since" this date. */
    statusAsOf: partialDateSchema,
    statusSources: z.array(z.string().min(1)).min(1, 'the status needs a source id'),
    /** True when a source says the current status may be out of date or conflicting. */
    statusUnverified: z.boolean().default(false),
    /** When an editor should next check the item against its sources (`npm run content:status` lists it once passed). */
    reviewBy: partialDateSchema.optional(),
    geometry: geometrySchema,
    location: locationSchema,
    figures: figuresSchema.default({}),
    parties: z.array(namedFactSchema).default([]),
    sectors: z.array(slugSchema).default([]),
    utilities: z.array(z.enum(UTILITIES)).default([]),
    related: z.array(slugSchema).default([]),
    documents: z.array(slugSchema).default([]),
    sources: z.array(sourceSchema).min(1, 'an item needs at least one source'),
  })
  .superRefine((facts, ctx) => {
    const known = new Set(facts.sources.map((source) => source.id));
    const check = (ids: string[], path: (string | number)[]) =>
      ids.forEach((id, index) => {
        if (!known.has(id))
          ctx.addIssue({
            code: 'custom',
            path: [...path, index],
            message: `source "${id}" is not listed under sources (known: ${[...known].join(', ') || 'none'})`,
          });
      });
    check(facts.statusSources, ['statusSources']);
    for (const [key, claims] of Object.entries(facts.figures))
      for (const [index, claim] of (claims ?? []).entries()) check(claim.sources, ['figures', key, index, 'sources']);
    for (const [index, party] of facts.parties.entries()) check(party.sources, ['parties', index, 'sources']);
  });
export type ItemFacts = z.infer<typeof itemFactsSchema>;

/** How a text stands to its source: shared by every kind of text (items, pages, news). */
export const translationFields = {
  version: z.number().int().positive().optional(),
  translatedFrom: z.string().min(2).max(5).optional(),
  sourceVersion: z.number().int().positive().optional(),
  /** Made by a machine; shown with a notice until a person reviews it. */
  machineTranslated: z.boolean().default(false),
  reviewed: z.boolean().default(false),
};

/** A source text needs a version, a translation the version it translates. Returns whether it is a translation. */
export function checkTranslationFields(
  text: { translatedFrom?: string; version?: number; sourceVersion?: number },
  ctx: z.RefinementCtx,
): boolean {
  const isTranslation = text.translatedFrom !== undefined;
  if (isTranslation && text.sourceVersion === undefined)
    ctx.addIssue({ code: 'custom', path: ['sourceVersion'], message: 'a translation must say which source version it translates' });
  if (!isTranslation && text.version === undefined)
    ctx.addIssue({ code: 'custom', path: ['version'], message: 'a source text needs a version number (start at 1)' });
  return isTranslation;
}

/**
 * The words of an item or page in one language (Markdown front matter; the body is the text).
 * A source text has a `version` that editors raise when its meaning changes; a translation records
 * the version it was made from, so a newer source marks it stale.
 */
export const textSchema = z
  .strictObject({
    title: z.string().min(1).max(160),
    summary: z.string().min(1).max(400),
    ...translationFields,
  })
  .superRefine((text, ctx) => {
    checkTranslationFields(text, ctx);
  });
export type Text = z.infer<typeof textSchema>;

/** A translation the reader should be warned about: machine-made and not yet reviewed. */
export function isDraft(text: Text): boolean {
  return text.machineTranslated && !text.reviewed;
}
