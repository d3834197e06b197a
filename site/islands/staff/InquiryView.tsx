// One inquiry: all it says (always as text), the item, the investor's downloads and the history; take, assign, status, notes and the reply.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { answerLanguage } from '#domain/inquiries/reply-language.ts';
import { nextStatuses, type InquiryStatus } from '#domain/inquiries/inquiry-status.ts';
import type { HistoryEntry } from '#domain/inquiries/record.ts';
import type { StaffMember } from '#domain/inquiries/staff-access.ts';
import type { InquiryAnswer } from '#domain/inquiries/staff/views.ts';
import { REPLY_LANGUAGES } from '#domain/site.ts';
import { ApiError, errorCode } from './client.ts';
import { countryName, formatDateTime, languageName, useConsole } from './context.ts';
import { ClockText } from './Inbox.tsx';

export default function InquiryView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, tag, api, items, siteLang, me, announce } = useConsole();
  const [detail, setDetail] = useState<InquiryAnswer | undefined>();
  const [members, setMembers] = useState<StaffMember[]>([]);
  /** The key of the message to show, so it follows the console's language. */
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const [answers, setAnswers] = useState(true);
  const [assignee, setAssignee] = useState('');
  const [status, setStatus] = useState('');
  const uid = useId();

  const load = useCallback(async () => {
    const [loaded, team] = await Promise.all([
      api<InquiryAnswer>('GET', `/api/staff/inquiries/${id}`),
      api<{ members: StaffMember[] }>('GET', '/api/staff/members'),
    ]);
    setDetail(loaded);
    setMembers(team.members);
    return loaded;
  }, [api, id]);

  useEffect(() => {
    load().catch((e: unknown) => setError(`staff.errors.${errorCode(e)}`));
  }, [load]);

  /**
   * Every change carries the version this view shows. If someone else changed the inquiry meanwhile the
   * API answers 409: the view reloads to show their change, and what this person typed stays in the form.
   */
  async function act(method: string, path: string, body: Record<string, unknown>, done: string, clear?: () => void) {
    if (!detail) return;
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<InquiryAnswer>(method, `/api/staff/inquiries/${id}/${path}`, { version: detail.inquiry.version, ...body });
      setDetail(next);
      clear?.();
      if (next.delivery === 'failed') setError('staff.inquiry.deliveryFailed');
      announce(done);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : undefined;
      if (apiError?.status === 409 && apiError.errors[0]?.field === 'version') {
        await load().catch(() => {});
        setError('staff.errors.conflict');
      } else setError(`staff.errors.${apiError?.code === 'not_allowed' ? 'notAllowed' : (apiError?.code ?? 'internal')}`);
    } finally {
      setBusy(false);
    }
  }

  if (error && !detail)
    return (
      <section>
        <p className="console-error" role="alert">
          {t(error)}
        </p>
        <button type="button" className="link-button" onClick={onBack}>
          {t('staff.inquiry.back')}
        </button>
      </section>
    );
  if (!detail) return <p aria-busy="true">{t('staff.loading')}</p>;

  const inquiry = detail.inquiry;
  const item = inquiry.itemId ? items[inquiry.itemId] : undefined;
  const itemTitle = inquiry.itemId ? (item?.titles[siteLang] ?? item?.titles.en ?? inquiry.itemId) : undefined;
  const erased = inquiry.erased;
  const who = (actor: { name: string } | null) => (actor ? actor.name : t('staff.inbox.nobody'));
  const statusLabel = (s: string) => t(`staff.status.${s}`);
  const describe = (entry: HistoryEntry): string => {
    switch (entry.type) {
      case 'owner':
        return entry.to
          ? t('staff.history.owner', { by: entry.by.name, to: who(entry.to) })
          : t('staff.history.ownerNone', { by: entry.by.name });
      case 'status':
        return t('staff.history.status', { by: entry.by.name, from: statusLabel(entry.from), to: statusLabel(entry.to) });
      case 'note':
        return t('staff.history.note', { by: entry.by.name });
      case 'reply':
        return t('staff.history.reply', { by: entry.by.name, language: languageName(tag, entry.language) });
      case 'delivery':
        return entry.result === 'sent' ? t('staff.history.delivered') : t('staff.history.deliveryFailed');
      case 'erased':
        return t('staff.history.erased', { by: entry.by.name });
    }
  };

  // Staff may not answer in the language the investor asked for: the console says which one to write in.
  const answerIn = answerLanguage(inquiry.language, REPLY_LANGUAGES);
  const answerInText =
    answerIn === inquiry.language
      ? languageName(tag, answerIn)
      : t('staff.inquiry.answerInstead', { language: languageName(tag, answerIn), asked: languageName(tag, inquiry.language) });
  const facts: [string, string | null | undefined][] = [
    [t('staff.inquiry.received'), formatDateTime(tag, inquiry.receivedAt)],
    [t('staff.inquiry.name'), inquiry.name],
    [t('staff.inquiry.email'), inquiry.email],
    [t('staff.inquiry.company'), inquiry.company],
    [t('staff.inquiry.country'), countryName(tag, inquiry.country)],
    [t('staff.inquiry.answerIn'), answerInText],
    [t('staff.inquiry.sector'), inquiry.sector ? t(`sector.${inquiry.sector}`) : null],
    [t('staff.inquiry.size'), inquiry.investmentSize],
    [t('staff.inquiry.type'), inquiry.type],
    [
      t('staff.inquiry.consent'),
      inquiry.consent
        ? t('staff.inquiry.consentGiven', { version: inquiry.consent.version, at: formatDateTime(tag, inquiry.consent.at) })
        : null,
    ],
    [t('staff.inquiry.firstReplyDue'), formatDateTime(tag, inquiry.firstReplyDue)],
    [t('staff.inquiry.answerDue'), formatDateTime(tag, inquiry.answerDue)],
  ];

  return (
    <article className="inquiry-view" aria-labelledby={`${uid}-title`}>
      <p>
        {/* A plain link: the console follows the address's hash, so going back needs no handler. */}
        <a href="#/inbox">{t('staff.inquiry.back')}</a>
      </p>
      <h2 id={`${uid}-title`} tabIndex={-1} data-focus-on-view>
        {t('staff.inquiry.title', { reference: inquiry.reference })}
      </h2>
      <p className="inquiry-state">
        <span className={`status staff-status-${inquiry.status}`}>{statusLabel(inquiry.status)}</span> <ClockText clock={inquiry.clock} /> ·{' '}
        {t('staff.inquiry.owner')}: <strong>{who(inquiry.owner)}</strong>
      </p>
      {error && (
        <p className="console-error" role="alert">
          {t(error)}
        </p>
      )}
      {erased && <p className="notice">{t('staff.inquiry.erasedNotice')}</p>}

      <div className="inquiry-columns">
        <div>
          <h3>{t('staff.inquiry.message')}</h3>
          {/* Whatever the investor typed is text: React escapes it, and line breaks are kept by CSS, never by markup. */}
          <div className="inquiry-message" lang={inquiry.language}>
            {inquiry.message ?? t('staff.inquiry.erased')}
          </div>
          <dl className="inquiry-facts">
            {facts
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            <div>
              <dt>{t('staff.inquiry.item')}</dt>
              <dd>
                {item && itemTitle ? (
                  <a href={`/${siteLang}/${item.category}/${inquiry.itemId}/`}>{itemTitle}</a>
                ) : (
                  (itemTitle ?? t('staff.inquiry.general'))
                )}
              </dd>
            </div>
          </dl>

          <h3>{t('staff.inquiry.downloads')}</h3>
          {detail.downloads.length === 0 ? (
            <p>{t('staff.inquiry.noDownloads')}</p>
          ) : (
            <ul>
              {detail.downloads.map((d) => (
                <li key={`${d.documentId}-${d.at}`}>
                  {d.title?.[siteLang] ?? d.title?.en ?? d.documentId} — {formatDateTime(tag, d.at)}
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="inquiry-actions">
          {!erased && (
            <>
              <h3>{t('staff.inquiry.work')}</h3>
              <div className="action-row">
                {inquiry.owner?.id !== me.id && (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void act('PUT', 'owner', { owner: 'me' }, t('staff.inquiry.taken'))}
                  >
                    {t('staff.inquiry.take')}
                  </button>
                )}
              </div>
              <form
                className="action-row"
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  void act('PUT', 'owner', { owner: assignee === '' ? null : assignee }, t('staff.inquiry.assigned'));
                }}
              >
                <label htmlFor={`${uid}-assign`}>{t('staff.inquiry.assignTo')}</label>
                <select id={`${uid}-assign`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                  <option value="">{t('staff.inbox.nobody')}</option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button-secondary" disabled={busy}>
                  {t('staff.inquiry.assign')}
                </button>
              </form>
              <form
                className="action-row"
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  if (status) void act('PUT', 'status', { status }, t('staff.inquiry.statusChanged'), () => setStatus(''));
                }}
              >
                <label htmlFor={`${uid}-status`}>{t('staff.inquiry.changeStatus')}</label>
                <select id={`${uid}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
                  <option value="">—</option>
                  {nextStatuses(inquiry.status as InquiryStatus).map((s) => (
                    <option key={s} value={s}>
                      {statusLabel(s)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button-secondary" disabled={busy || !status}>
                  {t('staff.inquiry.setStatus')}
                </button>
              </form>

              {(['new', 'in-progress', 'answered'] as string[]).includes(inquiry.status) && (
                <form
                  className="reply-form"
                  onSubmit={(e: FormEvent) => {
                    e.preventDefault();
                    if (reply.trim()) void act('POST', 'replies', { text: reply, answers }, t('staff.inquiry.sent'), () => setReply(''));
                  }}
                >
                  <h3>
                    <label htmlFor={`${uid}-reply`}>{t('staff.inquiry.replyLabel', { language: languageName(tag, answerIn) })}</label>
                  </h3>
                  <p className="hint" id={`${uid}-reply-hint`}>
                    {t('staff.inquiry.replyHint', { email: inquiry.email ?? '' })}
                  </p>
                  <textarea
                    id={`${uid}-reply`}
                    rows={8}
                    value={reply}
                    onChange={(e) => setReply(e.target.value)}
                    aria-describedby={`${uid}-reply-hint`}
                    lang={answerIn}
                  />
                  <div className="filter-check">
                    <input id={`${uid}-answers`} type="checkbox" checked={answers} onChange={(e) => setAnswers(e.target.checked)} />
                    <label htmlFor={`${uid}-answers`}>{t('staff.inquiry.answers')}</label>
                  </div>
                  <button type="submit" className="button" disabled={busy || !reply.trim()}>
                    {t('staff.inquiry.send')}
                  </button>
                </form>
              )}

              <form
                className="note-form"
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  if (note.trim()) void act('POST', 'notes', { text: note }, t('staff.inquiry.noteAdded'), () => setNote(''));
                }}
              >
                <h3>
                  <label htmlFor={`${uid}-note`}>{t('staff.inquiry.noteLabel')}</label>
                </h3>
                <textarea id={`${uid}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
                <button type="submit" className="button-secondary" disabled={busy || !note.trim()}>
                  {t('staff.inquiry.addNote')}
                </button>
              </form>
            </>
          )}

          <h3>{t('staff.inquiry.history')}</h3>
          {inquiry.history.length === 0 ? (
            <p>{t('staff.inquiry.noHistory')}</p>
          ) : (
            <ol className="history">
              {inquiry.history.map((entry) => (
                <li key={entry.id} className={`history-${entry.type}`}>
                  <span className="history-when">{formatDateTime(tag, entry.at)}</span> {describe(entry)}
                  {(entry.type === 'note' || entry.type === 'reply') && (
                    <div className="history-text">{entry.erased ? t('staff.history.textErased') : entry.text}</div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </article>
  );
}
