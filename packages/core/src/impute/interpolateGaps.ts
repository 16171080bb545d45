import { PinganError } from '../errors/pinganError.ts';
/**
 * Linear interpolation over time of the interior gaps of a series (one
 * value per consecutive period, `NaN` = missing): a missing value between
 * an observation at `a` and the next observation at `b` becomes
 * `x[a] + (x[b] − x[a]) × (i − a) / (b − a)`. Leading and trailing gaps
 * are left missing (no extrapolation), as are gaps longer than `maxGap`
 * missing periods, when given.
 *
 * Returns the filled series and, for each filled position, the indices of
 * the observations before and after it (`-1` where nothing was filled).
 *
 * @example
 * // the gap of 2 between 10 (index 1) and 16 (index 4): 10 + 6 × 1/3 = 12, 10 + 6 × 2/3 = 14
 * interpolateGaps([NaN, 10, NaN, NaN, 16, NaN]).values; // Float64Array [NaN, 10, 12, 14, 16, NaN]
 * interpolateGaps([NaN, 10, NaN, NaN, 16, NaN], 1).values; // Float64Array [NaN, 10, NaN, NaN, 16, NaN]
 */
export function interpolateGaps(
  series: ArrayLike<number>,
  maxGap?: number,
): { values: Float64Array; before: Int32Array; after: Int32Array } {
  if (maxGap !== undefined && !(Number.isInteger(maxGap) && maxGap > 0)) {
    throw new PinganError('invalid-argument', `maxGap must be a positive integer, got ${maxGap}`);
  }
  const n = series.length;
  const values = Float64Array.from(series);
  const before = new Int32Array(n).fill(-1);
  const after = new Int32Array(n).fill(-1);
  const limit = maxGap ?? Number.POSITIVE_INFINITY;
  let last = -1;
  for (let b = 0; b < n; b++) {
    const vb = series[b];
    if (Number.isNaN(vb)) continue;
    const gap = b - last - 1;
    if (last >= 0 && gap > 0 && gap <= limit) {
      const va = series[last];
      const span = b - last;
      for (let i = last + 1; i < b; i++) {
        values[i] = va + ((vb - va) * (i - last)) / span;
        before[i] = last;
        after[i] = b;
      }
    }
    last = b;
  }
  return { values, before, after };
}
