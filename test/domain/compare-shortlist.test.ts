// The shortlist in an address: known ids kept in order up to four, unknown ones reported, never dropped silently.
import { describe, expect, it } from 'vitest';
import { comparePath, MAX_SHORTLIST, parseShortlist, serialiseShortlist, toggleShortlist } from '#domain/compare/shortlist.ts';

const catalog = new Set(['ip-a', 'ip-b', 'ip-c', 'ip-d', 'ip-e']);
const known = (id: string) => catalog.has(id);

describe('parseShortlist', () => {
  it('keeps known ids in the given order, each once, and ignores blanks', () => {
    expect(parseShortlist(' ip-b,,ip-a , ip-b', known)).toEqual({ ids: ['ip-b', 'ip-a'], unknown: [], overflow: [] });
  });

  it('reports unknown ids and ids that are not slugs instead of dropping them', () => {
    const parsed = parseShortlist('ip-a,ip-zz,<script>,IP-B', known);
    expect(parsed.ids).toEqual(['ip-a']);
    expect(parsed.unknown).toEqual(['ip-zz', '<script>', 'IP-B']);
  });

  it('takes at most four known ids and reports the rest as overflow', () => {
    const parsed = parseShortlist('ip-a,ip-b,ip-c,ip-d,ip-e', known);
    expect(parsed.ids).toHaveLength(MAX_SHORTLIST);
    expect(parsed.overflow).toEqual(['ip-e']);
  });

  it('cuts a very long unknown id to a readable length', () => {
    expect(parseShortlist('x'.repeat(500), known).unknown[0]).toHaveLength(80);
  });

  it('reads nothing from an absent parameter', () => {
    expect(parseShortlist(null, known)).toEqual({ ids: [], unknown: [], overflow: [] });
  });
});

describe('writing and changing the shortlist', () => {
  it('round-trips through the address', () => {
    const ids = ['ip-c', 'ip-a'];
    expect(parseShortlist(serialiseShortlist(ids), known).ids).toEqual(ids);
    expect(comparePath('ar', ids)).toBe('/ar/compare/?items=ip-c,ip-a');
    expect(comparePath('en', [])).toBe('/en/compare/');
  });

  it('adds at the end, removes, and refuses a fifth item', () => {
    expect(toggleShortlist(['ip-a'], 'ip-b')).toEqual(['ip-a', 'ip-b']);
    expect(toggleShortlist(['ip-a', 'ip-b'], 'ip-a')).toEqual(['ip-b']);
    const full = ['ip-a', 'ip-b', 'ip-c', 'ip-d'];
    expect(toggleShortlist(full, 'ip-e')).toEqual(full);
    expect(toggleShortlist(full, 'ip-d')).toEqual(['ip-a', 'ip-b', 'ip-c']);
  });
});
