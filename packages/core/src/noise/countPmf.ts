/** The probabilities of a count's values `start`, `start + 1`, … (tails beyond `tail` left out). */
export interface CountPmf {
  readonly start: number;
  readonly probabilities: Float64Array;
}

/**
 * The distribution of a count of mean `mean` and variance `dispersion ×
 * mean`: Poisson when the dispersion is 1 (or less), else negative binomial
 * (the gamma–Poisson mixture the bootstrap draws: size r = mean / (φ − 1),
 * success probability 1 / φ; a sum of n such months is again negative
 * binomial, of mean n μ and the same φ). The probabilities come from the
 * recurrence P(k + 1) = P(k) λ / (k + 1) (Poisson) or P(k) (k + r)(1 − p) /
 * (k + 1) (negative binomial) from P(0) = e^−λ or p^r, in log space until
 * they are representable; values whose probability is below `tail` at
 * either end are left out (their mass is at most `tail` each side). Means
 * above 700 are refused: their distribution is normal for every purpose
 * here.
 *
 * @example
 * const pmf = countPmf(0.5, 1); // Poisson(0.5)
 * pmf.start; // 0
 * pmf.probabilities[0]; // e^−0.5 = 0.6065…
 * pmf.probabilities[1]; // 0.5 e^−0.5 = 0.3033…
 */
export function countPmf(mean: number, dispersion: number, tail = 1e-12): CountPmf {
  if (!(mean >= 0) || mean > 700) throw new RangeError(`countPmf: the mean must be in [0, 700], not ${mean}`);
  if (mean === 0) return { start: 0, probabilities: Float64Array.of(1) };
  const poisson = !(dispersion > 1 + 1e-12);
  const r = poisson ? 0 : mean / (dispersion - 1);
  const q = poisson ? 0 : 1 - 1 / dispersion; // 1 − p
  // P(0) is at least e^−700 ≈ 1e-304: representable, so the recurrence runs in linear space.
  let p = poisson ? Math.exp(-mean) : Math.exp(r * Math.log(1 / dispersion));
  const sd = Math.sqrt(mean * (poisson ? 1 : dispersion));
  const limit = Math.ceil(mean + 40 * sd + 40);
  if (kept.length < limit + 1) kept = new Float64Array(limit + 1);
  let n = 0;
  let start = -1;
  for (let k = 0; k <= limit; k++) {
    if (start < 0 && (p >= tail || k >= mean)) start = k;
    if (start >= 0) {
      if (p < tail && k > mean) break;
      kept[n++] = p;
    }
    p *= poisson ? mean / (k + 1) : ((k + r) * q) / (k + 1);
  }
  return { start, probabilities: kept.slice(0, n) };
}

// The probabilities kept by countPmf, before they are copied out (grown as needed).
let kept = new Float64Array(1024);
