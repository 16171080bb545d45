import type { ControlChart } from './controlCharts.ts';

/** A chart in control in a month, with its EWMA as a share of its limit. */
export interface NearLimit {
  readonly chart: ControlChart;
  /** EWMA / limit in the month: 0 at the chart's floor, 1 at the limit. */
  readonly share: number;
}

/**
 * The charts in control in `period` whose EWMA is nearest its limit: at
 * most `count` of them, the highest share of the limit first (ties in chart
 * order: region, then framework order). A chart whose EWMA sits at its
 * floor of 0 is left out, since it is as far from its limit as it can be;
 * so are charts that do not chart `period`, and those out of control (an
 * early warning lists them already). A statistician's watch list: what
 * would be the next warnings.
 *
 * @example
 * // The SYNTHETIC sample's 2025-10 (data/releases/2025-10/r5/inputs.csv), where no chart is out of control:
 * nearestLimit(controlCharts(raw, fw), '2025-10', 3).map((n) => `${n.chart.unit} ${n.chart.code} ${n.share.toFixed(2)}`);
 * // ['430382 accidents 0.62', '430381 traffic_injuries 0.61', '430302 traffic_deaths 0.49']
 */
export function nearestLimit(charts: readonly ControlChart[], period: string, count: number): NearLimit[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`nearestLimit: count must be a whole number ≥ 0, got ${count}`);
  const near: NearLimit[] = [];
  for (const chart of charts) {
    const t = chart.periods.indexOf(period);
    if (t < 0 || chart.charted[t] !== 1 || chart.outOfControl[t] === 1) continue;
    const share = chart.ewma[t] / chart.limit;
    if (share > 0) near.push({ chart, share });
  }
  // Array.prototype.sort is stable: equal shares keep the charts' order.
  return near.sort((a, b) => b.share - a.share).slice(0, count);
}
