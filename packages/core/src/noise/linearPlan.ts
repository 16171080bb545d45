import type { IndexResult } from '../pipeline/buildIndex.ts';
import type { CellNoise } from './cellNoise.ts';
import type { ResolvedNoise } from './resolveNoise.ts';

/**
 * The linear plan of a goalposts framework and the per-unit steps built on
 * it, shared by `analyticUncertainty` and `latticeIntervals`: both propagate
 * the noise of the raw values through the same linear build (window sums,
 * carried values, α + β T, arithmetic means with weights rescaled over the
 * children present), so the plan is compiled, and a unit's window sources and
 * effective weights computed, in one place. The arithmetic is kept in one
 * order so that both give the same numbers bit for bit. Internal: not
 * exported from the package.
 */

/** One goalposts indicator, as the linear build uses it. */
export interface IndicatorPlan {
  /** Its column in `result.raw`, `result.windowed` and `result.treated`. */
  readonly rawColumn: number;
  readonly windowedColumn: number;
  readonly treatedColumn: number;
  /** Its denominator's column in `result.raw` (−1: none), and the denominator's scale (1: none). */
  readonly denominatorColumn: number;
  readonly denominatorScale: number;
  /** Months in its window (1: none), and whether the window's statistic is the mean (else the sum). */
  readonly windowLength: number;
  readonly windowMean: boolean;
  /** How many months a value may be carried forward (0: not carried). */
  readonly carry: number;
  readonly model: ResolvedNoise['model'];
  /** A count (Poisson or negative binomial). */
  readonly count: boolean;
  /** The goalposts score before capping is α + β T. */
  readonly alpha: number;
  readonly beta: number;
  readonly scale: number;
  readonly cap: boolean;
}

/** One arithmetic aggregate: its column and its children's columns in `result.aggregated`, and their weights. */
export interface AggregatePlan {
  readonly column: number;
  readonly children: readonly number[];
  readonly weights: readonly number[];
}

/** The framework's linear build, compiled once per call. */
export interface LinearPlan {
  /** Per indicator of `framework.indicators` (which are the first columns of `result.aggregated`). */
  readonly indicators: readonly IndicatorPlan[];
  /** Per aggregate of `framework.aggregates`, children before parents. */
  readonly aggregates: readonly AggregatePlan[];
  /** The indicators under each column of `result.aggregated` (an indicator: itself), so that sums run over them only. */
  readonly descendants: readonly Int32Array[];
  /** Effective weight of indicator i in column k when every column is present, at k · I + i. */
  readonly fullEffective: Float64Array;
}

/**
 * Compiles the linear plan of a build whose framework `analyticSupport`
 * accepts; `caller` names the function in the errors.
 *
 * @example
 * const plan = linearPlan(result, cellNoise(result.raw, result.framework), 'analyticUncertainty');
 * plan.indicators[0].beta; // the first indicator's goalposts slope
 */
export function linearPlan(result: IndexResult, noise: CellNoise, caller: string): LinearPlan {
  const framework = result.framework;
  const raw = result.raw;
  const out = result.aggregated;
  const indicators = framework.indicators;
  const I = indicators.length;
  const K = out.codes.length;
  const indicatorPlans = indicators.map((code): IndicatorPlan => {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'indicator' || node.normalisation.method !== 'goalposts') throw new Error(`${caller}: ${code} is not a goalposts indicator`);
    const g = node.normalisation;
    const span = g.max - g.min;
    const model = noise.models[code].model;
    return {
      rawColumn: raw.codes.indexOf(code),
      windowedColumn: result.windowed.codes.indexOf(code),
      treatedColumn: result.treated.codes.indexOf(code),
      denominatorColumn: node.denominator ? raw.codes.indexOf(node.denominator.code) : -1,
      denominatorScale: node.denominator?.scale ?? 1,
      windowLength: node.window?.periods ?? 1,
      windowMean: node.window?.statistic === 'mean',
      carry: node.imputation.method === 'locf' ? node.imputation.maxAge : 0,
      model,
      count: model === 'poisson',
      alpha: node.direction === 1 ? (-g.scale * g.min) / span : (g.scale * g.max) / span,
      beta: (node.direction === 1 ? g.scale : -g.scale) / span,
      scale: g.scale,
      cap: g.cap,
    };
  });
  const columnOf = new Map(out.codes.map((c, k) => [c, k]));
  const aggregatePlans = framework.aggregates.map((code): AggregatePlan => {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'aggregate') throw new Error(`${caller}: ${code} is not an aggregate`);
    return { column: columnOf.get(code)!, children: node.children.map((c) => columnOf.get(c)!), weights: node.children.map((c) => framework.byCode.get(c)!.weight) };
  });
  const descendants: Int32Array[] = out.codes.map((code) => {
    const found: number[] = [];
    const walk = (c: string) => {
      const node = framework.byCode.get(c);
      if (node?.type === 'indicator') found.push(indicators.indexOf(c));
      else if (node?.type === 'aggregate') node.children.forEach(walk);
    };
    walk(code);
    return Int32Array.from(found);
  });
  const fullEffective = new Float64Array(K * I);
  for (let i = 0; i < I; i++) fullEffective[i * I + i] = 1;
  for (const ag of aggregatePlans) {
    const total = ag.weights.reduce((t, w) => t + w, 0);
    for (let c = 0; c < ag.children.length; c++) {
      const w = ag.weights[c] / total;
      const from = ag.children[c];
      for (let i = 0; i < I; i++) fullEffective[ag.column * I + i] += w * fullEffective[from * I + i];
    }
  }
  return { indicators: indicatorPlans, aggregates: aggregatePlans, descendants, fullEffective };
}

