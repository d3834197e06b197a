// The dashboard: inquiries by country, sector, item, week and status, reply times against the promise, downloads and the funnel, as SVG bars with their numbers.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Count, DashboardAnswer } from '#domain/inquiries/dashboard.ts';
import { errorCode } from './client.ts';
import { countryName, useConsole } from './context.ts';

/**
 * A horizontal bar chart drawn as SVG, with each label and number written as text beside its bar, and
 * the same numbers in a table for screen readers and copying. Colour carries no meaning of its own.
 */
export function BarChart({ title, rows }: { title: string; rows: { label: string; value: number }[] }) {
  const { t, tag } = useConsole();
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 260;
  const format = new Intl.NumberFormat(tag);
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <h3>{title}</h3>
      </figcaption>
      {rows.length === 0 ? (
        <p>{t('staff.dashboard.noData')}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${labelWidth + barWidth + 60} ${rows.length * rowHeight}`} width="100%" aria-hidden="true" focusable="false">
            {rows.map((row, i) => (
              <g key={row.label} transform={`translate(0 ${i * rowHeight})`}>
                <text x={labelWidth - 8} y={rowHeight / 2 + 5} textAnchor="end" className="chart-label">
                  {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
                </text>
                <rect
                  x={labelWidth}
                  y={5}
                  height={rowHeight - 10}
                  width={Math.max(2, (row.value / max) * barWidth)}
                  className="chart-bar"
                />
                <text x={labelWidth + Math.max(2, (row.value / max) * barWidth) + 6} y={rowHeight / 2 + 5} className="chart-value">
                  {format.format(row.value)}
                </text>
              </g>
            ))}
          </svg>
          <details>
            <summary>{t('staff.dashboard.asTable')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{title}</th>
                  <th scope="col">{t('staff.dashboard.count')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{format.format(row.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

export default function Dashboard() {
  const { t, tag, api, items, siteLang } = useConsole();
  const [query, setQuery] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(query);
  const [figures, setFigures] = useState<DashboardAnswer | undefined>();
  /** The API's error code; shown in the console's current language. */
  const [error, setError] = useState<string | undefined>();
  const id = useId();

  useEffect(() => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    setError(undefined);
    api<DashboardAnswer>('GET', `/api/staff/dashboard${params.size ? `?${params}` : ''}`)
      .then(setFigures)
      .catch((e: unknown) => setError(errorCode(e)));
  }, [api, query]);

  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const percent = (kept: number, of: number) => (of === 0 ? '—' : new Intl.NumberFormat(tag, { style: 'percent' }).format(kept / of));
  const rows = (counts: Count[], label: (key: string) => string) => counts.map((c) => ({ label: label(c.key), value: c.count }));

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} data-focus-on-view>
        {t('staff.dashboard.title')}
      </h2>
      <form
        className="console-filters"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setQuery(draft);
        }}
      >
        <div className="filter">
          <label htmlFor={`${id}-from`}>{t('staff.dashboard.from')}</label>
          <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-to`}>{t('staff.dashboard.to')}</label>
          <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit" className="button">
          {t('staff.dashboard.show')}
        </button>
      </form>
      {error && (
        <p className="console-error" role="alert">
          {t(`staff.errors.${error}`)}
        </p>
      )}
      {!figures && !error && <p aria-busy="true">{t('staff.loading')}</p>}
      {figures && (
        <>
          <p>{t('staff.dashboard.period', { from: figures.from, to: figures.to })}</p>
          <dl className="figure-grid dashboard-figures">
            <div className="figure-tile">
              <dt>{t('staff.dashboard.inquiries')}</dt>
              <dd className="figure-big">{number.format(figures.inquiries)}</dd>
            </div>
            <div className="figure-tile">
              <dt>{t('staff.dashboard.medianFirstReply')}</dt>
              <dd className="figure-big">
                {figures.medianHoursToFirstReply === null
                  ? '—'
                  : t('staff.dashboard.hours', { value: number.format(figures.medianHoursToFirstReply) })}
              </dd>
            </div>
            <div className="figure-tile">
              <dt>{t('staff.dashboard.firstReplyKept')}</dt>
              <dd className="figure-big">{percent(figures.firstReplyWithinPromise.kept, figures.firstReplyWithinPromise.of)}</dd>
              <dd>{t('staff.dashboard.share', { kept: figures.firstReplyWithinPromise.kept, of: figures.firstReplyWithinPromise.of })}</dd>
            </div>
            <div className="figure-tile">
              <dt>{t('staff.dashboard.answerKept')}</dt>
              <dd className="figure-big">{percent(figures.answerWithinPromise.kept, figures.answerWithinPromise.of)}</dd>
              <dd>{t('staff.dashboard.share', { kept: figures.answerWithinPromise.kept, of: figures.answerWithinPromise.of })}</dd>
            </div>
          </dl>
          <div className="chart-grid">
            <BarChart
              title={t('staff.dashboard.byWeek')}
              rows={figures.byWeek.map((w) => ({ label: `${w.week} (${w.start})`, value: w.count }))}
            />
            <BarChart title={t('staff.dashboard.byCountry')} rows={rows(figures.byCountry, (code) => countryName(tag, code))} />
            <BarChart
              title={t('staff.dashboard.bySector')}
              rows={rows(figures.bySector, (key) => (key === 'unspecified' ? t('staff.dashboard.unspecified') : t(`sector.${key}`)))}
            />
            <BarChart
              title={t('staff.dashboard.byItem')}
              rows={rows(figures.byItem, (key) =>
                key === 'none' ? t('staff.inquiry.general') : (items[key]?.titles[siteLang] ?? items[key]?.titles.en ?? key),
              )}
            />
            <BarChart title={t('staff.dashboard.byStatus')} rows={rows(figures.byStatus, (key) => t(`staff.status.${key}`))} />
            <BarChart
              title={t('staff.dashboard.downloadsByDocument')}
              rows={rows(
                figures.downloadsByDocument,
                (key) => figures.documentTitles[key]?.[siteLang] ?? figures.documentTitles[key]?.en ?? key,
              )}
            />
            <BarChart
              title={t('staff.dashboard.funnel')}
              rows={[
                { label: t('staff.dashboard.funnelDownloads'), value: figures.funnel.downloads },
                { label: t('staff.dashboard.funnelIdentified'), value: figures.funnel.identifiedDownloaders },
                { label: t('staff.dashboard.funnelInquiries'), value: figures.funnel.inquiries },
                { label: t('staff.dashboard.funnelAfterDownload'), value: figures.funnel.inquiriesAfterDownload },
                { label: t('staff.dashboard.funnelAnswered'), value: figures.funnel.answered },
              ]}
            />
          </div>
        </>
      )}
    </section>
  );
}
