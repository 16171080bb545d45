/** Options of {@link zScore}: the mean and standard deviation of the scores. */
export interface ZScoreOptions {
  /** The mean of the scores (default 0). */
  mean?: number;
  /** The standard deviation of the scores (default 1). */
  sd?: number;
}

/**
 * The mean of the values present, as R's `mean(x, na.rm = TRUE)`: the plain
 * mean, then corrected by the mean of the residuals (R's second pass).
 * `NaN` when no value is present.
 *
 * @example
 * meanOfPresent(new Float64Array([1, Number.NaN, 2, 6]), 1); // 3
 */
export function meanOfPresent(src: Float64Array, direction: number): number {
  const n = src.length;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = direction * src[i];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  if (count === 0) return Number.NaN;
  let mean = sum / count;
  if (Number.isFinite(mean)) {
    let t = 0;
    for (let i = 0; i < n; i++) {
      const v = direction * src[i];
      if (v === v) t += v - mean;
    }
    mean += t / count;
  }
  return mean;
}

/**
 * The sample standard deviation of the values present (n - 1 in the
 * denominator), as R's `sd(x, na.rm = TRUE)`. `NaN` with fewer than two values.
 *
 * @example
 * // mean 2; squares 1 + 0 + 1 = 2; 2 / (3 - 1) = 1
 * sdOfPresent(new Float64Array([1, 2, 3, Number.NaN]), 1); // 1
 */
export function sdOfPresent(src: Float64Array, direction: number, mean = meanOfPresent(src, direction)): number {
  const n = src.length;
  let ss = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = direction * src[i];
    if (v === v) {
      const d = v - mean;
      ss += d * d;
      count++;
    }
  }
  return count < 2 ? Number.NaN : Math.sqrt(ss / (count - 1));
}

/**
 * Z-scores of one cross-section, as COINr's `n_zscore`:
 * `(x - mean(x)) / sd(x) * sd + mean`, where `sd(x)` is the sample standard
 * deviation (as R's `sd`) over the values present. A missing value stays
 * missing. With `direction` -1 the values are multiplied by -1 first.
 *
 * A constant column (sd 0) gives `NaN` everywhere (0 / 0), and so does a
 * column with fewer than two values present (R's `sd` is `NA`).
 *
 * @example
 * // mean 2, sd 1: (1-2)/1 = -1, (2-2)/1 = 0, (3-2)/1 = 1
 * zScore([1, 2, 3]); // Float64Array [-1, 0, 1]
 * // rescaled to mean 10, sd 2: -1*2 + 10 = 8, 10, 12
 * zScore([1, 2, 3], { mean: 10, sd: 2 }); // Float64Array [8, 10, 12]
 */
export function zScore(x: ArrayLike<number>, options: ZScoreOptions = {}, direction: 1 | -1 = 1): Float64Array {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const out = new Float64Array(src.length);
  zScoreInto(src, out, direction, options.mean ?? 0, options.sd ?? 1);
  return out;
}

/**
 * The kernel of {@link zScore}: writes the scores of `src` into `out`.
 *
 * @example
 * const out = new Float64Array(3);
 * zScoreInto(new Float64Array([1, 2, 3]), out, 1, 0, 1); // out: [-1, 0, 1]
 */
export function zScoreInto(src: Float64Array, out: Float64Array, direction: number, mean: number, sd: number): void {
  const m = meanOfPresent(src, direction);
  const s = sdOfPresent(src, direction, m);
  const n = src.length;
  for (let i = 0; i < n; i++) out[i] = ((direction * src[i] - m) / s) * sd + mean;
}

/**
 * `zScoreInto` of two columns in place, each with its own direction, mean
 * and sd: each column's sums are added in the same order as
 * `meanOfPresent` and `sdOfPresent` add them (the same scores), and the two
 * columns' additions alternate in each pass, so that each waits less for
 * the one before it.
 *
 * @example
 * const a = new Float64Array([1, 2, 3]);
 * const b = new Float64Array([5, 1, 3]);
 * zScoreOfTwoInPlace(a, 1, 0, 1, b, -1, 10, 2); // a [-1, 0, 1], b [8, 12, 10]
 */
export function zScoreOfTwoInPlace(a: Float64Array, directionA: number, meanA: number, sdA: number, b: Float64Array, directionB: number, meanB: number, sdB: number): void {
  const n = a.length;
  if (b.length !== n) {
    zScoreInto(a, a, directionA, meanA, sdA);
    zScoreInto(b, b, directionB, meanB, sdB);
    return;
  }
  // meanOfPresent, side by side.
  let sumA = 0;
  let sumB = 0;
  let countA = 0;
  let countB = 0;
  for (let i = 0; i < n; i++) {
    const v = directionA * a[i];
    const w = directionB * b[i];
    if (v === v) {
      sumA += v;
      countA++;
    }
    if (w === w) {
      sumB += w;
      countB++;
    }
  }
  let mA = countA === 0 ? Number.NaN : sumA / countA;
  let mB = countB === 0 ? Number.NaN : sumB / countB;
  let tA = 0;
  let tB = 0;
  for (let i = 0; i < n; i++) {
    const v = directionA * a[i];
    const w = directionB * b[i];
    if (v === v) tA += v - mA;
    if (w === w) tB += w - mB;
  }
  if (Number.isFinite(mA)) mA += tA / countA;
  if (Number.isFinite(mB)) mB += tB / countB;
  // sdOfPresent, side by side.
  let ssA = 0;
  let ssB = 0;
  for (let i = 0; i < n; i++) {
    const v = directionA * a[i];
    const w = directionB * b[i];
    if (v === v) {
      const d = v - mA;
      ssA += d * d;
    }
    if (w === w) {
      const e = w - mB;
      ssB += e * e;
    }
  }
  const sA = countA < 2 ? Number.NaN : Math.sqrt(ssA / (countA - 1));
  const sB = countB < 2 ? Number.NaN : Math.sqrt(ssB / (countB - 1));
  for (let i = 0; i < n; i++) {
    a[i] = ((directionA * a[i] - mA) / sA) * sdA + meanA;
    b[i] = ((directionB * b[i] - mB) / sB) * sdB + meanB;
  }
}
