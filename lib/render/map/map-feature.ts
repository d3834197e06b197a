// The properties of one map feature: what the features built per language carry to the SVG preview, the map island and its list.
import type { Feature, LineString, Point } from 'geojson';

export interface MapFeatureProperties {
  id: string;
  /** Localized title. */
  name: string;
  kind: string;
  category: string;
  status: string;
  /** The status as read when the stale rule applies ("Under construction, not confirmed since July 2020"); absent: the plain label. */
  statusText?: string;
  sectors: string[];
  /** The location is an estimate: drawn with a halo, and said in the popup. */
  approximate: boolean;
  /** A line drawn through guessed points. */
  schematic: boolean;
  capacityMw?: number;
  /** The item's headline figure, already formatted for the language (capacity, or area). */
  figure?: string;
  href: string;
}

export type MapFeature = Feature<Point | LineString, MapFeatureProperties>;
