// The React the editor's bundle already runs, as it exposes it (window.h, window.createClass): widgets must share its copy.

export type Element = unknown;
export type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

interface EditorGlobals {
  h: H;
  createClass: (spec: object) => unknown;
}

const globals = () => window as unknown as EditorGlobals;

export const h: H = (type, props, ...children) => globals().h(type, props, ...children);

/** A class component in the editor's React: `this` holds props, state and setState as React gives them. */
export function createClass<P, S>(spec: ComponentSpec<S> & ThisType<Component<P, S>>): unknown {
  return globals().createClass(spec);
}

export interface Component<P, S> {
  props: P;
  state: S;
  setState(update: Partial<S>): void;
  [own: string]: unknown;
}

export interface ComponentSpec<S> {
  getInitialState?(): S;
  componentDidMount?(): void;
  componentWillUnmount?(): void;
  shouldComponentUpdate?(): boolean;
  render(): Element;
  [own: string]: unknown;
}

/** What the editor gives a widget's control (decap-cms-core's EditorControl → Widget); only what these widgets use. */
export interface WidgetProps<V> {
  value: V;
  onChange(value: V): void;
  forID: string;
  classNameWrapper: string;
  /** The language of the pane the widget is in (a multilingual collection). */
  locale?: string;
  /** The entry being edited as the store holds it now (the `entry` prop can be stale). */
  getEntry(): import('./entry-texts.ts').ImmutableMap;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}
