import { PinganError } from '../errors/pinganError.ts';
/**
 * Throws a `PinganError` unless `values` and `weights` have the same length
 * and no weight is missing (COINr's `a_amean` stops on `NA` weights).
 *
 * @example
 * checkWeights([1, 2], [1, 1]); // passes
 * checkWeights([1, 2], [1]); // throws PinganError
 */
export function checkWeights(values: ArrayLike<number>, weights: ArrayLike<number>): void {
  if (values.length !== weights.length) {
    throw new PinganError('invalid-argument', `got ${values.length} values but ${weights.length} weights`);
  }
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] !== weights[i]) throw new PinganError('invalid-argument', `weights[${i}] is missing (NaN)`);
  }
}
