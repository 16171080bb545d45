import { normalQuantile } from './normal.ts';

/**
 * The over-dispersion of a monthly count series from its own history, as a
 * quasi-Poisson dispersion φ (variance = φ × mean), estimated from
 * same-month-last-year differences so that seasonality and slow trends do not
 * count as noise: for independent counts x_t and x_{t−12} with about equal
 * means, E[(x_t − x_{t−12})²] = φ (μ_t + μ_{t−12}), hence
 *
 *   φ̂ = Σ (x_t − x_{t−12})² / Σ (x_t + x_{t−12})
 *
 * over the pairs inside the window `[end − months + 1, end]` (both values
 * present). For quarterly series `year` is 4 and `months` counts quarters:
 * the pairs are then the same quarter a year apart. φ̂ is never below 1 (the Poisson floor: under-dispersion is not
 * credited); with no pair or no event it is 1.
 *
 * @example
 * // 24 months: the second year repeats the first plus or minus 3
 * countDispersion([5, 8, 6, 7, 5, 6, 9, 4, 6, 5, 7, 6, 8, 5, 9, 4, 8, 3, 12, 7, 3, 8, 4, 9], 23, 24); // (12 × 9) / (2 × 74) < 1 → 1
 */
export function countDispersion(series: ArrayLike<number>, end: number, months: number, year = 12): number {
  return yearOnYearPairs(series, end, months, year).phi;
}

/** The same-month-last-year pairs inside the window: their number and φ̂ (1 with no event). */
function yearOnYearPairs(series: ArrayLike<number>, end: number, months: number, year: number): { readonly pairs: number; readonly phi: number; readonly squares: number; readonly sums: number } {
  let pairs = 0;
  let squares = 0;
  let sums = 0;
  const start = Math.max(0, end - months + 1);
  for (let t = Math.max(start + year, year); t <= end; t++) {
    const a = series[t];
    const b = series[t - year];
    if (a !== a || b !== b) continue;
    pairs++;
    squares += (a - b) * (a - b);
    sums += a + b;
  }
  return { pairs, phi: sums > 0 ? Math.max(1, squares / sums) : 1, squares, sums };
}

/**
 * A count's expected monthly level from the region's own history: the
 * values present in the window `[end − months + 1, end]`, summed, plus ½,
 * over their number (NaN when none is present). The ½ is Jeffreys' prior
 * (the posterior mean of a Poisson rate is (S + ½) / n), so a small region
 * with no event in three years keeps a small, non-zero expected count
 * instead of claiming that the next event is impossible.
 *
 * @example
 * baselineMean([1, 2, NaN, 5], 3, 3); // (2 + 5 + 0.5) / 2 = 3.75
 * baselineMean([0, 0, 0, 0], 3, 4); // 0.5 / 4 = 0.125
 */
export function baselineMean(series: ArrayLike<number>, end: number, months: number): number {
  let sum = 0;
  let n = 0;
  for (let t = Math.max(0, end - months + 1); t <= end; t++) {
    const v = series[t];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : (sum + 0.5) / n;
}

/**
 * An upper confidence bound of the dispersion, for the early warning: φ̂
 * (as {@link countDispersion}) times d / χ²_{1−confidence}(d), d the number of
 * same-month-last-year pairs, with the Wilson–Hilferty approximation of the
 * χ² quantile; never below 1. A chart that used φ̂ itself would read every
 * under-estimate as a shift (in simulation, over-dispersed series with
 * φ = 3 raised false alarms at nearly twice the stated rate).
 *
 * @example
 * // 24 pairs: the bound at 80% is about 1.33 × φ̂
 * countDispersionBound(series, 35, 36, 0.8);
 */
export function countDispersionBound(series: ArrayLike<number>, end: number, months: number, confidence = 0.8, year = 12): number {
  const { pairs, squares, sums } = yearOnYearPairs(series, end, months, year);
  return dispersionBoundFromPairs(pairs, squares, sums, confidence);
}

/**
 * {@link countDispersionBound} from the window's pair statistics: the number of
 * same-month-last-year pairs, Σ (x_t − x_{t−12})² and Σ (x_t + x_{t−12}). A
 * caller that slides the window month by month keeps these as running sums
 * (exact for whole counts) instead of walking the window again.
 *
 * @example
 * dispersionBoundFromPairs(0, 0, 0); // 1 (no pair)
 * dispersionBoundFromPairs(24, 96, 48); // φ̂ = 2, bounded above: about 2.66
 */
export function dispersionBoundFromPairs(pairs: number, squares: number, sums: number, confidence = 0.8): number {
  const phi = sums > 0 ? Math.max(1, squares / sums) : 1;
  if (pairs === 0) return phi;
  if (confidence !== boundConfidence) {
    boundConfidence = confidence;
    boundZ = normalQuantile(1 - confidence);
  }
  const c = 2 / (9 * pairs);
  const quantile = pairs * (1 - c + boundZ * Math.sqrt(c)) ** 3;
  return Math.max(1, (phi * pairs) / Math.max(quantile, 1e-9));
}

// The normal quantile of the last confidence asked for (a chart asks the same one every month).
let boundConfidence = Number.NaN;
let boundZ = Number.NaN;
