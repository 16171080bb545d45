/**
 * COINr's `skew()` and `kurt()` in one pass over the data, `NaN` values
 * ignored. Both are the bias-corrected ("type 2", as in Excel's `SKEW` and
 * `KURT` and `e1071::skewness(type = 2)`) sample statistics; with deviations
 * `d = x − mean`, `m2 = Σd²`, `m3 = Σd³`, `m4 = Σd⁴` over `n` values:
 *
 * - skew = √n · m3 / m2^(3/2) · √(n(n−1)) / (n−2), `NaN` when n < 3;
 * - kurt = ((n+1)(r−3) + 6)(n−1) / ((n−2)(n−3)) with r = n · m4 / m2²
 *   (excess kurtosis), `NaN` when n < 4.
 *
 * Constant data give `NaN` for both (0/0), as in R.
 *
 * @example
 * // 1, 2, 3, 10: mean 4, d = −3, −2, −1, 6; m2 = 50, m3 = 180, m4 = 1394
 * // skew = √4 · 180 / 50^1.5 · √12 / 2 = 1.7636…; r = 4 · 1394 / 2500 = 2.2304
 * // kurt = (5 · (2.2304 − 3) + 6) · 3 / (2 · 1) = 3.228
 * skewAndKurtosis([1, 2, 3, 10]); // { skew: 1.7636…, kurt: 3.228, n: 4 }
 */
export function skewAndKurtosis(x: ArrayLike<number>): { skew: number; kurt: number; n: number } {
  const moments = { skew: Number.NaN, kurt: Number.NaN };
  const n = skewAndKurtosisInto(x, x.length, moments);
  return { skew: moments.skew, kurt: moments.kurt, n };
}

/**
 * `skewAndKurtosis` of the first `length` values of `x`, written into
 * `into` (no object is made, for the replications of an analysis); returns
 * how many values were present.
 *
 * @example
 * const moments = { skew: 0, kurt: 0 };
 * skewAndKurtosisInto([1, 2, 3, 10], 4, moments); // 4; moments { skew: 1.7636…, kurt: 3.228 }
 */
export function skewAndKurtosisInto(x: ArrayLike<number>, length: number, into: { skew: number; kurt: number }): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  into.skew = Number.NaN;
  into.kurt = Number.NaN;
  if (n < 3) return n;
  // R's mean(): the plain mean, corrected by the mean of the residuals.
  let mean = sum / n;
  let residual = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i];
    if (v === v) residual += v - mean;
  }
  mean += residual / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i];
    if (v !== v) continue;
    const d = v - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  into.skew = ((Math.sqrt(n) * m3) / m2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
  if (n < 4) return n;
  const r = (n * m4) / (m2 * m2);
  into.kurt = (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
  return n;
}
