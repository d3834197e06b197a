// Translations: per language how many texts are up to date, drafts, stale or missing, and a table of the files that need work, linked to where they are edited.
import { useEffect, useId, useMemo, useState } from 'react';
import { editUrl, repositoryPath, workList, type TranslationReport, type WorkItem } from '#domain/translation/translation-status.ts';
import { errorCode } from './client.ts';
import { formatDateTime, languageName, useConsole } from './context.ts';

/** The states that need a translator, most urgent first: the table is ordered and filtered by them. */
const WORK_STATES = ['stale', 'missing', 'draft'] as const;
type WorkState = (typeof WORK_STATES)[number];

export default function Translations() {
  const { t, tag, api, items, siteLang } = useConsole();
  const [report, setReport] = useState<TranslationReport | undefined>();
  /** The API's error code; shown in the console's current language. */
  const [error, setError] = useState<string | undefined>();
  const [language, setLanguage] = useState('');
  const [state, setState] = useState<'' | WorkState>('');
  const id = useId();

  useEffect(() => {
    api<TranslationReport>('GET', '/api/staff/translations')
      .then(setReport)
      .catch((e: unknown) => setError(errorCode(e)));
  }, [api]);

  const work = useMemo(() => {
    if (!report) return [];
    const rank = (item: WorkItem) => WORK_STATES.indexOf(item.status.state as WorkState);
    // Array.prototype.sort is stable: within one state, the content's own order stays.
    return workList(report, { drafts: true }).sort((a, b) => rank(a) - rank(b));
  }, [report]);
  const shown = work.filter((item) => (!language || item.status.lang === language) && (!state || item.status.state === state));

  const number = new Intl.NumberFormat(tag);
  const nameOf = (code: string) => languageName(tag, code);
  /** An item's title in the console's language where the catalog has it; pages and news posts by their folder name. */
  const titleOf = (item: WorkItem) => {
    const entry = item.kind === 'item' ? items[item.id.split('/').pop() ?? ''] : undefined;
    return entry?.titles[siteLang] ?? entry?.titles.en ?? item.id;
  };
  const todo = (item: WorkItem, source: string) => {
    const { status } = item;
    if (status.state === 'stale')
      return t('staff.translations.todo.stale', { from: status.version ?? '?', to: status.sourceVersion ?? '?' });
    if (status.state === 'missing')
      return status.placeholder
        ? t('staff.translations.todo.placeholder')
        : t('staff.translations.todo.missing', { source: nameOf(source) });
    return t('staff.translations.todo.draft');
  };

  return (
    <section aria-labelledby={`${id}-title`} className="translations">
      <h2 id={`${id}-title`} tabIndex={-1} data-focus-on-view>
        {t('staff.translations.title')}
      </h2>
      {error && (
        <p className="console-error" role="alert">
          {t(`staff.errors.${error}`)}
        </p>
      )}
      {!report && !error && <p aria-busy="true">{t('staff.loading')}</p>}
      {report && (
        <>
          <p className="prose">{t('staff.translations.intro', { when: formatDateTime(tag, report.generatedAt) })}</p>
          {report.unreadableFiles.length > 0 && (
            <div className="notice">
              <p>{t('staff.translations.unreadable')}</p>
              <ul>
                {report.unreadableFiles.map((file) => (
                  <li key={file}>
                    <code>{repositoryPath(report, file)}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}

          <h3 id={`${id}-summary`}>{t('staff.translations.summary')}</h3>
          <div className="table-scroll">
            <table className="translation-summary" aria-labelledby={`${id}-summary`}>
              <thead>
                <tr>
                  <th scope="col">{t('staff.translations.language')}</th>
                  <th scope="col">{t('staff.translations.states.current')}</th>
                  <th scope="col">{t('staff.translations.states.draft')}</th>
                  <th scope="col">{t('staff.translations.states.stale')}</th>
                  <th scope="col">{t('staff.translations.states.missing')}</th>
                  <th scope="col">{t('staff.translations.total')}</th>
                </tr>
              </thead>
              <tbody>
                {report.summary.map((counts) => (
                  <tr key={counts.lang} data-lang={counts.lang}>
                    <th scope="row">
                      {counts.lang === report.sourceLanguage
                        ? t('staff.translations.source', { language: nameOf(counts.lang) })
                        : nameOf(counts.lang)}
                    </th>
                    {/* A text written in its own language (the source, or an original) has nothing to fall behind: it counts as up to date. */}
                    <td>{number.format(counts.current + counts.source)}</td>
                    <td>{number.format(counts.draft)}</td>
                    <td className={counts.stale ? 'translation-count-attention' : undefined}>{number.format(counts.stale)}</td>
                    <td className={counts.missing ? 'translation-count-attention' : undefined}>{number.format(counts.missing)}</td>
                    <td>{number.format(counts.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="translation-legend">
            {WORK_STATES.map((name) => (
              <div key={name}>
                <dt>{t(`staff.translations.states.${name}`)}</dt>
                <dd>{t(`staff.translations.meaning.${name}`)}</dd>
              </div>
            ))}
          </dl>

          <h3 id={`${id}-work`}>{t('staff.translations.needsWork')}</h3>
          <p className="hint">{report.repositoryEditUrl ? t('staff.translations.linked') : t('staff.translations.unlinked')}</p>
          <search aria-label={t('staff.translations.filters')}>
            <form className="console-filters" onSubmit={(e) => e.preventDefault()}>
              <div className="filter">
                <label htmlFor={`${id}-language`}>{t('staff.translations.language')}</label>
                <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value)}>
                  <option value="">{t('staff.translations.anyLanguage')}</option>
                  {report.languages.map((code) => (
                    <option key={code} value={code}>
                      {nameOf(code)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="filter">
                <label htmlFor={`${id}-state`}>{t('staff.translations.state')}</label>
                <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value as '' | WorkState)}>
                  <option value="">{t('staff.translations.anyState')}</option>
                  {WORK_STATES.map((name) => (
                    <option key={name} value={name}>
                      {t(`staff.translations.states.${name}`)}
                    </option>
                  ))}
                </select>
              </div>
            </form>
          </search>
          <p className="result-count" role="status">
            {t('staff.translations.shown', { count: shown.length })}
          </p>
          {shown.length === 0 ? (
            <p>{t('staff.translations.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="translation-work" aria-labelledby={`${id}-work`}>
                <thead>
                  <tr>
                    <th scope="col">{t('staff.translations.columns.file')}</th>
                    <th scope="col">{t('staff.translations.columns.text')}</th>
                    <th scope="col">{t('staff.translations.language')}</th>
                    <th scope="col">{t('staff.translations.state')}</th>
                    <th scope="col">{t('staff.translations.columns.todo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((item) => {
                    const path = repositoryPath(report, item.status.file);
                    // A file that does not exist yet cannot be opened in an editor: its path is the place to create it.
                    const exists = item.status.state !== 'missing' || item.status.placeholder;
                    const href = exists ? editUrl(report, item.status.file) : undefined;
                    return (
                      <tr key={path} data-file={path}>
                        <th scope="row">
                          {href ? (
                            <a href={href}>
                              <code>{path}</code>
                            </a>
                          ) : (
                            <code>{path}</code>
                          )}
                        </th>
                        <td>
                          {titleOf(item)}
                          <span className="row-summary">{t(`staff.translations.kinds.${item.kind}`)}</span>
                        </td>
                        <td>{nameOf(item.status.lang)}</td>
                        <td>
                          <span className={`status translation-state-${item.status.state}`}>
                            {t(`staff.translations.states.${item.status.state}`)}
                          </span>
                        </td>
                        <td>{todo(item, report.sourceLanguage)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
