// The editor's translation widgets: the source's version (raised when its words change), a translation's state with the
// source's changes and the review action, and the reviewed box that action ticks.
import { diffWords } from 'diff';
import { type EntryStatus, type LanguageStatus, translationStatus } from '#domain/translation/translation-status.ts';
import { context, historyOf, REVIEWED_EVENT, type TextHistory } from './context.ts';
import { type ImmutableMap, languageData, textFile, translatableOf, wordsOf } from './entry-texts.ts';
import { languageName } from './labels.ts';
import { createClass, type Element, h, type WidgetProps } from './react.ts';

/** How often a widget looks at the rest of the entry: the editor re-renders a widget only when its own value changes. */
const WATCH_MS = 400;

const isTranslation = (data: Record<string, unknown> | undefined) =>
  data !== undefined && typeof data.translatedFrom === 'string' && data.translatedFrom !== '';

const languageOf = (props: WidgetProps<unknown>) => props.locale ?? context.defaultLanguage;

function statusOf(entry: ImmutableMap): EntryStatus {
  return translationStatus([translatableOf(entry, context)], [...context.languages], context.defaultLanguage).entries[0]!;
}

const paragraph = (text: string, props: Record<string, unknown> = {}) => h('p', { style: { margin: '0.25em 0' }, ...props }, text);

// ---- the source's version --------------------------------------------------------------------------------------

interface VersionState {
  saves: number;
  /** The version as saved, and the words it is the version of. */
  base: number | undefined;
  words: string;
  translation: boolean;
  changed: boolean;
  /** The publisher says the change keeps the meaning (a typo): the version stays. */
  keep: boolean;
}

/**
 * The version of a source text: one more than the saved one as soon as its words differ from the saved words,
 * the saved one again if they are put back. (The editor's preSave hook can only change the default language's
 * values, and a source text may be in any language, so the raise happens here, in the text's own pane.)
 */
export const SourceVersionControl = createClass<WidgetProps<number | undefined>, VersionState>({
  getInitialState() {
    return (this.baseline as () => VersionState)();
  },
  baseline(): VersionState {
    const data = languageData(this.props.getEntry(), languageOf(this.props), context) ?? {};
    return {
      saves: context.saves,
      base: this.props.value,
      words: JSON.stringify(wordsOf(data)),
      translation: isTranslation(data),
      changed: false,
      keep: false,
    };
  },
  componentDidMount() {
    this.timer = window.setInterval(() => (this.watch as () => void)(), WATCH_MS);
  },
  componentWillUnmount() {
    window.clearInterval(this.timer as number);
  },
  watch() {
    if (this.state.saves !== context.saves) return this.setState((this.baseline as () => VersionState)());
    const data = languageData(this.props.getEntry(), languageOf(this.props), context) ?? {};
    const translation = isTranslation(data);
    const changed = !translation && JSON.stringify(wordsOf(data)) !== this.state.words;
    if (!translation) {
      const wanted = changed && !this.state.keep ? (this.state.base ?? 0) + 1 : this.state.base;
      if (this.props.value !== wanted) this.props.onChange(wanted);
    }
    if (translation !== this.state.translation || changed !== this.state.changed) this.setState({ translation, changed });
  },
  render() {
    const { labels } = context;
    const { value, forID } = this.props;
    const lines: Element[] = [];
    if (!this.state.translation) {
      lines.push(paragraph(labels.sourceText(value)));
      if (this.state.changed && !this.state.keep && value !== undefined)
        lines.push(paragraph(labels.willBump(this.state.base, value), { role: 'status' }));
      if (this.state.changed && this.state.base !== undefined)
        lines.push(
          h(
            'label',
            { style: { display: 'block' } },
            h('input', {
              type: 'checkbox',
              checked: this.state.keep,
              onChange: (event: Event) => this.setState({ keep: (event.target as HTMLInputElement).checked }),
            }),
            ` ${labels.keepVersion(this.state.base)}`,
          ),
        );
    }
    return h('div', { id: forID, className: this.props.classNameWrapper, 'data-testid': 'source-version' }, ...lines, value ?? '–');
  },
});

