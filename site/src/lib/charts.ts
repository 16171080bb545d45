/** Build-time SVG geometry for the map (d3-geo) and the trend chart (d3-scale, d3-shape). */
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import { scaleLinear, scalePoint } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { TrendPoint } from './releases.ts';
import { labelWidth } from './labelWidth.ts';

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

let shapes: { geojson: string; regionKey: string; shapes: MapShape[] } | undefined;
/**
 * The areas of a GeoJSON FeatureCollection (each feature's region code in its `id`, or in the property `regionKey`)
 * as SVG paths fitted to MAP_WIDTH × MAP_HEIGHT. `where` names the file in errors.
 */
export function mapShapes(geojson: string, where: string, regionKey = 'id'): MapShape[] {
  if (shapes?.geojson === geojson && shapes.regionKey === regionKey) return shapes.shapes;
  let collection: FeatureCollection<Geometry, DistrictProps>;
  try {
    collection = JSON.parse(geojson) as FeatureCollection<Geometry, DistrictProps>;
  } catch (error) {
    throw new Error(`pingan site: the map ${where} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) throw new Error(`pingan site: the map ${where} is not a GeoJSON FeatureCollection`);
  const codeOf = (f: Feature<Geometry, DistrictProps>): unknown => (regionKey === 'id' ? f.id : (f.properties as unknown as Record<string, unknown> | null)?.[regionKey]);
  const unnamed = collection.features.map((f, i) => (codeOf(f) === undefined || codeOf(f) === null ? i : -1)).filter((i) => i >= 0);
  if (unnamed.length > 0) throw new Error(`pingan site: the map ${where}: features ${unnamed.join(', ')} have no ${regionKey === 'id' ? 'id' : `property "${regionKey}"`} (the region code)`);
  const features = collection.features.map((f) => rewind({ ...f, id: String(codeOf(f)) }));
  const fc: FeatureCollection<Geometry, DistrictProps> = { type: 'FeatureCollection', features };
  const projection = geoMercator().fitExtent(
    [
      [10, 10],
      [MAP_WIDTH - 10, MAP_HEIGHT - 10],
    ],
    fc,
  );
  const path = geoPath(projection).digits(1);
  const out = features.map((f) => {
    const [cx, cy] = path.centroid(f);
    return { code: String(f.id), name: f.properties?.name ?? String(f.id), d: compactPath(path(f) ?? ''), x: Math.round(cx), y: Math.round(cy) };
  });
  shapes = { geojson, regionKey, shapes: out };
  return out;
}

/**
 * A polygon path with fewer points: whole units (the map is 600 units wide, a
 * phone shows it at about half that) and no point closer than `minStep` to the
 * last one kept. The boundaries look the same; the page carries a third of the bytes.
 */
export function compactPath(d: string, minStep = 1.5): string {
  const out: string[] = [];
  for (const ring of d.split(/(?=M)/)) {
    const points = [...ring.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as const);
    const kept: (readonly [number, number])[] = [];
    for (const p of points) {
      const last = kept[kept.length - 1];
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= minStep) kept.push(p);
    }
    if (kept.length < 3) continue;
    out.push(`M${kept.map((p) => `${p[0]},${p[1]}`).join('L')}Z`);
  }
  return out.join('');
}

/** A band of the framework: its code and lower bound (the highest band first). */
export interface BandSpec {
  code: string;
  min: number;
}

/**
 * One fixed fill per band, the same in every month: darkest for the safest
 * band, lightest for the least safe ("darker is safer", said in the legend).
 * Tied to the framework's bands, never to this month's lowest and highest value.
 */
export function bandFills(bands: readonly BandSpec[]): Map<string, string> {
  const ordered = [...bands].sort((a, b) => b.min - a.min);
  const steps = Math.max(1, ordered.length - 1);
  const s = scaleLinear<string>().domain([0, steps]).range(['#1d4f7c', '#e6eef7']);
  return new Map(ordered.map((b, i) => [b.code, s(i)]));
}

/**
 * The shapes in reading order, their keyboard focus order on the map: by rows from the top (a
 * shape whose label point is within a sixth of the map's height of a row's first joins that row),
 * left to right within a row. Region codes say nothing of where a district lies.
 *
 * @example
 * readingOrder([{ code: 'b', x: 400, y: 100 }, { code: 'c', x: 300, y: 500 }, { code: 'a', x: 100, y: 120 }]).map((s) => s.code); // ['a', 'b', 'c']
 */
export function readingOrder<T extends { x: number; y: number }>(shapes: readonly T[]): T[] {
  const byHeight = [...shapes].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: T[][] = [];
  for (const s of byHeight) {
    const row = rows.at(-1);
    if (row && s.y - row[0].y <= MAP_HEIGHT / 6) row.push(s);
    else rows.push([s]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x));
}

export interface LabelLine {
  text: string;
  fontSize: number;
}
export interface PlacedLabel {
  code: string;
  /** The first line's baseline centre. */
  x: number;
  y: number;
  /** Where the label belongs (the shape's centroid), for a leader line when it had to move away. */
  anchor: { x: number; y: number };
  moved: boolean;
}

/**
 * Places each shape's label at its centroid, then moves overlapping labels
 * apart (vertically, then sideways) and keeps every label wholly inside the
 * map, so that none is clipped or covers another in either language.
 */
export function placeLabels(items: { shape: MapShape; lines: LabelLine[] }[]): PlacedLabel[] {
  const pad = 6;
  const gap = 4;
  const boxes = items.map(({ shape, lines }) => {
    const width = Math.max(...lines.map((l) => labelWidth(l.text, l.fontSize)));
    const above = lines[0]?.fontSize ?? 0;
    const below = lines.slice(1).reduce((a, l) => a + l.fontSize * 1.2, 0) + 0.25 * above;
    return { code: shape.code, anchor: { x: shape.x, y: shape.y }, x: shape.x, y: shape.y, width, above, below };
  });
  const clamp = (b: (typeof boxes)[number]) => {
    b.x = Math.min(MAP_WIDTH - pad - b.width / 2, Math.max(pad + b.width / 2, b.x));
    b.y = Math.min(MAP_HEIGHT - pad - b.below, Math.max(pad + b.above, b.y));
  };
  boxes.forEach(clamp);
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = boxes[i].y <= boxes[j].y ? [boxes[i], boxes[j]] : [boxes[j], boxes[i]];
        const overlapX = (a.width + b.width) / 2 + gap - Math.abs(a.x - b.x);
        const overlapY = a.y + a.below + gap - (b.y - b.above);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        // Move apart the cheaper way: usually vertically; sideways when that is shorter.
        if (overlapY <= overlapX) {
          a.y -= overlapY / 2 + 0.5;
          b.y += overlapY / 2 + 0.5;
        } else {
          const [l, r] = a.x <= b.x ? [a, b] : [b, a];
          l.x -= overlapX / 2 + 0.5;
          r.x += overlapX / 2 + 0.5;
        }
        clamp(a);
        clamp(b);
      }
    }
    if (!moved) break;
  }
  return boxes.map((b) => {
    const x = Math.round(b.x);
    const y = Math.round(b.y);
    return { code: b.code, x, y, anchor: b.anchor, moved: Math.hypot(x - b.anchor.x, y - b.anchor.y) > 24 };
  });
}

/** The trend chart's two drawings: a narrow one for phones and a wide one for larger screens, each at its own scale. */
export const TREND_SIZES = {
  // At most `xTicks` month labels, spaced so that none touches the next in either language.
  narrow: { width: 340, height: 250, margin: { top: 14, right: 14, bottom: 30, left: 34 }, xTicks: 3, yTicks: 4 },
  wide: { width: 640, height: 320, margin: { top: 16, right: 20, bottom: 36, left: 44 }, xTicks: 6, yTicks: 5 },
} as const;
export type TrendSize = (typeof TREND_SIZES)[keyof typeof TREND_SIZES];

export interface TrendSeries {
  code: string;
  d: string;
  colour: string;
  dash: string;
  width: number;
}
export interface TrendChart {
  width: number;
  height: number;
  series: TrendSeries[];
  xTicks: { x: number; month: string }[];
  yTicks: { y: number; value: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
  points: { month: string; x: number; y: number; value: string; subs: Record<string, string | null> }[];
  /** The index's interval as a band behind the lines ('' without intervals). */
  band: string;
}

export interface SeriesStyle {
  readonly colour: string;
  readonly dash: string;
  readonly width: number;
}

/** The index's line: the darkest and widest. */
export const INDEX_STYLE: SeriesStyle = { colour: '#1a1a1a', dash: '', width: 3 };

/**
 * The sub-indices' lines, taken in the framework's order (the first group
 * gets the first style), so any framework gets distinct lines without its
 * codes being named here; the dash tells the lines apart without colour.
 * Past the last style they repeat, with a thinner line.
 */
export const SUB_STYLES: readonly SeriesStyle[] = [
  { colour: '#1f5fa8', dash: '8 4', width: 2 },
  { colour: '#a33a00', dash: '2 3', width: 2 },
  { colour: '#6b3fa0', dash: '10 3 2 3', width: 2 },
  { colour: '#00695c', dash: '4 2', width: 2 },
  { colour: '#7a5c00', dash: '6 2 1 2', width: 2 },
  { colour: '#8c1c4a', dash: '1 2', width: 2 },
];

/**
 * The style of the i-th sub-index in the framework's order.
 *
 * @example
 * subStyle(0); // { colour: '#1f5fa8', dash: '8 4', width: 2 }
 */
export function subStyle(i: number): SeriesStyle {
  const style = SUB_STYLES[i % SUB_STYLES.length];
  return i < SUB_STYLES.length ? style : { ...style, width: 1.5 };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The trend chart's geometry at one size; the newest month is the rightmost point, inside the plot. */
export function trendChart(points: TrendPoint[], subCodes: string[], size: TrendSize = TREND_SIZES.wide): TrendChart {
  const { width, height, margin } = size;
  const months = points.map((p) => p.month);
  const x = scalePoint<string>().domain(months).range([margin.left, width - margin.right]).padding(0.3);
  const num = (v: string | null | undefined) => (v == null ? Number.NaN : Number(v));
  const intervalOf = (p: TrendPoint) => p.indexInterval ?? null;
  const all = points.flatMap((p) => [num(p.index), ...subCodes.map((c) => num(p.subs[c])), num(intervalOf(p)?.lower), num(intervalOf(p)?.upper)]).filter(Number.isFinite);
  const lo = all.length ? Math.max(0, Math.floor((Math.min(...all) - 2) / 5) * 5) : 0;
  const hi = all.length ? Math.min(100, Math.ceil((Math.max(...all) + 2) / 5) * 5) : 100;
  const y = scaleLinear().domain([lo, hi]).range([height - margin.bottom, margin.top]);
  const codes = ['index', ...subCodes];
  const valueOf = (p: TrendPoint, code: string) => (code === 'index' ? p.index : p.subs[code]);
  const series = codes.map((code) => {
    const defined = points.filter((p) => valueOf(p, code) != null);
    const gen = line<TrendPoint>()
      .x((p) => x(p.month) ?? 0)
      .y((p) => y(Number(valueOf(p, code))))
      .digits(1);
    const style = code === 'index' ? INDEX_STYLE : subStyle(subCodes.indexOf(code));
    return { code, d: gen(defined) ?? '', ...style };
  });
  const step = Math.max(1, Math.ceil(months.length / size.xTicks));
  const xTicks = months
    .map((month, i) => ({ month, i }))
    .filter(({ i }) => (months.length - 1 - i) % step === 0)
    .map(({ month }) => ({ month, x: x(month) ?? 0 }));
  const yTicks = y.ticks(size.yTicks).map((value) => ({ value, y: round1(y(value)) }));
  const banded = points.filter((p) => intervalOf(p) !== null);
  const band =
    area<TrendPoint>()
      .x((p) => x(p.month) ?? 0)
      .y0((p) => y(Number(intervalOf(p)!.lower)))
      .y1((p) => y(Number(intervalOf(p)!.upper)))
      .digits(1)(banded) ?? '';
  return {
    band,
    width,
    height,
    series,
    xTicks,
    yTicks,
    plot: { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom },
    points: points.flatMap((p) => (p.index === null ? [] : [{ month: p.month, x: round1(x(p.month) ?? 0), y: round1(y(Number(p.index))), value: p.index, subs: p.subs }])),
  };
}

/** A band code as a CSS class name part (`.band-<part>` in /bands.css; codes may hold characters a class cannot). */
export function bandClass(code: string): string {
  return code.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}
