import type { Framework } from '../framework/defineFramework.ts';
import type { IndexResult } from '../pipeline/buildIndex.ts';
import { analyticSupport } from './analyticSupport.ts';
import { cellNoise, type CellNoise } from './cellNoise.ts';
import { normalCdf } from './normal.ts';

/** Standard errors of every value and change of a build, from the noise of its raw values. */
export interface AnalyticUncertainty {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  /** The columns of `result.aggregated`: indicator scores, then aggregates. */
  readonly codes: readonly string[];
  /** Standard error of each value (cell layout of `result.aggregated`); NaN where the value is missing. */
  readonly se: Float64Array;
  /**
   * For an indicator: the standard error of its score before capping (σ of
   * the linear score), whose interval is then capped; for an aggregate: `se`.
   */
  readonly linearSe: Float64Array;
  /** For an indicator: its score before capping (α + β T); for an aggregate: its value. */
  readonly linearValue: Float64Array;
  /** Standard error of value(p) − value(p − lag), for each lag asked for (NaN where either is missing). */
  readonly changeSe: Readonly<Record<number, Float64Array>>;
  readonly noise: CellNoise;
}

/**
 * Propagates the noise of the raw values (`cellNoise`) through a build that
 * is linear in them (`analyticSupport`), exactly where no cap binds:
 *
 * - an indicator's value before scoring is T = Σ_q a_q x_q over the raw
 *   months q of its window (a_q = scale / population of month q, times the
 *   window's factor), or the carried month's T for a carried survey value;
 *   Var T = Σ a_q² Var x_q, and two months' T share the months their windows
 *   share: Cov(T_p, T_p') = Σ over common q of a_q a'_q Var x_q. So the
 *   change of a 12-month sum over one month has the variance of
 *   x(m) and x(m − 12) only, not of two independent sums;
 * - a count's Var x_q is the level φ μ of the month published (`cellNoise`
 *   at that month) for every month q of its windows, including those of the
 *   month compared with: one noise level per published figure, which a
 *   reader can check by hand; a survey value's variance is its own;
 * - the goalposts score is s = clamp(α + β T). With L = α + β T ~ N(L̂, σ²),
 *   the score moves with L only while L is inside the goalposts, so its
 *   first-order slope is g β with g = P(0 < L < scale) (Stein's lemma);
 *   `se` of an indicator is g |β| σ, `linearSe` is |β| σ;
 * - an arithmetic mean (with weights rescaled over the children present) is
 *   Σ e_i s_i with effective weights e_i, so Var = Σ_i e_i² Var s_i, and the
 *   variance of a change between months p and p' is
 *   Σ_i Var(e_i(p) g_i(p) β_i T_i(p) − e_i(p') g_i(p') β_i T_i(p')).
 *
 * Indicators are independent of each other, and months of a count are
 * independent given their means. Throws when the framework is not linear
 * (`analyticSupport` says why).
 *
 * @example
 * const a = analyticUncertainty(buildIndex(fw, raw), [1, 12]);
 * a.se[cellIndex(result.aggregated, '430300', '2025-10', 'index')]; // the city index's standard error
 * a.changeSe[1][cellIndex(result.aggregated, '430300', '2025-10', 'index')]; // of its month-on-month change
 */
