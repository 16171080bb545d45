import type { Framework } from '../framework/defineFramework.ts';
import { addPair, countDispersionBound, dispersionBoundFromPairs, type PairSums } from '../noise/countDispersion.ts';
import { monthsAsPeriods, panelPeriodsPerYear } from '../panel/period.ts';
import { negativeBinomialMidPOf } from '../noise/negativeBinomial.ts';
import { normalQuantile } from '../noise/normal.ts';
import { resolveNoise } from '../noise/resolveNoise.ts';
import type { Panel } from '../panel/panel.ts';

/** The chart's settings: the EWMA weight, its limit and the in-control run length that limit gives. */
export interface ChartSettings {
  readonly lambda: number;
  /** The limit in asymptotic standard deviations of the EWMA, √(λ / (2 − λ)). */
  readonly limitSigmas: number;
  /** The in-control average run length of the limit, in months (`ewmaAverageRunLength`). */
  readonly runLength: number;
}

/**
 * The default chart: λ = 0.2 and L = 2.8704, whose in-control average run
 * length is 500 months for normal scores (`ewmaLimit(0.2, 500)`, checked by a
 * test): one false alarm per chart in about 42 years, or one a month in 500
 * charts.
 */
export const DEFAULT_CHART: ChartSettings = { lambda: 0.2, limitSigmas: 2.8704, runLength: 500 };

/**
 * A region × indicator control chart, one entry per period of the panel
 * (NaN, or 0 for the flags, where the month is not charted: too little
 * history, or no value).
 */
export interface ControlChart {
  readonly unit: string;
  readonly code: string;
  /** The panel's periods (shared between the charts of one panel). */
  readonly periods: readonly string[];
  /** 1 where the month is charted. */
  readonly charted: Uint8Array;
  readonly observed: Float64Array;
  /** The baseline's expected value for the month. */
  readonly expected: Float64Array;
  /** The month's normal score against its baseline (positive = worse). */
  readonly score: Float64Array;
  /** The EWMA of the scores, after the month. */
  readonly ewma: Float64Array;
  /** 1 where the EWMA is above the limit: out of control. */
  readonly outOfControl: Uint8Array;
  /** 1 where an episode out of control starts (the charted month before was in control): an alarm. */
  readonly signal: Uint8Array;
  /** The limit of the EWMA, L √(λ / (2 − λ)). */
  readonly limit: number;
}

/** The months of history a chart point needs: the same calendar month three years back. */
export const CHART_HISTORY_MONTHS = 36;

/**
 * Control charts for every region × count indicator (noise model `poisson`)
 * of a raw panel, against each region's own history:
 *
 * 1. Baseline with seasonality: the same calendar month in each of the
 *    previous three years (n of them present, at least 2, with sum S). Not
 *    its neighbouring months as well (Stroup et al.'s "historical limits"):
 *    under a seasonal peak their mean is lower than the month's, which
 *    raised false alarms above the stated rate in simulation; and with the
 *    same month only, consecutive months share no baseline value, so their
 *    scores are independent, as the run length assumes.
 * 2. The month's predictive distribution: negative binomial with mean
 *    (S + ½) / n (Jeffreys' prior, so a zero baseline is not certainty) and
 *    variance φ × mean × (1 + 1/n): φ the 80% upper bound of the
 *    over-dispersion of the previous 36 months (`countDispersionBound`),
 *    (1 + 1/n) the uncertainty of the baseline.
 * 3. The month's score z = Φ⁻¹(mid-p) of its count (`negativeBinomialMidP`),
 *    signed so that positive is worse (more events for a "higher is worse"
 *    indicator).
 * 4. A one-sided EWMA reflected at 0, E = max(0, (1 − λ) E + λ z); out of
 *    control while E > L √(λ / (2 − λ)); an alarm (`signal`) in the first
 *    month of such an episode. The EWMA is not restarted, so a lasting
 *    problem stays on the list until the counts come back.
 *
 * For normal scores the in-control average run length (months from a
 * start at 0 to the first alarm) is `settings.runLength`; mid-p scores of
 * small counts are less spread than normal ones, so for them it is longer.
 * The test measures the rate of false alarms by simulation.
 *
 * @example
 * const charts = controlCharts(result.raw, fw);
 * const last = charts[0].periods.length - 1;
 * [charts[0].observed[last], charts[0].expected[last], charts[0].ewma[last], charts[0].limit]; // [0, 0.5, 0, 0.957]
 */
