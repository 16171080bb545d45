import { PinganError, UnknownCodeError } from '../errors/pinganError.ts';
import { optimNelderMead } from './optimNelderMead.ts';
import { aggregate as aggregatePanel } from '../aggregate/index.ts';
import { columnValues } from '../analysis/columnValues.ts';
import { correlation, type CorrelationMethod } from '../analysis/correlation.ts';
import { reviseNodes, type Framework, type NodeRevision } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';
import { nelderMead } from './nelderMead.ts';

export interface OptimiseWeightsOptions {
  framework: Framework;
  /** Indicator scores (normalised), the input `aggregate` takes. */
  scores: Panel;
  /** The aggregate whose children's weights are optimised (or give `level`). */
  group?: string;
  /**
   * Optimise the weights of every node at this level at once, against the
   * index, as COINr's `get_opt_weights(Level = …)` does (instead of `group`).
   */
  level?: number;
  /**
   * `'bounded'` (default): Nelder–Mead on log-weight ratios, so weights stay
   * positive, with tight tolerances. `'coinr'`: COINr's own search, step for
   * step: R's `optim` Nelder–Mead (`optimNelderMead`) on the raw weights
   * (scaled to sum to 1), started from the target, `reltol` 0.1 and at most
   * 500 evaluations unless `tolerance` and `maxIterations` say otherwise; a
   * trial weight ≤ 0 (which COINr would aggregate with) counts as a failed
   * evaluation here.
   */
  search?: 'bounded' | 'coinr';
  /**
   * The aggregate the children are correlated with: `group` itself (default)
   * or one of its ancestors. COINr's `get_opt_weights` correlates with the
   * index, so `against: framework.root` reproduces it.
   */
  against?: string;
  /** Correlate across units of this period; without it, unit-periods of all periods are pooled. */
  period?: string;
  /** Relative target importances (positive), one per child in `children` order (default all equal); scaled to sum to 1. */
  target?: readonly number[];
  /**
   * `'balance'` (default, COINr's): make the children's correlation shares
   * match `target`; `'infomax'`: maximise the sum of the correlations.
   */
  objective?: 'balance' | 'infomax';
  /** `'pearson'` (default) or `'spearman'`. */
  correlation?: CorrelationMethod;
  /** Nelder–Mead iterations at most (default 500). */
  maxIterations?: number;
  /** Convergence tolerance on the objective (default 1e-8; see `nelderMead`'s `functionTolerance`). */
  tolerance?: number;
  /** The aggregation to use (default `aggregate`); it must return the `against` column. */
  aggregate?: (scores: Panel, framework: Framework) => Panel;
}

export interface OptimiseWeightsResult {
  /** The optimised weights of the group's children (or the level's nodes), summing to 1. */
  weights: Record<string, number>;
  /** The framework with these weights (`reviseNodes`). */
  framework: Framework;
  /** Each child's correlation with the `against` aggregate at the optimum, in `children` order. */
  correlations: number[];
  /** The correlations scaled to sum to 1 (COINr's "Obtained"), to compare with `target`. */
  shares: number[];
  /** The target shares (summing to 1); empty for `'infomax'`. */
  target: number[];
  /**
   * The objective at the optimum, as COINr computes it: for `'balance'`
   * log(Σ (target − share)² / n), for `'infomax'` −Σ correlations.
   */
  objective: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
}

/** Weights outside e^±40 of each other add nothing but risk underflow. */
const MAX_LOG_RATIO = 40;

