import { cornishFisherQuantile } from './cornishFisher.ts';
import { normalCdfs, normalQuantile } from './normal.ts';

const INV_SQRT_2PI = 0.3989422804014327;
/** Atoms further than this many sd from x count wholly (below) or not at all (above): Φ(−6) ≈ 1e-9. */
const WINDOW = 6;
// Scratch of mixtureQuantile (cumulative probabilities, standardised distances, their Φ), grown as needed.
let scratchCumulative = new Float64Array(257);
let scratchZ = new Float64Array(256);
let scratchPhi = new Float64Array(256);

/**
 * The `p` quantile of a discrete distribution (atoms `values` with
 * probabilities `probabilities`, which sum to 1) plus an independent
 * continuous deviation of mean `mean`, standard deviation `sd` and, optionally,
 * skewness γ₁ and excess kurtosis γ₂: the x where Σ_k w_k G((x − v_k − mean) / sd) = p,
 * G the normal distribution function Φ, or with γ₁ or γ₂ its Edgeworth
 * expansion Φ(z) − φ(z) (γ₁/6 He₂(z) + γ₂/24 He₃(z) + γ₁²/72 He₅(z)) (clamped
 * to [0, 1]; close while |γ₁| ≤ 1 and |γ₂| ≤ 2). By a safeguarded Newton
 * iteration (bisection whenever a step leaves the bracket), to 1e-8 of the
 * atoms' spread. The search brackets the answer around the atom v_j where the
 * atoms' own cumulative probability first reaches p, within [v_j + mean − 6 sd,
 * v_j + mean + 6 sd] (atoms further than 6 sd count as wholly below or above:
 * Φ(−6) ≈ 1e-9), and starts where atom j alone would put it (its share of p,
 * by the continuous part's quantile: exact when the other atoms are beyond
 * 6 sd); each evaluation sums G only over the atoms within 6 sd of x (found by
 * binary search), the others by a running sum. With `sd` 0 (or below 1e-9 of
 * the atoms' spread) it is the discrete quantile inf{x : F(x) ≥ p} (taken with
 * a 1e-12 tolerance on F), which a percentile bootstrap's replicates converge
 * to. `values` must be sorted ascending.
 *
 * @example
 * // Skellam(0.5, 0.5): X − Y with X, Y Poisson(0.5), P(D = k) = e^−1 I_k(1), here −4 … 4 (the
 * // rest, 1.1e-4 each side, folded into ±4); P(≤ −3) = 0.0093, P(≤ −2) = 0.0592, so the 5% quantile is −2.
 * mixtureQuantile(Float64Array.of(-4, -3, -2, -1, 0, 1, 2, 3, 4), Float64Array.of(0.001116, 0.008155, 0.049939, 0.207910, 0.465760, 0.207910, 0.049939, 0.008155, 0.001116), 0, 0, 0.05); // -2
 * mixtureQuantile(Float64Array.of(0), Float64Array.of(1), 0, 1, 0.95); // 1.6448536…
 * // A skewed continuous part (γ₁ = 0.5): its 95% quantile moves out, to 1.768 (Cornish–Fisher: 1.782).
 * mixtureQuantile(Float64Array.of(0), Float64Array.of(1), 0, 1, 0.95, 0.5); // 1.768…
 */
