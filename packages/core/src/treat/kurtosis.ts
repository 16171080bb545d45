import { skewAndKurtosis } from './skewAndKurtosis.ts';

/**
 * COINr's `kurt()`: the bias-corrected sample excess kurtosis (e1071
 * type 2, as Excel's `KURT`), `NaN` values ignored; `NaN` with fewer than
 * 4 values. With d = x − mean and r = n · Σd⁴ / (Σd²)²,
 * `((n+1)(r−3) + 6)(n−1) / ((n−2)(n−3))`.
 *
 * @example
 * // 1, 2, 3, 10: d = −3, −2, −1, 6; Σd² = 50, Σd⁴ = 81 + 16 + 1 + 1296 = 1394
 * // r = 4 · 1394 / 2500 = 2.2304; (5 · (−0.7696) + 6) · 3 / 2 = 3.228
 * kurtosis([1, 2, 3, 10]); // 3.228
 */
export function kurtosis(x: ArrayLike<number>): number {
  return skewAndKurtosis(x).kurt;
}
