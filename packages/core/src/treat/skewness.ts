import { skewAndKurtosis } from './skewAndKurtosis.ts';

/**
 * COINr's `skew()`: the bias-corrected sample skewness (e1071 type 2, as
 * Excel's `SKEW`), `NaN` values ignored; `NaN` with fewer than 3 values.
 * With d = x − mean, `√n · Σd³ / (Σd²)^(3/2) · √(n(n−1)) / (n−2)`.
 *
 * @example
 * // 1, 2, 3, 10: mean 4, d = −3, −2, −1, 6; Σd² = 50, Σd³ = 180
 * // √4 · 180 / 50^1.5 = 1.01823…; × √(4·3) / 2 = 1.76363…
 * skewness([1, 2, 3, 10, NaN]); // 1.7636…
 */
export function skewness(x: ArrayLike<number>): number {
  return skewAndKurtosis(x).skew;
}
