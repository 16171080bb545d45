import { PinganError } from '../errors/pinganError.ts';
import { checkWeights } from './checkWeights.ts';

/**
 * The weighted geometric mean, as COINr's `a_gmean`:
 * `exp(Σ wᵢ log xᵢ / Σ wᵢ)` over the values present (missing values and their
 * weights are dropped). `NaN` when no value is present. Throws a `PinganError`
 * when a present value is zero or negative (COINr stops: the geometric mean
 * uses the logarithm).
 *
 * @example
 * // exp((log 4 + log 16) / 2) = exp(log 64 / 2) = 8
 * weightedGeometricMean([4, 16, Number.NaN], [1, 1, 5]); // 8 (to rounding)
 */
export function weightedGeometricMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  checkWeights(values, weights);
  const n = values.length;
  let sw = 0;
  let sum = 0;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v <= 0) throw new PinganError('out-of-domain', `the geometric mean needs positive values: values[${i}] is ${v}`);
    sw += weights[i];
    sum += weights[i] * Math.log(v);
    present++;
  }
  return present === 0 ? Number.NaN : Math.exp(sum / sw);
}
