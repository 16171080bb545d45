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
  const values = raw.values;
  const variance = new Float64Array(values.length);
  // Every cell of mean and dispersion is written once below (NaN where not a count).
  const mean = new Float64Array(values.length);
  const dispersion = new Float64Array(values.length);
  const columns = raw.codes.map((code) => models[code]);
  // Period by period, as the panel is laid out (reading a unit's series across periods would
  // miss the cache at every period of a large panel), with each unit × column's running sums
  // over the baseline window [p − B + 1, p] and over its same-month-last-year pairs (t − 12, t),
  // t in [p − B + 13, p]: the same values as baselineMean and countDispersion, without walking
  // the window for every month; each series' sums take the same steps in the same order.
  const sum = new Float64Array(U * C);
  const present = new Float64Array(U * C);
  const squares = new Float64Array(U * C);
  const sums = new Float64Array(U * C);
  const pairs = new Float64Array(U * C);
  for (let p = 0; p < P; p++) {
    const gone = p - baselineMonths;
    const pairGone = p - baselineMonths + year; // the pair ending here has left the window
    for (let u = 0; u < U; u++) {
      const row = (p * U + u) * C;
      for (let c = 0; c < C; c++) {
        const model = columns[c];
        const i = row + c;
        if (!model || model.model !== 'poisson') {
          mean[i] = Number.NaN;
          dispersion[i] = Number.NaN;
        }
        if (!model || model.model === 'none') continue;
        const x = values[i];
        if (model.model === 'survey') {
          if (x !== x) continue;
          variance[i] =
            model.marginOfError !== null ? (model.marginOfError / 1.959963984540054) ** 2 : (Math.max(0, x) * Math.max(0, model.total - x)) / (model.sampleSize ?? 1);
          continue;
        }
        const s = u * C + c;
        if (x === x) {
          sum[s] += x;
          present[s]++;
        }
        if (gone >= 0) {
          const g = values[(gone * U + u) * C + c];
          if (g === g) {
            sum[s] -= g;
            present[s]--;
          }
        }
        if (p >= year && x === x) {
          const y = values[((p - year) * U + u) * C + c];
          if (y === y) {
            squares[s] += (x - y) ** 2;
            sums[s] += x + y;
            pairs[s]++;
          }
        }
        if (pairGone >= year) {
          const a = values[(pairGone * U + u) * C + c];
          const b = values[((pairGone - year) * U + u) * C + c];
          if (a === a && b === b) {
            squares[s] -= (a - b) ** 2;
            sums[s] -= a + b;
            pairs[s]--;
          }
        }
        if (present[s] === 0) {
          mean[i] = Number.NaN;
          dispersion[i] = Number.NaN;
          continue;
        }
        const mu = (sum[s] + BASELINE_PRIOR_COUNT) / present[s];
        const phi = model.dispersion === 'estimate' ? (sums[s] > 1e-9 ? testedDispersion(squares[s] / sums[s], pairs[s]) : 1) : model.dispersion;
        mean[i] = mu;
        dispersion[i] = phi;
        variance[i] = x === x ? phi * Math.max(0, mu) : 0;
      }
    }
  }
  return { units: raw.units, periods: raw.periods, codes: raw.codes, variance, mean, dispersion, models };
}
