// The compare page's table: the shortlisted items (from the address, or this browser's shortlist) side by side, fact by fact.
import { useEffect, useMemo, useState } from 'react';
import { comparePath, parseShortlist, SHORTLIST_PARAM } from '#domain/compare/shortlist.ts';
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { CellContent } from './CellContent.tsx';
import { loadShortlist, saveShortlist } from './storage.ts';
import { useCompareData } from './useCompareData.ts';

export interface CompareTableProps {
  lang: string;
  dataUrl: string;
  strings: Record<string, string>;
}

/** Where the list came from: a shared link is shown as given and never overwrites this browser's own shortlist. */
type Origin = { from: 'link' | 'storage'; raw: string };

export default function CompareTable({ lang, dataUrl, strings }: CompareTableProps) {
  const loaded = useCompareData(dataUrl);
  const [origin, setOrigin] = useState<Origin | undefined>();
  const [ids, setIds] = useState<string[] | undefined>();
  const [shareHref, setShareHref] = useState('');

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const fromLink = params.get(SHORTLIST_PARAM);
    setOrigin(fromLink !== null ? { from: 'link', raw: fromLink } : { from: 'storage', raw: loadShortlist().join(',') });
  }, []);

  const data = loaded.state === 'ready' ? loaded.data : undefined;
  const parsed = useMemo(() => {
    if (!data || !origin) return undefined;
    const known = new Set(data.items.map((item) => item.id));
    return parseShortlist(origin.raw, (id) => known.has(id));
  }, [data, origin]);

  useEffect(() => {
    if (parsed) setIds(parsed.ids);
  }, [parsed]);

  // The address always says what the table shows, so copying it from the address bar shares the same table.
  useEffect(() => {
    if (!ids || !origin) return;
    const path = comparePath(lang, ids);
    if (origin.from === 'storage' || ids.length < (parsed?.ids.length ?? 0)) window.history.replaceState(window.history.state, '', path);
    setShareHref(new URL(path, window.location.origin).href);
  }, [ids, origin, parsed, lang]);

  const remove = (id: string) => {
    const next = (ids ?? []).filter((other) => other !== id);
    setIds(next);
    if (origin?.from === 'storage') saveShortlist(next);
  };

  if (loaded.state === 'failed')
    return (
      <div className="compare">
        <p className="notice">{strings.loadFailed}</p>
      </div>
    );
  if (!data || !parsed || !ids)
    return (
      <div className="compare">
        <p className="muted">{strings.loading}</p>
      </div>
    );

  const items = ids.map((id) => data.items.find((item) => item.id === id)!);
  const fill = (template: string | undefined, values: Record<string, string>) => fillPlaceholders(template ?? '', values);

  return (
    <div className="compare">
      {parsed.unknown.length > 0 && (
        <p className="notice" role="status">
          {fill(strings.unknownIds, { ids: parsed.unknown.join(', ') })}
        </p>
      )}
      {parsed.overflow.length > 0 && (
        <p className="notice" role="status">
          {fill(strings.overflow, { ids: parsed.overflow.join(', ') })}
        </p>
      )}
      {items.length === 0 ? (
        <p className="notice">{strings.empty}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="compare-table">
              <caption>{strings.caption}</caption>
              <thead>
                <tr>
                  <td />
                  {items.map((item) => (
                    <th scope="col" key={item.id} data-id={item.id}>
                      <a href={item.href}>{item.title}</a>
                      <button type="button" className="button-link compare-remove" onClick={() => remove(item.id)}>
                        {fill(strings.remove, { title: item.title })}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.key} data-row={row.key}>
                    <th scope="row">{row.label}</th>
                    {items.map((item) => (
                      <td key={item.id}>
                        <CellContent cell={item.view[row.key]} sourceLabel={strings.source ?? ''} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="compare-actions">
            <p className="compare-share">
              {strings.share}{' '}
              <a href={shareHref} dir="ltr">
                {shareHref}
              </a>
            </p>
            <p className="hint">{strings.shareHint}</p>
            <button type="button" className="button-secondary" onClick={() => window.print()}>
              {strings.print}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
