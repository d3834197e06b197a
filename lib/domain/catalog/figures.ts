// Sourced figures: every number in the catalog carries its unit, source, as-of date and how sure we are of it.
import { z } from 'zod';

/** How a figure is known; the codes of the starter data's facts file (V, D, E, U). */
export const BASES = ['stated', 'derived', 'estimate', 'unverified'] as const;
export type Basis = (typeof BASES)[number];

/** Units a figure may have; formatting for each lives in the site's format module. */
export const UNITS = [
  'ha',
  'km2',
  'km',
  'm',
  'MW',
  'GWh/yr',
  'DWT',
  't/yr',
  'Mt/yr',
  'bcm/yr',
  'm3/day',
  'pax/yr',
  'VND',
  'USD',
  'percent',
  'count',
  'people',
] as const;
export type Unit = (typeof UNITS)[number];

/** Partial dates are allowed because sources often give only a year or a month. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');

/** When the figure was true: a partial date, or "undated" where the only source gives no date (shown as such). */
export const asOfSchema = z.union([partialDateSchema, z.literal('undated')], {
  error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, or "undated" when the source gives none',
});

/** A note on a figure, in the source language and optionally others (falls back to the source language). */
export const localizedNoteSchema = z.record(z.string().min(2).max(5), z.string().min(1));

export const claimSchema = z.strictObject({
  value: z.number({ error: 'expected a number (no units or thousands separators)' }),
  unit: z.enum(UNITS, { error: `expected one of: ${UNITS.join(', ')}` }),
  /** "about", "at least", "up to": how the source qualified the number. */
  qualifier: z.enum(['about', 'at-least', 'up-to']).optional(),
  sources: z.array(z.string().min(1)).min(1, 'every figure needs at least one source id'),
  asOf: asOfSchema,
  basis: z.enum(BASES, { error: `expected one of: ${BASES.join(', ')}` }),
  note: localizedNoteSchema.optional(),
});
export type Claim = z.infer<typeof claimSchema>;

/** What the figures of an item are about; each has a translated label in the UI strings (`figure.<key>`). */
export const FIGURE_KEYS = [
  'area',
  'industrialLand',
  'leasedLand',
  'occupancy',
  'projects',
  'registeredCapital',
  'investment',
  'capacity',
  'annualOutput',
  'length',
  'lanes',
  'designSpeed',
  'berthLength',
  'maxShipSize',
  'throughput',
  'runway',
  'passengers',
  'wastewater',
  'population',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/**
 * One or more claims per figure. Sources that disagree are kept side by side, each with its own source,
 * rather than one being picked silently.
 */
export const figuresSchema = z.partialRecord(z.enum(FIGURE_KEYS), z.array(claimSchema).min(1));
export type Figures = z.infer<typeof figuresSchema>;
