import { logGamma } from './negativeBinomial.ts';

/** Where `countPmf` starts and how many values it keeps. */
export interface CountSupport {
  readonly start: number;
  readonly length: number;
}

/**
 * A log-probability within this of ln(tail) (plus 1e-14 of the size of the terms it is the sum of,
 * which bounds their rounding) is too close to call: the caller builds the pmf.
 */
const MARGIN = 1e-7;
const RELATIVE_MARGIN = 1e-14;

/**
 * The values `countPmf(mean, dispersion, tail)` keeps (its `start` and the
 * length of its `probabilities`) without building them, in a few dozen
 * evaluations of the log-probability (ln Γ) where `countPmf` walks its
 * recurrence from 0 (about 1,000 steps at a mean of 700, many more for a
 * widely dispersed negative binomial). `countPmf` keeps the values from the
 * first whose probability reaches `tail` up to, not including, the first
 * above the mean whose probability is below `tail` (the pmf rises to its
 * mode, which is at most the mean, and falls after it). Each boundary is
 * guessed by the normal approximation with its skewness term, bracketed by
 * steps that double, and found by bisection. Returns null where a
 * log-probability it compares is within 1e-7 of ln(tail), or within its
 * terms' rounding (a negative binomial of dispersion near 1 has ln Γ terms
 * near 1e10 that cancel): rounding in the recurrence could then decide it,
 * so build the pmf instead. A support is what
 * a caller needs to know whether a count can reach a cap, and how many joint
 * values an enumeration would take.
 *
 * @example
 * countPmfSupport(0.5, 1, 1e-10); // { start: 0, length: 11 }: countPmf(0.5, 1, 1e-10) keeps 0 … 10
 * countPmfSupport(400, 1, 1e-10); // { start: 283, length: 247 }: 283 … 529
 */
export function countPmfSupport(mean: number, dispersion: number, tail = 1e-12): CountSupport | null {
  if (!(mean >= 0) || mean > 700) throw new RangeError(`countPmfSupport: the mean must be in [0, 700], not ${mean}`);
  if (mean === 0) return { start: 0, length: 1 };
  // The same parameters as countPmf.
  const poisson = !(dispersion > 1 + 1e-12);
  const r = poisson ? 0 : mean / (dispersion - 1);
  const q = poisson ? 0 : 1 - 1 / dispersion;
  const sd = Math.sqrt(mean * (poisson ? 1 : dispersion));
  const limit = Math.ceil(mean + 40 * sd + 40);
  const logTail = Math.log(tail);
  const logMean = Math.log(mean);
  const logQ = poisson ? 0 : Math.log(q);
  const logFirst = poisson ? -mean : r * Math.log(1 / dispersion) - lnGamma(r);
  // ln P(k) − ln(tail), and the size of its terms (`excess` leaves it in `size`).
  let size = 0;
  const excess = (k: number): number => {
    if (poisson) {
      const factorial = lnGamma(k + 1);
      size = Math.abs(k * logMean) + mean + Math.abs(factorial);
      return k * logMean - mean - factorial - logTail;
    }
    const rising = lnGamma(k + r);
    const factorial = lnGamma(k + 1);
    size = Math.abs(logFirst) + Math.abs(rising) + Math.abs(factorial) + Math.abs(k * logQ);
    return logFirst + rising - factorial + k * logQ - logTail;
  };
  /** Whether P(k) ≥ tail: 1 or 0, or −1 where ln P(k) is too close to ln(tail) to call. */
  const reaches = (k: number): number => {
    const e = excess(k);
    return Math.abs(e) < MARGIN + RELATIVE_MARGIN * Math.abs(size) ? -1 : e >= 0 ? 1 : 0;
  };
  /**
   * Two Newton steps towards where ln P crosses ln(tail) from k, by the recurrence's exact one-step
   * slope ln P(k + 1) − ln P(k), kept in [lo, hi] (where the pmf is log-concave, Poisson or a
   * negative binomial of r ≥ 1, they close in fast; the search after them decides in any case).
   */
  const towards = (k: number, lo: number, hi: number): number => {
    for (let step = 0; step < 2; step++) {
      const slope = poisson ? logMean - Math.log(k + 1) : Math.log(((k + r) * q) / (k + 1));
      const next = Math.round(k - excess(k) / slope);
      if (!(next === next) || next === k) break;
      k = Math.min(hi, Math.max(lo, next));
    }
    return k;
  };
  // The normal approximation's tail point (density = tail), with the skewness term of Cornish–Fisher.
  const skewness = poisson ? 1 / sd : (2 * dispersion - 1) / sd;
  const zTail = Math.sqrt(Math.max(0, 2 * Math.log(1 / (tail * sd * Math.sqrt(2 * Math.PI)))));
  const guess = (z: number) => Math.round(mean + sd * (z + ((z * z - 1) * skewness) / 6));
  const top = Math.floor(mean);
  // Below the mean P(k) ≥ tail is false, then true from the first value kept (P(top) must reach it).
  if (reaches(top) !== 1) return null;
  const start = firstWhere(0, top, towards(Math.max(0, guess(-zTail)), 0, top), reaches, 1);
  if (start < 0) return null;
  // Above the mean it is true, then false from the first value left out (none up to `limit`: all kept).
  const end = firstWhere(top + 1, limit + 1, towards(Math.max(top + 1, guess(zTail)), top + 1, limit), reaches, 0);
  if (end < 0) return null;
  return { start, length: end - start };
}

/**
 * ln Γ(x): by Stirling's series from x = 10 (error below 1e-12, far inside MARGIN; one logarithm
 * where `logGamma`'s Lanczos sum takes two and eight divisions), else by `logGamma`.
 */
function lnGamma(x: number): number {
  if (x < 10) return logGamma(x);
  const inverse = 1 / x;
  const inverse2 = inverse * inverse;
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 / 1680)));
}

/**
 * The first k in [lo, hi] where test(k) is `wanted` (test is the other value below it and `wanted`
 * from it on, on [lo, hi); hi itself is taken as `wanted` untested), searched from `from` by steps
 * that double, then by bisection; −1 where test answers −1 (too close to call).
 */
function firstWhere(lo: number, hi: number, from: number, test: (k: number) => number, wanted: number): number {
  const k = Math.min(hi - 1, Math.max(lo, from));
  if (k < lo) return hi;
  // Bracket: `before` is known not wanted (or lo − 1), `after` wanted (or hi).
  let before = lo - 1;
  let after = hi;
  const t = test(k);
  if (t < 0) return -1;
  if (t === wanted) {
    after = k;
    for (let step = 1; ; step *= 2) {
      const probe = after - step;
      if (probe < lo) break;
      const s = test(probe);
      if (s < 0) return -1;
      if (s !== wanted) {
        before = probe;
        break;
      }
      after = probe;
    }
  } else {
    before = k;
    for (let step = 1; ; step *= 2) {
      const probe = before + step;
      if (probe >= hi) break;
      const s = test(probe);
      if (s < 0) return -1;
      if (s === wanted) {
        after = probe;
        break;
      }
      before = probe;
    }
  }
  while (after - before > 1) {
    const mid = (before + after) >> 1;
    const s = test(mid);
    if (s < 0) return -1;
    if (s === wanted) after = mid;
    else before = mid;
  }
  return after;
}
