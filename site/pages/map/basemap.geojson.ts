// The offline basemap as one GeoJSON file for MapLibre (language-neutral, cached): land, province borders, the province.
import type { APIRoute } from 'astro';
import { loadBasemap } from '#render/map/basemap.ts';

export const GET: APIRoute = () => {
  const basemap = loadBasemap();
  const tag = (layer: keyof typeof basemap) => basemap[layer].features.map((feature) => ({ ...feature, properties: { layer } }));
  const collection = { type: 'FeatureCollection', features: [...tag('land'), ...tag('outline'), ...tag('provinceBorders')] };
  return new Response(JSON.stringify(collection), { headers: { 'Content-Type': 'application/geo+json' } });
};
