import { PinganError } from '../errors/pinganError.ts';
export interface NelderMeadOptions {
  /**
   * The initial simplex: `x0` plus this step along each axis (one number for
   * all axes, or one per axis). Default, as R's `optim`: 10% of the largest
   * |x0_i|, or 0.1 when x0 is all zeros.
   */
  initialStep?: number | readonly number[];
  /** The most reflection/expansion/contraction/shrink steps (default 200 × dimension). */
  maxIterations?: number;
  /** The most function evaluations (default unlimited beyond `maxIterations`). */
  maxEvaluations?: number;
  /**
   * Stop when the simplex's values lie within `functionTolerance · (|f_best| + functionTolerance)`
   * of each other (R's `reltol` rule) … (default 1e-10)
   */
  functionTolerance?: number;
  /** … and every vertex is within this distance (per coordinate) of the best (default 1e-8). */
  pointTolerance?: number;
}

export interface NelderMeadResult {
  /** The best point found. */
  x: number[];
  /** f at `x`. */
  value: number;
  iterations: number;
  evaluations: number;
  /** Whether the tolerances were met (rather than a limit reached). */
  converged: boolean;
}

/**
 * Minimises `f` over ℝⁿ with the Nelder–Mead downhill simplex (Nelder &
 * Mead 1965; reflection 1, expansion 2, contraction ½, shrink ½, as R's
 * `optim`), which needs no derivatives. `NaN` values count as +∞; a value of
 * −∞ stops the search at once. `f` receives an internal array that it must
 * neither keep nor change.
 *
 * @example
 * const r = nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]);
 * r.x; // ≈ [1, -2]
 * r.converged; // true
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  if (n < 1) throw new PinganError('invalid-argument', 'nelderMead needs at least one parameter');
  if (x0.some((v) => !Number.isFinite(v))) throw new PinganError('invalid-argument', 'nelderMead needs a finite starting point');
  const maxIterations = options.maxIterations ?? 200 * n;
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  const ftol = options.functionTolerance ?? 1e-10;
  const xtol = options.pointTolerance ?? 1e-8;
  const largest = x0.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const steps = Array.from({ length: n }, (_, i) => {
    const s = options.initialStep;
    const step = s === undefined ? (largest > 0 ? 0.1 * largest : 0.1) : typeof s === 'number' ? s : s[i];
    if (!(step !== 0 && Number.isFinite(step))) throw new PinganError('invalid-argument', `initialStep must be a finite non-zero number, got ${step}`);
    return step;
  });

  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return v === v ? v : Number.POSITIVE_INFINITY;
  };

  // The simplex: n + 1 vertices and their values, kept sorted best first.
  const vertices: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    const v = Float64Array.from(x0);
    if (k > 0) v[k - 1] += steps[k - 1];
    vertices.push(v);
    values[k] = evaluate(v);
  }
  const order = Array.from({ length: n + 1 }, (_, k) => k);
  const sort = () => order.sort((a, b) => values[a] - values[b]);

  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  const along = (out: Float64Array, from: Float64Array, to: Float64Array, t: number) => {
    for (let i = 0; i < n; i++) out[i] = from[i] + t * (to[i] - from[i]);
  };

  let iterations = 0;
  let converged = false;
  sort();
  while (true) {
    const best = order[0];
    const worst = order[n];
    if (values[best] === Number.NEGATIVE_INFINITY) {
      converged = true;
      break;
    }
    let spread = 0;
    for (let k = 1; k <= n; k++) {
      const v = vertices[order[k]];
      for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(v[i] - vertices[best][i]));
    }
    if (values[worst] - values[best] <= ftol * (Math.abs(values[best]) + ftol) && spread <= xtol) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations || evaluations >= maxEvaluations) break;
    iterations++;

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const v = vertices[order[k]];
      for (let i = 0; i < n; i++) centroid[i] += v[i] / n;
    }
    along(reflected, centroid, vertices[worst], -1);
    const fr = evaluate(reflected);
    if (fr < values[best]) {
      along(trial, centroid, vertices[worst], -2);
      const fe = evaluate(trial);
      if (fe < fr) accept(worst, trial, fe);
      else accept(worst, reflected, fr);
    } else if (fr < values[order[n - 1]]) {
      accept(worst, reflected, fr);
    } else {
      const outside = fr < values[worst];
      // Outside: halfway from the centroid to the reflected point; inside: to the worst.
      along(trial, centroid, outside ? reflected : vertices[worst], 0.5);
      const fc = evaluate(trial);
      if (outside ? fc <= fr : fc < values[worst]) {
        accept(worst, trial, fc);
      } else {
        for (let k = 1; k <= n; k++) {
          const v = vertices[order[k]];
          along(v, vertices[best], v, 0.5);
          values[order[k]] = evaluate(v);
        }
      }
    }
    sort();
  }

  function accept(index: number, x: Float64Array, value: number): void {
    vertices[index].set(x);
    values[index] = value;
  }

  const best = order[0];
  return { x: Array.from(vertices[best]), value: values[best], iterations, evaluations, converged };
}
