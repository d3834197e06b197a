// The filter bar the map and the lists share: a search landmark holding a name search, choice lists and a clear button.
import type { ReactNode } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterBarProps {
  /** The landmark's name, e.g. "Filter the list": a page may have more than one search landmark. */
  label: string;
  clear: string;
  /** Drawn on the server disabled, so nothing moves or is lost before the island is live. */
  disabled?: boolean;
  onClear: () => void;
  children: ReactNode;
}

export function FilterBar({ label, clear, disabled, onClear, children }: FilterBarProps) {
  return (
    <search aria-label={label}>
      {/* Filters apply as they change: there is nothing to submit, and Enter in the search box must not reload the page. */}
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        {children}
        <button type="button" className="button-secondary" disabled={disabled} onClick={onClear}>
          {clear}
        </button>
      </form>
    </search>
  );
}

export interface FieldProps {
  id: string;
  label: string;
  value: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}

export function SearchField({ id, label, value, disabled, onChange }: FieldProps) {
  return (
    <div className="filter filter-search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={value}
        disabled={disabled}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** A choice list with "any" first; nothing is drawn when there is nothing to choose between. */
export function FilterSelect({ options, any, ...field }: FieldProps & { options: FilterOption[]; any: string }) {
  if (options.length === 0) return null;
  return (
    <div className="filter">
      <label htmlFor={field.id}>{field.label}</label>
      <select id={field.id} value={field.value} disabled={field.disabled} onChange={(event) => field.onChange(event.target.value)}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Builds a control's props from a filter's key and label, so each island states only what differs between its controls. */
export function filterFields<K extends string>(
  idPrefix: string,
  filters: Readonly<Record<K, string>>,
  change: (key: K, value: string) => void,
  disabled?: boolean,
): (key: K, label: string) => FieldProps {
  return (key, label) => ({ id: `${idPrefix}-${key}`, label, value: filters[key], disabled, onChange: (value) => change(key, value) });
}
