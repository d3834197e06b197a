// The live MapLibre map: loaded only when asked for, drawn from the same GeoJSON and symbols as the static preview.
import {
  Map as MapLibreMap,
  NavigationControl,
  AttributionControl,
  Popup,
  addProtocol,
  setWorkerUrl,
  type AddLayerObject,
  type ExpressionSpecification,
  type IControl,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import stylesheetUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { MapFeatureProperties } from '#render/map/map-feature.ts';
import { SHAPE_POINTS, SYMBOLS, symbolRadius } from '#render/map/symbols.ts';
import { MAP_COLORS, type LonLatBounds } from '#render/map/svg.ts';
import type { Kind } from '#domain/catalog/catalog.ts';

setWorkerUrl(workerUrl);

/** MapLibre's stylesheet is linked only when the map starts, so the page itself carries none of it. */
function loadStylesheet(): Promise<void> {
  if (document.querySelector(`link[href="${stylesheetUrl}"]`)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheetUrl;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('MapLibre stylesheet failed to load'));
    document.head.append(link);
  });
}

export interface MapViewStrings {
  panNorth: string;
  panSouth: string;
  panEast: string;
  panWest: string;
  zoomIn: string;
  zoomOut: string;
  approximate: string;
  openPage: string;
  mapLabel: string;
}

export interface MapViewOptions {
  container: HTMLElement;
  bounds: LonLatBounds;
  basemapUrl: string;
  /** A MapLibre style URL that replaces the offline basemap (production option; see the README). */
  basemapStyle?: string;
  features: FeatureCollection<Point | LineString, MapFeatureProperties>;
  labels: { kind: Record<string, string>; status: Record<string, string> };
  strings: MapViewStrings;
  dir: 'ltr' | 'rtl';
  attribution: string;
  onSelect: (id: string | undefined) => void;
}

export interface MapView {
  setVisible(ids: Set<string>): void;
  select(id: string | undefined, options?: { fly?: boolean }): void;
  destroy(): void;
}

const FEATURE_LAYERS = ['item-lines', 'item-lines-schematic', 'item-symbols'];
/** Icons are drawn at this radius and scaled per feature; drawn at twice the size for sharp edges on dense screens. */
const ICON_RADIUS = 12;
const ICON_PIXEL_RATIO = 2;

function drawIcon(kind: Kind): ImageData {
  const size = (ICON_RADIUS + 3) * 2 * ICON_PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  const centre = size / 2;
  const radius = ICON_RADIUS * ICON_PIXEL_RATIO;
  const { shape, color } = SYMBOLS[kind];
  context.beginPath();
  if (shape === 'circle') context.arc(centre, centre, radius, 0, Math.PI * 2);
  else
    for (const [index, [dx, dy]] of SHAPE_POINTS[shape].entries()) {
      if (index) context.lineTo(centre + dx * radius, centre + dy * radius);
      else context.moveTo(centre + dx * radius, centre + dy * radius);
    }
  context.closePath();
  context.fillStyle = color;
  context.fill();
  context.lineWidth = 1.5 * ICON_PIXEL_RATIO * (ICON_RADIUS / 8);
  context.strokeStyle = '#fff';
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

const symbolColor = (): unknown[] => [
  'match',
  ['get', 'kind'],
  ...Object.entries(SYMBOLS).flatMap(([kind, symbol]) => [kind, symbol.color]),
  '#444',
];
const radius: unknown[] = ['coalesce', ['get', 'radius'], 7];

/** The offline basemap drawn from the project's own GeoJSON: water, land, provinces and the province outline. */
function offlineStyle(basemapUrl: string, attribution: string): StyleSpecification {
  return {
    version: 8,
    sources: { basemap: { type: 'geojson', data: basemapUrl, attribution } },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': MAP_COLORS.water } },
      { id: 'land', type: 'fill', source: 'basemap', filter: ['==', ['get', 'layer'], 'land'], paint: { 'fill-color': MAP_COLORS.land } },
      {
        id: 'province',
        type: 'fill',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'outline'],
        paint: { 'fill-color': MAP_COLORS.outlineFill },
      },
      {
        id: 'province-borders',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'provinceBorders'],
        paint: { 'line-color': MAP_COLORS.provinceBorder, 'line-width': 0.8 },
      },
      {
        id: 'province-outline',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'outline'],
        paint: { 'line-color': MAP_COLORS.outline, 'line-width': 1.6 },
      },
    ],
  };
}

