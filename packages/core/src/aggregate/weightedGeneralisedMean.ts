import { PinganError } from '../errors/pinganError.ts';
import { checkWeights } from './checkWeights.ts';

/**
 * The weighted generalised (power) mean, as COINr's `a_genmean`:
 * `(Σ wᵢ xᵢ^p / Σ wᵢ)^(1/p)` over the values present (missing values and
 * their weights are dropped). `NaN` when no value is present. Power 1 is the
 * arithmetic mean, -1 the harmonic mean; the limit at 0 is the geometric mean,
 * so power 0 throws a `PinganError` (as in COINr: use the geometric mean). A
 * negative power needs positive values: a zero or negative value then throws
 * a `PinganError`, as COINr stops.
 *
 * COINr's own `a_genmean` returns `NA` as soon as one value is missing (its
 * sums lack `na.rm = TRUE`, against its documentation "NA are skipped"); this
 * function skips them like the other means.
 *
 * @example
 * // quadratic mean: ((1² + 7²) / 2)^(1/2) = √25 = 5
 * weightedGeneralisedMean([1, 7], [1, 1], 2); // 5
 */
export function weightedGeneralisedMean(values: ArrayLike<number>, weights: ArrayLike<number>, power: number): number {
  checkWeights(values, weights);
  if (power === 0 || power !== power) {
    throw new PinganError('invalid-argument', `the generalised mean needs a non-zero power (got ${power}); power 0 is the geometric mean`);
  }
  const n = values.length;
  let sw = 0;
  let sum = 0;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (power < 0 && v <= 0) {
      throw new PinganError('out-of-domain', `the generalised mean with power ${power} needs positive values: values[${i}] is ${v}`);
    }
    sw += weights[i];
    sum += weights[i] * v ** power;
    present++;
  }
  return present === 0 ? Number.NaN : (sum / sw) ** (1 / power);
}
