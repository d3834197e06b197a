// Numbers, figures, distances and dates as a reader of each language expects them, through Intl.
import type { TFunction } from 'i18next';
import type { Claim, Unit } from '#domain/catalog/figures.ts';
import { languageInfo, type Lang } from '#domain/site.ts';

const tagOf = (lang: Lang) => languageInfo(lang).tag;

/** Units Intl can spell in every language; the rest are written as symbols after an Intl-formatted number. */
const INTL_UNITS: Partial<Record<Unit, string>> = { ha: 'hectare', km: 'kilometer', m: 'meter', percent: 'percent' };
const SYMBOLS: Partial<Record<Unit, string>> = {
  km2: 'km²',
  MW: 'MW',
  'GWh/yr': 'GWh/yr',
  DWT: 'DWT',
  't/yr': 't/yr',
  'Mt/yr': 'Mt/yr',
  'bcm/yr': 'bcm/yr',
  'm3/day': 'm³/day',
  'pax/yr': 'pax/yr',
};

export function formatNumber(value: number, lang: Lang, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(tagOf(lang), { maximumFractionDigits: 2, ...options }).format(value);
}

/** `t` translates the unit symbols that carry words ("/yr", "pax"); without it the English symbol is used. */
export function formatValue(value: number, unit: Unit, lang: Lang, t?: TFunction): string {
  const tag = tagOf(lang);
  if (unit === 'VND' || unit === 'USD')
    return new Intl.NumberFormat(tag, { style: 'currency', currency: unit, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  if (unit === 'percent') return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
  const intlUnit = INTL_UNITS[unit];
  if (intlUnit)
    return new Intl.NumberFormat(tag, { style: 'unit', unit: intlUnit, unitDisplay: 'short', maximumFractionDigits: 2 }).format(value);
  const number = formatNumber(value, lang);
  const symbol = SYMBOLS[unit];
  if (!symbol) return number;
  return `${number} ${t ? t(`unit.${unit}`, { defaultValue: symbol }) : symbol}`;
}

/** A claim as read aloud: "about 310 km", with the qualifier translated. */
export function formatClaim(claim: Claim, lang: Lang, t: TFunction): string {
  const value = formatValue(claim.value, claim.unit, lang, t);
  return claim.qualifier ? t(`qualifier.${claim.qualifier}`, { value }) : value;
}

/** Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) at the precision the source gave. */
export function formatPartialDate(date: string, lang: Lang): string {
  const [year, month, day] = date.split('-').map(Number);
  const when = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day !== undefined ? { dateStyle: 'long' } : month !== undefined ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(tagOf(lang), { ...options, timeZone: 'UTC' }).format(when);
}

export function formatDistance(km: number, lang: Lang): string {
  return new Intl.NumberFormat(tagOf(lang), {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}

/** "as of March 2025", or "date not given" for a figure whose only source is undated. */
export function formatAsOf(asOf: string, lang: Lang, t: TFunction): string {
  return asOf === 'undated' ? t('item.undated') : t('item.asOf', { date: formatPartialDate(asOf, lang) });
}

/** File sizes as readers expect them: "35 kB", "1.2 MB", in the page's language. */
export function formatFileSize(bytes: number, lang: Lang): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
  return new Intl.NumberFormat(tagOf(lang), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
