/** Options of {@link minMax}: the interval the scores are scaled onto. */
export interface MinMaxOptions {
  /** The score of the lowest value (default 0). */
  lower?: number;
  /** The score of the highest value (default 100). */
  upper?: number;
}

/**
 * Min-max scores of one cross-section, as COINr's `n_minmax`:
 * `(x - min) / (max - min) * (upper - lower) + lower`, with min and max taken
 * over the values present. A missing value (`NaN`) stays missing.
 *
 * With `direction` -1 the values are multiplied by -1 first (as COINr's
 * `Normalise` does), so the highest value scores `lower`.
 *
 * When every present value is the same (max = min), COINr divides 0 by 0 and
 * returns `NaN` for the whole column (with the warning "The range of x is 0");
 * so does this function: a constant column has no min-max scores. A column
 * with a single present value is constant too.
 *
 * @example
 * // min 2, max 6: (2-2)/4*100 = 0, (3-2)/4*100 = 25, (6-2)/4*100 = 100
 * minMax([2, 3, Number.NaN, 6]); // Float64Array [0, 25, NaN, 100]
 * // onto [1, 11]: (3-2)/4*10 + 1 = 3.5
 * minMax([2, 3, 6], { lower: 1, upper: 11 }); // Float64Array [1, 3.5, 11]
 * // higher is worse: 2 is best
 * minMax([2, 3, 6], {}, -1); // Float64Array [100, 75, 0]
 */
export function minMax(x: ArrayLike<number>, options: MinMaxOptions = {}, direction: 1 | -1 = 1): Float64Array {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const out = new Float64Array(src.length);
  minMaxInto(src, out, direction, options.lower ?? 0, options.upper ?? 100);
  return out;
}

/**
 * The kernel of {@link minMax}: writes the scores of `src` into `out` (same
 * length), without allocating.
 *
 * @example
 * const out = new Float64Array(3);
 * minMaxInto(new Float64Array([2, 3, 6]), out, 1, 0, 100); // out: [0, 25, 100]
 */
export function minMaxInto(src: Float64Array, out: Float64Array, direction: number, lower: number, upper: number): void {
  const n = src.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = direction * src[i];
    // NaN fails both comparisons, so missing values are skipped.
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  const span = upper - lower;
  for (let i = 0; i < n; i++) out[i] = ((direction * src[i] - min) / range) * span + lower;
}
