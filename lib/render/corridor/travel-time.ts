// Travel times in hours as each language writes them ("4.5 hr", "4,5 giờ"), through Intl.
import { languageInfo, type Lang } from '#domain/site.ts';

export function formatHours(hours: number, lang: Lang): string {
  return new Intl.NumberFormat(languageInfo(lang).tag, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(hours);
}
