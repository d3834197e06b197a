// The investor-relations console: sign-in against the user pool, then the inbox, one inquiry, the dashboard, data protection and translation status, in the staff member's language.
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { pluralForm, pluralFormsOf } from '#domain/text/plural.ts';
import { site } from '#domain/site.ts';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { apiClient } from './staff/client.ts';
import { ConsoleContext, useConsole, type CatalogEntry, type ConsoleContextValue, type ConsoleLanguage } from './staff/context.ts';
import Dashboard from './staff/Dashboard.tsx';
import Inbox, { DEFAULT_FILTERS, type InboxFilters } from './staff/Inbox.tsx';
import InquiryView from './staff/InquiryView.tsx';
import Privacy from './staff/Privacy.tsx';
import Translations from './staff/Translations.tsx';
import { mayUse } from '#domain/inquiries/staff-access.ts';
import { SignInError, groupsOf, loadSession, refresh, saveSession, signIn, type AuthSettings, type Session } from './staff/session.ts';

export interface StaffConsoleProps {
  /** Every language's console strings, flattened to full keys (`staff.inbox.title`, `sector.wind-power`). */
  strings: Record<string, Record<string, string>>;
  languages: ConsoleLanguage[];
  siteLanguages: string[];
  defaultLanguage: string;
  items: Record<string, CatalogEntry>;
}

type View = { name: 'inbox' } | { name: 'inquiry'; id: string } | { name: 'dashboard' } | { name: 'privacy' } | { name: 'translations' };

