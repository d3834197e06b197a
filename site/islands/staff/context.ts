// What every part of the console shares: its language and strings, formatting in that language, the API client, and the item catalog.
import { languageNameIn } from '#domain/languages.ts';
import { OFFICE_TIME_ZONE as officeTimeZone } from '#domain/office-time.ts';
import type { StaffRoute } from '#domain/inquiries/staff-access.ts';
import { createContext, useContext } from 'react';
import type { Fetcher } from './client.ts';

export interface ConsoleLanguage {
  code: string;
  tag: string;
  dir: 'ltr' | 'rtl';
  nativeName: string;
}

export interface CatalogEntry {
  category: string;
  titles: Record<string, string>;
}

export interface ConsoleContextValue {
  lang: string;
  tag: string;
  /** A UI string by its full key (`staff.inbox.title`), with `{{name}}` placeholders filled in. */
  t: (key: string, values?: Record<string, string | number>) => string;
  api: Fetcher;
  items: Record<string, CatalogEntry>;
  /** The site language item links and titles use: the console's own if the site has it. */
  siteLang: string;
  me: { id: string; name: string };
  /** Whether the signed-in person's groups open a route (the role matrix): what they may not use is not offered. */
  may: (route: StaffRoute) => boolean;
  announce: (message: string) => void;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the console');
  return value;
}

/** The office's time zone (content/site.json), whatever the browser's zone, so "due 17:00" means the same to everyone. */
export const OFFICE_TIME_ZONE = officeTimeZone;

export function formatDateTime(tag: string, iso: string): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: OFFICE_TIME_ZONE }).format(new Date(iso));
}

/** "in 5 hours", "2 days ago": the largest unit that keeps the number readable. */
export function formatRelative(tag: string, ms: number): string {
  const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'always' });
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(ms / 3_600_000);
  if (Math.abs(hours) < 48) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(ms / 86_400_000), 'day');
}

export function countryName(tag: string, code: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(tag: string, code: string): string {
  return languageNameIn(tag, code === 'zh' ? 'zh-Hans' : code);
}
