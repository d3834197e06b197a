// An item's status as the site shows it: the plain label, or "<label>, not confirmed since <date>" when the stale rule (#domain/catalog/staleness.ts) applies.
import type { TFunction } from 'i18next';
import type { LifecycleStatus } from '#domain/catalog/lifecycle.ts';
import { type Day, staleCutoff, statusStanding, todayUtc } from '#domain/catalog/staleness.ts';
import { type Lang, site } from '#domain/site.ts';
import { formatPartialDate } from './format.ts';

/** The day this build or command runs: every page of one build applies the rule on the same day. */
export const BUILD_DAY: Day = todayUtc();

export interface StatusText {
  status: LifecycleStatus;
  /** The status's own label ("Under construction"). */
  label: string;
  stale: boolean;
  /** What a visitor reads: the label, or the label with "not confirmed since <date>". */
  text: string;
}

export function statusText(
  facts: { status: LifecycleStatus; statusAsOf: string },
  lang: Lang,
  t: TFunction,
  today: Day = BUILD_DAY,
): StatusText {
  const label = t(`status.${facts.status}.label`);
  const { stale, confirmedAsOf } = statusStanding(facts, today, site.staleAfterMonths);
  if (!stale) return { status: facts.status, label, stale, text: label };
  const text =
    confirmedAsOf === 'undated'
      ? t('status.notConfirmedUndated', { status: label })
      : t('status.notConfirmedSince', { status: label, date: formatPartialDate(confirmedAsOf, lang) });
  return { status: facts.status, label, stale, text };
}

/** The rule in the reader's words, with the configured number of months. */
export function staleRuleText(t: TFunction): string {
  return t('status.staleRule', { count: site.staleAfterMonths });
}

/** The first day a status must have been confirmed on to count as current today, for "last confirmed before <date>". */
export function staleCutoffText(lang: Lang, today: Day = BUILD_DAY): string {
  return formatPartialDate(staleCutoff(today, site.staleAfterMonths), lang);
}
