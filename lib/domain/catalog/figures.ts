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

/**
 * A day read back as the text it was written as. The editor writes a date unquoted (2026-11-30) and the build's YAML
 * reader (YAML 1.1) turns that into a Date, where the content scripts' reader keeps the text: both end up the same.
 */
export const writtenDay = (value: unknown): unknown =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;

/** Partial dates are allowed because sources often give only a year or a month. */
export const partialDateSchema = z.preprocess(
  writtenDay,
  z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'),
);

/** When the figure was true: a partial date, or "undated" where the only source gives no date (shown as such). */
export const asOfSchema = z.union([partialDateSchema, z.literal('undated')], {
  error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, or "undated" when the source gives none',
});

/** A note on a figure, in the source language and optionally others (falls back to the source language). */
export const localizedNoteSchema = z.record(z.string().min(2).max(5), z.string().min(1));

/** What a figure's value may be, beyond being a number: the schema refuses the rest and the editor's number fields show the same limits. */
export interface ValueLimits {
  min: number;
  max?: number;
  /** Counted, not measured: a whole number. */
  integer?: boolean;
}

/** Every unit above measures an amount, a length, a count or a share: none of them can be negative. */
const AMOUNT: ValueLimits = { min: 0 };

/** Units whose values have a narrower range than any amount, whatever the figure (key figures included). */
const UNIT_LIMITS: Partial<Record<Unit, ValueLimits>> = {
  percent: { min: 0, max: 100 },
  count: { min: 0, integer: true },
  people: { min: 0, integer: true },
};

function valueSchema(limits: ValueLimits) {
  let value = z
    .number({ error: 'expected a number (no units or thousands separators)' })
    .min(limits.min, `expected a number of at least ${limits.min}: a figure's value cannot be negative`);
  if (limits.max !== undefined) value = value.max(limits.max, `expected a number from ${limits.min} to ${limits.max}`);
  if (limits.integer) value = value.int('expected a whole number: a count has no fractions');
  return value;
}

/** One sourced value; `limits` narrows the value for a figure that is a share or a count. */
function claimWith(limits: ValueLimits) {
  return z
    .strictObject({
      value: valueSchema(limits),
      unit: z.enum(UNITS, { error: `expected one of: ${UNITS.join(', ')}` }),
      /** "about", "at least", "up to": how the source qualified the number. */
      qualifier: z.enum(['about', 'at-least', 'up-to']).optional(),
      sources: z.array(z.string().min(1)).min(1, 'every figure needs at least one source id'),
      asOf: asOfSchema,
      basis: z.enum(BASES, { error: `expected one of: ${BASES.join(', ')}` }),
      note: localizedNoteSchema.optional(),
    })
    .superRefine((claim, ctx) => {
      // The unit's own range holds wherever the claim is, even where the figure's key says less (or is free, as key figures are).
      const unit = UNIT_LIMITS[claim.unit];
      // A value the figure's own limits refuse already has its message.
      if (!unit || !valueSchema(limits).safeParse(claim.value).success) return;
      for (const issue of valueSchema(unit).safeParse(claim.value).error?.issues ?? [])
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${issue.message} (unit ${claim.unit})` });
    });
}

export const claimSchema = claimWith(AMOUNT);
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

/** Figures narrower than an amount: a share and what is counted. The editor shows each key's limits on its value field. */
export const FIGURE_LIMITS: Partial<Record<FigureKey, ValueLimits>> = {
  occupancy: { min: 0, max: 100 },
  projects: { min: 0, integer: true },
  lanes: { min: 0, integer: true },
  population: { min: 0, integer: true },
};

/**
 * One or more claims per figure. Sources that disagree are kept side by side, each with its own source,
 * rather than one being picked silently. Each key has its own claim schema, so its value's limits are part of it.
 */
export const figuresSchema = z.strictObject(
  Object.fromEntries(
    FIGURE_KEYS.map((key) => [
      key,
      z
        .array(claimWith(FIGURE_LIMITS[key] ?? AMOUNT))
        .min(1)
        .optional(),
    ]),
  ) as Record<FigureKey, z.ZodOptional<z.ZodArray<typeof claimSchema>>>,
);
export type Figures = z.infer<typeof figuresSchema>;
