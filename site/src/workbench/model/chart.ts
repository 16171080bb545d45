/**
 * The little geometry the workbench's charts need: linear scales with nice
 * ticks (d3-array's `nice` and `ticks`) and SVG paths that break at missing
 * values. Kept apart from d3-scale and d3-shape, whose interpolators, colour
 * and format modules would triple the page's script for four charts.
 */
import { nice, ticks } from 'd3-array';

export interface Linear {
  (x: number): number;
  readonly domain: readonly [number, number];
  ticks(count: number): number[];
}

/** A linear map from `domain` onto `range`; `niceDomain` widens the domain to round ticks. */
export function linear(domain: readonly [number, number], range: readonly [number, number], niceDomain = false, count = 5): Linear {
  const [d0, d1] = niceDomain ? nice(domain[0], domain[1], count) : domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const f = ((x: number) => r0 + ((x - d0) / span) * (r1 - r0)) as Linear;
  return Object.assign(f, { domain: [d0, d1] as const, ticks: (n: number) => ticks(d0, d1, n) });
}

/** Evenly spaced positions for `n` points across `range` (the first and last at its ends). */
export function pointPositions(n: number, range: readonly [number, number]): number[] {
  if (n <= 1) return [(range[0] + range[1]) / 2].slice(0, n);
  const step = (range[1] - range[0]) / (n - 1);
  return Array.from({ length: n }, (_, i) => range[0] + i * step);
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** A polyline through (xs[i], y(values[i])), broken where a value is missing. */
export function linePath(xs: readonly number[], values: readonly number[], y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${r2(xs[i])},${r2(y(v))}`;
    pen = true;
  }
  return d;
}

/** The area between two series, one closed shape per run of points where both are present. */
export function areaPath(xs: readonly number[], lower: readonly number[], upper: readonly number[], y: (v: number) => number): string {
  let d = '';
  let run: number[] = [];
  const flush = () => {
    if (run.length) {
      const top = run.map((i, k) => `${k ? 'L' : 'M'}${r2(xs[i])},${r2(y(upper[i]))}`).join('');
      const bottom = [...run].reverse().map((i) => `L${r2(xs[i])},${r2(y(lower[i]))}`).join('');
      d += `${top}${bottom}Z`;
    }
    run = [];
  };
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(lower[i]) && Number.isFinite(upper[i])) run.push(i);
    else flush();
  }
  flush();
  return d;
}
