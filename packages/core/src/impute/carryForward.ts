import { PinganError } from '../errors/pinganError.ts';
/**
 * Last observation carried forward over a time series (one value per
 * consecutive period, `NaN` = missing): each missing value takes the latest
 * earlier observed value, if that observation is at most `maxAge` periods
 * old. Values are never carried backward, and only observed values are
 * carried (a carried value is not carried again beyond `maxAge`).
 *
 * Returns the filled series and, for each position, the index of the
 * observation carried into it (`-1` where nothing was carried).
 *
 * @example
 * // A semiannual survey in a monthly series, carried at most 5 months:
 * const { values, from } = carryForward([10, NaN, NaN, NaN, NaN, NaN, NaN, 12], 5);
 * values; // Float64Array [10, 10, 10, 10, 10, 10, NaN, 12]
 * from; // Int32Array [-1, 0, 0, 0, 0, 0, -1, -1]
 */
export function carryForward(series: ArrayLike<number>, maxAge: number): { values: Float64Array; from: Int32Array } {
  if (!(Number.isInteger(maxAge) && maxAge > 0)) throw new PinganError('invalid-argument', `maxAge must be a positive integer, got ${maxAge}`);
  const n = series.length;
  const values = new Float64Array(n);
  const from = new Int32Array(n).fill(-1);
  let last = -1;
  for (let i = 0; i < n; i++) {
    const v = series[i];
    if (!Number.isNaN(v)) {
      values[i] = v;
      last = i;
    } else if (last >= 0 && i - last <= maxAge) {
      values[i] = series[last];
      from[i] = last;
    } else {
      values[i] = Number.NaN;
    }
  }
  return { values, from };
}
