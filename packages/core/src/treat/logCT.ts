/**
 * COINr's `log_CT()`, the default second-stage treatment: the modified
 * "COIN Tool" log `ln(x − min + 0.01 · (max − min))`, min and max over the
 * present values; `NaN` stays `NaN`. The minimum maps to
 * `ln(0.01 · range)`. It does not look at the direction of skew (COINr's
 * `log_CT_plus()` does; see `logCTPlus`), so a negatively skewed column
 * gets more skewed.
 *
 * @example
 * // min 0, max 100, a = 0.01 · 100 = 1: ln(0 + 1), ln(9 + 1), ln(100 + 1)
 * logCT([0, 9, 100]); // Float64Array [0, 2.302585…, 4.615120…]
 */
export function logCT(x: ArrayLike<number>): Float64Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // In R's order of operations: (x − min) + 0.01 · (max − min).
  const a = 0.01 * (max - min);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i] - min + a);
  return out;
}
