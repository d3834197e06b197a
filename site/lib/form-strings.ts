// The inquiry form's props in a page's language: its strings flattened, and its choices labelled, from the UI strings.
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import type { TFunction } from 'i18next';
import { REPLY_WITHIN_WORKING_DAYS } from '#domain/inquiries/inquiry.ts';
import { answerLanguage } from '#domain/inquiries/reply-language.ts';
import { eitherOf, languageNameIn } from '#domain/languages.ts';
import { REPLY_LANGUAGES, languages, languageTag, site, languageInfo, type Lang } from '#domain/site.ts';
import { uiStringsBranch } from '#render/i18n.ts';
import type { InquiryFormProps } from '../islands/InquiryForm.tsx';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`),
  );
}

/** A site language's name in the reader's language `lang` ("Vietnamese" for vi on an English page). */
const nameIn = (lang: Lang, code: string) => languageNameIn(languageInfo(lang).tag, languageTag(code));

/** The languages staff answer in, as alternatives, and the one an investor asking in another gets, named in `lang`. */
export function replyLanguagesText(lang: Lang): { languages: string; fallback: string } {
  const names = REPLY_LANGUAGES.map((code) => nameIn(lang, code));
  return { languages: eitherOf(languageInfo(lang).tag, names), fallback: names[0]! };
}

/** Everything but the item: the same for the contact page and every item page of a language. */
export function inquiryFormProps(lang: Lang, t: TFunction): Omit<InquiryFormProps, 'item' | 'itemTitles'> {
  const strings = Object.fromEntries(flatten(uiStringsBranch(lang, 'form')));
  const { tag } = languageInfo(lang);
  // The days and the languages staff answer in are facts of the service, filled here; the island fills what depends on the visitor.
  const service = { days: REPLY_WITHIN_WORKING_DAYS, ...replyLanguagesText(lang) };
  for (const [key, value] of Object.entries(strings)) strings[key] = fillPlaceholders(value, service);
  // Staff answer in every language: nothing to say beside the language field.
  if (REPLY_LANGUAGES.length === languages.length) delete strings['hint.language'];
  return {
    lang,
    tag,
    consentVersion: site.consentVersion,
    privacyHref: `/${lang}/privacy/`,
    sectors: site.sectors.map((sector) => [sector, t(`sector.${sector}`)]),
    sizes: site.investmentSizes.map((size) => [size, t(`investmentSize.${size}`)]),
    languages: languages.map((language) => [language.code, language.nativeName]),
    answerLanguageNames: Object.fromEntries(languages.map(({ code }) => [code, nameIn(lang, answerLanguage(code, REPLY_LANGUAGES))])),
    strings,
  };
}
