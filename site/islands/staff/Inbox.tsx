// The inbox: inquiries new first with each one's clock against the reply promise, filters, search and the CSV export of what is shown.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { COUNTRY_CODES } from '#domain/inquiries/countries.ts';
import { INQUIRY_STATUSES } from '#domain/inquiries/inquiry-status.ts';
import { promiseClock, type PromiseClock } from '#domain/inquiries/promise.ts';
import type { InboxAnswer, InquirySummary } from '#domain/inquiries/staff/views.ts';
import { LANGUAGES } from '#domain/site.ts';
import { errorCode } from './client.ts';
import { countryName, formatDateTime, formatRelative, languageName, useConsole } from './context.ts';
import { useLatest } from './latest.ts';

export interface InboxFilters {
  status: string;
  owner: string;
  item: string;
  country: string;
  language: string;
  age: string;
  overdue: boolean;
  q: string;
}

export const DEFAULT_FILTERS: InboxFilters = {
  status: 'new,in-progress',
  owner: '',
  item: '',
  country: '',
  language: '',
  age: '',
  overdue: false,
  q: '',
};

/** The age choices, as the API's minimum / maximum age in days. */
const AGES: Record<string, { minAgeDays?: number; maxAgeDays?: number }> = {
  under2: { maxAgeDays: 2 },
  under7: { maxAgeDays: 7 },
  over7: { minAgeDays: 7 },
  over30: { minAgeDays: 30 },
};