// ---- a translation's state -------------------------------------------------------------------------------------

interface StatusState {
  status: EntryStatus;
  signature: string;
  history?: { file: string; loaded?: TextHistory | null };
  marked?: number;
}

const STATE_COLOURS: Record<string, string> = {
  source: '#e8eaf6',
  current: '#e6f4ea',
  draft: '#fff4e5',
  stale: '#fdecea',
  missing: '#eeeeee',
};

function badge(status: LanguageStatus): Element {
  return h(
    'strong',
    { 'data-state': status.state, style: { background: STATE_COLOURS[status.state], padding: '0.1em 0.4em', borderRadius: '3px' } },
    context.labels.state[status.state],
  );
}

/** Words a screen reader says and the page does not show: many readers do not announce <ins> and <del>. */
const spoken = (words: string) =>
  h(
    'span',
    { style: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } },
    `[${words}] `,
  );

const asText = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** What changed in each field of the source between the version a translation was made from and now, word by word. */
function sourceDiff(old: Record<string, unknown>, now: Record<string, unknown>): Element {
  const { labels } = context;
  const names = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  const changed = names.filter((name) => asText(old[name]).trim() !== asText(now[name]).trim());
  if (changed.length === 0) return paragraph(labels.noChange);
  return h(
    'dl',
    { 'data-testid': 'source-diff', style: { margin: '0.25em 0' } },
    ...changed.flatMap((name) => [
      h('dt', { key: `${name}-label`, style: { fontWeight: 'bold' } }, labels.fields[name] ?? name),
      h(
        'dd',
        { key: `${name}-diff`, style: { margin: '0 0 0.5em 0', whiteSpace: 'pre-wrap' } },
        ...diffWords(asText(old[name]).trim(), asText(now[name]).trim()).map((part, index) =>
          part.added
            ? h('ins', { key: index, title: labels.added, style: { background: '#d7f5dd' } }, spoken(labels.added), part.value)
            : part.removed
              ? h('del', { key: index, title: labels.removed, style: { background: '#fbdada' } }, spoken(labels.removed), part.value)
              : part.value,
        ),
      ),
    ]),
  );
}