/**
 * Copies unit u's rows of a panel laid out period by period (cell (p · units + u) · width + c)
 * into `to` (cell p · width + c): reading a unit's series cell by cell would miss the cache at
 * every period of a large panel. Element loops, not set(subarray()): a subarray per period and
 * unit is millions of objects nationwide.
 *
 * @example
 * gatherUnit(result.raw.values, rawU, result.raw.codes.length, units, periods, u);
 */
export function gatherUnit(from: Float64Array, to: Float64Array, width: number, units: number, periods: number, u: number): void {
  for (let p = 0; p < periods; p++) {
    const a = (p * units + u) * width;
    const b = p * width;
    for (let c = 0; c < width; c++) to[b + c] = from[a + c];
  }
}

/**
 * The inverse of {@link gatherUnit}: writes a unit's rows back into the panel.
 *
 * @example
 * scatterUnit(seU, se, K, units, periods, u);
 */
export function scatterUnit(from: Float64Array, to: Float64Array, width: number, units: number, periods: number, u: number): void {
  for (let p = 0; p < periods; p++) {
    const a = p * width;
    const b = (p * units + u) * width;
    for (let k = 0; k < width; k++) to[b + k] = from[a + k];
  }
}

/** One unit's rows of every panel the linear build reads (cell p · width + c), refilled unit by unit. */
export interface UnitRows {
  readonly units: number;
  readonly periods: number;
  readonly rawWidth: number;
  readonly treatedWidth: number;
  readonly windowedWidth: number;
  /** Columns of `result.aggregated`. */
  readonly outWidth: number;
  readonly raw: Float64Array;
  readonly treated: Float64Array;
  readonly windowed: Float64Array;
  readonly out: Float64Array;
  /** `cellNoise`'s mean, dispersion and variance (the raw panel's columns). */
  readonly mean: Float64Array;
  readonly dispersion: Float64Array;
  readonly variance: Float64Array;
}

/**
 * The buffers of one unit's rows, allocated once per call (filled by {@link gatherUnitRows}),
 * with the panels' sizes.
 *
 * @example
 * const rows = unitRows(result);
 * rows.outWidth; // the columns of result.aggregated
 */
export function unitRows(result: IndexResult): UnitRows {
  const out = result.aggregated;
  const P = out.periods.length;
  const C = result.raw.codes.length;
  const Ct = result.treated.codes.length;
  const Cw = result.windowed.codes.length;
  const K = out.codes.length;
  return {
    units: out.units.length,
    periods: P,
    rawWidth: C,
    treatedWidth: Ct,
    windowedWidth: Cw,
    outWidth: K,
    raw: new Float64Array(P * C),
    treated: new Float64Array(P * Ct),
    windowed: new Float64Array(P * Cw),
    out: new Float64Array(P * K),
    mean: new Float64Array(P * C),
    dispersion: new Float64Array(P * C),
    variance: new Float64Array(P * C),
  };
}

/**
 * Fills `rows` with unit u's rows of the build's panels and of its noise.
 *
 * @example
 * for (let u = 0; u < rows.units; u++) gatherUnitRows(rows, result, noise, u);
 */
export function gatherUnitRows(rows: UnitRows, result: IndexResult, noise: CellNoise, u: number): void {
  const U = rows.units;
  const P = rows.periods;
  gatherUnit(result.raw.values, rows.raw, rows.rawWidth, U, P, u);
  gatherUnit(result.treated.values, rows.treated, rows.treatedWidth, U, P, u);
  gatherUnit(result.windowed.values, rows.windowed, rows.windowedWidth, U, P, u);
  gatherUnit(result.aggregated.values, rows.out, rows.outWidth, U, P, u);
  gatherUnit(noise.mean, rows.mean, rows.rawWidth, U, P, u);
  gatherUnit(noise.dispersion, rows.dispersion, rows.rawWidth, U, P, u);
  gatherUnit(noise.variance, rows.variance, rows.rawWidth, U, P, u);
}

