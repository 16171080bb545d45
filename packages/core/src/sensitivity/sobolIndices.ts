import { PinganError } from '../errors/pinganError.ts';
import { randomInt, randomLcg } from 'd3-random';
import { quantileSorted } from './quantile.ts';
import { sobolSequence } from './sobolSequence.ts';

/** What `sobolIndices` returns for each input. */
export interface SobolIndex {
  /** First-order index Sᵢ (Jansen's estimator). */
  readonly first: number;
  /** Total-order index Sₜᵢ (Jansen's estimator). */
  readonly total: number;
  /** Bootstrap percentile intervals at `confidence`. */
  readonly firstInterval: readonly [number, number];
  readonly totalInterval: readonly [number, number];
}

/**
 * The coverage of the Sobol' indices' bootstrap intervals unless a caller
 * asks for another: 0.9, the 5–95% interval COINr's `get_sensitivity`
 * reports (q5, q95). The CLI, the workbench and their documentation state
 * this value, so it is defined here once.
 */
export const SOBOL_CONFIDENCE = 0.9;

export interface SobolOptions {
  /** Base sample size N; the model runs N × (k + 2) times. */
  readonly n: number;
  /** Bootstrap resamples for the intervals (default 100; 0 for none). */
  readonly bootstrap?: number;
  /** Interval coverage (default `SOBOL_CONFIDENCE`, 0.9: the 5–95% interval, as COINr reports). */
  readonly confidence?: number;
  /** Seed of the bootstrap's generator (the sampling itself is quasi-random and fixed). */
  readonly seed?: number;
  /** Called after each model run with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked between runs; when aborted the analysis throws `signal.reason`. */
  readonly signal?: { readonly aborted: boolean; readonly reason?: unknown };
}

export interface SobolResult {
  readonly indices: readonly SobolIndex[];
  /** Variance of the output over the A and B samples. */
  readonly variance: number;
  /** How many times the model ran. */
  readonly runs: number;
  /** Design rows left out because a run in them gave no output (`NaN`). */
  readonly missing: number;
}

/**
 * Saltelli's design for variance-based sensitivity: the first and total
 * Sobol' indices of each of `k` inputs of a model f on the unit hypercube
 * [0, 1)ᵏ (map each coordinate onto an input inside `model`). A and B are
 * the two halves of a 2k-dimensional Sobol' sequence; A_B⁽ⁱ⁾ is A with
 * column i from B. With V the variance of f over A and B, Jansen's
 * estimators are
 *
 *   Sᵢ = (V − ½·mean[(f(B) − f(A_B⁽ⁱ⁾))²]) / V,   Sₜᵢ = ½·mean[(f(A) − f(A_B⁽ⁱ⁾))²] / V,
 *
 * (Saltelli et al. 2010, table 2, (f) and (f)), with bootstrap percentile
 * intervals from resampling the N rows (seeded, so a run repeats exactly).
 *
 * @example
 * // f(x) = x₀ + 2·x₁ on [0,1)²: V = 1/12 + 4/12, S = (0.2, 0.8)
 * sobolIndices((x) => x[0] + 2 * x[1], 2, { n: 4096 }).indices.map((s) => s.first.toFixed(2)); // ['0.20', '0.80']
 */
export function sobolIndices(model: (x: Float64Array) => number, k: number, options: SobolOptions): SobolResult {
  const { n } = options;
  if (!Number.isInteger(n) || n < 2) throw new PinganError('invalid-argument', `the base sample size must be an integer ≥ 2, got ${n}`);
  const points = sobolSequence(n, 2 * k);
  const total = n * (k + 2);
  let done = 0;
  const run = (x: Float64Array): number => {
    if (options.signal?.aborted) throw options.signal.reason ?? new PinganError('cancelled', 'the analysis was cancelled');
    const y = model(x);
    done++;
    options.onProgress?.(done, total);
    return y;
  };
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: k }, () => new Float64Array(n));
  const x = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const row = r * 2 * k;
    for (let i = 0; i < k; i++) x[i] = points[row + i];
    fA[r] = run(x);
    for (let i = 0; i < k; i++) x[i] = points[row + k + i];
    fB[r] = run(x);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < k; i++) x[i] = points[row + (i === j ? k + i : i)];
      fAB[j][r] = run(x);
    }
  }
  const estimate = (rows: ArrayLike<number>): { first: number[]; total: number[]; variance: number } => {
    const m = rows.length;
    let sum = 0;
    let sumSq = 0;
    for (let t = 0; t < m; t++) {
      const r = rows[t];
      sum += fA[r] + fB[r];
      sumSq += fA[r] * fA[r] + fB[r] * fB[r];
    }
    const mean = sum / (2 * m);
    const variance = sumSq / (2 * m) - mean * mean;
    const first: number[] = [];
    const totalOrder: number[] = [];
    for (let j = 0; j < k; j++) {
      let a = 0;
      let b = 0;
      for (let t = 0; t < m; t++) {
        const r = rows[t];
        a += (fB[r] - fAB[j][r]) ** 2;
        b += (fA[r] - fAB[j][r]) ** 2;
      }
      first.push((variance - a / (2 * m)) / variance);
      totalOrder.push(b / (2 * m) / variance);
    }
    return { first, total: totalOrder, variance };
  };
  // A design row with a missing output (a failed run) is left out of the
  // estimators and the bootstrap; with none missing, every row is used.
  const complete = Uint32Array.from({ length: n }, (_, r) => r).filter((r) => fA[r] === fA[r] && fB[r] === fB[r] && fAB.every((f) => f[r] === f[r]));
  const m = complete.length;
  const all = complete;
  const point = estimate(all);
  const resamples = options.bootstrap ?? 100;
  const confidence = options.confidence ?? SOBOL_CONFIDENCE;
  const firstDraws = Array.from({ length: k }, () => new Float64Array(resamples));
  const totalDraws = Array.from({ length: k }, () => new Float64Array(resamples));
  const pick = randomInt.source(randomLcg(options.seed ?? 1))(m);
  const rows = new Uint32Array(m);
  for (let b = 0; b < resamples; b++) {
    for (let t = 0; t < m; t++) rows[t] = complete[pick()];
    const e = estimate(rows);
    for (let j = 0; j < k; j++) {
      firstDraws[j][b] = e.first[j];
      totalDraws[j][b] = e.total[j];
    }
  }
  const interval = (draws: Float64Array, fallback: number): [number, number] => {
    if (draws.length === 0) return [fallback, fallback];
    const sorted = Float64Array.from(draws).sort();
    return [quantileSorted(sorted, (1 - confidence) / 2), quantileSorted(sorted, (1 + confidence) / 2)];
  };
  return {
    indices: point.first.map((first, j) => ({
      first,
      total: point.total[j],
      firstInterval: interval(firstDraws[j], first),
      totalInterval: interval(totalDraws[j], point.total[j]),
    })),
    variance: point.variance,
    runs: total,
    missing: n - m,
  };
}