export function mixtureQuantile(values: Float64Array, probabilities: Float64Array, mean: number, sd: number, p: number, skewness = 0, kurtosis = 0): number {
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
  // Cumulative probabilities of the atoms: cumulative[k] = Σ_{j < k} w_j.
  if (scratchCumulative.length < n + 1) {
    scratchCumulative = new Float64Array(2 * n + 1);
    scratchZ = new Float64Array(2 * n);
    scratchPhi = new Float64Array(2 * n);
  }
  const cumulative = scratchCumulative;
  const zs = scratchZ;
  const phis = scratchPhi;
  cumulative[0] = 0;
  for (let k = 0; k < n; k++) cumulative[k + 1] = cumulative[k] + probabilities[k];
  /** The first atom index whose value is at least v (n if none). */
  const firstAtLeast = (v: number): number => {
    let a = 0;
    let b = n;
    while (a < b) {
      const m = (a + b) >> 1;
      if (values[m] < v) a = m + 1;
      else b = m;
    }
    return a;
  };
  /**
   * The distribution function at x, and its density at x into `density`. Atoms with z > WINDOW
   * count wholly in F, those with z < −WINDOW not at all, the others by Φ(z) (taken two at a time,
   * `normalCdfs`, then summed in the atoms' order); the density sums the atoms with |z| < WINDOW.
   */
  let density = 0;
  const edgeworth = skewness !== 0 || kurtosis !== 0;
  const a3 = skewness / 6;
  const a4 = kurtosis / 24;
  const a6 = (skewness * skewness) / 72;
  // The atoms within the window of x: zs[from … end − 1] their standardised distances, phis their Φ.
  let from = 0;
  let end = 0;
  const gather = (x: number): void => {
    from = firstAtLeast(x - mean - WINDOW * sd);
    end = from;
    for (; end < n; end++) {
      const z = (x - values[end] - mean) / sd;
      if (!(z > -WINDOW)) break;
      zs[end] = z;
    }
    normalCdfs(zs, from, end, phis);
  };
  const cdf = (x: number): number => {
    if (edgeworth) return edgeworthCdf(x);
    gather(x);
    let f = cumulative[from];
    let d = 0;
    for (let k = from; k < end; k++) {
      const z = zs[k];
      if (z > WINDOW) f += probabilities[k];
      else f += probabilities[k] * phis[k];
      if (z < WINDOW) d += probabilities[k] * Math.exp(-0.5 * z * z);
    }
    // Atoms at z = −WINDOW exactly end F's sum but are still in the density's.
    for (let k = end; k < n; k++) {
      const z = (x - values[k] - mean) / sd;
      if (z < -WINDOW) break;
      if (z < WINDOW) d += probabilities[k] * Math.exp(-0.5 * z * z);
    }
    density = (d * INV_SQRT_2PI) / sd;
    return f;
  };
  /**
   * `cdf` with the continuous part's Edgeworth expansion: Φ(z) − φ(z) (γ₁/6 He₂ + γ₂/24 He₃ +
   * γ₁²/72 He₅) for each atom within WINDOW sd, its density φ(z) (1 + γ₁/6 He₃ + γ₂/24 He₄ + γ₁²/72 He₆).
   */
  const edgeworthCdf = (x: number): number => {
    gather(x);
    let f = cumulative[from];
    let d = 0;
    for (let k = from; k < end; k++) {
      const z = zs[k];
      if (z >= WINDOW) {
        f += probabilities[k];
        continue;
      }
      const z2 = z * z;
      const he2 = z2 - 1;
      const he3 = z * (z2 - 3);
      const he4 = z2 * (z2 - 6) + 3;
      const he5 = z * (z2 * (z2 - 10) + 15);
      const he6 = z2 * (z2 * (z2 - 15) + 45) - 15;
      const phi = Math.exp(-0.5 * z2);
      const g = phis[k] - INV_SQRT_2PI * phi * (a3 * he2 + a4 * he3 + a6 * he5);
      f += probabilities[k] * (g < 0 ? 0 : g > 1 ? 1 : g);
      d += probabilities[k] * phi * (1 + a3 * he3 + a4 * he4 + a6 * he6);
    }
    density = d > 0 ? (d * INV_SQRT_2PI) / sd : 0;
    return f;
  };
  let lo = values[0] + mean - 9 * sd;
  let hi = values[n - 1] + mean + 9 * sd;
  const tolerance = 1e-8 * (hi - lo);
  // The atom where the atoms' own distribution first reaches p brackets the answer within ±WINDOW sd.
  let j = 0;
  while (j < n - 1 && cumulative[j + 1] < p) j++;
  lo = Math.max(lo, values[j] + mean - WINDOW * sd);
  hi = Math.min(hi, values[j] + mean + WINDOW * sd);
  // Start where atom j alone would put the answer (exact when the other atoms are beyond the
  // window): the continuous part's quantile at the share of p that atom j holds.
  const share = (p - cumulative[j]) / probabilities[j];
  const zShare = normalQuantile(share < 1e-9 ? 1e-9 : share > 1 - 1e-9 ? 1 - 1e-9 : share, false);
  let x = values[j] + mean + sd * (edgeworth ? cornishFisherQuantile(zShare, skewness, kurtosis) : zShare);
  if (!(x > lo && x < hi)) x = values[j] + mean;
  for (let iteration = 0; iteration < 200 && hi - lo > tolerance; iteration++) {
    const f = cdf(x) - p;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const d = density;
    let next = d > 0 ? x - f / d : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) < tolerance) return next;
    x = next;
  }
  return 0.5 * (lo + hi);
}
