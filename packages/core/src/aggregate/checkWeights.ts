/**
 * Throws a `RangeError` unless `values` and `weights` have the same length
 * and no weight is missing (COINr's `a_amean` stops on `NA` weights).
 *
 * @example
 * checkWeights([1, 2], [1, 1]); // passes
 * checkWeights([1, 2], [1]); // throws RangeError
 */
export function checkWeights(values: ArrayLike<number>, weights: ArrayLike<number>): void {
  if (values.length !== weights.length) {
    throw new RangeError(`got ${values.length} values but ${weights.length} weights`);
  }
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] !== weights[i]) throw new RangeError(`weights[${i}] is missing (NaN)`);
  }
}
