import { momentsInto, skewOf, type CentralMoments } from './centralMoments.ts';

/**
 * COINr's `skew()` and `kurt()` in one pass over the data, `NaN` values
 * ignored. Both are the bias-corrected ("type 2", as in Excel's `SKEW` and
 * `KURT` and `e1071::skewness(type = 2)`) sample statistics; with deviations
 * `d = x − mean`, `m2 = Σd²`, `m3 = Σd³`, `m4 = Σd⁴` over `n` values:
 *
 * - skew = √n · m3 / m2^(3/2) · √(n(n−1)) / (n−2), `NaN` when n < 3;
 * - kurt = ((n+1)(r−3) + 6)(n−1) / ((n−2)(n−3)) with r = n · m4 / m2²
 *   (excess kurtosis), `NaN` when n < 4.
 *
 * Constant data give `NaN` for both (0/0), as in R.
 *
 * @example
 * // 1, 2, 3, 10: mean 4, d = −3, −2, −1, 6; m2 = 50, m3 = 180, m4 = 1394
 * // skew = √4 · 180 / 50^1.5 · √12 / 2 = 1.7636…; r = 4 · 1394 / 2500 = 2.2304
 * // kurt = (5 · (2.2304 − 3) + 6) · 3 / (2 · 1) = 3.228
 * skewAndKurtosis([1, 2, 3, 10]); // { skew: 1.7636…, kurt: 3.228, n: 4 }
 */
export function skewAndKurtosis(x: ArrayLike<number>): { skew: number; kurt: number; n: number } {
  const moments = { skew: Number.NaN, kurt: Number.NaN };
  const n = skewAndKurtosisInto(x, x.length, moments);
  return { skew: moments.skew, kurt: moments.kurt, n };
}

/** The moments of the column `skewAndKurtosisInto` was last given (it makes no object). */
const scratch: CentralMoments = { n: 0, m2: 0, m3: 0, kurt: Number.NaN };

/**
 * `skewAndKurtosis` of the first `length` values of `x`, written into
 * `into` (no object is made, for the replications of an analysis); returns
 * how many values were present.
 *
 * @example
 * const moments = { skew: 0, kurt: 0 };
 * skewAndKurtosisInto([1, 2, 3, 10], 4, moments); // 4; moments { skew: 1.7636…, kurt: 3.228 }
 */
export function skewAndKurtosisInto(x: ArrayLike<number>, length: number, into: { skew: number; kurt: number }): number {
  momentsInto(x, length, scratch);
  into.skew = skewOf(scratch);
  into.kurt = scratch.kurt;
  return scratch.n;
}
