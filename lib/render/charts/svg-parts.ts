// Pieces every build-time chart shares: status colours, escaped SVG text and rounding for compact path data.
import type { LifecycleStatus } from '#domain/catalog/lifecycle.ts';
import { escapeHtml } from '#domain/text/escape.ts';

/**
 * One colour per lifecycle status, dark enough for 3:1 against white (graphics contrast). Colour is never the only
 * cue: every chart also writes the status in words, in a legend and in its table.
 */
export const STATUS_COLORS: Record<LifecycleStatus, string> = {
  announced: '#6e40c9',
  'pre-construction': '#0969da',
  construction: '#9a6700',
  operating: '#1a7f37',
  shelved: '#a40e26',
  cancelled: '#82071e',
  retired: '#57606a',
};

/** For what no source gives: a link with no published status, a bar with no published length. */
export const NOT_PUBLISHED_COLOR = '#8c959f';

export const CHART_TEXT_COLOR = '#1f2328';
export const CHART_MUTED_COLOR = '#57606a';

export type Direction = 'ltr' | 'rtl';

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** A text element; `anchor` is logical (start/end follow the drawing's direction, as SVG's own text-anchor does). */
export function svgText(
  x: number,
  y: number,
  text: string,
  options: { anchor?: 'start' | 'middle' | 'end'; className?: string; fill?: string; weight?: 'bold' } = {},
): string {
  const { anchor = 'start', className, fill = CHART_TEXT_COLOR, weight } = options;
  return `<text x="${round1(x)}" y="${round1(y)}" text-anchor="${anchor}" fill="${fill}"${weight ? ` font-weight="${weight}"` : ''}${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</text>`;
}

/**
 * Opens an SVG drawn for one direction. Right to left, the drawing is laid out mirrored by its caller and `direction`
 * makes text read and anchor from the right, so a label that starts at a mark starts on the mark's side.
 */
export function svgOpen(options: { width: number; height: number; labelledBy: string; className: string; dir: Direction }): string {
  const { width, height, labelledBy, className, dir } = options;
  return `<svg class="${className}" viewBox="0 0 ${width} ${round1(height)}" role="img" aria-labelledby="${escapeHtml(labelledBy)}" font-size="13"${dir === 'rtl' ? ' direction="rtl"' : ''}>`;
}

/** Mirrors x positions in a right-to-left drawing, so the same layout code serves both directions. */
export function mirror(width: number, dir: Direction): (x: number) => number {
  return dir === 'rtl' ? (x) => width - x : (x) => x;
}

/** Roughly how wide a label is at the charts' 13px text, to space legend entries: wide scripts count wider. */
export function estimateTextWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 13 : 7.5;
  return width;
}

/** A row of colour swatches, each followed by its meaning in words, starting at `start` in the drawing's direction. */
export function legend(
  entries: readonly { color: string; label: string }[],
  x: (position: number) => number,
  dir: Direction,
  start: number,
  y: number,
): string[] {
  const parts: string[] = [];
  let position = start;
  for (const { color, label } of entries) {
    parts.push(
      `<rect x="${round1(dir === 'rtl' ? x(position) - 14 : x(position))}" y="${y - 11}" width="14" height="14" fill="${color}"/>`,
      svgText(x(position + 20), y, label, { className: 'chart-legend' }),
    );
    position += 40 + estimateTextWidth(label);
  }
  return parts;
}
