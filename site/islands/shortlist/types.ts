// The shape of the compare data the build writes (/<lang>/compare/items.json) and the compare and match islands read.
import type { Cell, CompareRow } from '#domain/compare/compare-rows.ts';

export interface SourceView {
  title: string;
  url?: string;
}

/** One cell as the reader sees it, already in the page's language; `none` is "not published". */
export interface CellView {
  none?: true;
  text: string;
  /** "as of March 2025", "date not given in the source", or how a distance was measured. */
  asOf?: string;
  /** "derived", "unverified"… when the figure is not simply stated in its source. */
  basis?: string;
  note?: string;
  sources: SourceView[];
  /** A page that stands behind the cell: the distance's target, the incentives page, the item's own sources. */
  link?: { href: string; text: string };
}

export interface CompareItem {
  id: string;
  title: string;
  href: string;
  /** Zones answer the matcher; other items can only be compared. */
  zone: boolean;
  view: Record<CompareRow, CellView>;
  cells: Record<CompareRow, Cell>;
}

export interface CompareData {
  rows: { key: CompareRow; label: string }[];
  items: CompareItem[];
}
