// Types for lineclip, which ships none.
declare module 'lineclip' {
  type Point = [number, number];
  type BBox = [number, number, number, number];
  export function clipPolyline(points: Point[], bbox: BBox, result?: Point[][]): Point[][];
  export function clipPolygon(points: Point[], bbox: BBox): Point[];
}
