// The shortlist button's strings in a page's language, placeholders left for the island ({{title}}).
import type { Lang } from '#domain/site.ts';
import { uiStringsBranch } from '#render/i18n.ts';
import type { ShortlistStrings } from '../../../islands/shortlist/ShortlistButton.tsx';

export function shortlistStrings(lang: Lang): ShortlistStrings {
  const branch = uiStringsBranch(lang, 'compare.shortlist') as unknown as ShortlistStrings;
  return { add: branch.add, added: branch.added, removed: branch.removed, full: branch.full, open: branch.open };
}
