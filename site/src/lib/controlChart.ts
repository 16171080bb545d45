/**
 * Build-time SVG geometry of an early warning's control chart (d3-scale,
 * d3-shape): the EWMA of the month's scores over the chart's recent months,
 * against its limit (out of control above it), the release month rightmost.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { ReleaseEarlyWarning } from '@pingan/core/release';

// The top margin holds the y-axis title (the EWMA) above the plot.
export const CONTROL_CHART_SIZE = { width: 340, height: 214, margin: { top: 26, right: 12, bottom: 28, left: 34 } } as const;

export interface ControlChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The EWMA line. */
  ewma: string;
  /** The limit's height. */
  limitY: number;
  points: { month: string; x: number; y: number; ewma: string; above: boolean }[];
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; month: string }[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The chart of one warning at a fixed size (it scales with the page: the SVG has a viewBox). */
export function controlChartGeometry(warning: ReleaseEarlyWarning, size = CONTROL_CHART_SIZE): ControlChartGeometry {
  const { width, height, margin } = size;
  const months = warning.history.map((h) => h.month);
  const limit = Number(warning.limit);
  const x = scalePoint<string>().domain(months).range([margin.left, width - margin.right]).padding(0.3);
  const top = Math.max(limit * 1.25, ...warning.history.map((h) => Number(h.ewma))) * 1.05;
  const y = scaleLinear().domain([0, top]).range([height - margin.bottom, margin.top]).nice();
  const points = warning.history.map((h) => ({ month: h.month, x: round1(x(h.month) ?? 0), y: round1(y(Number(h.ewma))), ewma: h.ewma, above: Number(h.ewma) > limit }));
  const ewma = line<(typeof points)[number]>().x((p) => p.x).y((p) => p.y).digits(1)(points) ?? '';
  const step = Math.max(1, Math.ceil(months.length / 3));
  return {
    width,
    height,
    plot: { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom },
    ewma,
    limitY: round1(y(limit)),
    points,
    yTicks: y.ticks(4).map((value) => ({ value, y: round1(y(value)) })),
    xTicks: months.filter((_, i) => (months.length - 1 - i) % step === 0).map((month) => ({ month, x: round1(x(month) ?? 0) })),
  };
}
