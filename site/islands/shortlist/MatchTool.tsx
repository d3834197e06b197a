// The requirements matcher: a GET form (the criteria live in the address) and every zone's answer, criterion by criterion.
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  CRITERIA,
  type Criteria,
  type Criterion,
  type CriterionError,
  matchZone,
  type NUMBER_CRITERIA,
  parseCriteria,
  rankMatches,
} from '#domain/compare/match.ts';
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { CellContent } from './CellContent.tsx';
import { useCompareData } from './useCompareData.ts';

export interface MatchToolProps {
  lang: string;
  dataUrl: string;
  /** [value, label] of every sector the site knows. */
  sectors: [string, string][];
  /** Every `match` string, placeholders unfilled, plus `source`. */
  strings: Record<string, string>;
}

type Raw = Record<Criterion, string>;
const EMPTY: Raw = { land: '', power: '', gas: '', port: '', expressway: '', sector: '' };

/** The open questions of one zone as a message for the inquiry form, in the page's language. */
function questionsFor(zone: string, unknown: Criterion[], criteria: Criteria, strings: Record<string, string>, sectorLabel: string) {
  const lines = unknown.map((criterion) => {
    const value = criterion === 'sector' ? sectorLabel : String(criteria[criterion] ?? '');
    return `- ${fillPlaceholders(strings[`question.${criterion}`] ?? '', { value })}`;
  });
  return [fillPlaceholders(strings.messageIntro ?? '', { zone }), ...lines].join('\n');
}