export function analyticUncertainty(result: IndexResult, lags: readonly number[] = [1, 12], noise: CellNoise = cellNoise(result.raw, result.framework)): AnalyticUncertainty {
  const framework: Framework = result.framework;
  const reasons = analyticSupport(framework);
  if (reasons.length) throw new RangeError(`analyticUncertainty: the framework is not linear in its raw values: ${reasons.join('; ')}`);
  const raw = result.raw;
  const out = result.aggregated;
  const U = out.units.length;
  const P = out.periods.length;
  const K = out.codes.length;
  const C = raw.codes.length;
  const Ct = result.treated.codes.length;
  const Cw = result.windowed.codes.length;
  if (raw.periods.length !== P || raw.units.length !== U) throw new RangeError('analyticUncertainty: the raw and aggregated panels differ in shape');
  const indicators = framework.indicators;
  const I = indicators.length;
  const aggregates = framework.aggregates;
  const A = aggregates.length;

  // Per indicator: raw column, treated column, denominator column, window, carrying, goalposts.
  const plan = indicators.map((code) => {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'indicator' || node.normalisation.method !== 'goalposts') throw new Error(`analyticUncertainty: ${code} is not a goalposts indicator`);
    const g = node.normalisation;
    const span = g.max - g.min;
    const beta = (node.direction === 1 ? g.scale : -g.scale) / span;
    const alpha = node.direction === 1 ? (-g.scale * g.min) / span : (g.scale * g.max) / span;
    return {
      rawColumn: raw.codes.indexOf(code),
      windowedColumn: result.windowed.codes.indexOf(code),
      treatedColumn: result.treated.codes.indexOf(code),
      denominatorColumn: node.denominator ? raw.codes.indexOf(node.denominator.code) : -1,
      denominatorScale: node.denominator?.scale ?? 1,
      windowLength: node.window?.periods ?? 1,
      windowMean: node.window?.statistic === 'mean',
      carry: node.imputation.method === 'locf' ? node.imputation.maxAge : 0,
      count: noise.models[code].model === 'poisson',
      alpha,
      beta,
      scale: g.scale,
      cap: g.cap,
    };
  });
  // Per aggregate: its children as columns of `out`, and their weights.
  const columnOf = new Map(out.codes.map((c, k) => [c, k]));
  const aggPlan = aggregates.map((code) => {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'aggregate') throw new Error(`analyticUncertainty: ${code} is not an aggregate`);
    return {
      column: columnOf.get(code)!,
      children: node.children.map((c) => columnOf.get(c)!),
      weights: node.children.map((c) => framework.byCode.get(c)!.weight),
    };
  });

  const se = new Float64Array(out.values.length).fill(Number.NaN);
  const linearSe = new Float64Array(out.values.length).fill(Number.NaN);
  const linearValue = Float64Array.from(out.values);
  const changeSe: Record<number, Float64Array> = {};
  for (const lag of lags) changeSe[lag] = new Float64Array(out.values.length).fill(Number.NaN);

  // Scratch per unit.
  // Σ a_q² w_q up to q (a_q without the window factor), where w_q is the cell's own variance for a
  // survey share, and 1 for a count, whose variance is the level φ μ of the month published.
  const prefix = new Float64Array(P + 1);
  const level = new Float64Array(I * P); // a count's φ μ at month p (1 for other models)
  const source = new Int32Array(I * P); // the period whose window gives T(p), or -1
  const factor = new Float64Array(I * P); // the window factor (1, k / present or 1 / present)
  const prefixes = new Float64Array(I * (P + 1));
  const slope = new Float64Array(I * P); // g β
  // Effective weight of indicator i in column k at period p: (p * K + k) * I + i
  const eff = new Float64Array(P * K * I);

  /** Cov(T_i(p), T_i(q)) with the noise level of month r. */
  const covariance = (i: number, p: number, q: number, r: number = p): number => {
    const sp = source[i * P + p];
    const sq = source[i * P + q];
    if (sp < 0 || sq < 0) return Number.NaN;
    const k = plan[i].windowLength;
    const lo = Math.max(sp, sq) - k + 1;
    const hi = Math.min(sp, sq);
    if (hi < lo) return 0;
    const base = i * (P + 1);
    return factor[i * P + p] * factor[i * P + q] * level[i * P + r] * (prefixes[base + hi + 1] - prefixes[base + Math.max(0, lo)]);
  };

  for (let u = 0; u < U; u++) {
    for (let i = 0; i < I; i++) {
      const pl = plan[i];
      prefix[0] = 0;
      for (let q = 0; q < P; q++) {
        const r = (q * U + u) * C;
        const x = raw.values[r + pl.rawColumn];
        let a = pl.denominatorScale;
        if (pl.denominatorColumn >= 0) a /= raw.values[r + pl.denominatorColumn];
        const j = r + pl.rawColumn;
        const counted = pl.count ? 1 : noise.variance[j];
        prefix[q + 1] = prefix[q] + (x === x && a === a ? a * a * counted : 0);
        level[i * P + q] = pl.count ? (noise.mean[j] === noise.mean[j] ? noise.dispersion[j] * Math.max(0, noise.mean[j]) : 0) : 1;
      }
      prefixes.set(prefix, i * (P + 1));
      // Where T(p) comes from: its own window, or the window of the month carried into it.
      let last = -1;
      for (let p = 0; p < P; p++) {
        const t = result.treated.values[(p * U + u) * Ct + pl.treatedColumn];
        const own = result.windowed.values[(p * U + u) * Cw + pl.windowedColumn];
        let src = -1;
        if (own === own) {
          src = p;
          last = p;
        } else if (t === t && pl.carry > 0 && last >= 0 && p - last <= pl.carry) src = last;
        source[i * P + p] = src;
        if (src < 0) {
          factor[i * P + p] = Number.NaN;
          continue;
        }
        let present = 0;
        for (let q = Math.max(0, src - pl.windowLength + 1); q <= src; q++) if (raw.values[(q * U + u) * C + pl.rawColumn] === raw.values[(q * U + u) * C + pl.rawColumn]) present++;
        factor[i * P + p] = pl.windowLength === 1 ? 1 : pl.windowMean ? 1 / present : pl.windowLength / present;
      }
      for (let p = 0; p < P; p++) {
        const k = (p * U + u) * K + i;
        const t = result.treated.values[(p * U + u) * Ct + pl.treatedColumn];
        if (source[i * P + p] < 0 || t !== t) {
          slope[i * P + p] = Number.NaN;
          continue;
        }
        const sigma = Math.abs(pl.beta) * Math.sqrt(Math.max(0, covariance(i, p, p)));
        const level = pl.alpha + pl.beta * t;
        let g = 1;
        if (pl.cap) {
          if (sigma > 0) g = normalCdf((pl.scale - level) / sigma) - normalCdf(-level / sigma);
          else g = level > 0 && level < pl.scale ? 1 : 0;
        }
        slope[i * P + p] = g * pl.beta;
        linearSe[k] = sigma;
        linearValue[k] = level;
        se[k] = g * sigma;
      }
    }
    // Effective weights, children before parents.
    eff.fill(0);
    for (let p = 0; p < P; p++) {
      const row = (p * U + u) * K;
      for (let i = 0; i < I; i++) if (out.values[row + i] === out.values[row + i]) eff[(p * K + i) * I + i] = 1;
      for (const ag of aggPlan) {
        if (out.values[row + ag.column] !== out.values[row + ag.column]) continue;
        let total = 0;
        for (let c = 0; c < ag.children.length; c++) if (out.values[row + ag.children[c]] === out.values[row + ag.children[c]]) total += ag.weights[c];
        const target = (p * K + ag.column) * I;
        for (let c = 0; c < ag.children.length; c++) {
          const child = ag.children[c];
          if (out.values[row + child] !== out.values[row + child]) continue;
          const w = ag.weights[c] / total;
          const from = (p * K + child) * I;
          for (let i = 0; i < I; i++) eff[target + i] += w * eff[from + i];
        }
      }
    }
    for (let p = 0; p < P; p++) {
      const row = (p * U + u) * K;
      for (let a = 0; a < A; a++) {
        const k = aggPlan[a].column;
        if (out.values[row + k] !== out.values[row + k]) continue;
        let variance = 0;
        for (let i = 0; i < I; i++) {
          const e = eff[(p * K + k) * I + i];
          if (e === 0) continue;
          const x = e * slope[i * P + p];
          variance += x * x * covariance(i, p, p);
        }
        se[row + k] = Math.sqrt(variance);
        linearSe[row + k] = se[row + k];
      }
      for (const lag of lags) {
        const q = p - lag;
        if (q < 0) continue;
        const rowQ = (q * U + u) * K;
        const target = changeSe[lag];
        for (let k = 0; k < K; k++) {
          if (out.values[row + k] !== out.values[row + k] || out.values[rowQ + k] !== out.values[rowQ + k]) continue;
          let variance = 0;
          for (let i = 0; i < I; i++) {
            const x = eff[(p * K + k) * I + i] * slope[i * P + p];
            const y = eff[(q * K + k) * I + i] * slope[i * P + q];
            if (x !== 0 && x === x) variance += x * x * covariance(i, p, p);
            if (y !== 0 && y === y) variance += y * y * covariance(i, q, q, p);
            if (x !== 0 && y !== 0 && x === x && y === y) variance -= 2 * x * y * covariance(i, p, q);
          }
          target[row + k] = Math.sqrt(Math.max(0, variance));
        }
      }
    }
  }
  return { units: out.units, periods: out.periods, codes: out.codes, se, linearSe, linearValue, changeSe, noise };
}
