import { normalCdf } from './normal.ts';

const INV_SQRT_2PI = 0.3989422804014327;

/**
 * The `p` quantile of a discrete distribution (atoms `values` with
 * probabilities `probabilities`, which sum to 1) plus an independent
 * normal deviation of mean `mean` and standard deviation `sd`: the x
 * where Σ_k w_k Φ((x − v_k − mean) / sd) = p, by a safeguarded Newton
 * iteration (bisection whenever a step leaves the bracket), to 1e-10 of the
 * atoms' spread. With `sd` 0 (or below 1e-9 of the atoms' spread) it is the discrete quantile inf{x : F(x) ≥ p}
 * (taken with a 1e-12 tolerance on F), which a percentile bootstrap's
 * replicates converge to. `values` must be sorted ascending.
 *
 * @example
 * // Skellam: X − Y with X, Y Poisson(0.5); P(≤ −2) = 0.0304…, P(≤ −1) = 0.1915…
 * // so the 5% quantile is −1 with no normal part.
 * mixtureQuantile(Float64Array.of(-2, -1, 0, 1, 2), Float64Array.of(0.0304, 0.161, 0.617, 0.161, 0.0304), 0, 0, 0.05); // -1
 * mixtureQuantile(Float64Array.of(0), Float64Array.of(1), 0, 1, 0.95); // 1.6448536…
 */
export function mixtureQuantile(values: Float64Array, probabilities: Float64Array, mean: number, sd: number, p: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  // A normal part below 1e-9 of the atoms' spread cannot move a quantile: the discrete quantile.
  if (!(sd > 1e-9 * (values[n - 1] - values[0]))) {
    let cumulative = 0;
    for (let k = 0; k < n; k++) {
      cumulative += probabilities[k];
      if (cumulative >= p - 1e-12) return values[k] + mean;
    }
    return values[n - 1] + mean;
  }
  const cdf = (x: number): number => {
    let f = 0;
    for (let k = 0; k < n; k++) {
      const z = (x - values[k] - mean) / sd;
      if (z > 8.3) f += probabilities[k];
      else if (z > -8.3) f += probabilities[k] * normalCdf(z);
      else break; // values are sorted: every later atom is further right
    }
    return f;
  };
  const density = (x: number): number => {
    let f = 0;
    for (let k = 0; k < n; k++) {
      const z = (x - values[k] - mean) / sd;
      if (z < -8.3) break;
      if (z < 8.3) f += probabilities[k] * Math.exp(-0.5 * z * z);
    }
    return (f * INV_SQRT_2PI) / sd;
  };
  let lo = values[0] + mean - 9 * sd;
  let hi = values[n - 1] + mean + 9 * sd;
  const tolerance = 1e-10 * (hi - lo);
  // Start from the normal approximation with the mixture's mean and variance.
  let m1 = 0;
  let m2 = 0;
  for (let k = 0; k < n; k++) {
    m1 += probabilities[k] * values[k];
    m2 += probabilities[k] * values[k] * values[k];
  }
  const z = p === 0.5 ? 0 : Math.sign(p - 0.5) * Math.sqrt(-2 * Math.log(Math.min(p, 1 - p)));
  let x = Math.min(hi, Math.max(lo, m1 + mean + 0.85 * z * Math.sqrt(Math.max(0, m2 - m1 * m1) + sd * sd)));
  for (let iteration = 0; iteration < 200 && hi - lo > tolerance; iteration++) {
    const f = cdf(x) - p;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const d = density(x);
    let next = d > 0 ? x - f / d : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) < tolerance && Math.abs(f) < 1e-13) return next;
    x = next;
  }
  return 0.5 * (lo + hi);
}
