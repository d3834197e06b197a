// Placeholder filling: both syntaxes, every occurrence, values escaped but never templates, and a missing value left visible.
import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { escapeHtml } from '#domain/text/escape.ts';

describe('fillPlaceholders', () => {
  it('fills {{name}} placeholders, each occurrence, numbers as text', () => {
    expect(fillPlaceholders('Showing {{count}} of {{total}}', { count: 3, total: 31 })).toBe('Showing 3 of 31');
    expect(fillPlaceholders('{{to}} then {{to}}', { to: 'A' })).toBe('A then A');
    expect(fillPlaceholders('{{n}} items', { n: 0 })).toBe('0 items');
  });

  it('leaves a placeholder without a value as written, so strings can be filled in stages', () => {
    const once = fillPlaceholders('In {{language}} within {{days}} days', { days: 5 });
    expect(once).toBe('In {{language}} within 5 days');
    expect(fillPlaceholders(once, { language: 'Tiếng Việt' })).toBe('In Tiếng Việt within 5 days');
    expect(fillPlaceholders('{{name}} selected', { name: undefined })).toBe('{{name}} selected');
  });

  it('keeps an empty value empty: given is given', () => {
    expect(fillPlaceholders('[{{q}}]', { q: '' })).toBe('[]');
  });

  it('does not take values from the object prototype', () => {
    expect(fillPlaceholders('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
  });

  it('does not fill placeholders that arrive inside a value', () => {
    expect(fillPlaceholders('Pages matching “{{query}}”', { query: '{{total}}', total: 9 })).toBe('Pages matching “{{total}}”');
  });

  it('fills {name} placeholders with single braces, leaving double-brace text alone', () => {
    expect(fillPlaceholders('Reference {reference}, {days} days', { reference: 'CM-1', days: 5 }, { braces: 'single' })).toBe(
      'Reference CM-1, 5 days',
    );
    expect(fillPlaceholders('{{name}}', { name: 'x' }, { braces: 'single' })).toBe('{x}');
    expect(fillPlaceholders('{name}', { name: 'x' })).toBe('{name}');
  });

  it('escapes values and never the template', () => {
    const html = fillPlaceholders('<p>Dear {name},</p>', { name: '<script>"x"</script>' }, { braces: 'single', escape: escapeHtml });
    expect(html).toBe('<p>Dear &lt;script&gt;&quot;x&quot;&lt;/script&gt;,</p>');
  });
});
