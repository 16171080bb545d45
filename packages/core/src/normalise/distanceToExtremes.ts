/** Options of {@link distanceToMaximum} and {@link distanceToMinimum}. */
export interface DistanceToExtremeOptions {
  /** The score of the extreme itself (default 1, as COINr's scores). */
  scale?: number;
}

/** The lowest and highest values present (NaN fails both comparisons, so missing values are skipped). */
function extremes(src: Float64Array, direction: number): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < src.length; i++) {
    const v = direction * src[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * Distance-to-maximum scores, COINr's `n_dist2max`, written as COINr
 * writes it: `(1 - (max - x) / (max - min)) * scale`, with min and max over
 * the values present, so the maximum scores `scale` and the minimum 0. The
 * numbers are those of min-max onto [0, scale] (`minMax`), up to the last
 * bit of rounding, which this order of operations takes from COINr.
 *
 * A missing value (`NaN`) stays missing. When every present value is the
 * same, COINr divides 0 by 0 and returns `NaN` for the whole column (with the
 * warning "The range of x is 0"), and so does this function. With
 * `direction` -1 the values are multiplied by -1 first, as COINr's
 * `Normalise` does.
 *
 * @example
 * // max 10, range 10 − 2 = 8: 1 − (10 − 2)/8 = 0, 1 − (10 − 4)/8 = 0.25, 1
 * distanceToMaximum([2, 4, Number.NaN, 10]); // Float64Array [0, 0.25, NaN, 1]
 * distanceToMaximum([2, 4, 10], { scale: 100 }); // Float64Array [0, 25, 100]
 */
export function distanceToMaximum(x: ArrayLike<number>, options: DistanceToExtremeOptions = {}, direction: 1 | -1 = 1): Float64Array {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const scale = options.scale ?? 1;
  const { min, max } = extremes(src, direction);
  const range = max - min;
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = (1 - (max - direction * src[i]) / range) * scale;
  return out;
}

/**
 * Distance-to-minimum scores, the counterpart of COINr's `n_dist2max`
 * (COINr 1.1.14 has no `n_dist2min`): `(1 - (x - min) / (max - min)) * scale`,
 * so the value nearest the minimum scores highest, the minimum `scale` and
 * the maximum 0. For an indicator whose best value is its lowest (a crime
 * rate), it scores closeness to the best without a direction of -1: it is
 * `distanceToMaximum` of the same values with the direction reversed, and
 * min-max with `direction` -1 onto [0, scale].
 *
 * A missing value stays missing; a constant column (max = min) gives `NaN`
 * throughout, as `n_dist2max` does. With `direction` -1 the values are
 * multiplied by -1 first, as for every normalisation here.
 *
 * @example
 * // min 2, range 10 − 2 = 8: 1 − (2 − 2)/8 = 1, 1 − (4 − 2)/8 = 0.75, 1 − (10 − 2)/8 = 0
 * distanceToMinimum([2, 4, Number.NaN, 10]); // Float64Array [1, 0.75, NaN, 0]
 * distanceToMinimum([2, 4, 10], { scale: 100 }); // Float64Array [100, 75, 0]
 */
export function distanceToMinimum(x: ArrayLike<number>, options: DistanceToExtremeOptions = {}, direction: 1 | -1 = 1): Float64Array {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const scale = options.scale ?? 1;
  const { min, max } = extremes(src, direction);
  const range = max - min;
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = (1 - (direction * src[i] - min) / range) * scale;
  return out;
}
