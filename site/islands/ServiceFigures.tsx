// The inquiry service's own figures, read from the API where the daily job publishes them: a table per month, with
// "fewer than five" where a figure is withheld, in the page's language.
import { useEffect, useState } from 'react';
import { type ServiceFigures as Figures, serviceFiguresSchema } from '#domain/inquiries/service-figures.ts';
import { fillPlaceholders } from '#domain/text/placeholders.ts';

export interface ServiceFiguresProps {
  /** The page's BCP 47 tag, for numbers, months and dates. */
  tag: string;
  /** Where the published figures are read from. */
  source: string;
  strings: Record<
    'loading' | 'failed' | 'notYet' | 'caption' | 'month' | 'received' | 'median' | 'within' | 'fewer' | 'share' | 'total' | 'updated',
    string
  >;
}

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'none' } | { kind: 'ready'; figures: Figures };

export default function ServiceFigures({ tag, source, strings }: ServiceFiguresProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    // A slow answer is a failed one: the page says so rather than waiting without end.
    const timer = setTimeout(() => controller.abort(), 10_000);
    fetch(source, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (response.status === 404) return setState({ kind: 'none' });
        if (!response.ok) throw new Error(String(response.status));
        setState({ kind: 'ready', figures: serviceFiguresSchema.parse(await response.json()) });
      })
      .catch(() => setState({ kind: 'failed' }))
      .finally(() => clearTimeout(timer));
    return () => controller.abort();
  }, [source]);

  if (state.kind === 'loading') return <p aria-live="polite">{strings.loading}</p>;
  if (state.kind === 'failed') return <p role="alert">{strings.failed}</p>;
  if (state.kind === 'none') return <p>{strings.notYet}</p>;

  const { figures } = state;
  const fewer = fillPlaceholders(strings.fewer, { minimum: figures.minimum });
  const count = new Intl.NumberFormat(tag);
  const hours = new Intl.NumberFormat(tag, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent' });
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const row = (label: string, period: Omit<Figures['total'], 'from' | 'to'>) => (
    <>
      <th scope="row">{label}</th>
      <td>{period.received === null ? fewer : count.format(period.received)}</td>
      <td>{period.medianHoursToFirstReply === null ? fewer : hours.format(period.medianHoursToFirstReply)}</td>
      <td>
        {period.firstReplyWithinPromise === null
          ? fewer
          : fillPlaceholders(strings.share, {
              kept: count.format(period.firstReplyWithinPromise.kept),
              of: count.format(period.firstReplyWithinPromise.of),
              percent: percent.format(period.firstReplyWithinPromise.kept / period.firstReplyWithinPromise.of),
            })}
      </td>
    </>
  );
  return (
    <>
      <div className="table-scroll">
        <table className="service-figures">
          <caption>{fillPlaceholders(strings.caption, { from: monthName(figures.total.from), to: monthName(figures.total.to) })}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.month}</th>
              <th scope="col">{strings.received}</th>
              <th scope="col">{strings.median}</th>
              <th scope="col">{fillPlaceholders(strings.within, { days: figures.promise.firstReplyWorkingDays })}</th>
            </tr>
          </thead>
          <tbody>
            {[...figures.months].reverse().map((month) => (
              <tr key={month.month}>{row(monthName(month.month), month)}</tr>
            ))}
          </tbody>
          <tfoot>
            <tr>{row(strings.total, figures.total)}</tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">
        {fillPlaceholders(strings.updated, {
          date: new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(figures.generatedAt)),
        })}
      </p>
    </>
  );
}
