import { normalCdf } from '../noise/normal.ts';

/**
 * The in-control average run length (months until a false alarm, starting
 * from 0) of a one-sided EWMA chart of independent standard normal scores
 * z_t, reflected at zero:
 *
 *   E_t = max(0, (1 − λ) E_{t−1} + λ z_t),  alarm when E_t > L √(λ / (2 − λ)),
 *
 * computed by the Markov-chain method of Brook and Evans (1972): the range
 * [0, limit] is cut into `states` cells plus an atom at 0, and the run
 * lengths solve (I − Q) ARL = 1.
 *
 * @example
 * ewmaAverageRunLength(0.2, 2.7); // about 500 months (see the test)
 */
export function ewmaAverageRunLength(lambda: number, limitSigmas: number, states = 300): number {
  const h = limitSigmas * Math.sqrt(lambda / (2 - lambda));
  const m = states;
  const w = h / m;
  const n = m + 1;
  // Row-major (I − Q) with the right-hand side 1 appended.
  const a = new Float64Array(n * (n + 1));
  for (let i = 0; i < n; i++) {
    const c = i === 0 ? 0 : (i - 0.5) * w;
    const centre = (1 - lambda) * c;
    a[i * (n + 1) + 0] -= normalCdf(-centre / lambda);
    for (let j = 1; j <= m; j++) {
      a[i * (n + 1) + j] -= normalCdf((j * w - centre) / lambda) - normalCdf(((j - 1) * w - centre) / lambda);
    }
    a[i * (n + 1) + i] += 1;
    a[i * (n + 1) + n] = 1;
  }
  // Gaussian elimination with partial pivoting.
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * (n + 1) + col]) > Math.abs(a[pivot * (n + 1) + col])) pivot = r;
    if (pivot !== col) {
      for (let k = 0; k <= n; k++) {
        const t = a[col * (n + 1) + k];
        a[col * (n + 1) + k] = a[pivot * (n + 1) + k];
        a[pivot * (n + 1) + k] = t;
      }
    }
    const d = a[col * (n + 1) + col];
    for (let r = col + 1; r < n; r++) {
      const f = a[r * (n + 1) + col] / d;
      if (f === 0) continue;
      for (let k = col; k <= n; k++) a[r * (n + 1) + k] -= f * a[col * (n + 1) + k];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r * (n + 1) + n];
    for (let k = r + 1; k < n; k++) s -= a[r * (n + 1) + k] * x[k];
    x[r] = s / a[r * (n + 1) + r];
  }
  return x[0];
}

/**
 * The control limit L (in asymptotic standard deviations of the EWMA) whose
 * in-control average run length is `runLength` months, by bisection on
 * {@link ewmaAverageRunLength}.
 *
 * @example
 * ewmaLimit(0.2, 500); // L with ewmaAverageRunLength(0.2, L) ≈ 500
 */
export function ewmaLimit(lambda: number, runLength: number, states = 300): number {
  let lo = 0.5;
  let hi = 6;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (ewmaAverageRunLength(lambda, mid, states) < runLength) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
