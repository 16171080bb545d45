// Lanczos' coefficients (g = 7, n = 9), made once rather than on every call.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15).
 *
 * @example
 * logGamma(5); // ln 24 = 3.1780538303479458
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const g = LANCZOS;
  const z = x - 1;
  let a = g[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += g[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

// ln (n!) = logGamma(n + 1) for whole n below its length, computed on first use by logGamma
// itself (the same numbers): a chart asks for the factorial of every count it scores.
const LOG_FACTORIAL = new Float64Array(4096).fill(Number.NaN);
function logFactorial(x: number): number {
  if (x >= 0 && x < 4096 && Number.isInteger(x)) {
    const known = LOG_FACTORIAL[x];
    return known === known ? known : (LOG_FACTORIAL[x] = logGamma(x + 1));
  }
  return logGamma(x + 1);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/**
 * The regularised incomplete beta function I_x(a, b) for a, b > 0 and
 * 0 ≤ x ≤ 1 (Numerical Recipes' continued fraction).
 *
 * @example
 * regularizedBeta(0.5, 2, 2); // 0.5
 * regularizedBeta(0.3, 1, 1); // 0.3
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** A negative binomial distribution given by its mean and variance (variance > mean > 0). */
export interface NegativeBinomial {
  readonly mean: number;
  readonly variance: number;
}

/**
 * P(X ≤ k) of a negative binomial with the given mean and variance
 * (size r = mean² / (variance − mean), success probability p = mean /
 * variance): I_p(r, k + 1). For a real k ≥ 0 it interpolates smoothly
 * between whole numbers (used for amounts such as money); k < 0 gives 0.
 *
 * @example
 * // variance 2 × mean 2: p = 0.5, r = 2; P(X ≤ 0) = p^r = 0.25
 * negativeBinomialCdf(0, { mean: 2, variance: 4 }); // 0.25
 */
export function negativeBinomialCdf(k: number, nb: NegativeBinomial): number {
  if (k < 0) return 0;
  const p = nb.mean / nb.variance;
  const r = (nb.mean * p) / (1 - p);
  return regularizedBeta(p, r, k + 1);
}

/**
 * The mid-p value of a count x under a negative binomial: P(X < x) + ½ P(X = x)
 * = ½ (P(X ≤ x − 1) + P(X ≤ x)); for an amount (a real x) the same formula
 * P(X ≤ x) − ½ P(X = x) with the gamma functions' values between whole numbers. Under the model it has mean ½, so its normal
 * score is centred; it is deterministic (no randomisation) and, for small
 * counts, less spread than a uniform variable, which makes a chart built on it
 * conservative.
 *
 * @example
 * // P(X ≤ 0) = 0.25 above: the mid-p value of 0 is 0.125
 * negativeBinomialMidP(0, { mean: 2, variance: 4 }); // 0.125
 */
export function negativeBinomialMidP(x: number, nb: NegativeBinomial): number {
  return negativeBinomialMidPOf(x, nb.mean, nb.variance);
}

/**
 * {@link negativeBinomialMidP} with the mean and variance as numbers: a chart scores every
 * month of every region × indicator, and an object per score would be millions of them.
 *
 * @example
 * negativeBinomialMidPOf(0, 2, 4); // 0.125
 */
export function negativeBinomialMidPOf(x: number, mean: number, variance: number): number {
  if (x < 0) return 0;
  const p = mean / variance;
  const r = (mean * p) / (1 - p);
  // P(X ≤ x) − ½ P(X = x): one incomplete beta I_p(r, x + 1) and the probability of x, which
  // I_p(r, x + 1) − I_p(r, x) equals for every real x ≥ 0 (the recurrence of I in b). Both share
  // three log-gammas (ln Γ(r + x + 1) = ln Γ(r + x) + ln(r + x)), computed once.
  const log1mP = Math.log1p(-p);
  const logMass = logGamma(x + r) - logGamma(r) - logFactorial(x) + r * Math.log(p) + x * log1mP;
  const mass = Math.exp(logMass);
  const a = r;
  const b = x + 1;
  const front = Math.exp(logMass + Math.log(x + r) + log1mP);
  const cdf = p < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, p)) / a : 1 - (front * betaFraction(b, a, 1 - p)) / b;
  return cdf - 0.5 * mass;
}
