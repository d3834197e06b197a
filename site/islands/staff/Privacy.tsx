// Data protection: erase a person's data by e-mail (after a confirmation; admins only), and the log of erasures and exports.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { type AuditEntry, type ErasureOutcome, unfinishedErasures } from '#domain/inquiries/staff/audit.ts';
import { ApiError } from './client.ts';
import { formatDateTime, useConsole } from './context.ts';

export default function Privacy() {
  const { t, tag, api, announce, may } = useConsole();
  const mayErase = may('POST /api/staff/erasures');
  const [email, setEmail] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  /** The unfinished erasure this one finishes, if the admin chose one; a new erasure otherwise. */
  const [resume, setResume] = useState('');
  const unfinished = unfinishedErasures(entries);
  const unfinishedIds = new Set(unfinished.map((entry) => entry.details.erasure));
  const id = useId();
  /** Each number as its own count phrase ("1 inquiry", "3 downloads"), so every one takes its language's plural form. */
  const counts = (n: { inquiries: number; downloads: number; mails: number }) => ({
    inquiries: t('staff.privacy.inquiryCount', { count: n.inquiries }),
    downloads: t('staff.privacy.downloadCount', { count: n.downloads }),
    mails: t('staff.privacy.mailCount', { count: n.mails }),
  });

  /** One line of the audit log, in the console's language; an unfinished erasure says so. */
  const describeEntry = (entry: AuditEntry) => {
    if (entry.action === 'erasure-started')
      return unfinishedIds.has(entry.details.erasure)
        ? t('staff.privacy.unfinishedEntry', { at: formatDateTime(tag, entry.at), by: entry.by.name })
        : t('staff.privacy.startedEntry');
    if (entry.action === 'export') return t('staff.privacy.exportEntry', { count: Number(entry.details.rows ?? 0) });
    return t(
      'staff.privacy.erasureEntry',
      counts({
        inquiries: Number(entry.details.inquiries ?? 0),
        downloads: Number(entry.details.downloads ?? 0),
        mails: Number(entry.details.mails ?? 0),
      }),
    );
  };

  const loadAudit = useCallback(() => api<{ entries: AuditEntry[] }>('GET', '/api/staff/audit').then((a) => setEntries(a.entries)), [api]);
  useEffect(() => {
    loadAudit().catch(() => {});
  }, [loadAudit]);
  // The confirmation takes focus as it opens, so the keyboard and a screen reader land on the question it asks.
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  async function erase() {
    setError(undefined);
    try {
      const outcome = await api<ErasureOutcome>('POST', '/api/staff/erasures', { email, ...(resume ? { resume } : {}) });
      const message = t('staff.privacy.done', counts(outcome));
      setResult(message);
      announce(message);
      setEmail('');
      setResume('');
      await loadAudit();
    } catch (e) {
      setError(t(`staff.errors.${e instanceof ApiError ? e.code : 'internal'}`));
    } finally {
      setConfirming(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} data-focus-on-view>
        {t('staff.privacy.title')}
      </h2>
      {mayErase && (
        <>
          <p className="prose">{t('staff.privacy.intro')}</p>
          {unfinished.length > 0 && (
            <p className="notice" role="status">
              {t('staff.privacy.unfinished')}
            </p>
          )}
          <form
            className="console-filters"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              setResult(undefined);
              if (email.trim()) setConfirming(true);
            }}
          >
            <div className="filter">
              <label htmlFor={`${id}-email`}>{t('staff.privacy.email')}</label>
              <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
            </div>
            {unfinished.length > 0 && (
              <div className="filter">
                <label htmlFor={`${id}-resume`}>{t('staff.privacy.resume')}</label>
                <select id={`${id}-resume`} value={resume} onChange={(e) => setResume(e.target.value)}>
                  <option value="">{t('staff.privacy.newErasure')}</option>
                  {unfinished.map((entry) => (
                    <option key={String(entry.details.erasure)} value={String(entry.details.erasure)}>
                      {t('staff.privacy.unfinishedEntry', { at: formatDateTime(tag, entry.at), by: entry.by.name })}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <button type="submit" className="button">
              {t('staff.privacy.erase')}
            </button>
          </form>
          {confirming && (
            <div className="notice" role="alertdialog" aria-labelledby={`${id}-confirm`}>
              <p id={`${id}-confirm`}>{t('staff.privacy.confirm', { email })}</p>
              <div className="action-row">
                <button type="button" className="button" onClick={() => void erase()} ref={confirmButton}>
                  {t('staff.privacy.confirmYes')}
                </button>
                <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                  {t('staff.privacy.cancel')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {result && <p role="status">{result}</p>}
      {error && (
        <p className="console-error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('staff.privacy.audit')}</h3>
      {entries.length === 0 ? (
        <p>{t('staff.privacy.noAudit')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('staff.privacy.when')}</th>
                <th scope="col">{t('staff.privacy.who')}</th>
                <th scope="col">{t('staff.privacy.what')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={`${entry.at}-${entry.action}`}>
                  <td>{formatDateTime(tag, entry.at)}</td>
                  <td>{entry.by.name}</td>
                  <td>{describeEntry(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
