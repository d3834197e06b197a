// The catalog list with filters: rendered on the server as a full table; the filters work once the island is live.
import { useEffect, useId, useMemo, useState } from 'react';
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { pluralForm, type PluralText } from '#domain/text/plural.ts';
import { matchesSearch } from '#domain/text/search-folding.ts';
import { type FilterValues, readFilters, withFilters } from '#domain/text/url-filters.ts';
import { FilterBar, type FilterOption, FilterSelect, filterFields, SearchField } from './filters/FilterBar.tsx';
import { ResultTable, StatusCell } from './filters/ResultTable.tsx';
import ShortlistButton, { type ShortlistStrings } from './shortlist/ShortlistButton.tsx';

export type { FilterOption };

export interface CatalogRow {
  id: string;
  href: string;
  title: string;
  summary: string;
  kind: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  sectors: string[];
  sectorLabels: string[];
  size?: number;
  sizeText: string;
  approximate: boolean;
}

export interface CatalogTableProps {
  rows: CatalogRow[];
  caption: string;
  statusOptions: FilterOption[];
  sectorOptions: FilterOption[];
  sizeOptions: FilterOption[];
  /** The page's language and the shortlist button's strings: each row can be added to the shortlist. */
  shortlist?: { lang: string; strings: ShortlistStrings };
  strings: {
    filters: string;
    search: string;
    status: string;
    sector: string;
    size: string;
    any: string;
    name: string;
    kind: string;
    sizeColumn: string;
    statusColumn: string;
    approximate: string;
    /** Plural forms, each with {{count}} and {{total}}. */
    showing: PluralText;
    noMatch: string;
    clear: string;
  };
}

type FilterKey = 'status' | 'sector' | 'size' | 'q';
type Filters = FilterValues<FilterKey>;
const EMPTY: Filters = { status: '', sector: '', size: '', q: '' };

/** Keeps the filters in the address so a shared link shows the same list; replaceState adds no history entries per change. */
function writeFiltersToUrl(filters: Filters): void {
  window.history.replaceState(window.history.state, '', withFilters(window.location.href, filters));
}

function matches(row: CatalogRow, filters: Filters): boolean {
  return (
    (!filters.status || row.status === filters.status) &&
    (!filters.sector || row.sectors.includes(filters.sector)) &&
    (!filters.size || String(row.size) === filters.size) &&
    matchesSearch(row.title, filters.q)
  );
}

export default function CatalogTable({ rows, caption, statusOptions, sectorOptions, sizeOptions, shortlist, strings }: CatalogTableProps) {
  const [live, setLive] = useState(false);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const formId = useId();

  useEffect(() => {
    const values = (options: FilterOption[]) => options.map((option) => option.value);
    setFilters(
      readFilters(window.location.search, {
        status: values(statusOptions),
        sector: values(sectorOptions),
        size: values(sizeOptions),
        q: 'text',
      }),
    );
    setLive(true);
  }, [statusOptions, sectorOptions, sizeOptions]);

  const visible = useMemo(() => rows.filter((row) => matches(row, filters)), [rows, filters]);

  const update = (next: Filters) => {
    setFilters(next);
    writeFiltersToUrl(next);
  };
  const field = filterFields(formId, filters, (key, value) => update({ ...filters, [key]: value }), !live);

  return (
    <div className="catalog-table">
      {/* Drawn on the server too (disabled until the island is live), so nothing moves when it starts. */}
      <FilterBar label={strings.filters} clear={strings.clear} disabled={!live} onClear={() => update(EMPTY)}>
        <SearchField {...field('q', strings.search)} />
        <FilterSelect {...field('status', strings.status)} options={statusOptions} any={strings.any} />
        <FilterSelect {...field('sector', strings.sector)} options={sectorOptions} any={strings.any} />
        <FilterSelect {...field('size', strings.size)} options={sizeOptions} any={strings.any} />
      </FilterBar>
      <p className="result-count" role="status" aria-live="polite">
        {live ? fillPlaceholders(pluralForm(strings.showing, visible.length), { count: visible.length, total: rows.length }) : ''}
      </p>
      <ResultTable
        caption={caption}
        columns={[strings.name, strings.kind, strings.statusColumn, strings.sizeColumn]}
        noMatch={strings.noMatch}
        count={visible.length}
      >
        {visible.map((row) => (
          <tr key={row.id} data-id={row.id}>
            <th scope="row">
              <a href={row.href}>{row.title}</a>
              <span className="row-summary">{row.summary}</span>
              {shortlist && <ShortlistButton lang={shortlist.lang} id={row.id} title={row.title} strings={shortlist.strings} compact />}
            </th>
            <td>{row.kindLabel}</td>
            <StatusCell status={row.status} label={row.statusLabel} />
            <td>{row.sizeText}</td>
          </tr>
        ))}
      </ResultTable>
    </div>
  );
}
