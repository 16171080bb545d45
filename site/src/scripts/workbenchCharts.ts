/** The workbench's charts, drawn client-side as SVG with d3-scale and d3-shape. */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { area, line } from 'd3-shape';

const SVG = 'http://www.w3.org/2000/svg';

export function svgEl(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface Series {
  key: string;
  values: number[];
  className: string;
}

export interface TrendOptions {
  months: string[];
  series: Series[];
  band?: { lower: number[]; upper: number[] } | null;
  title: string;
  desc: string;
  monthLabel: (m: string) => string;
}

const W = 720;
const H = 300;
const M = { top: 14, right: 16, bottom: 30, left: 44 };

/** A line chart of months × series, with an optional 5–95% band. */
export function trendSvg(o: TrendOptions): SVGSVGElement {
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'wb-trend-t wb-trend-d' }) as SVGSVGElement;
  svg.append(svgEl('title', { id: 'wb-trend-t' }, o.title), svgEl('desc', { id: 'wb-trend-d' }, o.desc));
  const all: number[] = [];
  for (const s of o.series) for (const v of s.values) if (Number.isFinite(v)) all.push(v);
  if (o.band) for (const v of [...o.band.lower, ...o.band.upper]) if (Number.isFinite(v)) all.push(v);
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 100;
  const pad = Math.max(1, (hi - lo) * 0.08);
  const y = scaleLinear().domain([lo - pad, hi + pad]).nice().range([H - M.bottom, M.top]);
  const x = scalePoint<string>().domain(o.months).range([M.left, W - M.right]);
  const axis = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const t of y.ticks(5)) {
    axis.append(svgEl('line', { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t) }));
    axis.append(svgEl('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, String(t)));
  }
  const step = Math.max(1, Math.ceil(o.months.length / 7));
  o.months.forEach((m, i) => {
    if ((o.months.length - 1 - i) % step === 0) axis.append(svgEl('text', { x: x(m) ?? 0, y: H - M.bottom + 18, 'text-anchor': 'middle' }, o.monthLabel(m)));
  });
  svg.append(axis);
  if (o.band) {
    const band = o.band;
    const a = area<number>()
      .defined((i) => Number.isFinite(band.lower[i]) && Number.isFinite(band.upper[i]))
      .x((i) => x(o.months[i]) ?? 0)
      .y0((i) => y(band.lower[i]))
      .y1((i) => y(band.upper[i]));
    svg.append(svgEl('path', { class: 'wb-band', d: a(o.months.map((_, i) => i)) ?? '' }));
  }
  for (const s of o.series) {
    const l = line<number>()
      .defined((i) => Number.isFinite(s.values[i]))
      .x((i) => x(o.months[i]) ?? 0)
      .y((i) => y(s.values[i]));
    svg.append(svgEl('path', { class: `wb-line ${s.className}`, d: l(o.months.map((_, i) => i)) ?? '', 'data-series': s.key }));
  }
  return svg;
}

export interface IntervalRow {
  label: string;
  nominal: number;
  median: number;
  lower: number;
  upper: number;
}

/** Ranks as dots (current settings), diamonds (median) and a 5–95% interval line, one row per district. */
export function rankSvg(rows: IntervalRow[], maxRank: number, title: string): SVGSVGElement {
  const w = 520;
  const rowH = 34;
  const left = 110;
  const h = rows.length * rowH + 36;
  const svg = svgEl('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': title }) as SVGSVGElement;
  const x = scaleLinear().domain([0.5, maxRank + 0.5]).range([left, w - 16]);
  const axis = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
  for (let r = 1; r <= maxRank; r++) {
    axis.append(svgEl('line', { x1: x(r), x2: x(r), y1: 6, y2: h - 26 }));
    axis.append(svgEl('text', { x: x(r), y: h - 8, 'text-anchor': 'middle' }, String(r)));
  }
  svg.append(axis);
  rows.forEach((r, i) => {
    const cy = 6 + i * rowH + rowH / 2;
    const g = svgEl('g', { 'aria-hidden': 'true' });
    g.append(svgEl('text', { x: left - 8, y: cy + 4, 'text-anchor': 'end', class: 'wb-rowlabel' }, r.label));
    g.append(svgEl('line', { x1: x(r.lower), x2: x(r.upper), y1: cy, y2: cy, class: 'wb-interval' }));
    g.append(svgEl('rect', { x: x(r.median) - 5, y: cy - 5, width: 10, height: 10, transform: `rotate(45 ${x(r.median)} ${cy})`, class: 'wb-median' }));
    g.append(svgEl('circle', { cx: x(r.nominal), cy, r: 9, class: 'wb-nominal' }));
    svg.append(g);
  });
  return svg;
}

export interface SobolRow {
  label: string;
  first: number;
  total: number;
  firstInterval: readonly [number, number];
  totalInterval: readonly [number, number];
}

/** First-order and total Sobol indices as bars with their bootstrap intervals. */
export function sobolSvg(rows: SobolRow[], title: string): SVGSVGElement {
  const w = 520;
  const left = 150;
  const groupH = 56;
  const h = rows.length * groupH + 30;
  const svg = svgEl('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': title }) as SVGSVGElement;
  const vals = rows.flatMap((r) => [r.first, r.total, ...r.firstInterval, ...r.totalInterval]).filter(Number.isFinite);
  const x = scaleLinear().domain([Math.min(0, ...vals), Math.max(1, ...vals)]).nice().range([left, w - 16]);
  const axis = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
  for (const t of x.ticks(5)) {
    axis.append(svgEl('line', { x1: x(t), x2: x(t), y1: 4, y2: h - 26 }));
    axis.append(svgEl('text', { x: x(t), y: h - 8, 'text-anchor': 'middle' }, String(t)));
  }
  svg.append(axis);
  const band = scaleBand<string>().domain(['first', 'total']).range([0, groupH - 14]).padding(0.15);
  rows.forEach((r, i) => {
    const top = 6 + i * groupH;
    const g = svgEl('g', { 'aria-hidden': 'true' });
    g.append(svgEl('text', { x: left - 8, y: top + (groupH - 14) / 2 + 4, 'text-anchor': 'end', class: 'wb-rowlabel' }, r.label));
    for (const kind of ['first', 'total'] as const) {
      const v = r[kind];
      const [a, b] = kind === 'first' ? r.firstInterval : r.totalInterval;
      const yy = top + (band(kind) ?? 0);
      const bh = band.bandwidth();
      if (Number.isFinite(v)) {
        const x0 = x(Math.min(0, v));
        g.append(svgEl('rect', { x: x0, y: yy, width: Math.max(1, Math.abs(x(v) - x(0))), height: bh, class: `wb-bar wb-bar-${kind}` }));
      }
      if (Number.isFinite(a) && Number.isFinite(b)) {
        const cy = yy + bh / 2;
        g.append(svgEl('line', { x1: x(a), x2: x(b), y1: cy, y2: cy, class: 'wb-whisker' }));
        g.append(svgEl('line', { x1: x(a), x2: x(a), y1: cy - 4, y2: cy + 4, class: 'wb-whisker' }));
        g.append(svgEl('line', { x1: x(b), x2: x(b), y1: cy - 4, y2: cy + 4, class: 'wb-whisker' }));
      }
    }
    svg.append(g);
  });
  return svg;
}