export const TranslationStatusControl = createClass<WidgetProps<number | undefined>, StatusState>({
  getInitialState() {
    const status = statusOf(this.props.getEntry());
    return { status, signature: JSON.stringify(status) };
  },
  componentDidMount() {
    this.timer = window.setInterval(() => (this.watch as () => void)(), WATCH_MS);
    (this.watch as () => void)();
  },
  componentWillUnmount() {
    window.clearInterval(this.timer as number);
  },
  watch() {
    const entry = this.props.getEntry();
    const status = statusOf(entry);
    const source = languageData(entry, status.sourceLanguage, context) ?? {};
    const signature = JSON.stringify([status, wordsOf(source), context.saves]);
    if (signature !== this.state.signature) this.setState({ status, signature });
    const own = status.languages.find((candidate) => candidate.lang === languageOf(this.props));
    const file = own?.state === 'stale' ? textFile(entry, status.sourceLanguage) : undefined;
    if (file && this.state.history?.file !== file) {
      this.setState({ history: { file } });
      historyOf(file).then((loaded) => {
        if (this.state.history?.file === file) this.setState({ history: { file, loaded: loaded ?? null } });
      });
    }
  },
  markReviewed() {
    const lang = languageOf(this.props);
    const own = this.state.status.languages.find((candidate) => candidate.lang === lang);
    if (own?.sourceVersion === undefined) return;
    this.props.onChange(own.sourceVersion);
    window.dispatchEvent(new CustomEvent(REVIEWED_EVENT, { detail: { locale: lang } }));
    this.setState({ marked: own.sourceVersion });
  },
  diff(own: LanguageStatus): Element {
    const { labels } = context;
    const loaded = this.state.history?.loaded;
    if (loaded === undefined) return paragraph(labels.historyLoading);
    const old = own.version === undefined ? undefined : loaded?.versions.find((version) => version.version === own.version);
    if (!old || own.version === undefined) return paragraph(labels.historyMissing(own.version ?? 0));
    const now = wordsOf(languageData(this.props.getEntry(), this.state.status.sourceLanguage, context) ?? {});
    return h(
      'div',
      {},
      paragraph(labels.changesSince(own.version)),
      sourceDiff(wordsOf({ ...old.data, body: old.body }), { body: '', ...now }),
    );
  },
  render() {
    const { labels, locale } = context;
    const { forID, value, onChange, classNameWrapper } = this.props;
    const { status, marked } = this.state;
    const lang = languageOf(this.props);
    const own = status.languages.find((candidate) => candidate.lang === lang)!;
    const others = status.languages.filter((candidate) => candidate.lang !== lang);
    const overview = h(
      'details',
      { open: own.state === 'source' },
      h('summary', {}, labels.overview),
      h(
        'ul',
        { style: { margin: '0.25em 0' } },
        ...others.map((other) =>
          h('li', { key: other.lang, 'data-lang': other.lang }, `${languageName(other.lang, locale)}: `, badge(other)),
        ),
      ),
    );
    const input = h('input', {
      id: forID,
      type: 'number',
      min: 1,
      step: 1,
      'aria-label': labels.sourceVersionInput,
      className: classNameWrapper,
      value: value ?? '',
      onChange: (event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        onChange(text === '' ? undefined : Number.parseInt(text, 10));
      },
    });
    if (own.state === 'source')
      return h('div', { 'data-testid': 'translation-status', 'data-state': 'source' }, paragraph(labels.sourceText(own.version)), overview);
    const canReview = own.state === 'stale' || own.state === 'draft';
    return h(
      'div',
      { 'data-testid': 'translation-status', 'data-state': own.state },
      h('p', { role: 'status', style: { margin: '0.25em 0' } }, badge(own)),
      own.state === 'missing'
        ? null
        : paragraph(labels.translatedFrom(languageName(status.sourceLanguage, locale), own.version, own.sourceVersion)),
      own.state === 'stale' ? (this.diff as (own: LanguageStatus) => Element)(own) : null,
      canReview ? h('button', { type: 'button', onClick: () => (this.markReviewed as () => void)() }, labels.markReviewed) : null,
      marked !== undefined ? paragraph(labels.markedReviewed(marked), { role: 'status' }) : null,
      h('label', { style: { display: 'block', marginTop: '0.5em' } }, `${labels.sourceVersionInput} `, input),
      overview,
    );
  },
});

// ---- the reviewed box ------------------------------------------------------------------------------------------

/** A checkbox, ticked also by the review action of its own language's pane. */
export const ReviewControl = createClass<WidgetProps<boolean | undefined>, Record<string, never>>({
  componentDidMount() {
    this.listener = (event: Event) => {
      if ((event as CustomEvent<{ locale: string }>).detail.locale === languageOf(this.props)) this.props.onChange(true);
    };
    window.addEventListener(REVIEWED_EVENT, this.listener as EventListener);
  },
  componentWillUnmount() {
    window.removeEventListener(REVIEWED_EVENT, this.listener as EventListener);
  },
  render() {
    const { forID, value, onChange } = this.props;
    return h('input', {
      id: forID,
      type: 'checkbox',
      checked: value === true,
      onChange: (event: Event) => onChange((event.target as HTMLInputElement).checked),
      style: { width: '1.25em', height: '1.25em' },
    });
  },
});

/** What the preview pane shows for these fields: the value as written. */
export const ValuePreview = createClass<{ value: unknown }, Record<string, never>>({
  render() {
    return h('span', {}, asText(this.props.value));
  },
});
