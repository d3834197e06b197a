// The corridor strip's content (content/pages/corridor/segments.yaml): its schema, and its links joined with the catalog's facts.
import { z } from 'zod';
import { slugSchema, type ItemFacts, type Source } from '#domain/catalog/catalog.ts';
import { partialDateSchema, type Claim } from '#domain/catalog/figures.ts';
import { lifecycleStatusSchema, type LifecycleStatus } from '#domain/catalog/lifecycle.ts';

const sourcesSchema = z.array(z.string().min(1)).min(1, 'every date needs at least one source id');
const datedSchema = z.strictObject({ date: partialDateSchema, sources: sourcesSchema });
export type DatedFact = z.infer<typeof datedSchema>;

const milestones = { started: datedSchema.optional(), opened: datedSchema.optional(), target: datedSchema.optional() };

export const corridorDataSchema = z
  .strictObject({
    places: z.array(z.strictObject({ id: slugSchema, item: slugSchema.optional() })).min(2),
    segments: z
      .array(
        z.strictObject({
          from: slugSchema,
          to: slugSchema,
          via: z.array(slugSchema).default([]),
          /** The catalog item that gives the link's length and status. */
          item: slugSchema.optional(),
          /** A status for a link that has no item of its own, with its source. */
          status: z.strictObject({ value: lifecycleStatusSchema, asOf: partialDateSchema, sources: sourcesSchema }).optional(),
          /** Crosses the sea (the bridge): drawn over water. */
          sea: z.boolean().default(false),
          ...milestones,
        }),
      )
      .min(1),
    terminal: z.strictObject({ item: slugSchema, ...milestones }),
    travelTimes: z
      .array(
        z.strictObject({
          from: slugSchema,
          to: slugSchema,
          hours: z.number().positive(),
          previousHours: z.number().positive().optional(),
          qualifier: z.enum(['about', 'at-least', 'up-to']).optional(),
          asOf: partialDateSchema,
          sources: sourcesSchema,
        }),
      )
      .default([]),
  })
  .superRefine((data, ctx) => {
    const places = new Set(data.places.map((place) => place.id));
    const check = (id: string, path: (string | number)[]) => {
      if (!places.has(id)) ctx.addIssue({ code: 'custom', path, message: `place "${id}" is not listed under places` });
    };
    data.segments.forEach((segment, index) => {
      check(segment.from, ['segments', index, 'from']);
      check(segment.to, ['segments', index, 'to']);
      for (const [viaIndex, id] of segment.via.entries()) check(id, ['segments', index, 'via', viaIndex]);
      if (index > 0 && data.segments[index - 1]!.to !== segment.from)
        ctx.addIssue({ code: 'custom', path: ['segments', index, 'from'], message: 'each link must start where the one before it ends' });
    });
    data.travelTimes.forEach((time, index) => {
      check(time.from, ['travelTimes', index, 'from']);
      check(time.to, ['travelTimes', index, 'to']);
    });
  });
export type CorridorData = z.infer<typeof corridorDataSchema>;

export interface SourcedStatus {
  value: LifecycleStatus;
  asOf: string;
  sources: string[];
  unverified: boolean;
}

export interface CorridorMilestones {
  started?: DatedFact;
  opened?: DatedFact;
  target?: DatedFact;
}

export interface CorridorSegment extends CorridorMilestones {
  from: string;
  to: string;
  via: string[];
  item?: string;
  sea: boolean;
  /** The item's first length figure; absent where no source gives one. */
  length?: Claim;
  status?: SourcedStatus;
}

export interface CorridorModel {
  /** The places the links join, in order, each with the catalog item it stands for (if any). */
  stops: { id: string; item?: string }[];
  segments: CorridorSegment[];
  terminal: CorridorMilestones & { item: string; status: SourcedStatus };
  travelTimes: CorridorData['travelTimes'];
  /** Every source the strip cites, each once, in the order first cited. */
  sources: Source[];
}

const statusOf = (facts: ItemFacts): SourcedStatus => ({
  value: facts.status,
  asOf: facts.statusAsOf,
  sources: facts.statusSources,
  unverified: facts.statusUnverified,
});

/**
 * Joins the strip's links with the catalog: lengths and statuses come from the items, never from the strip's file,
 * so each fact has one home. Every cited source id must be listed by some catalog item.
 */
export function resolveCorridor(
  data: CorridorData,
  catalog: readonly ItemFacts[],
  file = 'content/pages/corridor/segments.yaml',
): CorridorModel {
  const byId = new Map(catalog.map((facts) => [facts.id, facts]));
  const itemOf = (id: string, where: string): ItemFacts => {
    const facts = byId.get(id);
    if (!facts) throw new Error(`${file}: ${where} names the catalog item "${id}", which does not exist`);
    return facts;
  };
  const known = new Map<string, Source>();
  for (const facts of catalog) for (const source of facts.sources) if (!known.has(source.id)) known.set(source.id, source);
  const cited = new Map<string, Source>();
  const cite = (ids: readonly string[], where: string) => {
    for (const id of ids) {
      const source = known.get(id);
      if (!source) throw new Error(`${file}: ${where} cites source "${id}", which no catalog item lists`);
      cited.set(id, source);
    }
  };
  const citeMilestones = (milestonesOf: CorridorMilestones, where: string) => {
    for (const key of ['started', 'opened', 'target'] as const) {
      const fact = milestonesOf[key];
      if (fact) cite(fact.sources, `${where} ${key}`);
    }
  };

  for (const place of data.places) if (place.item) itemOf(place.item, `place "${place.id}"`);
  const segments = data.segments.map((segment): CorridorSegment => {
    const where = `link ${segment.from}–${segment.to}`;
    const facts = segment.item ? itemOf(segment.item, where) : undefined;
    if (facts && segment.status) throw new Error(`${file}: ${where} has an item and a status; the item's status is the one shown`);
    const length = facts?.figures.length?.[0];
    if (length) cite(length.sources, `${where} length`);
    const status = facts ? statusOf(facts) : segment.status ? { ...segment.status, unverified: false } : undefined;
    if (status) cite(status.sources, `${where} status`);
    citeMilestones(segment, where);
    const { status: _ownStatus, ...rest } = segment;
    return { ...rest, ...(length ? { length } : {}), ...(status ? { status } : {}) };
  });
  const terminalFacts = itemOf(data.terminal.item, 'the terminal');
  const terminal = { ...data.terminal, status: statusOf(terminalFacts) };
  cite(terminal.status.sources, 'the terminal status');
  citeMilestones(data.terminal, 'the terminal');
  for (const time of data.travelTimes) cite(time.sources, `travel time ${time.from}–${time.to}`);

  const linked = new Set(data.segments.flatMap((segment) => [segment.from, segment.to, ...segment.via]));
  const stops = data.places.filter((place) => linked.has(place.id));
  return { stops, segments, terminal, travelTimes: data.travelTimes, sources: [...cited.values()] };
}
