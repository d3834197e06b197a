// The catalog as pages need it: each item's facts joined with its words in every language, distances and neighbours.
import { getCollection } from 'astro:content';
import { CATEGORIES, categoryOfKind, type Category, type ItemFacts } from '#domain/catalog/catalog.ts';
import type { TextEntry } from './localize.ts';

export { localize, languagesWithText, type LocalizedText, type TextEntry } from './localize.ts';
import { distanceKm } from '#domain/catalog/geo.ts';
import { site, type Lang } from '#domain/site.ts';

export interface Distance {
  label: string;
  km: number;
  toId: string;
}

export interface CatalogItem {
  id: string;
  category: Category;
  facts: ItemFacts;
  texts: Map<Lang, TextEntry>;
  distances: Distance[];
  /** Energy supply and other items near it, nearest first, excluding what `facts.related` already names. */
  nearby: { id: string; km: number }[];
}

const NEARBY_LIMIT_KM = 25;
const NEARBY_COUNT = 4;

function computeDistances(item: ItemFacts, all: ItemFacts[]): Distance[] {
  return site.distanceTargets.flatMap((target): Distance[] => {
    const candidates =
      'item' in target ? all.filter((other) => other.id === target.item) : all.filter((other) => other.kind === target.nearestOfKind);
    const measured = candidates
      .filter((other) => other.id !== item.id)
      .map((other) => ({ toId: other.id, km: distanceKm(item.geometry, other.geometry) }))
      .sort((a, b) => a.km - b.km)[0];
    return measured ? [{ label: target.label, ...measured }] : [];
  });
}

let cache: Promise<CatalogItem[]> | undefined;

export function getCatalog(): Promise<CatalogItem[]> {
  cache ??= loadCatalog();
  return cache;
}

async function loadCatalog(): Promise<CatalogItem[]> {
  const factsEntries = (await Promise.all(CATEGORIES.map((category) => getCollection(category)))).flat();
  const textEntries = await getCollection('itemTexts');
  const allFacts = factsEntries.map((entry) => entry.data);
  const ids = new Set(allFacts.map((facts) => facts.id));

  return factsEntries
    .map((entry) => {
      const facts = entry.data;
      const category = categoryOfKind(facts.kind);
      const texts = new Map<Lang, TextEntry>();
      for (const text of textEntries) {
        const [textCategory, itemId, lang] = text.id.split('/');
        if (textCategory === category && itemId === facts.id && lang) texts.set(lang, text);
      }
      const missingRelated = facts.related.filter((id) => !ids.has(id));
      if (missingRelated.length)
        throw new Error(`content/catalog/${category}/${facts.id}/facts.yaml: related lists unknown item(s) ${missingRelated.join(', ')}`);
      const related = new Set(facts.related);
      const nearby = allFacts
        .filter(
          (other) =>
            other.id !== facts.id && !related.has(other.id) && (category === 'zones' ? categoryOfKind(other.kind) === 'energy' : true),
        )
        .map((other) => ({ id: other.id, km: distanceKm(facts.geometry, other.geometry) }))
        .filter((near) => near.km <= NEARBY_LIMIT_KM)
        .sort((a, b) => a.km - b.km)
        .slice(0, NEARBY_COUNT);
      return { id: facts.id, category, facts, texts, distances: computeDistances(facts, allFacts), nearby };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function getItem(id: string): Promise<CatalogItem> {
  const item = (await getCatalog()).find((candidate) => candidate.id === id);
  if (!item) throw new Error(`No catalog item "${id}"`);
  return item;
}

export function itemPath(lang: Lang, item: Pick<CatalogItem, 'category' | 'id'>): string {
  return `/${lang}/${item.category}/${item.id}/`;
}

/** Texts of a site page (home, corridor, incentives…) keyed by language. */
export async function getPageTexts(slug: string): Promise<Map<Lang, TextEntry>> {
  const entries = await getCollection('pages');
  const texts = new Map<Lang, TextEntry>();
  for (const entry of entries) {
    const [pageSlug, lang] = entry.id.split('/');
    if (pageSlug === slug && lang) texts.set(lang, entry);
  }
  if (texts.size === 0) throw new Error(`content/pages/${slug}/ has no text in any language`);
  return texts;
}
