import { skewAndKurtosis } from './skewAndKurtosis.ts';

export interface SkewKurtThresholds {
  /** Absolute skewness must be below this to pass (COINr default 2). */
  readonly skewThreshold: number;
  /** Or kurtosis must be below this to pass (COINr default 3.5). */
  readonly kurtosisThreshold: number;
}

/**
 * COINr's `check_SkewKurt()`: a column passes when `|skew| < skewThreshold`
 * OR `kurt < kurtosisThreshold`, so it fails only when both are out of
 * bounds. R's three-valued logic is kept: when neither test is true and one
 * is undefined (fewer than 3 or 4 values, or constant data), `pass` is
 * `null` (R's `NA`), and COINr then leaves the column untreated.
 *
 * @example
 * // 1…10, 100: skew 3.26 ≥ 2 and kurt 10.71 ≥ 3.5 → fails
 * checkSkewKurt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]).pass; // false
 * checkSkewKurt([1, 2]).pass; // null
 */
export function checkSkewKurt(
  x: ArrayLike<number>,
  thresholds: SkewKurtThresholds = { skewThreshold: 2, kurtosisThreshold: 3.5 },
): { pass: boolean | null; skew: number; kurt: number } {
  const { skew, kurt } = skewAndKurtosis(x);
  return { pass: passesSkewKurt(skew, kurt, thresholds), skew, kurt };
}

/**
 * The test inside `checkSkewKurt` for given skew and kurtosis: R's
 * `(abs(sk) < skew_thresh) | (kt < kurt_thresh)`, where `NaN` acts as `NA`
 * (`TRUE | NA` is `TRUE`, `FALSE | NA` is `NA`, returned as `null`).
 *
 * @example
 * passesSkewKurt(2.5, 3, { skewThreshold: 2, kurtosisThreshold: 3.5 }); // true (kurtosis is fine)
 * passesSkewKurt(2.5, 4, { skewThreshold: 2, kurtosisThreshold: 3.5 }); // false
 * passesSkewKurt(2.5, NaN, { skewThreshold: 2, kurtosisThreshold: 3.5 }); // null
 */
export function passesSkewKurt(skew: number, kurt: number, thresholds: SkewKurtThresholds): boolean | null {
  const skewOk = Number.isNaN(skew) ? null : Math.abs(skew) < thresholds.skewThreshold;
  const kurtOk = Number.isNaN(kurt) ? null : kurt < thresholds.kurtosisThreshold;
  if (skewOk === true || kurtOk === true) return true;
  if (skewOk === null || kurtOk === null) return null;
  return false;
}
