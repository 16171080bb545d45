import type { Framework } from '../framework/defineFramework.ts';
import { panelPeriodsPerYear } from '../panel/period.ts';
import type { IndexResult } from '../pipeline/buildIndex.ts';
import { analyticSupport } from './analyticSupport.ts';
import { cellNoise, type CellNoise } from './cellNoise.ts';
import { censoredNormalVariance } from './censoredNormal.ts';
import { effectiveWeightsAt, gatherUnitRows, linearPlan, periodComplete, scatterUnit, unitRows, windowSources } from './linearPlan.ts';
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

/** Which cells {@link analyticUncertainty} computes (default: every column and period). */
export interface AnalyticUncertaintyOptions {
  /**
   * Only these columns of `result.aggregated` (indicators or aggregates); the
   * indicators under them are propagated, nothing else. A release's rank
   * intervals need only the index's standard error (`[framework.root]`).
   */
  readonly codes?: readonly string[];
  /** Only these periods (and, for the changes, the periods they are compared with). */
  readonly periods?: readonly string[];
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
 *   s is a censored normal: `se` of an indicator is its exact standard
 *   deviation (`censoredNormalVariance`), which near a cap is smaller than
 *   σ but larger than the first-order g σ (g = P(0 < L < scale), Stein's
 *   lemma); `linearSe` is |β| σ;
 * - an arithmetic mean (with weights rescaled over the children present) is
 *   Σ e_i s_i with effective weights e_i, so Var = Σ_i e_i² Var s_i, and the
 *   variance of a change between months p and p' is
 *   Σ_i (e_i(p)² Var s_i(p) + e_i(p')² Var s_i(p') − 2 ρ_i e_i(p) e_i(p') sd s_i(p) sd s_i(p')),
 *   ρ_i the correlation of T_i(p) and T_i(p') (the months their windows
 *   share), so a carried value still has no change.
 *
 * Indicators are independent of each other, and months of a count are
 * independent given their means. Throws when the framework is not linear
 * (`analyticSupport` says why).
 *
 * `options.codes` and `options.periods` restrict the work to those cells
 * (every array is NaN elsewhere); each cell asked for is the same number,
 * bit for bit, as in the full computation. A release's rank intervals ask
 * for the index of one month with no change (`lags` empty).
 *
 * @example
 * const a = analyticUncertainty(buildIndex(fw, raw), [1, 12]);
 * a.se[cellAt(result.aggregated, '430300', '2025-10', 'index')]; // the city index's standard error
 * a.changeSe[1][cellAt(result.aggregated, '430300', '2025-10', 'index')]; // of its month-on-month change
 * // only what the rank intervals of 2025-10 read: the index's standard error that month
 * analyticUncertainty(result, [], noise, { codes: ['index'], periods: ['2025-10'] }).se;
 */
export function analyticUncertainty(
  result: IndexResult,
  lags: readonly number[] = [1, panelPeriodsPerYear(result.raw.periods)],
  noise: CellNoise = cellNoise(result.raw, result.framework),
  options: AnalyticUncertaintyOptions = {},
): AnalyticUncertainty {
  const framework: Framework = result.framework;
  const reasons = analyticSupport(framework);
  if (reasons.length) throw new RangeError(`analyticUncertainty: the framework is not linear in its raw values: ${reasons.join('; ')}`);
  const raw = result.raw;
  const out = result.aggregated;
  const rows = unitRows(result);
  const { units: U, periods: P, outWidth: K, rawWidth: C, treatedWidth: Ct } = rows;
  if (raw.periods.length !== P || raw.units.length !== U) throw new RangeError('analyticUncertainty: the raw and aggregated panels differ in shape');
  const indicators = framework.indicators;
  const I = indicators.length;
  const A = framework.aggregates.length;

  // The linear plan: per indicator its columns, window, carrying and goalposts; per aggregate its
  // children and weights; the indicators under each column; the effective weights when all are present.
  const linear = linearPlan(result, noise, 'analyticUncertainty');
  const plan = linear.indicators;
  const aggPlan = linear.aggregates;
  const descendants = linear.descendants;
  const lagCount = lags.length;

  // The cells asked for: columns (and the indicators under them) and periods; a period's changes
  // also need the periods it is compared with.
  const subset = options.codes !== undefined || options.periods !== undefined;
  const wantColumn = new Uint8Array(K).fill(options.codes ? 0 : 1);
  const wantIndicator = new Uint8Array(I).fill(options.codes ? 0 : 1);
  const wantPeriod = new Uint8Array(P).fill(options.periods ? 0 : 1);
  const needPeriod = new Uint8Array(P);
  const unknown: string[] = [];
  for (const code of options.codes ?? []) {
    const k = out.codes.indexOf(code);
    if (k < 0) unknown.push(`column "${code}"`);
    else {
      wantColumn[k] = 1;
      for (const i of descendants[k]) wantIndicator[i] = 1;
    }
  }
  for (const period of options.periods ?? []) {
    const p = out.periods.indexOf(period);
    if (p < 0) unknown.push(`period "${period}"`);
    else wantPeriod[p] = 1;
  }
  if (unknown.length) throw new RangeError(`analyticUncertainty: no ${unknown.join(', no ')} in the build`);
  for (let p = 0; p < P; p++) {
    if (!wantPeriod[p]) continue;
    needPeriod[p] = 1;
    for (const lag of lags) if (p - lag >= 0) needPeriod[p - lag] = 1;
  }

  const se = new Float64Array(out.values.length).fill(Number.NaN);
  const linearSe = new Float64Array(out.values.length).fill(Number.NaN);
  const linearValue = subset ? new Float64Array(out.values.length).fill(Number.NaN) : out.values.slice();
  const changeSe: Record<number, Float64Array> = {};
  for (const lag of lags) changeSe[lag] = new Float64Array(out.values.length).fill(Number.NaN);

  // Scratch per unit.
  // Σ a_q² w_q up to q (a_q without the window factor), where w_q is the cell's own variance for a
  // survey share, and 1 for a count, whose variance is the level φ μ of the month published.
  const prefix = new Float64Array(P + 1);
  const presentBefore = new Int32Array(P + 1); // how many raw values are present before q
  const level = new Float64Array(I * P); // a count's φ μ at month p (1 for other models)
  const source = new Int32Array(I * P); // the period whose window gives T(p), or -1
  const factor = new Float64Array(I * P); // the window factor (1, k / present or 1 / present)
  const prefixes = new Float64Array(I * (P + 1));
  const slope = new Float64Array(I * P); // g β
  const scoreVariance = new Float64Array(I * P); // Var of the (capped) score
  // Effective weight of indicator i in column k at period p: (p * K + k) * I + i
  const eff = new Float64Array(P * K * I);
  const fullEffective = linear.fullEffective;
  const weightsOf: Float64Array[] = new Array<Float64Array>(P).fill(eff); // eff, or fullEffective for a complete period
  const weightsAt = new Int32Array(P); // where period p's weights start in weightsOf[p]
  // Per indicator and period: Var T(p), and for each lag Var T(p − lag) and Cov(T(p), T(p − lag)), all at the level of p.
  const own = new Float64Array(I * P);
  const before = new Float64Array(lagCount * I * P);
  const across = new Float64Array(lagCount * I * P);
  const beforeScoreVariance = new Float64Array(lagCount * I * P); // Var of the capped score of month q at month p's noise
  // Their square roots, and the correlation ρ of T(p) and T(p − lag), per indicator, period and lag
  // rather than per column in the loop over columns (the same numbers, computed once).
  const scoreSd = new Float64Array(I * P);
  const beforeScoreSd = new Float64Array(lagCount * I * P);
  const correlation = new Float64Array(lagCount * I * P);

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

  // One unit's rows, gathered: the panels are laid out period by period, so reading a unit's
  // series cell by cell would miss the cache at every period of a large panel.
  const { raw: rawU, variance: varianceU, mean: meanU, dispersion: dispersionU, treated: treatedU, out: outU } = rows;
  const seU = new Float64Array(P * K);
  const linearSeU = new Float64Array(P * K);
  const linearValueU = new Float64Array(P * K);
  const changeU = lags.map(() => new Float64Array(P * K));
  const scatter = subset
    ? (from: Float64Array, to: Float64Array, u: number) => {
        for (let p = 0; p < P; p++) {
          if (!wantPeriod[p]) continue;
          const a = p * K;
          const b = (p * U + u) * K;
          for (let k = 0; k < K; k++) if (wantColumn[k]) to[b + k] = from[a + k];
        }
      }
    : (from: Float64Array, to: Float64Array, u: number) => scatterUnit(from, to, K, U, P, u);

  for (let u = 0; u < U; u++) {
    gatherUnitRows(rows, result, noise, u);
    seU.fill(Number.NaN);
    linearSeU.fill(Number.NaN);
    linearValueU.set(outU);
    for (const c of changeU) c.fill(Number.NaN);
    for (let i = 0; i < I; i++) {
      if (!wantIndicator[i]) continue;
      const pl = plan[i];
      prefix[0] = 0;
      for (let q = 0; q < P; q++) {
        const r = q * C;
        const x = rawU[r + pl.rawColumn];
        let a = pl.denominatorScale;
        if (pl.denominatorColumn >= 0) a /= rawU[r + pl.denominatorColumn];
        const j = r + pl.rawColumn;
        const counted = pl.count ? 1 : varianceU[j];
        prefix[q + 1] = prefix[q] + (x === x && a === a ? a * a * counted : 0);
        level[i * P + q] = pl.count ? (meanU[j] === meanU[j] ? dispersionU[j] * Math.max(0, meanU[j]) : 0) : 1;
      }
      prefixes.set(prefix, i * (P + 1));
      windowSources(pl, rows, presentBefore, source, factor, i * P);
      for (let p = 0; p < P; p++) {
        if (!needPeriod[p]) continue;
        const k = p * K + i;
        const t = treatedU[p * Ct + pl.treatedColumn];
        if (source[i * P + p] < 0 || t !== t) {
          slope[i * P + p] = Number.NaN;
          scoreVariance[i * P + p] = 0;
          continue;
        }
        const sigma = Math.abs(pl.beta) * Math.sqrt(Math.max(0, covariance(i, p, p)));
        const level = pl.alpha + pl.beta * t;
        let g = 1;
        // The slope g β serves the changes only.
        if (pl.cap && lagCount > 0) {
          // Far inside the goalposts (beyond 9 σ) no cap can bind: g = 1 to double precision.
          if (sigma > 0) g = level > 9 * sigma && pl.scale - level > 9 * sigma ? 1 : normalCdf((pl.scale - level) / sigma) - normalCdf(-level / sigma);
          else g = level > 0 && level < pl.scale ? 1 : 0;
        }
        slope[i * P + p] = g * pl.beta;
        linearSeU[k] = sigma;
        linearValueU[k] = level;
        // The exact variance of the capped score (a censored normal), not (g σ)²: near a cap
        // the first-order slope understates how far a score can fall.
        scoreVariance[i * P + p] = pl.cap ? censoredNormalVariance(level, sigma, 0, pl.scale) : sigma * sigma;
        seU[k] = Math.sqrt(scoreVariance[i * P + p]);
      }
    }
    // What the changes need (nothing without a lag): the covariances across months, and the
    // capped scores' standard deviations.
    for (let i = 0; i < I && lagCount > 0; i++) {
      if (!wantIndicator[i]) continue;
      for (let p = 0; p < P; p++) {
        if (!wantPeriod[p]) continue;
        own[i * P + p] = covariance(i, p, p);
        for (let l = 0; l < lagCount; l++) {
          const q = p - lags[l];
          const at = (l * I + i) * P + p;
          before[at] = q >= 0 ? covariance(i, q, q, p) : Number.NaN;
          across[at] = q >= 0 ? covariance(i, p, q) : Number.NaN;
          if (q >= 0) {
            const pl = plan[i];
            if (!pl.count && slope[i * P + q] === slope[i * P + q]) {
              // Not a count: its noise does not depend on the month published, so this is month
              // q's own score variance (the same arguments to censoredNormalVariance).
              beforeScoreVariance[at] = scoreVariance[i * P + q];
            } else {
              const sigmaQ = Math.abs(pl.beta) * Math.sqrt(Math.max(0, before[at]));
              beforeScoreVariance[at] = pl.cap ? censoredNormalVariance(linearValueU[q * K + i], sigmaQ, 0, pl.scale) : sigmaQ * sigmaQ;
            }
            beforeScoreSd[at] = Math.sqrt(beforeScoreVariance[at]);
            const denominator = Math.sqrt(own[i * P + p] * before[at]);
            correlation[at] = denominator > 0 ? Math.min(1, across[at] / denominator) : 0;
          }
        }
        scoreSd[i * P + p] = Math.sqrt(scoreVariance[i * P + p]);
      }
    }
    // Effective weights, children before parents: the fixed ones when every column is present,
    // else rescaled over the children present.
    // A complete period reads the plan's fixed weights in place (at k · I + i) rather than a copy.
    for (let p = 0; p < P; p++) {
      if (!needPeriod[p]) continue;
      const complete = periodComplete(outU, p, K);
      weightsOf[p] = complete ? fullEffective : eff;
      weightsAt[p] = complete ? 0 : p * K * I;
      if (!complete) effectiveWeightsAt(linear, outU, p, K, eff);
    }
    for (let p = 0; p < P; p++) {
      if (!wantPeriod[p]) continue;
      const row = p * K;
      for (let a = 0; a < A; a++) {
        const k = aggPlan[a].column;
        if (!wantColumn[k] || outU[row + k] !== outU[row + k]) continue;
        let variance = 0;
        const under = descendants[k];
        const weights = weightsOf[p];
        const base = weightsAt[p] + k * I;
        for (let d = 0; d < under.length; d++) {
          const i = under[d];
          const e = weights[base + i];
          if (e === 0) continue;
          variance += e * e * scoreVariance[i * P + p];
        }
        seU[row + k] = Math.sqrt(variance);
        linearSeU[row + k] = seU[row + k];
      }
      for (let l = 0; l < lagCount; l++) {
        const q = p - lags[l];
        if (q < 0) continue;
        const rowQ = q * K;
        const target = changeU[l];
        for (let k = 0; k < K; k++) {
          if (!wantColumn[k] || outU[row + k] !== outU[row + k] || outU[rowQ + k] !== outU[rowQ + k]) continue;
          let variance = 0;
          const under = descendants[k];
          const weightsX = weightsOf[p];
          const baseX = weightsAt[p] + k * I;
          const weightsY = weightsOf[q];
          const baseY = weightsAt[q] + k * I;
          for (let d = 0; d < under.length; d++) {
            const i = under[d];
            const ex = weightsX[baseX + i];
            const ey = weightsY[baseY + i];
            const x = ex * slope[i * P + p];
            const y = ey * slope[i * P + q];
            const at = (l * I + i) * P + p;
            const hasX = x !== 0 && x === x;
            const hasY = y !== 0 && y === y;
            // Each month's term is the capped score's exact variance (a censored normal; month
            // q at month p's noise level, `before`), and the two capped scores are taken to be
            // correlated as their uncapped values are (ρ from the shared window months), so a
            // carried value (ρ = 1) still has no change.
            const sdX = hasX ? Math.abs(ex) * scoreSd[i * P + p] : 0;
            const sdY = hasY ? Math.abs(ey) * beforeScoreSd[at] : 0;
            variance += sdX * sdX + sdY * sdY;
            if (hasX && hasY) variance -= 2 * Math.sign(x * y) * correlation[at] * sdX * sdY;
          }
          target[row + k] = Math.sqrt(Math.max(0, variance));
        }
      }
    }
    scatter(seU, se, u);
    scatter(linearSeU, linearSe, u);
    scatter(linearValueU, linearValue, u);
    lags.forEach((lag, l) => scatter(changeU[l], changeSe[lag], u));
  }
  return { units: out.units, periods: out.periods, codes: out.codes, se, linearSe, linearValue, changeSe, noise };
}
