// The map page's filters, search and list: the accessible equivalent of the map, driving it once MapLibre has started.
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { pluralForm, type PluralText } from '#domain/text/plural.ts';
import { matchesSearch } from '#domain/text/search-folding.ts';
import { type FilterFields, type FilterValues, readFilters, withFilters } from '#domain/text/url-filters.ts';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { MapFeatureProperties } from '#render/map/map-feature.ts';
import type { LonLatBounds } from '#render/map/svg.ts';
import { FilterBar, FilterSelect, filterFields, SearchField } from './filters/FilterBar.tsx';
import { ResultTable, StatusCell } from './filters/ResultTable.tsx';
import ShortlistButton, { type ShortlistStrings } from './shortlist/ShortlistButton.tsx';
import type { MapView, MapViewStrings } from './map/maplibre-view.ts';

export interface MapExplorerProps {
  /** The features as a JSON string: island props serialize a string far more compactly than nested objects. */
  featuresJson: string;
  /** Id of the server-rendered element holding the static preview, where the live map is mounted. */
  mapContainerId: string;
  bounds: LonLatBounds;
  basemapUrl: string;
  basemapStyle?: string;
  dir: 'ltr' | 'rtl';
  attribution: string;
  /** The page's language and the shortlist button's strings: each listed item can be added to the shortlist. */
  shortlist?: { lang: string; strings: ShortlistStrings };
  labels: {
    kind: Record<string, string>;
    status: Record<string, string>;
    sector: Record<string, string>;
    category: Record<string, string>;
  };
  strings: MapViewStrings & {
    filters: string;
    search: string;
    category: string;
    status: string;
    sector: string;
    any: string;
    clear: string;
    /** Plural forms, each with {{count}} and {{total}}. */
    showing: PluralText;
    noMatch: string;
    name: string;
    kind: string;
    figure: string;
    showOnMap: string;
    loading: string;
    failed: string;
    /** Contains {{name}}. */
    selected: string;
  };
}

type FilterKey = 'category' | 'status' | 'sector' | 'q';
type Filters = FilterValues<FilterKey>;
const EMPTY: Filters = { category: '', status: '', sector: '', q: '' };
type MapState = 'preview' | 'loading' | 'ready' | 'failed';

/** The URL carries filters and selection (the view itself is MapLibre's #map hash), so a shared link reproduces the page. */
function writeUrl(filters: Filters, item: string | undefined): void {
  window.history.replaceState(window.history.state, '', withFilters(window.location.href, { ...filters, item: item ?? '' }));
}