/**
 * Where an indicator's T(p) comes from for each period p of a unit: its own window, or the window
 * of the month carried into it (`source`, −1: none), and the window's factor (1 without a window,
 * 1 / present for a mean, length / present for a sum; NaN without a source), written at
 * `at + p`. `presentBefore` (periods + 1 long) is scratch: how many raw values are present before q.
 *
 * @example
 * windowSources(plan.indicators[i], rows, presentBefore, source, factor, i * rows.periods);
 */
export function windowSources(pl: IndicatorPlan, rows: UnitRows, presentBefore: Int32Array, source: Int32Array, factor: Float64Array, at: number): void {
  const P = rows.periods;
  const rawU = rows.raw;
  const C = rows.rawWidth;
  const treatedU = rows.treated;
  const Ct = rows.treatedWidth;
  const windowedU = rows.windowed;
  const Cw = rows.windowedWidth;
  presentBefore[0] = 0;
  for (let q = 0; q < P; q++) presentBefore[q + 1] = presentBefore[q] + (rawU[q * C + pl.rawColumn] === rawU[q * C + pl.rawColumn] ? 1 : 0);
  let last = -1;
  for (let p = 0; p < P; p++) {
    const t = treatedU[p * Ct + pl.treatedColumn];
    const own = windowedU[p * Cw + pl.windowedColumn];
    let src = -1;
    if (own === own) {
      src = p;
      last = p;
    } else if (t === t && pl.carry > 0 && last >= 0 && p - last <= pl.carry) src = last;
    source[at + p] = src;
    if (src < 0) {
      factor[at + p] = Number.NaN;
      continue;
    }
    const present = presentBefore[src + 1] - presentBefore[Math.max(0, src - pl.windowLength + 1)];
    factor[at + p] = pl.windowLength === 1 ? 1 : pl.windowMean ? 1 / present : pl.windowLength / present;
  }
}

/**
 * The effective weight of each indicator in each column, period by period, at (p · K + k) · I + i:
 * the fixed `fullEffective` where every column of the period is present, else the arithmetic
 * means' weights rescaled over the children present (children before parents). `outU` is the
 * unit's gathered `result.aggregated` rows.
 *
 * @example
 * effectiveWeights(plan, outU, P, K, eff);
 */
export function effectiveWeights(plan: LinearPlan, outU: Float64Array, P: number, K: number, eff: Float64Array): void {
  const I = plan.indicators.length;
  for (let p = 0; p < P; p++) {
    if (periodComplete(outU, p, K)) eff.set(plan.fullEffective, p * K * I);
    else effectiveWeightsAt(plan, outU, p, K, eff);
  }
}

/**
 * Whether every column of period p of a unit's gathered `result.aggregated` rows is present:
 * then its effective weights are the plan's `fullEffective` (at k · I + i).
 *
 * @example
 * const weights = periodComplete(outU, p, K) ? plan.fullEffective : eff;
 */
export function periodComplete(outU: Float64Array, p: number, K: number): boolean {
  const row = p * K;
  for (let k = 0; k < K; k++) if (outU[row + k] !== outU[row + k]) return false;
  return true;
}

/**
 * {@link effectiveWeights} of one period p with a missing column, at (p · K + k) · I + i: the
 * arithmetic means' weights rescaled over the children present (children before parents).
 *
 * @example
 * if (!periodComplete(outU, p, K)) effectiveWeightsAt(plan, outU, p, K, eff);
 */
export function effectiveWeightsAt(plan: LinearPlan, outU: Float64Array, p: number, K: number, eff: Float64Array): void {
  const I = plan.indicators.length;
  const descendants = plan.descendants;
  const row = p * K;
  eff.fill(0, p * K * I, (p + 1) * K * I);
  for (let i = 0; i < I; i++) if (outU[row + i] === outU[row + i]) eff[(p * K + i) * I + i] = 1;
  for (const ag of plan.aggregates) {
    if (outU[row + ag.column] !== outU[row + ag.column]) continue;
    let total = 0;
    for (let c = 0; c < ag.children.length; c++) if (outU[row + ag.children[c]] === outU[row + ag.children[c]]) total += ag.weights[c];
    const target = (p * K + ag.column) * I;
    for (let c = 0; c < ag.children.length; c++) {
      const child = ag.children[c];
      if (outU[row + child] !== outU[row + child]) continue;
      const w = ag.weights[c] / total;
      const from = (p * K + child) * I;
      const under = descendants[child];
      for (let d = 0; d < under.length; d++) eff[target + under[d]] += w * eff[from + under[d]];
    }
  }
}
