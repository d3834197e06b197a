// One fact as the compare table and the matcher show it: the value, its date and basis, its sources or the page behind it.
import type { CellView } from './types.ts';

export function CellContent({ cell, sourceLabel }: { cell: CellView; sourceLabel: string }) {
  if (cell.none) return <span className="not-published">{cell.text}</span>;
  return (
    <>
      <span className="figure-value">{cell.text}</span>
      {cell.asOf && <span className="as-of">{cell.asOf}</span>}
      {cell.basis && <span className="basis">{cell.basis}</span>}
      {cell.note && <span className="figure-note">{cell.note}</span>}
      {cell.sources.length > 0 && (
        <span className="cell-sources">
          {sourceLabel}:{' '}
          {cell.sources.map((source, index) => (
            <span key={source.title}>
              {index > 0 && '; '}
              {source.url ? (
                <a href={source.url} rel="nofollow noopener">
                  {source.title}
                </a>
              ) : (
                source.title
              )}
            </span>
          ))}
        </span>
      )}
      {cell.link && (
        <a className="cell-link" href={cell.link.href}>
          {cell.link.text}
        </a>
      )}
    </>
  );
}
