import { normalCdf, normalCdfs } from './normal.ts';

const INV_SQRT_2PI = 0.3989422804014327;
const density = (z: number) => INV_SQRT_2PI * Math.exp(-0.5 * z * z);

/**
 * The variance of a normal variable clamped into [lo, hi]: S = min(hi,
 * max(lo, L)) with L ~ N(mean, sd²), the exact second moment of the
 * censored normal (a capped goalposts score near its cap). With a = (lo −
 * mean)/sd, b = (hi − mean)/sd and P = Φ(b) − Φ(a):
 * E S = lo Φ(a) + hi (1 − Φ(b)) + mean P + sd (φ(a) − φ(b)),
 * E S² = lo² Φ(a) + hi² (1 − Φ(b)) + mean² P + 2 mean sd (φ(a) − φ(b))
 *        + sd² (P + a φ(a) − b φ(b)).
 * It equals sd² far from both bounds and falls towards 0 beyond them.
 *
 * @example
 * censoredNormalVariance(50, 2, 0, 100); // 4 (no bound in reach)
 * censoredNormalVariance(100, 2, 0, 100); // ≈ 1.36 (half the mass sits at the cap)
 */
export function censoredNormalVariance(mean: number, sd: number, lo: number, hi: number): number {
  if (!(sd > 0)) return 0;
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  if (a < -9 && b > 9) return sd * sd;
  censoredDeviation(mean, sd, lo, hi, a, b, normalCdf(a), normalCdf(b));
  return deviation[1];
}

// censoredNormalVariances' scratch, grown as needed: the cells near a bound, their standardised
// bounds (a, b in turn) and Φ of those.
let near = new Int32Array(0);
let bounds = new Float64Array(0);
let cdf = new Float64Array(0);

/**
 * `censoredNormalVariance(mean[j], sd[j], lo, hi)` into `out[j]` for j < n, each bit for bit the
 * same number, for `analyticUncertainty`, which needs it for every capped score of a panel: Φ(a)
 * and Φ(b) of the cells near a bound are taken together by `normalCdfs` (two arguments at a time,
 * each bit for bit `normalCdf`), where one at a time left the processor waiting on erfc's chain
 * of dependent multiply-adds.
 *
 * @example
 * const out = new Float64Array(2);
 * censoredNormalVariances(Float64Array.of(50, 100), Float64Array.of(2, 2), 0, 100, 2, out);
 * out[0]; // 4 (no bound in reach), as censoredNormalVariance(50, 2, 0, 100)
 * out[1] === censoredNormalVariance(100, 2, 0, 100); // true (≈ 1.36)
 */
export function censoredNormalVariances(mean: Float64Array, sd: Float64Array, lo: number, hi: number, n: number, out: Float64Array): void {
  if (near.length < n) {
    near = new Int32Array(n);
    bounds = new Float64Array(2 * n);
    cdf = new Float64Array(2 * n);
  }
  let m = 0;
  for (let j = 0; j < n; j++) {
    const s = sd[j];
    if (!(s > 0)) {
      out[j] = 0;
      continue;
    }
    const a = (lo - mean[j]) / s;
    const b = (hi - mean[j]) / s;
    if (a < -9 && b > 9) {
      out[j] = s * s;
      continue;
    }
    near[m] = j;
    bounds[2 * m] = a;
    bounds[2 * m + 1] = b;
    m++;
  }
  normalCdfs(bounds, 0, 2 * m, cdf);
  for (let c = 0; c < m; c++) {
    const j = near[c];
    censoredDeviation(mean[j], sd[j], lo, hi, bounds[2 * c], bounds[2 * c + 1], cdf[2 * c], cdf[2 * c + 1]);
    out[j] = deviation[1];
  }
}

// censoredDeviation's results: E(S − mean) and Var S.
const deviation = new Float64Array(2);
/**
 * E(S − mean) and Var S of the censored normal (into `deviation`), a and b the standardised
 * bounds and Fa, Fb their Φ: what every function here needs, each Φ and φ computed once.
 */
function censoredDeviation(mean: number, sd: number, lo: number, hi: number, a: number, b: number, Fa: number, Fb: number): void {
  const fa = a < -40 ? 0 : density(a);
  const fb = b > 40 ? 0 : density(b);
  const P = Fb - Fa;
  const upper = 1 - Fb;
  // Moments of S − mean, which keeps the arithmetic small near a bound.
  const dl = lo - mean;
  const dh = hi - mean;
  const m1 = dl * Fa + dh * upper + sd * (fa - fb);
  const m2 = dl * dl * Fa + dh * dh * upper + sd * sd * (P + (a > -40 ? a * fa : 0) - (b < 40 ? b * fb : 0));
  deviation[0] = m1;
  deviation[1] = Math.max(0, m2 - m1 * m1);
}

/**
 * The mean and variance of a normal variable clamped into [lo, hi] (see
 * `censoredNormalVariance`): the mean is E S = lo Φ(a) + hi (1 − Φ(b)) +
 * mean P + sd (φ(a) − φ(b)). The clamped score's mean moves away from a
 * cap it is near, which a sum of clamped scores inherits.
 *
 * @example
 * censoredNormalMoments(50, 2, 0, 100); // { mean: 50, variance: 4 }
 * censoredNormalMoments(100, 2, 0, 100).mean; // 100 − 2 φ(0) = 99.202…
 */
export function censoredNormalMoments(mean: number, sd: number, lo: number, hi: number): { mean: number; variance: number } {
  if (!(sd > 0)) return { mean: Math.min(hi, Math.max(lo, mean)), variance: 0 };
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  if (a < -9 && b > 9) return { mean, variance: sd * sd };
  censoredDeviation(mean, sd, lo, hi, a, b, normalCdf(a), normalCdf(b));
  return { mean: mean + deviation[0], variance: deviation[1] };
}
