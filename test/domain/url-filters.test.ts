// Filters in the address: what is read back is what was written, and whatever else the address holds is ignored or kept.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_TEXT_LENGTH, readFilters, withFilters } from '#domain/text/url-filters.ts';

const FIELDS = { status: ['operating', 'construction'], sector: ['energy', 'logistics'], q: 'text' } as const;
const PAGE = 'https://example.test/vi/energy/';

describe('readFilters', () => {
  it('reads every field, absent ones as no filter', () => {
    expect(readFilters('?status=operating&q=%C4%91i%E1%BB%87n', FIELDS)).toEqual({ status: 'operating', sector: '', q: 'điện' });
    expect(readFilters('', FIELDS)).toEqual({ status: '', sector: '', q: '' });
  });

  it('reads a value outside the choices as no filter, never as a filter that hides everything', () => {
    expect(readFilters('?status=<script>&sector=ENERGY', FIELDS)).toEqual({ status: '', sector: '', q: '' });
    expect(readFilters('?status=', FIELDS).status).toBe('');
  });

  it('ignores parameters that are not filters and counts a repeated one once', () => {
    expect(readFilters('?utm_source=x&item=a&status=construction&status=operating', FIELDS)).toEqual({
      status: 'construction',
      sector: '',
      q: '',
    });
  });

  it('trims free text and cuts what no search box needs', () => {
    expect(readFilters('?q=%20%20hoa%20binh%20', FIELDS).q).toBe('hoa binh');
    expect(readFilters(`?q=${'a'.repeat(5000)}`, FIELDS).q).toHaveLength(MAX_TEXT_LENGTH);
  });

  it('accepts URLSearchParams as well as a query string', () => {
    expect(readFilters(new URLSearchParams({ sector: 'logistics' }), FIELDS).sector).toBe('logistics');
  });

  it('survives any query string without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const read = readFilters(search, FIELDS);
        expect(Object.keys(read).sort()).toEqual(['q', 'sector', 'status']);
      }),
    );
  });
});

describe('withFilters', () => {
  it('writes the set filters and drops the empty ones', () => {
    const href = withFilters(`${PAGE}?status=operating&sector=energy`, { status: '', sector: 'logistics', q: 'điện' });
    const params = new URL(href).searchParams;
    expect(params.has('status')).toBe(false);
    expect(params.get('sector')).toBe('logistics');
    expect(params.get('q')).toBe('điện');
  });

  it('leaves a clean address when nothing is filtered', () => {
    expect(withFilters(`${PAGE}?q=dien`, { status: '', sector: '', q: '  ' })).toBe(PAGE);
  });

  it('keeps other parameters and the fragment, such as the map view', () => {
    const href = withFilters(`${PAGE}?item=pp-ca-mau-1#map=10/9.2/105.7`, { status: 'operating', sector: '', q: '' });
    expect(href).toBe(`${PAGE}?item=pp-ca-mau-1&status=operating#map=10/9.2/105.7`);
  });

  it('round-trips: what is written is read back', () => {
    const choice = (values: readonly string[]) => fc.constantFrom('', ...values);
    const text = fc.string({ maxLength: MAX_TEXT_LENGTH }).map((value) => value.trim());
    fc.assert(
      fc.property(fc.record({ status: choice(FIELDS.status), sector: choice(FIELDS.sector), q: text }), (filters) => {
        const search = new URL(withFilters(PAGE, filters)).search;
        expect(readFilters(search, FIELDS)).toEqual(filters);
      }),
    );
  });
});
