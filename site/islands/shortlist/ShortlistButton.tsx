// "Add to shortlist": a toggle button (aria-pressed) that keeps an item on the browser's shortlist and says so to screen readers.
import { useEffect, useState } from 'react';
import { comparePath, MAX_SHORTLIST, toggleShortlist } from '#domain/compare/shortlist.ts';
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { loadShortlist, saveShortlist, watchShortlist } from './storage.ts';

export interface ShortlistStrings {
  add: string;
  /** Placeholders {{title}}, {{count}}, {{max}}. */
  added: string;
  removed: string;
  full: string;
  open: string;
}

export interface ShortlistButtonProps {
  lang: string;
  id: string;
  title: string;
  strings: ShortlistStrings;
  /** Lists show the button in every row: there the link to the compare page is left to the page. */
  compact?: boolean;
}

export default function ShortlistButton({ lang, id, title, strings, compact = false }: ShortlistButtonProps) {
  const [ids, setIds] = useState<string[]>([]);
  const [live, setLive] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    setIds(loadShortlist());
    setLive(true);
    return watchShortlist(() => setIds(loadShortlist()));
  }, []);

  const pressed = ids.includes(id);
  const full = !pressed && ids.length >= MAX_SHORTLIST;
  const fill = (template: string, count: number) => fillPlaceholders(template, { title, count, max: MAX_SHORTLIST });

  const toggle = () => {
    if (full) {
      setAnnouncement(fill(strings.full, ids.length));
      return;
    }
    const next = toggleShortlist(loadShortlist(), id);
    saveShortlist(next);
    setIds(next);
    setAnnouncement(fill(next.includes(id) ? strings.added : strings.removed, next.length));
  };

  return (
    <span className="shortlist-control">
      {/* Disabled until live, so a press before hydration is never lost; the label names the item for lists of many. */}
      <button
        type="button"
        className="button-secondary shortlist-button"
        aria-pressed={pressed}
        aria-label={compact ? `${strings.add}: ${title}` : undefined}
        disabled={!live}
        onClick={toggle}
      >
        {/* Pressed shows as a tick too, not only to screen readers. */}
        {pressed && <span aria-hidden="true">✓ </span>}
        {strings.add}
      </button>
      {!compact && live && ids.length > 0 && (
        // The compare page reads this browser's shortlist itself (and then shows it in its address), so the list stays its own.
        <a className="shortlist-open" href={comparePath(lang, [])}>
          {fill(strings.open, ids.length)}
        </a>
      )}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </span>
  );
}
