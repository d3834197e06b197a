// The corridor strip: its content joined with the catalog, every link drawn with its length and status in words, mirrored in Arabic.
import { describe, expect, it } from 'vitest';
import { corridorDataSchema, resolveCorridor } from '#render/corridor/corridor-data.ts';
import { readCorridorData } from '#render/corridor/read-corridor.ts';
import { renderCorridorStrip } from '#render/corridor/strip.ts';
import { formatClaim } from '#render/format.ts';
import { useTranslations } from '#render/i18n.ts';
import { statusText } from '#render/status-text.ts';
import { catalogFacts } from './catalog-facts.ts';

const facts = catalogFacts();
const data = readCorridorData()!;
const model = resolveCorridor(data, facts);
const factsOf = (id: string) => facts.find((item) => item.id === id)!;
const circles = (svg: string) => [...svg.matchAll(/<circle cx="([\d.]+)" cy="[\d.]+" r="8"/g)].map((match) => Number(match[1]));

describe('the corridor content', () => {
  it('goes from Ho Chi Minh City through Can Tho, Ca Mau, Nam Can and Dat Mui to Hon Khoai', () => {
    expect(model.stops.map((stop) => stop.id)).toEqual(['hcmc', 'can-tho', 'ca-mau', 'nam-can', 'dat-mui', 'hon-khoai']);
    expect(model.segments.map((segment) => `${segment.from}>${segment.to}`)).toEqual([
      'hcmc>can-tho',
      'can-tho>ca-mau',
      'ca-mau>dat-mui',
      'dat-mui>hon-khoai',
    ]);
  });

  it("takes each link's length and status from its catalog item, and leaves out what no item gives", () => {
    for (const segment of model.segments) {
      if (!segment.item) {
        expect(segment.length).toBeUndefined();
        continue;
      }
      const item = factsOf(segment.item);
      expect(segment.length).toEqual(item.figures.length?.[0]);
      expect(segment.status?.value).toBe(item.status);
      expect(segment.status?.sources).toEqual(item.statusSources);
    }
    expect(model.terminal.status.value).toBe(factsOf('port-hon-khoai').status);
  });

  it('lists every cited source once, each one a catalog source', () => {
    const ids = model.sources.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cited = [
      ...model.segments.flatMap((segment) => [
        ...(segment.length?.sources ?? []),
        ...(segment.status?.sources ?? []),
        ...(segment.started?.sources ?? []),
      ]),
      ...model.travelTimes.flatMap((time) => time.sources),
    ];
    for (const id of cited) expect(ids).toContain(id);
  });

  it('refuses a source no catalog item lists, an unknown item and links that do not join', () => {
    const unknownSource = structuredClone(data);
    unknownSource.travelTimes[0]!.sources = ['no-such-source'];
    expect(() => resolveCorridor(unknownSource, facts)).toThrow(/cites source "no-such-source", which no catalog item lists/);
    const unknownItem = structuredClone(data);
    unknownItem.segments[1]!.item = 'no-such-item';
    expect(() => resolveCorridor(unknownItem, facts)).toThrow(/"no-such-item", which does not exist/);
    const gap = structuredClone(data);
    gap.segments[2]!.from = 'hcmc';
    expect(corridorDataSchema.safeParse(gap).error?.issues.map((issue) => issue.message)).toContain(
      'each link must start where the one before it ends',
    );
  });
});

describe('the strip drawn', () => {
  const t = useTranslations('en');
  /** A fixed day, so the stale rule reads the same whenever the test runs. */
  const today = '2026-06-01';
  const svg = renderCorridorStrip(model, { lang: 'en', t, dir: 'ltr', labelledBy: 'caption', today });

  it('is an image named by its caption, with no script', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="caption"/);
    expect(svg).not.toContain('<script');
  });

  it('draws each link with its kilometres, or says the length is not published', () => {
    expect(svg.match(/<line [^>]*stroke-width="10"/g)).toHaveLength(model.segments.length);
    for (const segment of model.segments)
      expect(svg).toContain(segment.length ? `>${formatClaim(segment.length, 'en', t)}<` : '>length not published<');
    expect(svg).toContain('>about 111 km<');
    expect(svg).toContain('>92 km<');
  });

  it('writes each status in words beside its colour, and in the legend', () => {
    for (const segment of model.segments) {
      const label = t(`status.${segment.status!.value}.label`);
      expect(svg).toContain(`data-status="${segment.status!.value}"`);
      expect(svg.split(`>${label}<`).length - 1).toBeGreaterThanOrEqual(2);
    }
  });

  it('names every place and shows the dates, the missing completion date and the travel time', () => {
    for (const stop of model.stops) expect(svg).toContain(`>${t(`visuals.strip.place.${stop.id}`)}<`);
    expect(svg).toContain('>opened January 19, 2026<');
    expect(svg).toContain('>target 2028<');
    expect(svg).toContain('>completion date not published<');
    expect(svg).toContain('>about 4.5 hours by road (about 10 hours before)<');
    expect(svg).toContain('>source: SGGP English, January 19, 2026<');
  });

  it('says so where a source marks a status as possibly out of date', () => {
    const unsure = structuredClone(model);
    unsure.segments[1]!.status!.unverified = true;
    expect(renderCorridorStrip(unsure, { lang: 'en', t, dir: 'ltr', labelledBy: 'caption', today })).toContain(
      `>${t('status.operating.label')} (${t('status.unverified')})<`,
    );
  });

  it('writes a status no source has confirmed for the configured time as the badges do: not confirmed since its date', () => {
    const later = renderCorridorStrip(model, { lang: 'en', t, dir: 'ltr', labelledBy: 'caption', today: '2031-01-01' });
    const underConstruction = model.segments.find((segment) => segment.status?.value === 'construction')!;
    const stale = statusText({ status: 'construction', statusAsOf: underConstruction.status!.asOf }, 'en', t, '2031-01-01');
    expect(stale.stale).toBe(true);
    expect(later).toContain(`>${stale.text}<`);
    expect(svg).not.toContain(stale.text);
  });

  it('runs right to left in Arabic: mirrored places, text read from the right', () => {
    const arabic = renderCorridorStrip(model, { lang: 'ar', t: useTranslations('ar'), dir: 'rtl', labelledBy: 'caption', today });
    expect(arabic).toContain('direction="rtl"');
    expect(svg).not.toContain('direction="rtl"');
    const [ltr, rtl] = [circles(svg), circles(arabic)];
    expect(ltr.length).toBeGreaterThan(1);
    expect(rtl).toEqual(ltr.map((x) => 960 - x));
    expect(ltr[0]).toBeLessThan(ltr[1]!);
    expect(arabic).toContain(`>${useTranslations('ar')('visuals.strip.place.hcmc')}<`);
  });
});