export function filterQuery(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  for (const key of ['owner', 'item', 'country', 'language', 'q'] as const) if (filters[key].trim()) params.set(key, filters[key].trim());
  for (const [key, value] of Object.entries(AGES[filters.age] ?? {})) params.set(key, String(value));
  if (filters.overdue) params.set('overdue', 'true');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The promise as words and a class: the text says it, so colour is never the only signal. */
export function ClockText({ clock }: { clock: PromiseClock }) {
  const { t, tag } = useConsole();
  if (clock.stage === 'none') return <span className="clock clock-none">{t('staff.clock.none')}</span>;
  if (clock.stage === 'done')
    return (
      <span className={`clock ${clock.kept ? 'clock-kept' : 'clock-missed'}`}>
        {clock.kept ? t('staff.clock.kept') : t('staff.clock.missed')}
      </span>
    );
  const when = formatRelative(tag, clock.remainingMs);
  if (clock.overdue)
    return (
      <strong className="clock clock-overdue">
        {clock.stage === 'first-reply' ? t('staff.clock.firstReplyOverdue', { when }) : t('staff.clock.answerOverdue', { when })}
      </strong>
    );
  return (
    <span className="clock clock-running">
      {clock.stage === 'first-reply' ? t('staff.clock.firstReplyDue', { when }) : t('staff.clock.answerDue', { when })}
    </span>
  );
}

export default function Inbox({
  filters,
  onFilters,
  onOpen,
}: {
  filters: InboxFilters;
  onFilters: (f: InboxFilters) => void;
  onOpen: (id: string) => void;
}) {
  const { t, tag, api, items, siteLang, announce, may } = useConsole();
  const [draft, setDraft] = useState(filters);
  const [rows, setRows] = useState<InquirySummary[] | undefined>();
  /** The API's error code; shown in the console's current language. */
  const [error, setError] = useState<string | undefined>();
  const [now, setNow] = useState(Date.now());
  const [exporting, setExporting] = useState(false);
  const id = useId();
  // The count is announced in the language of the moment it arrives, without refetching when the language changes.
  const latest = useLatest({ t, announce });

  useEffect(() => {
    let current = true;
    setRows(undefined);
    setError(undefined);
    api<InboxAnswer>('GET', `/api/staff/inquiries${filterQuery(filters)}`)
      .then((answer) => {
        if (!current) return;
        setRows(answer.inquiries);
        setNow(Date.now());
        latest.current.announce(latest.current.t('staff.inbox.shown', { count: answer.total }));
      })
      .catch((e: unknown) => current && setError(errorCode(e)));
    return () => {
      current = false;
    };
  }, [api, filters, latest]);

  // The clocks move on their own while the inbox is open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilters(draft);
  };
  const set = (key: keyof InboxFilters, value: string | boolean) => setDraft({ ...draft, [key]: value });

  async function exportCsv() {
    setExporting(true);
    try {
      const csv = await api<string>('GET', `/api/staff/inquiries.csv${filterQuery(filters)}`);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `inquiries-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(t('staff.inbox.exported'));
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setExporting(false);
    }
  }

  const itemIds = Object.keys(items).sort((a, b) => (items[a]!.titles[siteLang] ?? a).localeCompare(items[b]!.titles[siteLang] ?? b, tag));
  const countries = [...COUNTRY_CODES].map((code) => [code, countryName(tag, code)] as const).sort((a, b) => a[1].localeCompare(b[1], tag));

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} data-focus-on-view>
        {t('staff.inbox.title')}
      </h2>
      <search aria-label={t('staff.inbox.filters')}>
        <form className="console-filters" onSubmit={submit}>
          <div className="filter">
            <label htmlFor={`${id}-q`}>{t('staff.inbox.search')}</label>
            <input
              id={`${id}-q`}
              type="search"
              value={draft.q}
              onChange={(e) => set('q', e.target.value)}
              placeholder={t('staff.inbox.searchPlaceholder')}
            />
          </div>
          <div className="filter">
            <label htmlFor={`${id}-status`}>{t('staff.inbox.status')}</label>
            <select id={`${id}-status`} value={draft.status} onChange={(e) => set('status', e.target.value)}>
              <option value="new,in-progress">{t('staff.inbox.open')}</option>
              <option value="">{t('staff.inbox.anyStatus')}</option>
              {INQUIRY_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`staff.status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={`${id}-owner`}>{t('staff.inbox.owner')}</label>
            <select id={`${id}-owner`} value={draft.owner} onChange={(e) => set('owner', e.target.value)}>
              <option value="">{t('staff.inbox.anyOwner')}</option>
              <option value="me">{t('staff.inbox.mine')}</option>
              <option value="none">{t('staff.inbox.nobody')}</option>
            </select>
          </div>
          <div className="filter">
            <label htmlFor={`${id}-item`}>{t('staff.inbox.item')}</label>
            <select id={`${id}-item`} value={draft.item} onChange={(e) => set('item', e.target.value)}>
              <option value="">{t('staff.inbox.anyItem')}</option>
              {itemIds.map((item) => (
                <option key={item} value={item}>
                  {items[item]!.titles[siteLang] ?? items[item]!.titles.en ?? item}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={`${id}-country`}>{t('staff.inbox.country')}</label>
            <select id={`${id}-country`} value={draft.country} onChange={(e) => set('country', e.target.value)}>
              <option value="">{t('staff.inbox.anyCountry')}</option>
              {countries.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={`${id}-language`}>{t('staff.inbox.language')}</label>
            <select id={`${id}-language`} value={draft.language} onChange={(e) => set('language', e.target.value)}>
              <option value="">{t('staff.inbox.anyLanguage')}</option>
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(tag, code)}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={`${id}-age`}>{t('staff.inbox.age')}</label>
            <select id={`${id}-age`} value={draft.age} onChange={(e) => set('age', e.target.value)}>
              <option value="">{t('staff.inbox.anyAge')}</option>
              {Object.keys(AGES).map((age) => (
                <option key={age} value={age}>
                  {t(`staff.inbox.ages.${age}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filter filter-check">
            <input id={`${id}-overdue`} type="checkbox" checked={draft.overdue} onChange={(e) => set('overdue', e.target.checked)} />
            <label htmlFor={`${id}-overdue`}>{t('staff.inbox.overdueOnly')}</label>
          </div>
          <button type="submit" className="button">
            {t('staff.inbox.apply')}
          </button>
          {may('GET /api/staff/inquiries.csv') && (
            <button type="button" className="button-secondary" onClick={() => void exportCsv()} disabled={exporting}>
              {t('staff.inbox.export')}
            </button>
          )}
        </form>
      </search>

      {error && (
        <p className="console-error" role="alert">
          {t(`staff.errors.${error}`)}
        </p>
      )}
      {!rows && !error && <p aria-busy="true">{t('staff.loading')}</p>}
      {rows && rows.length === 0 && <p>{t('staff.inbox.none')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table className="inbox-table">
            <caption className="visually-hidden">{t('staff.inbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.inbox.columns.reference')}</th>
                <th scope="col">{t('staff.inbox.columns.from')}</th>
                <th scope="col">{t('staff.inbox.columns.about')}</th>
                <th scope="col">{t('staff.inbox.columns.status')}</th>
                <th scope="col">{t('staff.inbox.columns.clock')}</th>
                <th scope="col">{t('staff.inbox.columns.received')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const clock = promiseClock(row, now);
                const overdue = (clock.stage === 'first-reply' || clock.stage === 'answer') && clock.overdue;
                return (
                  <tr
                    key={row.id}
                    data-id={row.id}
                    data-reference={row.reference}
                    className={`${overdue ? 'is-overdue' : ''} status-row-${row.status}`}
                  >
                    <th scope="row">
                      <a
                        href={`#/inquiry/${row.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          onOpen(row.id);
                        }}
                      >
                        {row.reference}
                      </a>
                    </th>
                    <td>
                      <span className="inbox-name">{row.erased ? t('staff.inquiry.erased') : row.name}</span>
                      {row.company && <span className="row-summary">{row.company}</span>}
                      <span className="row-summary">
                        {countryName(tag, row.country)} · {languageName(tag, row.language)}
                      </span>
                    </td>
                    <td>
                      {row.itemId
                        ? (items[row.itemId]?.titles[siteLang] ?? items[row.itemId]?.titles.en ?? row.itemId)
                        : t('staff.inquiry.general')}
                    </td>
                    <td>
                      <span className={`status staff-status-${row.status}`}>{t(`staff.status.${row.status}`)}</span>
                      <span className="row-summary">{row.owner ? row.owner.name : t('staff.inbox.nobody')}</span>
                    </td>
                    <td>
                      <ClockText clock={clock} />
                    </td>
                    <td>{formatDateTime(tag, row.receivedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