/** The catalog's own layers, added on top of whichever basemap the map has. */
function addItemLayers(map: MapLibreMap, features: MapViewOptions['features']): void {
  const color = symbolColor() as never;
  map.addSource('items', { type: 'geojson', data: features, promoteId: 'id' });
  const layers: AddLayerObject[] = [
    {
      id: 'item-lines',
      type: 'line',
      source: 'items',
      filter: ['all', ['==', ['geometry-type'], 'LineString'], ['!', ['get', 'schematic']]],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': color, 'line-width': 4 },
    },
    {
      id: 'item-lines-schematic',
      type: 'line',
      source: 'items',
      filter: ['all', ['==', ['geometry-type'], 'LineString'], ['get', 'schematic']],
      layout: { 'line-cap': 'butt' },
      paint: { 'line-color': color, 'line-width': 4, 'line-dasharray': [2, 1.2] },
    },
    {
      id: 'item-halos',
      type: 'circle',
      source: 'items',
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['get', 'approximate']],
      paint: { 'circle-color': color, 'circle-opacity': MAP_COLORS.halo, 'circle-radius': ['+', radius, 7] as never },
    },
    {
      id: 'item-symbols',
      type: 'symbol',
      source: 'items',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: {
        'icon-image': ['get', 'kind'],
        'icon-size': ['/', radius, ICON_RADIUS] as never,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: 'selected-point',
      type: 'circle',
      source: 'items',
      filter: ['==', ['get', 'id'], ''],
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': MAP_COLORS.highlight,
        'circle-stroke-width': 3,
        'circle-radius': ['+', radius, 6] as never,
      },
    },
    {
      id: 'selected-line',
      type: 'line',
      source: 'items',
      filter: ['==', ['get', 'id'], ''],
      paint: { 'line-color': MAP_COLORS.highlight, 'line-width': 8, 'line-opacity': 0.35 },
    },
  ];
  for (const layer of layers) map.addLayer(layer);
}

/**
 * A configured basemap (a MapLibre style URL; its sources may be `pmtiles://` archives on the site's own bucket)
 * replaces the offline one. The PMTiles reader is loaded only then, so the default map carries none of it.
 */
async function registerPmtiles(): Promise<void> {
  const { Protocol } = await import('pmtiles');
  const protocol = new Protocol();
  addProtocol('pmtiles', protocol.tile);
}

/** Pan buttons: dragging must never be the only way to move the map (WCAG 2.2, 2.5.7). */
class PanControl implements IControl {
  private element?: HTMLElement;
  constructor(private readonly strings: MapViewStrings) {}

  onAdd(map: MapLibreMap): HTMLElement {
    const element = document.createElement('div');
    element.className = 'maplibregl-ctrl maplibregl-ctrl-group pan-control';
    const step = 120;
    const buttons: [string, string, [number, number]][] = [
      ['↑', this.strings.panNorth, [0, -step]],
      // The map itself is never mirrored, so west stays on the left in every language.
      ['←', this.strings.panWest, [-step, 0]],
      ['→', this.strings.panEast, [step, 0]],
      ['↓', this.strings.panSouth, [0, step]],
    ];
    for (const [symbol, label, offset] of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = symbol;
      button.setAttribute('aria-label', label);
      button.title = label;
      button.addEventListener('click', () => map.panBy(offset));
      element.append(button);
    }
    this.element = element;
    return element;
  }

  onRemove(): void {
    this.element?.remove();
  }
}

function popupContent(properties: MapFeatureProperties, options: MapViewOptions): HTMLElement {
  const root = document.createElement('div');
  root.className = 'map-popup';
  const title = document.createElement('a');
  title.href = properties.href;
  title.className = 'map-popup-title';
  title.textContent = properties.name;
  const meta = document.createElement('p');
  meta.textContent = [
    options.labels.kind[properties.kind],
    properties.statusText ?? options.labels.status[properties.status],
    properties.figure,
  ]
    .filter(Boolean)
    .join(' · ');
  root.append(title, meta);
  if (properties.approximate) {
    const note = document.createElement('p');
    note.className = 'map-popup-note';
    note.textContent = options.strings.approximate;
    root.append(note);
  }
  const more = document.createElement('a');
  more.href = properties.href;
  more.textContent = options.strings.openPage;
  root.append(more);
  return root;
}

