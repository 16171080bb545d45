import type { CountPmf } from './countPmf.ts';
import { normalQuantile } from './normal.ts';

// The distribution function of the second count's signed value, ascending, grown as needed.
let scratch = new Float64Array(256);

/**
 * The `low` and `high` quantiles of D = c₁ (N₁ − λ₁) + c₂ (N₂ − λ₂), N₁ and
 * N₂ independent counts of pmfs `pmf1` and `pmf2` (means λ₁, λ₂), whose
 * coefficients have the same size (|c₁| = |c₂|; pass `pmf2` null for one
 * count), into `out`. D lives on the lattice of step |c₁|: it is |c₁| K
 * minus a constant, K = sign(c₁) N₁ + sign(c₂) N₂ an integer, so each
 * quantile is the discrete one, inf{x : F(x) ≥ p} (taken with a 1e-12
 * tolerance on F, as `mixtureQuantile` takes it without a normal part).
 * P(K ≤ k) = Σ_a P(N₁ = a) P(sign(c₂) N₂ ≤ k − sign(c₁) a) is one pass over
 * the first pmf with the second's distribution function, and the search
 * starts at K's normal quantile and steps one value at a time (the lattice
 * quantile is within a few steps of it). A month-on-month change of a
 * 12-month count whose shared months cancel is such a D: b (x(m) −
 * x(m − 12)), Skellam-like.
 *
 * @example
 * // Skellam(0.5, 0.5): N₁ − N₂ with N₁, N₂ Poisson(0.5); P(≤ −3) = 0.0093, P(≤ −2) = 0.0592,
 * // P(≤ 1) = 0.9408, P(≤ 2) = 0.9907: the 5% quantile is −2 and the 95% quantile 2.
 * const pmf = countPmf(0.5, 1, 1e-10);
 * countLatticeQuantiles(1, pmf, 0.5, -1, pmf, 0.5, 0.05, 0.95); // [-2, 2]
 * countLatticeQuantiles(-2, pmf, 0.5, 2, pmf, 0.5, 0.05, 0.95); // [-4, 4] (two events' worth of step 2)
 */
export function countLatticeQuantiles(
  c1: number,
  pmf1: CountPmf,
  lam1: number,
  c2: number,
  pmf2: CountPmf | null,
  lam2: number,
  low: number,
  high: number,
  out: [number, number] = [0, 0],
): [number, number] {
  const h = Math.abs(c1);
  if (pmf2 && Math.abs(c2) !== h) throw new RangeError(`countLatticeQuantiles: the coefficients must have the same size, not ${c1} and ${c2}`);
  const s1 = c1 < 0 ? -1 : 1;
  const p1 = pmf1.probabilities;
  const n1 = p1.length;
  // The second count's signed value Y = sign(c₂) N₂ (0 with certainty for one count): its lowest
  // value and distribution function, ascending.
  const s2 = c2 < 0 ? -1 : 1;
  const p2 = pmf2 ? pmf2.probabilities : ONE;
  const n2 = p2.length;
  const yMin = pmf2 ? (s2 > 0 ? pmf2.start : -(pmf2.start + n2 - 1)) : 0;
  if (scratch.length < n2) scratch = new Float64Array(2 * n2);
  const cumulativeY = scratch;
  let total = 0;
  for (let t = 0; t < n2; t++) {
    total += p2[s2 > 0 ? t : n2 - 1 - t];
    cumulativeY[t] = total;
  }
  /** P(K ≤ k). */
  const cdf = (k: number): number => {
    let f = 0;
    for (let a = 0; a < n1; a++) {
      const t = k - s1 * (pmf1.start + a) - yMin;
      if (t < 0) continue;
      f += p1[a] * cumulativeY[t < n2 ? t : n2 - 1];
    }
    return f;
  };
  // K's mean and sd, from the pmfs, for where the search starts.
  const mean1 = pmfMean(pmf1);
  const mean2 = pmf2 ? pmfMean(pmf2) : 0;
  const mean = s1 * mean1 + s2 * mean2;
  const variance = pmfVariance(pmf1, mean1) + (pmf2 ? pmfVariance(pmf2, mean2) : 0);
  const kMin = (s1 > 0 ? pmf1.start : -(pmf1.start + n1 - 1)) + yMin;
  const kMax = kMin + n1 + n2 - 2;
  const sd = Math.sqrt(Math.max(0, variance));
  const shift = c1 * lam1 + (pmf2 ? c2 * lam2 : 0);
  for (let side = 0; side < 2; side++) {
    const p = (side === 0 ? low : high) - 1e-12;
    let k = Math.round(mean + sd * normalQuantile(side === 0 ? low : high));
    k = k < kMin ? kMin : k > kMax ? kMax : k;
    if (cdf(k) >= p) {
      while (k > kMin && cdf(k - 1) >= p) k--;
    } else {
      while (k < kMax && !(cdf(++k) >= p));
    }
    // One count: c₁ (N₁ − λ₁) itself, as its pmf's atoms are written.
    out[side] = pmf2 ? h * k - shift : c1 * (s1 * k - lam1);
  }
  return out;
}

const ONE = Float64Array.of(1);
const pmfMean = (pmf: CountPmf): number => {
  let m = 0;
  for (let k = 0; k < pmf.probabilities.length; k++) m += pmf.probabilities[k] * (pmf.start + k);
  return m;
};
/** The variance of a pmf of mean m. */
const pmfVariance = (pmf: CountPmf, m: number): number => {
  let v = 0;
  for (let k = 0; k < pmf.probabilities.length; k++) v += pmf.probabilities[k] * (pmf.start + k - m) ** 2;
  return v;
};