export default function MapExplorer(props: MapExplorerProps) {
  const { labels, strings } = props;
  const features = useMemo(
    () => JSON.parse(props.featuresJson) as FeatureCollection<Point | LineString, MapFeatureProperties>,
    [props.featuresJson],
  );
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [selected, setSelected] = useState<string | undefined>();
  const [mapState, setMapState] = useState<MapState>('preview');
  const [live, setLive] = useState(false);
  const view = useRef<MapView | undefined>(undefined);
  const starting = useRef<Promise<MapView | undefined> | undefined>(undefined);
  const formId = useId();

  const all = useMemo(() => features.features.map((feature) => feature.properties), [features]);
  const visible = useMemo(
    () =>
      all.filter(
        (item) =>
          (!filters.category || item.category === filters.category) &&
          (!filters.status || item.status === filters.status) &&
          (!filters.sector || item.sectors.includes(filters.sector)) &&
          matchesSearch(item.name, filters.q),
      ),
    [all, filters],
  );
  // What the address may say: the labelled choices and the items on this map; anything else reads as no filter.
  const fields = useMemo<FilterFields<FilterKey | 'item'>>(
    () => ({
      category: Object.keys(labels.category),
      status: Object.keys(labels.status),
      sector: Object.keys(labels.sector),
      q: 'text',
      item: all.map((item) => item.id),
    }),
    [labels, all],
  );
  // The latest list and selection, for the one moment the map becomes ready (an effect that must not re-run on each change).
  const latest = useRef({ visible, selected });
  useEffect(() => {
    latest.current = { visible, selected };
  });

  const startMap = useCallback((): Promise<MapView | undefined> => {
    if (starting.current) return starting.current;
    const container = document.getElementById(props.mapContainerId);
    if (!container) return Promise.resolve(undefined);
    setMapState('loading');
    container.dataset.state = 'loading';
    const target = document.createElement('div');
    target.className = 'map-live';
    container.append(target);
    starting.current = import('./map/maplibre-view.ts')
      .then(({ createMapView }) =>
        createMapView({
          container: target,
          bounds: props.bounds,
          basemapUrl: props.basemapUrl,
          basemapStyle: props.basemapStyle,
          features,
          labels,
          strings,
          dir: props.dir,
          attribution: props.attribution,
          onSelect: (id) => setSelected(id),
        }),
      )
      .then((created) => {
        view.current = created;
        container.dataset.state = 'ready';
        setMapState('ready');
        return created;
      })
      .catch((error: unknown) => {
        console.error(error);
        target.remove();
        container.dataset.state = 'failed';
        setMapState('failed');
        return undefined;
      });
    return starting.current;
  }, [features, labels, strings, props.bounds, props.basemapUrl, props.basemapStyle, props.dir, props.attribution, props.mapContainerId]);

  // Restore state from the address.
  useEffect(() => {
    const { item, ...fromUrl } = readFilters(window.location.search, fields);
    setFilters(fromUrl);
    setSelected(item || undefined);
    setLive(true);
  }, [fields]);

  // Start the live map on the first sign of interest in it.
  useEffect(() => {
    const container = document.getElementById(props.mapContainerId);
    const start = () => void startMap();
    const events = ['pointerdown', 'wheel', 'focusin', 'keydown'] as const;
    for (const type of events) container?.addEventListener(type, start, { once: true, passive: true });
    // On wider screens the map is the point of the page: start it when the browser has nothing else to do.
    // On phones the preview and the list are enough until the visitor touches the map, which keeps the page light.
    let idle: number | undefined;
    const sharedItem = new URLSearchParams(window.location.search).has('item');
    if (window.matchMedia('(min-width: 48rem)').matches || sharedItem || window.location.hash.includes('map='))
      idle = window.requestIdleCallback ? window.requestIdleCallback(start, { timeout: 2000 }) : window.setTimeout(start, 200);
    return () => {
      for (const type of events) container?.removeEventListener(type, start);
      if (idle !== undefined) (window.cancelIdleCallback ?? window.clearTimeout)(idle);
    };
  }, [startMap, props.mapContainerId]);

  useEffect(() => {
    if (!live) return;
    writeUrl(filters, selected);
    view.current?.setVisible(new Set(visible.map((item) => item.id)));
  }, [live, filters, selected, visible]);

  // Only when the map becomes ready: later changes go through the effect above and choose().
  useEffect(() => {
    if (mapState !== 'ready') return;
    const { visible, selected } = latest.current;
    view.current?.setVisible(new Set(visible.map((item) => item.id)));
    // A shared link that carries a view keeps it; without one, the map goes to the selected item.
    view.current?.select(selected, { fly: Boolean(selected) && !window.location.hash.includes('map=') });
  }, [mapState]);

  const choose = async (id: string) => {
    setSelected(id);
    const map = view.current ?? (await startMap());
    map?.select(id);
    document.getElementById(props.mapContainerId)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  const field = filterFields(formId, filters, (key, value) => setFilters((current) => ({ ...current, [key]: value })));
  /** The labelled choices that some item on the map has, in the labels' order. */
  const options = (map: Record<string, string>, present: string[]) =>
    Object.entries(map)
      .filter(([value]) => present.includes(value))
      .map(([value, label]) => ({ value, label }));
  const selectedName = all.find((item) => item.id === selected)?.name;

  return (
    <div className="map-explorer">
      <FilterBar label={strings.filters} clear={strings.clear} onClear={() => setFilters(EMPTY)}>
        <SearchField {...field('q', strings.search)} />
        <FilterSelect
          {...field('category', strings.category)}
          options={options(
            labels.category,
            all.map((item) => item.category),
          )}
          any={strings.any}
        />
        <FilterSelect
          {...field('status', strings.status)}
          options={options(
            labels.status,
            all.map((item) => item.status),
          )}
          any={strings.any}
        />
        <FilterSelect
          {...field('sector', strings.sector)}
          options={options(
            labels.sector,
            all.flatMap((item) => item.sectors),
          )}
          any={strings.any}
        />
      </FilterBar>
      <p className="result-count" role="status" aria-live="polite">
        {fillPlaceholders(pluralForm(strings.showing, visible.length), { count: visible.length, total: all.length })}
        {mapState === 'loading' && <span className="map-progress"> · {strings.loading}</span>}
        {mapState === 'failed' && <span className="map-progress"> · {strings.failed}</span>}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {selectedName ? fillPlaceholders(strings.selected, { name: selectedName }) : ''}
      </p>
      <ResultTable
        className="map-list"
        columns={[strings.name, strings.kind, strings.status, strings.figure]}
        noMatch={strings.noMatch}
        count={visible.length}
      >
        {visible.map((item) => (
          <tr key={item.id} data-id={item.id} className={item.id === selected ? 'is-selected' : undefined}>
            <th scope="row">
              <button type="button" className="link-button" aria-pressed={item.id === selected} onClick={() => void choose(item.id)}>
                {item.name}
                <span className="visually-hidden"> — {strings.showOnMap}</span>
              </button>
              <a className="row-link" href={item.href}>
                {strings.openPage}
              </a>
              {props.shortlist && (
                <ShortlistButton lang={props.shortlist.lang} id={item.id} title={item.name} strings={props.shortlist.strings} compact />
              )}
            </th>
            <td>{labels.kind[item.kind]}</td>
            <StatusCell status={item.status} label={item.statusText ?? labels.status[item.status]} />
            <td>
              {item.figure ?? '—'}
              {item.approximate && (
                <>
                  <span className="approx-mark" aria-hidden="true" title={strings.approximate}>
                    {' '}
                    ≈
                  </span>
                  <span className="visually-hidden">, {strings.approximate}</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </ResultTable>
    </div>
  );
}
