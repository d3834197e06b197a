// The catalog list with filters: rendered on the server as a full table; the filters work once the island is live.
import { useEffect, useId, useMemo, useState } from 'react';

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

export interface FilterOption {
  value: string;
  label: string;
}

export interface CatalogTableProps {
  rows: CatalogRow[];
  caption: string;
  statusOptions: FilterOption[];
  sectorOptions: FilterOption[];
  sizeOptions: FilterOption[];
  strings: {
    filters: string;
    status: string;
    sector: string;
    size: string;
    any: string;
    name: string;
    kind: string;
    sizeColumn: string;
    statusColumn: string;
    approximate: string;
    /** Contains {{count}} and {{total}}. */
    showing: string;
    noMatch: string;
    clear: string;
  };
}

type Filters = { status: string; sector: string; size: string };
const EMPTY: Filters = { status: '', sector: '', size: '' };
const FILTER_KEYS = Object.keys(EMPTY) as (keyof Filters)[];

function filtersFromUrl(): Filters {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as Filters;
}

/** Keeps the filters in the address so a shared link shows the same list; replaceState adds no history entries per click. */
function writeFiltersToUrl(filters: Filters): void {
  const url = new URL(window.location.href);
  for (const key of FILTER_KEYS) {
    if (filters[key]) url.searchParams.set(key, filters[key]);
    else url.searchParams.delete(key);
  }
  window.history.replaceState(null, '', url);
}

function matches(row: CatalogRow, filters: Filters): boolean {
  return (
    (!filters.status || row.status === filters.status) &&
    (!filters.sector || row.sectors.includes(filters.sector)) &&
    (!filters.size || String(row.size) === filters.size)
  );
}

export default function CatalogTable({ rows, caption, statusOptions, sectorOptions, sizeOptions, strings }: CatalogTableProps) {
  const [live, setLive] = useState(false);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const formId = useId();

  useEffect(() => {
    setFilters(filtersFromUrl());
    setLive(true);
  }, []);

  const visible = useMemo(() => rows.filter((row) => matches(row, filters)), [rows, filters]);

  const update = (key: keyof Filters, value: string) => {
    const next = { ...filters, [key]: value };
    setFilters(next);
    writeFiltersToUrl(next);
  };

  const select = (key: keyof Filters, label: string, options: FilterOption[]) =>
    options.length > 0 && (
      <div className="filter">
        <label htmlFor={`${formId}-${key}`}>{label}</label>
        <select id={`${formId}-${key}`} value={filters[key]} disabled={!live} onChange={(event) => update(key, event.target.value)}>
          <option value="">{strings.any}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );

  return (
    <div className="catalog-table">
      {/* Drawn on the server too (disabled until the island is live), so nothing moves when it starts. */}
      <form className="filters" role="search" aria-label={strings.filters} onSubmit={(event) => event.preventDefault()}>
        {select('status', strings.status, statusOptions)}
        {select('sector', strings.sector, sectorOptions)}
        {select('size', strings.size, sizeOptions)}
        <button
          type="button"
          className="button-secondary"
          disabled={!live}
          onClick={() => {
            setFilters(EMPTY);
            writeFiltersToUrl(EMPTY);
          }}
        >
          {strings.clear}
        </button>
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {live ? strings.showing.replace('{{count}}', String(visible.length)).replace('{{total}}', String(rows.length)) : ''}
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.name}</th>
              <th scope="col">{strings.kind}</th>
              <th scope="col">{strings.statusColumn}</th>
              <th scope="col">{strings.sizeColumn}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.id} data-id={row.id}>
                <th scope="row">
                  <a href={row.href}>{row.title}</a>
                  <span className="row-summary">{row.summary}</span>
                </th>
                <td>{row.kindLabel}</td>
                <td>
                  <span className={`status status-${row.status}`}>{row.statusLabel}</span>
                </td>
                <td>{row.sizeText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visible.length === 0 && <p className="notice">{strings.noMatch}</p>}
    </div>
  );
}
