import type { Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';
import { monthsAsPeriods, panelPeriodsPerYear } from '../panel/period.ts';
import { BASELINE_PRIOR_COUNT, testedDispersion } from './countDispersion.ts';
import { resolveNoise, resolveUncertaintySettings, type ResolvedNoise } from './resolveNoise.ts';

/** The noise of every raw indicator cell, laid out like the raw panel (other columns are 0). */
export interface CellNoise {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  readonly codes: readonly string[];
  /** The variance of each cell's value, in the value's own units. */
  readonly variance: Float64Array;
  /** For counts: the expected monthly count (baseline mean); NaN elsewhere. */
  readonly mean: Float64Array;
  /** For counts: the dispersion φ (variance = φ × mean); NaN elsewhere. */
  readonly dispersion: Float64Array;
  /** Each indicator's resolved noise model. */
  readonly models: Readonly<Record<string, ResolvedNoise>>;
}

/**
 * The sampling variance of every raw indicator value, by each indicator's
 * noise model (`resolveNoise`):
 *
 * - counts (`poisson`): φ × μ, where μ is the mean count over the region's
 *   last `baselineMonths` months up to and including the cell's month (36 by
 *   default; `baselineMean`, with Kerman's neutral prior count ⅓) and φ the
 *   dispersion (`countDispersion` over the same months: φ̂ where Pearson's
 *   dispersion test rejects the Poisson at 5%, else 1; or the framework's number), kept as running sums. Using the level rather than the month's own
 *   count keeps a month with no event from having no noise.
 * - survey shares: x (total − x) / n for a value x of a total (100 for
 *   percent) from n respondents, or (margin / 1.96)² given the 95% margin;
 * - `none`: 0. A missing cell has variance 0 (it adds no noise).
 *
 * @example
 * const noise = cellNoise(result.raw, fw);
 * noise.variance[cellAt(result.raw, '430382', '2025-10', 'homicide')]; // φ × μ of Shaoshan's homicides
 */
export function cellNoise(raw: Panel, framework: Framework): CellNoise {
  const models = resolveNoise(framework);
  // A year back is 12 months or 4 quarters; the baseline, stated in months, is converted to periods.
  const year = panelPeriodsPerYear(raw.periods);
  const baselineMonths = monthsAsPeriods(resolveUncertaintySettings(framework).baselineMonths, year);
  const U = raw.units.length;
  const P = raw.periods.length;
  const C = raw.codes.length;
  const variance = new Float64Array(raw.values.length);
  const mean = new Float64Array(raw.values.length).fill(Number.NaN);
  const dispersion = new Float64Array(raw.values.length).fill(Number.NaN);
  const series = new Float64Array(P);
  const rows = new Float64Array(P * C);
  const varianceU = new Float64Array(P * C);
  const meanU = new Float64Array(P * C);
  const dispersionU = new Float64Array(P * C);
  const columns = raw.codes.map((code) => models[code]);
  // Unit by unit, its rows gathered: a panel is laid out period by period.
  for (let u = 0; u < U; u++) {
    for (let p = 0; p < P; p++) {
      const a = (p * U + u) * C;
      for (let c = 0; c < C; c++) rows[p * C + c] = raw.values[a + c];
    }
    varianceU.fill(0);
    meanU.fill(Number.NaN);
    dispersionU.fill(Number.NaN);
    columns.forEach((model, c) => {
      if (!model || model.model === 'none') return;
      for (let p = 0; p < P; p++) series[p] = rows[p * C + c];
      // Running sums over the baseline window [p − B + 1, p], and over its same-month-last-year
      // pairs (t − 12, t) with t in [p − B + 13, p]: the same values as baselineMean and
      // countDispersion, without walking the window for every month.
      let sum = 0;
      let present = 0;
      let squares = 0;
      let sums = 0;
      let pairs = 0;
      for (let p = 0; p < P; p++) {
        const i = p * C + c;
        const x = series[p];
        if (model.model === 'survey') {
          if (x !== x) continue;
          varianceU[i] =
            model.marginOfError !== null ? (model.marginOfError / 1.959963984540054) ** 2 : (Math.max(0, x) * Math.max(0, model.total - x)) / (model.sampleSize ?? 1);
          continue;
        }
        if (x === x) {
          sum += x;
          present++;
        }
        const gone = p - baselineMonths;
        if (gone >= 0 && series[gone] === series[gone]) {
          sum -= series[gone];
          present--;
        }
        if (p >= year && x === x && series[p - year] === series[p - year]) {
          squares += (x - series[p - year]) ** 2;
          sums += x + series[p - year];
          pairs++;
        }
        const pairGone = p - baselineMonths + year; // the pair ending here has left the window
        if (pairGone >= year && series[pairGone] === series[pairGone] && series[pairGone - year] === series[pairGone - year]) {
          squares -= (series[pairGone] - series[pairGone - year]) ** 2;
          sums -= series[pairGone] + series[pairGone - year];
          pairs--;
        }
        if (present === 0) continue;
        const mu = (sum + BASELINE_PRIOR_COUNT) / present;
        const phi = model.dispersion === 'estimate' ? (sums > 1e-9 ? testedDispersion(squares / sums, pairs) : 1) : model.dispersion;
        meanU[i] = mu;
        dispersionU[i] = phi;
        varianceU[i] = x === x ? phi * Math.max(0, mu) : 0;
      }
    });
    for (let p = 0; p < P; p++) {
      const at = (p * U + u) * C;
      for (let c = 0; c < C; c++) {
        variance[at + c] = varianceU[p * C + c];
        mean[at + c] = meanU[p * C + c];
        dispersion[at + c] = dispersionU[p * C + c];
      }
    }
  }
  return { units: raw.units, periods: raw.periods, codes: raw.codes, variance, mean, dispersion, models };
}