/**
 * Optimises the weights of one group's children so that their correlations
 * with the aggregate score follow target importances — COINr's
 * `get_opt_weights` (after Becker et al. 2017, Ecological Indicators 80,
 * 12–22). With the default `'balance'` objective it minimises, as COINr does,
 * log(Σ_i (t_i − c_i / Σ_j c_j)² / n), where c_i is child i's correlation with
 * the aggregate recomputed (by `aggregate`) under the trial weights and t the
 * target shares (equal by default); `'infomax'` minimises −Σ_i c_i instead.
 *
 * `group` optimises one group's children, correlated with the group's own
 * score unless `against` names an ancestor; `level` optimises every node of
 * a level at once against the index, as COINr does. The default search runs
 * Nelder–Mead on log-weight ratios, softmax-mapped, so weights stay positive
 * (COINr searches raw weights, which may turn negative), started from the
 * target (`'balance'`) or the current weights (`'infomax'`), with tighter
 * tolerances than COINr's `reltol` 0.1 (which often stops after a few
 * evaluations); `search: 'coinr'` runs COINr's own search instead, and with
 * `level` reproduces `get_opt_weights`' weights.
 *
 * @example
 * const r = optimiseWeights({ framework: fw, scores, group: 'pillar1' });
 * r.weights; // { a: 0.41, b: 0.27, c: 0.32 } (sums to 1)
 * r.shares; // ≈ [1/3, 1/3, 1/3]: each indicator now "matters" equally
 * r.converged; // true
 */
