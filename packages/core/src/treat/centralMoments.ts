/**
 * The sums `skewAndKurtosis` (skewAndKurtosis.ts, where its formulas are)
 * works from, and the kurtosis (see `momentsInto`). Internal: not exported
 * from the package.
 */
export interface CentralMoments {
  /** How many values were present. */
  n: number;
  /** Σd² and Σd³ about the mean. */
  m2: number;
  m3: number;
  kurt: number;
}

/**
 * The three passes of `skewAndKurtosis` over the first `length` values of
 * `x` into `into`: the count, Σd² and Σd³, and the kurtosis (`NaN` when
 * n < 4). The skew, whose power costs more than a pass, is `skewOf(into)`,
 * for a caller that needs it only when the kurtosis fails a check.
 *
 * @example
 * const m = { n: 0, m2: 0, m3: 0, kurt: 0 };
 * momentsInto([1, 2, 3, 10], 4, m); // m { n: 4, m2: 50, m3: 180, kurt: 3.228 }
 * skewOf(m); // 1.7636…
 */
export function momentsInto(x: ArrayLike<number>, length: number, into: CentralMoments): void {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  momentsFromSum(x, length, sum, n, into);
}

/**
 * `momentsInto` after its first pass, for a caller that has added the `n`
 * present values up in order into `sum` as it wrote them.
 *
 * @example
 * const m = { n: 0, m2: 0, m3: 0, kurt: 0 };
 * momentsFromSum([1, 2, 3, 10], 4, 16, 4, m); // m { n: 4, m2: 50, m3: 180, kurt: 3.228 }
 */
export function momentsFromSum(x: ArrayLike<number>, length: number, sum: number, n: number, into: CentralMoments): void {
  into.n = n;
  into.m2 = Number.NaN;
  into.m3 = Number.NaN;
  into.kurt = Number.NaN;
  if (n < 3) return;
  // R's mean(): the plain mean, corrected by the mean of the residuals.
  let mean = sum / n;
  let residual = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  if (n === length) {
    // No value missing (the common case): the same sums, with no test per value.
    for (let i = 0; i < length; i++) residual += x[i] - mean;
    mean += residual / n;
    for (let i = 0; i < length; i++) {
      const d = x[i] - mean;
      const d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
  } else {
    for (let i = 0; i < length; i++) {
      const v = x[i];
      if (v === v) residual += v - mean;
    }
    mean += residual / n;
    for (let i = 0; i < length; i++) {
      const v = x[i];
      if (v !== v) continue;
      const d = v - mean;
      const d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
  }
  settle(n, m2, m3, m4, into);
}

/** The sums of n ≥ 3 present values into `into`, and the kurtosis (`NaN` when n < 4). */
function settle(n: number, m2: number, m3: number, m4: number, into: CentralMoments): void {
  into.n = n;
  into.m2 = m2;
  into.m3 = m3;
  into.kurt = Number.NaN;
  if (n < 4) return;
  const r = (n * m4) / (m2 * m2);
  into.kurt = (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/**
 * `momentsInto` of two columns of `length` values at once, each into its
 * own moments: each column's sums are added in the same order as
 * `momentsInto` adds them (the same numbers), and the two columns'
 * additions alternate in each pass, so that each waits less for the one
 * before it (a pass over one column waits on its additions one by one).
 *
 * @example
 * const a = { n: 0, m2: 0, m3: 0, kurt: 0 };
 * const b = { n: 0, m2: 0, m3: 0, kurt: 0 };
 * momentsOfTwoInto(new Float64Array([1, 2, 3, 10]), new Float64Array([4, 3, 2, 1]), 4, a, b); // a { n: 4, m2: 50, m3: 180, kurt: 3.228 }, b.m2 5
 */
export function momentsOfTwoInto(x: Float64Array, y: Float64Array, length: number, intoX: CentralMoments, intoY: CentralMoments): void {
  let nx = 0;
  let ny = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i];
    const w = y[i];
    if (v === v) {
      sumX += v;
      nx++;
    }
    if (w === w) {
      sumY += w;
      ny++;
    }
  }
  if (nx !== length || ny !== length || length < 3) {
    momentsFromSum(x, length, sumX, nx, intoX);
    momentsFromSum(y, length, sumY, ny, intoY);
    return;
  }
  // No value missing in either: `momentsFromSum`'s passes, the two columns side by side.
  let meanX = sumX / length;
  let meanY = sumY / length;
  let residualX = 0;
  let residualY = 0;
  for (let i = 0; i < length; i++) {
    residualX += x[i] - meanX;
    residualY += y[i] - meanY;
  }
  meanX += residualX / length;
  meanY += residualY / length;
  let m2x = 0;
  let m3x = 0;
  let m4x = 0;
  let m2y = 0;
  let m3y = 0;
  let m4y = 0;
  for (let i = 0; i < length; i++) {
    const d = x[i] - meanX;
    const d2 = d * d;
    m2x += d2;
    m3x += d2 * d;
    m4x += d2 * d2;
    const e = y[i] - meanY;
    const e2 = e * e;
    m2y += e2;
    m3y += e2 * e;
    m4y += e2 * e2;
  }
  settle(length, m2x, m3x, m4x, intoX);
  settle(length, m2y, m3y, m4y, intoY);
}

/**
 * The skew of moments found by `momentsInto` (`NaN` when n < 3).
 *
 * @example
 * skewOf({ n: 4, m2: 50, m3: 180, kurt: 3.228 }); // 1.7636…
 */
export function skewOf(moments: CentralMoments): number {
  const { n, m2, m3 } = moments;
  if (n < 3) return Number.NaN;
  return ((Math.sqrt(n) * m3) / m2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
}