function viewFromHash(hash: string): View {
  const [, name, id] = hash.replace(/^#/, '').split('/');
  if (name === 'inquiry' && id) return { name: 'inquiry', id };
  if (name === 'dashboard') return { name: 'dashboard' };
  if (name === 'privacy') return { name: 'privacy' };
  if (name === 'translations') return { name: 'translations' };
  return { name: 'inbox' };
}

const LANGUAGE_KEY = `${site.id}-staff-language`;

export default function StaffConsole({ strings, languages, siteLanguages, defaultLanguage, items }: StaffConsoleProps) {
  const [lang, setLang] = useState(defaultLanguage);
  const [settings, setSettings] = useState<AuthSettings | undefined>();
  const [settingsError, setSettingsError] = useState(false);
  const [session, setSession] = useState<Session | undefined>();
  const [ready, setReady] = useState(false);
  const [view, setView] = useState<View>({ name: 'inbox' });
  const [filters, setFilters] = useState<InboxFilters>(DEFAULT_FILTERS);
  const [message, setMessage] = useState('');
  const [me, setMe] = useState({ id: '', name: '' });
  const sessionRef = useRef<Session | undefined>(undefined);
  const mainRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const info = languages.find((l) => l.code === lang) ?? languages[0]!;
  const t = useCallback(
    (key: string, values: Record<string, string | number> = {}) => {
      // An error code the console has no words for reads as the general error, never as a raw key.
      const fallback = key.startsWith('staff.errors.') ? (strings[lang]?.['staff.errors.internal'] ?? key) : key;
      // A number `count` chooses the plural form (`key_one`, `key_other`...) by the console language's rules, written in its digits.
      const count = values.count;
      const forms = typeof count === 'number' ? pluralFormsOf(strings[lang] ?? {}, key) : undefined;
      if (typeof count === 'number' && forms) {
        return fillPlaceholders(pluralForm({ tag: info.tag, forms }, count), {
          ...values,
          count: new Intl.NumberFormat(info.tag).format(count),
        });
      }
      const template = strings[lang]?.[key] ?? strings[defaultLanguage]?.[key] ?? fallback;
      return fillPlaceholders(template, values);
    },
    [lang, strings, defaultLanguage, info.tag],
  );

  // Start: the language chosen before (or the browser's).
  useEffect(() => {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    const preferred = saved ?? navigator.languages.map((l) => l.split('-')[0]!).find((code) => languages.some((l) => l.code === code));
    if (preferred && languages.some((l) => l.code === preferred)) setLang(preferred);
  }, [languages]);

  // Start: the pool settings, a session kept in this tab, and the view the address names.
  useEffect(() => {
    const kept = loadSession();
    sessionRef.current = kept;
    setSession(kept);
    setView(viewFromHash(location.hash));
    fetch('/api/auth/config')
      .then((r) => (r.ok ? (r.json() as Promise<AuthSettings>) : Promise.reject(new Error(String(r.status)))))
      .then(setSettings)
      .catch(() => setSettingsError(true))
      .finally(() => setReady(true));
    const onHash = () => setView(viewFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.documentElement.lang = info.tag;
    document.documentElement.dir = info.dir;
    document.title = t('staff.title');
  }, [info, t]);

  const signOut = useCallback(() => {
    saveSession(undefined);
    sessionRef.current = undefined;
    setSession(undefined);
  }, []);

  const api = useMemo(
    () =>
      apiClient(async () => {
        const current = sessionRef.current;
        if (!current) return undefined;
        // A minute before it runs out, the access token is renewed with the refresh token.
        if (current.expiresAt - Date.now() < 60_000 && settings) {
          const renewed = await refresh(settings, current);
          if (renewed) {
            saveSession(renewed);
            sessionRef.current = renewed;
            return renewed.accessToken;
          }
        }
        return current.accessToken;
      }, signOut),
    [settings, signOut],
  );

  // Once signed in: who am I, and let colleagues find me for assignments.
  useEffect(() => {
    if (!session) return;
    api<{ id: string; name: string }>('PUT', '/api/staff/members/me')
      .then((member) => setMe({ id: member.id, name: member.name }))
      .catch(() => {});
  }, [session, api]);

  // Signing in or moving to another view puts focus on its heading: a new FocusOnView per view (see below).
  const viewKey = !session ? 'signed-out' : view.name === 'inquiry' ? `inquiry/${view.id}` : view.name;

  const go = (hash: string) => {
    if (location.hash !== hash) location.hash = hash;
    setView(viewFromHash(hash));
  };

  const context: ConsoleContextValue = {
    lang,
    tag: info.tag,
    t,
    api,
    items,
    siteLang: siteLanguages.includes(lang) ? lang : defaultLanguage,
    me,
    may: (route) => mayUse(groupsOf(session), route),
    announce: setMessage,
  };

  const languagePicker = (
    <div className="console-language">
      <label htmlFor={`${id}-lang`}>{t('staff.language')}</label>
      <select
        id={`${id}-lang`}
        value={lang}
        onChange={(e) => {
          setLang(e.target.value);
          localStorage.setItem(LANGUAGE_KEY, e.target.value);
        }}
      >
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.tag}>
            {l.nativeName}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <ConsoleContext.Provider value={context}>
      <header className="console-header">
        <div className="header-inner">
          <h1 className="console-title">{t('staff.title')}</h1>
          {languagePicker}
          {session && (
            <div className="console-user">
              <span>{t('staff.signedInAs', { name: me.name || session.username })}</span>
              <button type="button" className="button-secondary" onClick={signOut}>
                {t('staff.signOut')}
              </button>
            </div>
          )}
        </div>
        {session && (
          <nav className="site-nav" aria-label={t('staff.nav.label')}>
            <ul>
              {(
                [
                  ['#/inbox', 'inbox'],
                  ['#/dashboard', 'dashboard'],
                  ['#/privacy', 'privacy'],
                  ['#/translations', 'translations'],
                ] as const
              ).map(([hash, name]) => (
                <li key={name}>
                  <a
                    href={hash}
                    aria-current={view.name === name || (name === 'inbox' && view.name === 'inquiry') ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      go(hash);
                    }}
                  >
                    {t(`staff.nav.${name}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <div className="console-main" ref={mainRef}>
        <FocusOnView key={viewKey} container={mainRef} />
        <p className="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
        {!ready && <p aria-busy="true">{t('staff.loading')}</p>}
        {ready && !session && (
          <SignIn
            settings={settings}
            unavailable={settingsError}
            onSignedIn={(s) => {
              sessionRef.current = s;
              saveSession(s);
              setSession(s);
            }}
          />
        )}
        {ready && session && view.name === 'inbox' && (
          <Inbox filters={filters} onFilters={setFilters} onOpen={(inquiry) => go(`#/inquiry/${inquiry}`)} />
        )}
        {ready && session && view.name === 'inquiry' && <InquiryView key={view.id} id={view.id} onBack={() => go('#/inbox')} />}
        {ready && session && view.name === 'dashboard' && <Dashboard />}
        {ready && session && view.name === 'privacy' && <Privacy />}
        {ready && session && view.name === 'translations' && <Translations />}
      </div>
    </ConsoleContext.Provider>
  );
}

/**
 * Puts focus on the view's heading once, when mounted: keyed by the view, so each new view (and signing in)
 * mounts a fresh one, and a screen reader says where one is. The heading may appear only once the view's
 * data has loaded, so it is looked for for a few seconds.
 */
function FocusOnView({ container }: { container: RefObject<HTMLElement | null> }) {
  useEffect(() => {
    let tries = 0;
    const timer = setInterval(() => {
      const heading = container.current?.querySelector<HTMLElement>('[data-focus-on-view]');
      if (heading) heading.focus();
      if (heading || ++tries > 60) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, [container]);
  return null;
}

function SignIn({
  settings,
  unavailable,
  onSignedIn,
}: {
  settings: AuthSettings | undefined;
  unavailable: boolean;
  onSignedIn: (session: Session) => void;
}) {
  const { t } = useConsole();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(unavailable ? t('staff.signIn.unavailable') : undefined);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!settings) return;
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signIn(settings, username.trim(), password));
    } catch (e) {
      const code = e instanceof SignInError ? e.code : 'unavailable';
      setError(t(`staff.signIn.${code === 'new-password' ? 'newPassword' : code}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('staff.signIn.title')}</h2>
      <p className="hint">{t('staff.signIn.hint')}</p>
      {error && (
        <p className="console-error" role="alert">
          {error}
        </p>
      )}
      <div className="filter">
        <label htmlFor={`${id}-user`}>{t('staff.signIn.username')}</label>
        <input
          id={`${id}-user`}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-password`}>{t('staff.signIn.password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </div>
      <button type="submit" className="button" disabled={busy || !settings}>
        {t('staff.signIn.submit')}
      </button>
    </form>
  );
}
