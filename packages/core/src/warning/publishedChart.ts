import { Exact } from '../exact/decimal.ts';
import { roundNumberHalfUp } from '../exact/roundNumberHalfUp.ts';
import { monthsAsPeriods, panelPeriodsPerYear } from '../panel/period.ts';
import type { ControlChart } from './controlCharts.ts';

/** One charted month of a published control chart, as text. */
export interface ChartPoint {
  readonly month: string;
  readonly observed: string;
  readonly expected: string;
  readonly ewma: string;
}

/** A control chart's reading in one month, and its recent history, as a release publishes it. */
export interface PublishedChart {
  readonly unit: string;
  readonly code: string;
  readonly observed: string;
  readonly expected: string;
  readonly ewma: string;
  readonly limit: string;
  /** An episode out of control starts this month. */
  readonly newAlarm: boolean;
  /** The chart's charted months among the last `historyMonths` up to the month, oldest first. */
  readonly history: readonly ChartPoint[];
}

/** Options of {@link publishedChart}. */
export interface PublishedChartOptions {
  /** Decimals of the expected counts (the framework's decimals). */
  readonly decimals: number;
  /** How many months of history, up to the month, come with it (default 24; a quarterly chart takes as many quarters as there are in so many months). */
  readonly historyMonths?: number;
}

/**
 * A chart's reading in `period`, as text: the count as observed, the
 * expected count to the framework's decimals, the EWMA and its limit to 3,
 * and the charted months of the last `historyMonths`. The releases publish
 * their out-of-control charts this way; the same function gives any other
 * chart in the same form (for example those nearest their limit). Throws a
 * `RangeError` when the chart does not chart `period`.
 *
 * @example
 * // The SYNTHETIC sample's 2025-10 (data/releases/2025-10/r5/inputs.csv):
 * const chart = controlCharts(raw, fw).find((c) => c.unit === '430382' && c.code === 'accidents')!;
 * publishedChart(chart, '2025-10', { decimals: 2 });
 * // { unit: '430382', code: 'accidents', observed: '2', expected: '1.50', ewma: '0.589', limit: '0.957', newAlarm: false,
 * //   history: [ …, { month: '2025-09', observed: '1', expected: '0.83', ewma: '0.606' }, { month: '2025-10', observed: '2', expected: '1.50', ewma: '0.589' }] }
 */
export function publishedChart(chart: ControlChart, period: string, options: PublishedChartOptions): PublishedChart {
  const t = chart.periods.indexOf(period);
  if (t < 0 || chart.charted[t] !== 1) throw new RangeError(`publishedChart: the chart of ${chart.unit} × ${chart.code} does not chart ${period}`);
  const { decimals } = options;
  const months = monthsAsPeriods(options.historyMonths ?? 24, panelPeriodsPerYear(chart.periods));
  const history: ChartPoint[] = [];
  for (let s = Math.max(0, t - months + 1); s <= t; s++) {
    if (!chart.charted[s]) continue;
    history.push({ month: chart.periods[s], observed: new Exact(chart.observed[s]).toString(), expected: roundNumberHalfUp(chart.expected[s], decimals), ewma: roundNumberHalfUp(chart.ewma[s], 3) });
  }
  return {
    unit: chart.unit,
    code: chart.code,
    observed: new Exact(chart.observed[t]).toString(),
    expected: roundNumberHalfUp(chart.expected[t], decimals),
    ewma: roundNumberHalfUp(chart.ewma[t], 3),
    limit: roundNumberHalfUp(chart.limit, 3),
    newAlarm: chart.signal[t] === 1,
    history,
  };
}