export default function MatchTool({ lang, dataUrl, sectors, strings }: MatchToolProps) {
  const loaded = useCompareData(dataUrl);
  const id = useId();
  const [raw, setRaw] = useState<Raw>(EMPTY);
  const [search, setSearch] = useState<string | undefined>();
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    setRaw(Object.fromEntries(CRITERIA.map((field) => [field, params.get(field) ?? ''])) as Raw);
    setSearch(window.location.search);
  }, []);

  const parsed = useMemo(
    () =>
      search === undefined
        ? undefined
        : parseCriteria(
            search,
            sectors.map(([value]) => value),
          ),
    [search, sectors],
  );

  // The summary takes focus once, so a screen reader says at once what the submitted form got wrong.
  const hasErrors = (parsed?.errors.length ?? 0) > 0;
  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [hasErrors]);

  const fieldId = (field: Criterion) => `${id}-${field}`;
  const label = (field: Criterion) => strings[`field.${field}`] ?? field;
  const errorFor = (field: Criterion) => parsed?.errors.find((error) => error.field === field);
  const errorText = (error: CriterionError) =>
    fillPlaceholders(strings[`error.${error.code}`] ?? '', { field: label(error.field), given: error.given });
  const sectorLabel = (value: string) => sectors.find(([code]) => code === value)?.[1] ?? value;

  const numberField = (field: keyof typeof NUMBER_CRITERIA) => {
    const error = errorFor(field);
    return (
      <div className={`form-group${error ? ' form-group-error' : ''}`} key={field}>
        <label htmlFor={fieldId(field)}>{label(field)}</label>
        {error && (
          <p className="field-error" id={`${fieldId(field)}-error`}>
            {errorText(error)}
          </p>
        )}
        <input
          id={fieldId(field)}
          name={field}
          type="text"
          inputMode="decimal"
          dir="ltr"
          autoComplete="off"
          size={8}
          value={raw[field]}
          onChange={(event) => setRaw({ ...raw, [field]: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId(field)}-error` : undefined}
        />
      </div>
    );
  };

  // Without JavaScript the browser sends every field; with it, only those filled in, so a shared address stays short.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const filled = CRITERIA.filter((field) => raw[field].trim()).map((field) => [field, raw[field].trim()]);
    window.location.assign(`/${lang}/match/?${new URLSearchParams(filled)}`);
  };

  const sectorError = errorFor('sector');
  const asked = parsed ? Object.keys(parsed.criteria).length : 0;
  const data = loaded.state === 'ready' ? loaded.data : undefined;
  const results = useMemo(() => {
    if (!data || !parsed || asked === 0) return [];
    const zones = data.items.filter((item) => item.zone).map((item) => ({ item, answers: matchZone(item.cells, parsed.criteria) }));
    return rankMatches(zones);
  }, [data, parsed, asked]);

  return (
    <div className="match">
      {parsed && hasErrors && (
        <div className="error-summary" ref={summary} tabIndex={-1} role="alert" aria-labelledby={`${id}-summary-title`}>
          <h2 id={`${id}-summary-title`}>{strings.errorTitle}</h2>
          <ul>
            {parsed.errors.map((error) => (
              <li key={error.field}>
                <a href={`#${fieldId(error.field)}`}>{errorText(error)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {parsed && parsed.ignored.length > 0 && (
        <p className="notice">{fillPlaceholders(strings.ignored ?? '', { names: parsed.ignored.join(', ') })}</p>
      )}
      <form className="inquiry-form match-form" method="get" action={`/${lang}/match/`} noValidate onSubmit={submit}>
        <fieldset>
          <legend>{strings.legend}</legend>
          <p className="hint">{strings.hint}</p>
          {numberField('land')}
          {numberField('power')}
          <div className="form-group checkbox">
            <input
              id={fieldId('gas')}
              name="gas"
              type="checkbox"
              value="yes"
              checked={raw.gas === 'yes'}
              onChange={(event) => setRaw({ ...raw, gas: event.target.checked ? 'yes' : '' })}
            />
            <label htmlFor={fieldId('gas')}>{label('gas')}</label>
          </div>
          {numberField('port')}
          <p className="hint">{strings.portHint}</p>
          {numberField('expressway')}
          <div className={`form-group${sectorError ? ' form-group-error' : ''}`}>
            <label htmlFor={fieldId('sector')}>{label('sector')}</label>
            {sectorError && (
              <p className="field-error" id={`${fieldId('sector')}-error`}>
                {errorText(sectorError)}
              </p>
            )}
            <select
              id={fieldId('sector')}
              name="sector"
              value={sectors.some(([value]) => value === raw.sector) ? raw.sector : ''}
              onChange={(event) => setRaw({ ...raw, sector: event.target.value })}
              aria-invalid={sectorError ? true : undefined}
              aria-describedby={sectorError ? `${fieldId('sector')}-error` : undefined}
            >
              <option value="">{strings.anySector}</option>
              {sectors.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <button type="submit" className="button">
          {strings.submit}
        </button>
      </form>

      <section className="match-results" aria-labelledby={`${id}-results`}>
        <h2 id={`${id}-results`}>{strings.results}</h2>
        {loaded.state === 'failed' ? (
          <p className="notice">{strings.loadFailed}</p>
        ) : !parsed || (asked > 0 && !data) ? (
          <p className="muted">{strings.loading}</p>
        ) : asked === 0 ? (
          <p>{strings.noCriteria}</p>
        ) : (
          results.map(({ item, answers }) => {
            const unknown = answers.filter((answer) => answer.verdict === 'unknown').map((answer) => answer.criterion);
            const count = (verdict: string) => answers.filter((answer) => answer.verdict === verdict).length;
            const message = questionsFor(item.title, unknown, parsed.criteria, strings, sectorLabel(parsed.criteria.sector ?? ''));
            return (
              <article className="match-zone" key={item.id} data-id={item.id}>
                <h3>
                  <a href={item.href}>{item.title}</a>
                </h3>
                <p className="match-tally">
                  {fillPlaceholders(strings.tally ?? '', { meets: count('meets'), fails: count('fails'), unknown: count('unknown') })}
                </p>
                <div className="table-scroll">
                  <table className="match-table">
                    <caption className="visually-hidden">{fillPlaceholders(strings.caption ?? '', { zone: item.title })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{strings.criterion}</th>
                        <th scope="col">{strings.answer}</th>
                        <th scope="col">{strings.fact}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {answers.map((answer) => (
                        <tr key={answer.criterion} data-criterion={answer.criterion} data-verdict={answer.verdict}>
                          <th scope="row">{label(answer.criterion)}</th>
                          <td>
                            <span className={`verdict verdict-${answer.verdict}`}>{strings[`verdict.${answer.verdict}`]}</span>
                          </td>
                          <td>
                            <CellContent cell={item.view[answer.row]} sourceLabel={strings.source ?? ''} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {unknown.length > 0 && (
                  <p>
                    <a className="match-ask" href={`/${lang}/contact/?${new URLSearchParams({ item: item.id, message })}`}>
                      {fillPlaceholders(strings.ask ?? '', { zone: item.title })}
                    </a>
                  </p>
                )}
              </article>
            );
          })
        )}
      </section>
    </div>
  );
}