export function controlCharts(raw: Panel, framework: Framework, settings: ChartSettings = DEFAULT_CHART): ControlChart[] {
  const models = resolveNoise(framework);
  const U = raw.units.length;
  const P = raw.periods.length;
  const C = raw.codes.length;
  const limit = settings.limitSigmas * Math.sqrt(settings.lambda / (2 - settings.lambda));
  const series = new Float64Array(P);
  const rows = new Float64Array(P * C);
  const charts: ControlChart[] = [];
  const counted = framework.indicators.filter((code) => models[code]?.model === 'poisson');
  const columns = counted.map((code) => raw.codes.indexOf(code));
  const signs = counted.map((code) => {
    const node = framework.byCode.get(code);
    return node?.type === 'indicator' && node.direction === 1 ? -1 : 1;
  });
  // The same period one to three years back: 12, 24, 36 months or 4, 8, 12 quarters.
  const year = panelPeriodsPerYear(raw.periods);
  const history = monthsAsPeriods(CHART_HISTORY_MONTHS, year);
  // Every chart's arrays are views of one array per field (chart by chart, P entries each):
  // seven small arrays for each of tens of thousands of charts would cost more than the charts.
  // Each chart fills its own stretch with NaN just before writing it, while it is in cache.
  const Q = counted.length;
  const cells = U * Q * P;
  const chartedAll = new Uint8Array(cells);
  const observedAll = new Float64Array(cells);
  const expectedAll = new Float64Array(cells);
  const scoreAll = new Float64Array(cells);
  const ewmaAll = new Float64Array(cells);
  const outOfControlAll = new Uint8Array(cells);
  const signalAll = new Uint8Array(cells);
  const lambda = settings.lambda;
  for (let u = 0; u < U; u++) {
    // The unit's rows, gathered: a panel is laid out period by period.
    for (let p = 0; p < P; p++) {
      const a = (p * U + u) * C;
      for (let c = 0; c < C; c++) rows[p * C + c] = raw.values[a + c];
    }
    for (let j = 0; j < Q; j++) {
      const sign = signs[j];
      const c = columns[j];
      for (let p = 0; p < P; p++) series[p] = rows[p * C + c];
      const at = (u * Q + j) * P;
      observedAll.fill(Number.NaN, at, at + P);
      expectedAll.fill(Number.NaN, at, at + P);
      scoreAll.fill(Number.NaN, at, at + P);
      ewmaAll.fill(Number.NaN, at, at + P);
      charts.push({
        unit: raw.units[u],
        code: counted[j],
        periods: raw.periods,
        charted: chartedAll.subarray(at, at + P),
        observed: observedAll.subarray(at, at + P),
        expected: expectedAll.subarray(at, at + P),
        score: scoreAll.subarray(at, at + P),
        ewma: ewmaAll.subarray(at, at + P),
        outOfControl: outOfControlAll.subarray(at, at + P),
        signal: signalAll.subarray(at, at + P),
        limit,
      });
      // The dispersion bound's same-month-last-year pairs (t', t' − year), t' in
      // [t − history + year, t − 1], slid month by month as running sums: exact, and so equal to
      // countDispersionBound's, when every value is a whole number of modest size.
      let whole = true;
      for (let p = 0; p < P && whole; p++) {
        const v = series[p];
        if (v === v && !(Number.isInteger(v) && Math.abs(v) <= 1048576)) whole = false;
      }
      const pairSums: PairSums = { pairs: 0, squares: 0, sums: 0 };
      if (whole) for (let t = year; t < history; t++) addPair(pairSums, series, t, year, 1);
      let ewma = 0;
      let before = false;
      for (let t = history; t < P; t++) {
        if (whole && t > history) {
          addPair(pairSums, series, t - 1, year, 1);
          addPair(pairSums, series, t - history + year - 1, year, -1);
        }
        const x = series[t];
        if (x !== x) continue;
        let sum = 0;
        let n = 0;
        for (let back = year; back <= 3 * year; back += year) {
          const v = series[t - back];
          if (v === v) {
            sum += v;
            n++;
          }
        }
        if (n < 2) continue;
        const mean = (sum + 0.5) / n;
        const phi = whole ? dispersionBoundFromPairs(pairSums.pairs, pairSums.squares, pairSums.sums, 0.8) : countDispersionBound(series, t - 1, history, 0.8, year);
        const midP = negativeBinomialMidPOf(Math.max(0, x), mean, phi * mean * (1 + 1 / n));
        const score = sign * normalQuantile(Math.min(1 - 1e-16, Math.max(1e-16, midP)), false);
        ewma = Math.max(0, (1 - lambda) * ewma + lambda * score);
        const out = ewma > limit;
        const i = at + t;
        chartedAll[i] = 1;
        observedAll[i] = x;
        expectedAll[i] = mean;
        scoreAll[i] = score;
        ewmaAll[i] = ewma;
        outOfControlAll[i] = out ? 1 : 0;
        signalAll[i] = out && !before ? 1 : 0;
        before = out;
      }
    }
  }
  return charts;
}

/** A region × indicator out of control in a month. */
export interface EarlyWarning {
  readonly unit: string;
  readonly code: string;
  readonly period: string;
  readonly observed: number;
  readonly expected: number;
  readonly ewma: number;
  readonly limit: number;
  /** The episode starts this month (the month before was in control). */
  readonly newAlarm: boolean;
}

/**
 * The month's out-of-control charts: every chart whose EWMA is above its
 * limit in `period` (`newAlarm` when the episode starts that month), in
 * chart order (region, then framework order).
 *
 * @example
 * earlyWarnings(controlCharts(result.raw, fw), '2025-10'); // [{ unit: '430302', code: 'fires', … }]
 */
export function earlyWarnings(charts: readonly ControlChart[], period: string): EarlyWarning[] {
  const out: EarlyWarning[] = [];
  for (const chart of charts) {
    const t = chart.periods.indexOf(period);
    if (t >= 0 && chart.outOfControl[t]) {
      out.push({ unit: chart.unit, code: chart.code, period, observed: chart.observed[t], expected: chart.expected[t], ewma: chart.ewma[t], limit: chart.limit, newAlarm: chart.signal[t] === 1 });
    }
  }
  return out;
}
