// The map page's filters, search and list: the accessible equivalent of the map, driving it once MapLibre has started.
import { foldForSearch } from '#domain/text/search-folding.ts';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { MapFeatureProperties } from '#render/map/map-feature.ts';
import type { LonLatBounds } from '#render/map/svg.ts';
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
    /** Contains {{count}} and {{total}}. */
    showing: string;
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

type Filters = { category: string; status: string; sector: string; q: string };
const EMPTY: Filters = { category: '', status: '', sector: '', q: '' };
const FILTER_KEYS = Object.keys(EMPTY) as (keyof Filters)[];
type MapState = 'preview' | 'loading' | 'ready' | 'failed';

/** Case- and accent-insensitive, so "hoa trung" finds "Hòa Trung". */

function readUrl(): { filters: Filters; item?: string } {
  const params = new URLSearchParams(window.location.search);
  return {
    filters: Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as Filters,
    item: params.get('item') ?? undefined,
  };
}

/** The URL carries filters and selection (the view itself is MapLibre's #map hash), so a shared link reproduces the page. */
function writeUrl(filters: Filters, item: string | undefined): void {
  const url = new URL(window.location.href);
  for (const key of FILTER_KEYS) filters[key] ? url.searchParams.set(key, filters[key]) : url.searchParams.delete(key);
  item ? url.searchParams.set('item', item) : url.searchParams.delete('item');
  window.history.replaceState(window.history.state, '', url);
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
  const visible = useMemo(() => {
    const query = foldForSearch(filters.q.trim());
    return all.filter(
      (item) =>
        (!filters.category || item.category === filters.category) &&
        (!filters.status || item.status === filters.status) &&
        (!filters.sector || item.sectors.includes(filters.sector)) &&
        (!query || foldForSearch(item.name).includes(query)),
    );
  }, [all, filters]);

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

  // Restore state from the address, and start the live map on the first sign of interest in it.
  useEffect(() => {
    const fromUrl = readUrl();
    setFilters(fromUrl.filters);
    setSelected(fromUrl.item);
    setLive(true);
    const container = document.getElementById(props.mapContainerId);
    const start = () => void startMap();
    const events = ['pointerdown', 'wheel', 'focusin', 'keydown'] as const;
    events.forEach((type) => container?.addEventListener(type, start, { once: true, passive: true }));
    // On wider screens the map is the point of the page: start it when the browser has nothing else to do.
    // On phones the preview and the list are enough until the visitor touches the map, which keeps the page light.
    let idle: number | undefined;
    if (window.matchMedia('(min-width: 48rem)').matches || fromUrl.item || window.location.hash.includes('map='))
      idle = window.requestIdleCallback ? window.requestIdleCallback(start, { timeout: 2000 }) : window.setTimeout(start, 200);
    return () => {
      events.forEach((type) => container?.removeEventListener(type, start));
      if (idle !== undefined) (window.cancelIdleCallback ?? window.clearTimeout)(idle);
    };
  }, [startMap, props.mapContainerId]);

  useEffect(() => {
    if (!live) return;
    writeUrl(filters, selected);
    view.current?.setVisible(new Set(visible.map((item) => item.id)));
  }, [live, filters, selected, visible]);

  useEffect(() => {
    if (mapState === 'ready') {
      view.current?.setVisible(new Set(visible.map((item) => item.id)));
      // A shared link that carries a view keeps it; without one, the map goes to the selected item.
      view.current?.select(selected, { fly: Boolean(selected) && !window.location.hash.includes('map=') });
    }
    // Only when the map becomes ready: later selections go through choose().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapState]);

  const choose = async (id: string) => {
    setSelected(id);
    const map = view.current ?? (await startMap());
    map?.select(id);
    document.getElementById(props.mapContainerId)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  const update = (key: keyof Filters, value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const options = (map: Record<string, string>, present: string[]) => Object.entries(map).filter(([value]) => present.includes(value));
  const select = (key: Exclude<keyof Filters, 'q'>, label: string, choices: [string, string][]) => (
    <div className="filter">
      <label htmlFor={`${formId}-${key}`}>{label}</label>
      <select id={`${formId}-${key}`} value={filters[key]} onChange={(event) => update(key, event.target.value)}>
        <option value="">{strings.any}</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const selectedName = all.find((item) => item.id === selected)?.name;

  return (
    <div className="map-explorer">
      <form className="filters" role="search" aria-label={strings.filters} onSubmit={(event) => event.preventDefault()}>
        <div className="filter filter-search">
          <label htmlFor={`${formId}-q`}>{strings.search}</label>
          <input
            id={`${formId}-q`}
            type="search"
            value={filters.q}
            onChange={(event) => update('q', event.target.value)}
            autoComplete="off"
          />
        </div>
        {select(
          'category',
          strings.category,
          options(
            labels.category,
            all.map((item) => item.category),
          ),
        )}
        {select(
          'status',
          strings.status,
          options(
            labels.status,
            all.map((item) => item.status),
          ),
        )}
        {select(
          'sector',
          strings.sector,
          options(
            labels.sector,
            all.flatMap((item) => item.sectors),
          ),
        )}
        <button type="button" className="button-secondary" onClick={() => setFilters(EMPTY)}>
          {strings.clear}
        </button>
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {strings.showing.replace('{{count}}', String(visible.length)).replace('{{total}}', String(all.length))}
        {mapState === 'loading' && <span className="map-progress"> · {strings.loading}</span>}
        {mapState === 'failed' && <span className="map-progress"> · {strings.failed}</span>}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {selectedName ? strings.selected.replace('{{name}}', selectedName) : ''}
      </p>
      <div className="table-scroll">
        <table className="map-list">
          <thead>
            <tr>
              <th scope="col">{strings.name}</th>
              <th scope="col">{strings.kind}</th>
              <th scope="col">{strings.status}</th>
              <th scope="col">{strings.figure}</th>
            </tr>
          </thead>
          <tbody>
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
                </th>
                <td>{labels.kind[item.kind]}</td>
                <td>
                  <span className={`status status-${item.status}`}>{labels.status[item.status]}</span>
                </td>
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
          </tbody>
        </table>
      </div>
      {visible.length === 0 && <p className="notice">{strings.noMatch}</p>}
    </div>
  );
}
