// The inquiry form's props in a page's language: its strings flattened, and its choices labelled, from the UI strings.
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import type { TFunction } from 'i18next';
import { REPLY_WITHIN_WORKING_DAYS } from '#domain/inquiries/inquiry.ts';
import { languages, site, languageInfo, type Lang } from '#domain/site.ts';
import { uiStringsBranch } from '#render/i18n.ts';
import type { InquiryFormProps } from '../islands/InquiryForm.tsx';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`),
  );
}

/** Everything but the item: the same for the contact page and every item page of a language. */
export function inquiryFormProps(lang: Lang, t: TFunction): Omit<InquiryFormProps, 'item' | 'itemTitles'> {
  const strings = Object.fromEntries(flatten(uiStringsBranch(lang, 'form')));
  // {{days}} is a fact of the service, filled here; the island fills the placeholders that depend on the visitor.
  for (const [key, value] of Object.entries(strings)) strings[key] = fillPlaceholders(value, { days: REPLY_WITHIN_WORKING_DAYS });
  return {
    lang,
    tag: languageInfo(lang).tag,
    consentVersion: site.consentVersion,
    privacyHref: `/${lang}/privacy/`,
    sectors: site.sectors.map((sector) => [sector, t(`sector.${sector}`)]),
    sizes: site.investmentSizes.map((size) => [size, t(`investmentSize.${size}`)]),
    languages: languages.map((language) => [language.code, language.nativeName]),
    strings,
  };
}