export async function createMapView(options: MapViewOptions): Promise<MapView> {
  await loadStylesheet();
  const features = {
    ...options.features,
    features: options.features.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, radius: symbolRadius(feature.properties.capacityMw) },
    })),
  };
  const byId = new Map(features.features.map((feature) => [feature.properties.id, feature]));
  if (options.basemapStyle) await registerPmtiles();
  const map = new MapLibreMap({
    container: options.container,
    style: options.basemapStyle ?? offlineStyle(options.basemapUrl, options.attribution),
    bounds: options.bounds,
    fitBoundsOptions: { padding: 10 },
    hash: 'map',
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    cooperativeGestures: false,
    maxZoom: 13,
    minZoom: 5,
    locale: { 'NavigationControl.ZoomIn': options.strings.zoomIn, 'NavigationControl.ZoomOut': options.strings.zoomOut },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  const corner = options.dir === 'rtl' ? 'top-left' : 'top-right';
  map.addControl(new NavigationControl({ showCompass: false }), corner);
  map.addControl(new PanControl(options.strings), corner);
  map.addControl(new AttributionControl({ compact: true }), options.dir === 'rtl' ? 'bottom-left' : 'bottom-right');
  map.getCanvas().setAttribute('aria-label', options.strings.mapLabel);
  // Icons are drawn on demand from the same shapes as the preview, so the style needs no sprite files.
  map.setMissingStyleImageResolver((id) => {
    if (id in SYMBOLS && !map.hasImage(id)) map.addImage(id, drawIcon(id as Kind), { pixelRatio: ICON_PIXEL_RATIO });
  });

  const popup = new Popup({ closeButton: true, closeOnClick: false, maxWidth: '18rem', focusAfterOpen: false });
  let visible: Set<string> | undefined;
  let selected: string | undefined;

  const report = () => {
    const rendered = new Set(map.queryRenderedFeatures({ layers: FEATURE_LAYERS }).map((feature) => feature.properties.id as string));
    options.container.dataset.renderedFeatures = String(rendered.size);
    options.container.dataset.renderedIds = [...rendered].sort().join(' ');
    options.container.dataset.mapReady = 'true';
  };

  const applyFilters = () => {
    const ids = visible ? [...visible] : [...byId.keys()];
    const visibleFilter: ExpressionSpecification = ['in', ['get', 'id'], ['literal', ids]];
    const base: Record<string, ExpressionSpecification> = {
      'item-lines': ['all', ['==', ['geometry-type'], 'LineString'], ['!', ['get', 'schematic']]],
      'item-lines-schematic': ['all', ['==', ['geometry-type'], 'LineString'], ['get', 'schematic']],
      'item-halos': ['all', ['==', ['geometry-type'], 'Point'], ['get', 'approximate']],
      'item-symbols': ['==', ['geometry-type'], 'Point'],
    };
    for (const [layer, filter] of Object.entries(base)) map.setFilter(layer, ['all', filter, visibleFilter]);
    const selectedFilter: ExpressionSpecification = ['==', ['get', 'id'], selected ?? ''];
    map.setFilter('selected-point', ['all', ['==', ['geometry-type'], 'Point'], selectedFilter]);
    map.setFilter('selected-line', ['all', ['==', ['geometry-type'], 'LineString'], selectedFilter]);
  };

  const select = (id: string | undefined, { fly = true } = {}) => {
    selected = id;
    applyFilters();
    const feature = id ? byId.get(id) : undefined;
    if (!feature) {
      popup.remove();
      return;
    }
    const anchor =
      feature.geometry.type === 'Point'
        ? feature.geometry.coordinates
        : feature.geometry.coordinates[Math.floor(feature.geometry.coordinates.length / 2)]!;
    popup
      .setLngLat(anchor as [number, number])
      .setDOMContent(popupContent(feature.properties, options))
      .addTo(map);
    if (fly) map.easeTo({ center: anchor as [number, number], zoom: Math.max(map.getZoom(), 9), duration: 600 });
  };

  map.on('click', (event) => {
    const hit = map.queryRenderedFeatures(event.point, { layers: [...FEATURE_LAYERS, 'item-halos'] })[0];
    const id = hit?.properties.id as string | undefined;
    options.onSelect(id);
    select(id, { fly: false });
  });
  for (const layer of FEATURE_LAYERS) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
  popup.on('close', () => {
    if (selected) options.onSelect(undefined);
  });
  map.on('idle', report);

  const view: MapView = {
    setVisible(ids) {
      visible = ids;
      if (map.isStyleLoaded()) applyFilters();
    },
    select,
    destroy: () => map.remove(),
  };
  return new Promise((resolve, reject) => {
    map.once('load', () => {
      addItemLayers(map, features);
      applyFilters();
      resolve(view);
    });
    map.once('error', (event) => reject(event.error));
  });
}
