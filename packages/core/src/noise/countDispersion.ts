import { normalQuantile } from './normal.ts';

/**
 * The prior count added to a count's baseline sum: Kerman's neutral prior
 * Gamma(⅓, 0) for a Poisson rate (Kerman 2011, Electronic Journal of
 * Statistics 5, "Neutral noninformative and informative conjugate beta and
 * gamma prior distributions"). The posterior of the monthly rate after a sum
 * S over n months is Gamma(S + ⅓, n), whose median is close to the MLE S / n
 * (within about 1/(n · 100) for S ≥ 1), where Jeffreys' ½ puts the posterior
 * mean above it; in simulation Jeffreys' ½ made the intervals of small
 * districts too wide. With no event it still gives a small, non-zero level.
 */
export const BASELINE_PRIOR_COUNT = 1 / 3;

/**
 * The level of the dispersion test: a count is treated as over-dispersed
 * (φ = φ̂) only when the Pearson dispersion statistic d · φ̂ of its d
 * same-month-last-year pairs exceeds the upper 5% point of χ²(d) (the
 * Cameron–Trivedi / Pearson test of Poisson against over-dispersion); else
 * φ = 1. Flooring φ̂ at 1 instead would overstate the noise of a Poisson
 * count, since φ̂ scatters around 1 and only its upper half would be kept.
 */
export const DISPERSION_TEST_LEVEL = 0.05;

/**
 * The upper `level` point of χ²(d) by the Wilson–Hilferty approximation
 * (at 5%: within 0.5% of the exact quantile for d ≥ 3, 0.1% for d ≥ 12; 2.5% low at d = 1).
 *
 * @example
 * chiSquareUpper(24, 0.05); // 36.41 (exact 36.415)
 */
export function chiSquareUpper(d: number, level: number): number {
  const c = 2 / (9 * d);
  return d * (1 - c + normalQuantile(1 - level) * Math.sqrt(c)) ** 3;
}

/**
 * The dispersion used for a count from its estimate φ̂ over d pairs: φ̂ when
 * d · φ̂ exceeds {@link chiSquareUpper}(d, {@link DISPERSION_TEST_LEVEL}),
 * else 1 (no pair or no event: 1).
 *
 * @example
 * testedDispersion(1.8, 12); // 12 × 1.8 = 21.6 > χ²(12)'s upper 5% point 21.01 → 1.8
 * testedDispersion(1.5, 12); // 18 < 21.01 → 1
 */
export function testedDispersion(phiHat: number, pairs: number): number {
  if (!(pairs > 0) || !(phiHat > 1)) return 1;
  return pairs * phiHat > dispersionCriticalValue(pairs) ? phiHat : 1;
}

// χ²(d) critical values by number of pairs, computed once (d ≤ a few dozen), in a typed array
// (NaN: not yet computed), which every count cell of a nationwide panel reads.
const criticalValues = new Float64Array(1024).fill(Number.NaN);
function dispersionCriticalValue(d: number): number {
  if (!(d < 1024)) return chiSquareUpper(d, DISPERSION_TEST_LEVEL);
  const known = criticalValues[d];
  return known === known ? known : (criticalValues[d] = chiSquareUpper(d, DISPERSION_TEST_LEVEL));
}

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
 * the pairs are then the same quarter a year apart. φ̂ is used only when it
 * is significantly above 1 ({@link testedDispersion}: Pearson's dispersion
 * test at {@link DISPERSION_TEST_LEVEL}); otherwise, and with no pair or no
 * event, the dispersion is 1 (Poisson).
 *
 * @example
 * // 24 months: the second year repeats the first plus or minus 3
 * countDispersion([5, 8, 6, 7, 5, 6, 9, 4, 6, 5, 7, 6, 8, 5, 9, 4, 8, 3, 12, 7, 3, 8, 4, 9], 23, 24); // (12 × 9) / (2 × 74) < 1 → 1
 */
export function countDispersion(series: ArrayLike<number>, end: number, months: number, year = 12): number {
  const { pairs, phi } = yearOnYearPairs(series, end, months, year);
  return testedDispersion(phi, pairs);
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
 * values present in the window `[end − months + 1, end]`, summed, plus ⅓
 * ({@link BASELINE_PRIOR_COUNT}, Kerman's neutral prior), over their number
 * (NaN when none is present), so a small region with no event in three years
 * keeps a small, non-zero expected count instead of claiming that the next
 * event is impossible.
 *
 * @example
 * baselineMean([1, 2, NaN, 5], 3, 3); // (2 + 5 + ⅓) / 2 = 3.6667
 * baselineMean([0, 0, 0, 0], 3, 4); // ⅓ / 4 = 0.08333
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
  return n === 0 ? Number.NaN : (sum + BASELINE_PRIOR_COUNT) / n;
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
    boundQuantiles.fill(Number.NaN);
  }
  const kept = pairs < boundQuantiles.length ? boundQuantiles[pairs] : Number.NaN;
  const quantile = kept === kept ? kept : wilsonHilferty(pairs, boundZ);
  if (pairs < boundQuantiles.length) boundQuantiles[pairs] = quantile;
  return Math.max(1, (phi * pairs) / Math.max(quantile, 1e-9));
}

/** The χ² quantile of d degrees of freedom at the normal quantile z, by Wilson and Hilferty. */
function wilsonHilferty(d: number, z: number): number {
  const c = 2 / (9 * d);
  return d * (1 - c + z * Math.sqrt(c)) ** 3;
}

// The normal quantile of the last confidence asked for (a chart asks the same one every month),
// and the χ² quantile for each number of pairs at it (a chart has at most a few dozen pairs, and
// asks for the same ones month after month: about a tenth of a nationwide panel's charts).
let boundConfidence = Number.NaN;
let boundZ = Number.NaN;
const boundQuantiles = new Float64Array(1024).fill(Number.NaN);

/** Running sums of a series' same-period-last-year pairs (t, t − year): their count, Σ(a − b)² and Σ(a + b). */
export interface PairSums {
  pairs: number;
  squares: number;
  sums: number;
}

/**
 * Adds (`sign` 1) or removes (`sign` −1) the pair (t, t − year) of `series` to
 * running sums, so that a window of pairs can slide month by month; a pair
 * with a missing side is skipped. Exact for whole counts of modest size, so
 * the slid sums equal a fresh walk of the window.
 *
 * @example
 * const sums = { pairs: 0, squares: 0, sums: 0 };
 * addPair(sums, [1, 3, 2, 6], 2, 2, 1); // pair (2, 1): pairs 1, squares 1, sums 3
 * addPair(sums, [1, 3, 2, 6], 3, 2, 1); // pair (6, 3): pairs 2, squares 10, sums 12
 * dispersionBoundFromPairs(sums.pairs, sums.squares, sums.sums);
 */
export function addPair(sums: PairSums, series: ArrayLike<number>, t: number, year: number, sign: 1 | -1): void {
  const a = series[t];
  const b = series[t - year];
  if (a !== a || b !== b) return;
  sums.pairs += sign;
  sums.squares += sign * (a - b) * (a - b);
  sums.sums += sign * (a + b);
}
