import { logCT } from './logCT.ts';
import { skewness } from './skewness.ts';

/**
 * COINr's `log_CT_plus()` (not COINr's default): `log_CT` for positive skew,
 * and the mirrored `−ln(max + a − x)` for zero or negative skew, with
 * `a = 0.01 · (max − min)`, so that the log always reduces |skew|.
 *
 * @example
 * // skew of [0, 91, 99, 100] is negative; a = 1: −ln(101), −ln(10), −ln(2), −ln(1)
 * logCTPlus([0, 91, 99, 100]); // Float64Array [−4.615…, −2.302…, −0.693…, 0]
 */
export function logCTPlus(x: ArrayLike<number>): Float64Array {
  if (skewness(x) > 0) return logCT(x);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const a = 0.01 * (max - min);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = -Math.log(max + a - x[i]);
  return out;
}
