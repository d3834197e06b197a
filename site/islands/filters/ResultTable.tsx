// The results the map and the lists share: a scrolling table headed by its columns, and a notice when nothing matches.
import type { ReactNode } from 'react';

interface ResultTableProps {
  className?: string;
  /** For screen readers: what the table lists (the page's heading already says it to sighted readers). */
  caption?: string;
  columns: string[];
  noMatch: string;
  /** How many rows the filters leave: none shows the notice instead of an empty table body. */
  count: number;
  /** The rows. */
  children: ReactNode;
}

export function ResultTable({ className, caption, columns, noMatch, count, children }: ResultTableProps) {
  return (
    <>
      <div className="table-scroll">
        <table className={className}>
          {caption && <caption className="visually-hidden">{caption}</caption>}
          <thead>
            <tr>
              {columns.map((column, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed, and two may share a label in some language
                <th scope="col" key={index}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {count === 0 && <p className="notice">{noMatch}</p>}
    </>
  );
}

/** A row's status as the badge every page draws for it. */
export function StatusCell({ status, label }: { status: string; label: string | undefined }) {
  return (
    <td>
      <span className={`status status-${status}`}>{label}</span>
    </td>
  );
}
