// Turns an item's compare cells into what a reader sees in one language: values, dates, sources and links.
import type { TFunction } from 'i18next';
import { COMPARE_ROWS, compareCells, type Cell, type CompareRow } from '#domain/compare/compare-rows.ts';
import type { Source } from '#domain/catalog/catalog.ts';
import { site, type Lang } from '#domain/site.ts';
import { formatAsOf, formatClaim, formatDistance } from '#render/format.ts';
import { itemPath, localize, type CatalogItem } from '../../../lib/catalog.ts';
import type { CellView, CompareData, SourceView } from '../../../islands/shortlist/types.ts';

/** Row labels reuse the strings the item pages already show for the same facts. */
const ROW_LABELS: Record<CompareRow, string> = {
  kind: 'list.kind',
  status: 'item.status',
  area: 'figure.area',
  freeLand: 'compare.row.freeLand',
  occupancy: 'figure.occupancy',
  sectors: 'item.sectors',
  'distance.port': 'distance.port',
  'distance.airport': 'distance.airport',
  'distance.expressway': 'distance.expressway',
  power: 'utility.power',
  gas: 'utility.gas',
  water: 'utility.water',
  regime: 'compare.row.regime',
};

function sourcesOf(ids: readonly string[], sources: readonly Source[]): SourceView[] {
  return ids.flatMap((id) => {
    const source = sources.find((candidate) => candidate.id === id);
    return source ? [source.url ? { title: source.title, url: source.url } : { title: source.title }] : [];
  });
}

function viewOf(cell: Cell, item: CatalogItem, catalog: readonly CatalogItem[], lang: Lang, t: TFunction): CellView {
  const sources = item.facts.sources;
  switch (cell.type) {
    case 'kind':
      return { text: t(`kind.${cell.kind}`), sources: [] };
    case 'status':
      return {
        text: t(`status.${cell.status}.label`) + (cell.unverified ? ` (${t('status.unverified')})` : ''),
        asOf: formatAsOf(cell.asOf, lang, t),
        sources: sourcesOf(cell.sources, sources),
      };
    case 'figures': {
      const first = cell.figures[0]!;
      const others = cell.figures.length - 1;
      const note = first.note && (first.note[lang] ?? first.note[site.sourceLanguage]);
      return {
        text: formatClaim(first, lang, t) + (others > 0 ? ` ${t('compare.moreClaims', { count: others })}` : ''),
        asOf: formatAsOf(first.asOf, lang, t),
        ...(first.basis !== 'stated' ? { basis: t(`basis.${first.basis}`) } : {}),
        ...(note ? { note } : {}),
        sources: sourcesOf(first.sources, sources),
        ...(others > 0 ? { link: { href: `${itemPath(lang, item)}#facts-heading`, text: t('compare.allClaims') } } : {}),
      };
    }
    case 'sectors':
      return { text: cell.sectors.map((sector) => t(`sector.${sector}`)).join(' · '), sources: [] };
    case 'distance': {
      const target = catalog.find((candidate) => candidate.id === cell.toId)!;
      return {
        text: formatDistance(cell.km, lang),
        asOf: t('compare.distanceBasis'),
        basis: t('basis.derived'),
        sources: [],
        link: { href: itemPath(lang, target), text: localize(target.texts, lang).data.title },
      };
    }
    case 'listed':
      return {
        text: t('compare.listed'),
        asOf: t('item.undated'),
        sources: [],
        link: { href: `${itemPath(lang, item)}#sources-heading`, text: t('compare.itemSources') },
      };
    case 'regime':
      return {
        text: t(cell.regime === 'economic-zone' ? 'compare.regimeEz' : 'compare.regimeIp'),
        sources: [],
        link: { href: `/${lang}/incentives/`, text: t('nav.incentives') },
      };
    case 'notPublished':
      return { none: true, text: t('compare.notPublished'), sources: [] };
  }
}

/** Every item of the catalog, its cells and their views, for the compare page and the matcher of one language. */
export function compareData(catalog: readonly CatalogItem[], lang: Lang, t: TFunction): CompareData {
  return {
    rows: COMPARE_ROWS.map((key) => ({ key, label: t(ROW_LABELS[key]) })),
    items: catalog.map((item) => {
      const cells = compareCells(item.facts, item.distances);
      const view = Object.fromEntries(COMPARE_ROWS.map((row) => [row, viewOf(cells[row], item, catalog, lang, t)])) as Record<
        CompareRow,
        CellView
      >;
      return {
        id: item.id,
        title: localize(item.texts, lang).data.title,
        href: itemPath(lang, item),
        zone: item.category === 'zones',
        view,
        cells,
      };
    }),
  };
}