export function optimiseWeights(options: OptimiseWeightsOptions): OptimiseWeightsResult {
  const { framework, scores, group, level } = options;
  let children: readonly string[];
  let against: string;
  if (level !== undefined) {
    if (group !== undefined) throw new PinganError('invalid-argument', 'give either group or level, not both');
    children = framework.nodes.filter((node) => node.level === level && node.parent !== null).map((node) => node.code);
    if (children.length === 0) throw new PinganError('invalid-argument', `level must be an integer from 1 to ${framework.levels - 1}, got ${level}`);
    against = framework.root;
  } else {
    if (group === undefined) throw new PinganError('invalid-argument', 'give the group (an aggregate) or the level whose weights to optimise');
    const node = framework.byCode.get(group);
    if (!node || node.type !== 'aggregate') throw new UnknownCodeError('node', group, `"${group}" is not an aggregate of this framework`);
    children = node.children;
    against = options.against ?? group;
    if (!isSelfOrAncestor(framework, against, group)) {
      throw new PinganError('invalid-argument', `"${against}" must be "${group}" or one of its ancestors, else the weights cannot change it`);
    }
  }
  const objectiveKind = options.objective ?? 'balance';
  if (objectiveKind !== 'balance' && objectiveKind !== 'infomax') {
    throw new PinganError('invalid-argument', `objective must be "balance" or "infomax", got "${String(objectiveKind)}"`);
  }
  const method = options.correlation ?? 'pearson';
  const aggregate = options.aggregate ?? aggregatePanel;
  const n = children.length;

  const target = objectiveKind === 'balance' ? normalisedTarget(options.target, n) : [];

  // The starting weights, as log-ratios to the first child (whose θ is 0).
  const start =
    objectiveKind === 'balance' ? target : children.map((c) => framework.byCode.get(c)?.weight ?? 1);
  const theta0 = start.slice(1).map((w) => clamp(Math.log(w / start[0])));

  const weightsOf = (theta: ArrayLike<number>): number[] => {
    let max = 0;
    for (let i = 0; i < theta.length; i++) max = Math.max(max, clamp(theta[i]));
    const w = new Array<number>(n);
    w[0] = Math.exp(-max);
    let total = w[0];
    for (let i = 1; i < n; i++) {
      w[i] = Math.exp(clamp(theta[i - 1]) - max);
      total += w[i];
    }
    for (let i = 0; i < n; i++) w[i] /= total;
    return w;
  };
  const recordOf = (w: readonly number[]): Record<string, number> =>
    Object.fromEntries(children.map((code, i) => [code, w[i]]));
  const reweighted = (w: readonly number[]): Framework =>
    reviseNodes(framework, Object.fromEntries(children.map((code, i): [string, NodeRevision] => [code, { weight: w[i] }])));

  // Children's own scores do not depend on their weights: read them once.
  const first = aggregate(scores, reweighted(weightsOf(theta0)));
  const childColumns = children.map((code) => columnValues(first, code, options.period));
  const correlationsFor = (aggregated: Panel): number[] => {
    const score = columnValues(aggregated, against, options.period);
    return childColumns.map((column) => correlation(column, score, method));
  };
  const sharesOf = (c: readonly number[]): number[] => {
    const total = c.reduce((s, x) => s + x, 0);
    return c.map((x) => x / total);
  };
  // Nelder–Mead only compares values, so it minimises the mean squared
  // difference itself; its log (COINr's objective) is reported at the end.
  const lossOf = (c: readonly number[]): number => {
    if (objectiveKind === 'infomax') return -c.reduce((s, x) => s + x, 0);
    const shares = sharesOf(c);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (target[i] - shares[i]) ** 2;
    return sum / n;
  };

  if (options.search === 'coinr') {
    // COINr's objfunc: w / sum(w) at the level, correlations with the index, log of the mean squared difference.
    const objective = (raw: readonly number[]): number => {
      const total = raw.reduce((sum, w) => sum + w, 0);
      const w = raw.map((x) => x / total);
      if (w.some((x) => !(x > 0))) return Number.POSITIVE_INFINITY;
      const loss = lossOf(correlationsFor(aggregate(scores, reweighted(w))));
      return objectiveKind === 'balance' ? Math.log(loss) : loss;
    };
    const searched = optimNelderMead(objective, start, { reltol: options.tolerance ?? 0.1, maxit: options.maxIterations ?? 500 });
    const total = searched.par.reduce((sum, w) => sum + w, 0);
    const weights = searched.par.map((w) => w / total);
    const tuned = reweighted(weights);
    const correlations = correlationsFor(aggregate(scores, tuned));
    return {
      weights: recordOf(weights),
      framework: tuned,
      correlations,
      shares: sharesOf(correlations),
      target,
      objective: searched.value,
      converged: searched.convergence === 0,
      iterations: searched.counts,
      evaluations: searched.counts + 2,
    };
  }

  let iterations = 0;
  let evaluations = 1;
  let converged = true;
  let best = theta0;
  if (n > 1) {
    const result = nelderMead(
      (theta) => lossOf(correlationsFor(aggregate(scores, reweighted(weightsOf(theta))))),
      theta0,
      {
        initialStep: 0.5,
        maxIterations: options.maxIterations ?? 500,
        functionTolerance: options.tolerance ?? 1e-8,
        pointTolerance: 1e-6,
      },
    );
    best = result.x;
    iterations = result.iterations;
    evaluations += result.evaluations;
    converged = result.converged;
  }

  const weights = weightsOf(best);
  const tuned = reweighted(weights);
  const correlations = correlationsFor(aggregate(scores, tuned));
  const loss = lossOf(correlations);
  return {
    weights: recordOf(weights),
    framework: tuned,
    correlations,
    shares: sharesOf(correlations),
    target,
    objective: objectiveKind === 'balance' ? Math.log(loss) : loss,
    converged,
    iterations,
    evaluations: evaluations + 1,
  };
}

function clamp(x: number): number {
  return x > MAX_LOG_RATIO ? MAX_LOG_RATIO : x < -MAX_LOG_RATIO ? -MAX_LOG_RATIO : x;
}

function normalisedTarget(target: readonly number[] | undefined, n: number): number[] {
  if (target === undefined) return new Array<number>(n).fill(1 / n);
  if (target.length !== n) throw new PinganError('invalid-argument', `target has ${target.length} values but the group has ${n} children`);
  if (target.some((t) => !(t > 0) || !Number.isFinite(t))) throw new PinganError('invalid-argument', 'target importances must be positive numbers');
  const total = target.reduce((s, t) => s + t, 0);
  return target.map((t) => t / total);
}

function isSelfOrAncestor(framework: Framework, candidate: string, code: string): boolean {
  let current: string | null = code;
  while (current !== null) {
    if (current === candidate) return true;
    const parent: string | null | undefined = framework.byCode.get(current)?.parent;
    current = parent ?? null;
  }
  return false;
}
