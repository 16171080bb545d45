import { PinganError } from '../errors/pinganError.ts';
import { checkWeights } from './checkWeights.ts';

/**
 * The weighted harmonic mean, as COINr's `a_hmean`: `Σ wᵢ / Σ (wᵢ / xᵢ)` over
 * the values present (missing values and their weights are dropped). `NaN`
 * when no value is present. Throws a `PinganError` when a present value is
 * zero or negative (COINr stops on zeros only; a negative value would let the
 * denominator cross zero, so it is refused here too).
 *
 * @example
 * // 2 / (1/2 + 1/6) = 2 / (2/3) = 3
 * weightedHarmonicMean([2, 6], [1, 1]); // 3 (to rounding)
 */
export function weightedHarmonicMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  checkWeights(values, weights);
  const n = values.length;
  let sw = 0;
  let sum = 0;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v <= 0) throw new PinganError('out-of-domain', `the harmonic mean needs positive values: values[${i}] is ${v}`);
    sw += weights[i];
    sum += weights[i] / v;
    present++;
  }
  return present === 0 ? Number.NaN : sw / sum;
}
