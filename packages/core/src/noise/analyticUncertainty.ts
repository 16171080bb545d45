import type { Framework } from '../framework/defineFramework.ts';
import { panelPeriodsPerYear } from '../panel/period.ts';
import type { IndexResult } from '../pipeline/buildIndex.ts';
import { analyticSupport } from './analyticSupport.ts';
import { cellNoise, type CellNoise } from './cellNoise.ts';
import { censoredNormalVariances } from './censoredNormal.ts';
import { effectiveWeightsAt, linearPlan, unitRows, windowSources, type IndicatorPlan, type LinearPlan, type UnitRows } from './linearPlan.ts';
import { normalCdfs } from './normal.ts';

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

  // Every cell of the results is written once, block by block below (NaN where not asked for):
  // filling them first would be a second pass over arrays of the panel's size.
  const se = new Float64Array(out.values.length);
  const linearSe = new Float64Array(out.values.length);
  const linearValue = new Float64Array(out.values.length);
  const changeSe: Record<number, Float64Array> = {};
  for (const lag of lags) changeSe[lag] = new Float64Array(out.values.length);

  // What is asked for, as lists: the loops run over them rather than test every column.
  const columnList = flagged(wantColumn);
  const indicatorList = flagged(wantIndicator);
  const wantAggregate = new Uint8Array(A);
  for (let a = 0; a < A; a++) wantAggregate[a] = wantColumn[aggPlan[a].column];

  // a_q² without the window factor (scale / population of month q, squared) is the same for every
  // indicator with the same denominator and scale: computed once per unit and month for each group.
  const groupPlan: IndicatorPlan[] = [];
  const groupOf = new Int32Array(I);
  let counts = false; // whether an indicator asked for is a count, or not (a survey share)
  let surveys = false;
  for (let w = 0; w < indicatorList.length; w++) {
    const pl = plan[indicatorList[w]];
    let g = 0;
    while (g < groupPlan.length && (groupPlan[g].denominatorColumn !== pl.denominatorColumn || groupPlan[g].denominatorScale !== pl.denominatorScale)) g++;
    if (g === groupPlan.length) groupPlan.push(pl);
    groupOf[indicatorList[w]] = g;
    if (pl.count) counts = true;
    else surveys = true;
  }

  // Units are taken `BLOCK` at a time. The panels are laid out period by period, so a unit's series
  // is P rows far apart, and reading one unit at a time missed the cache at every period of a large
  // panel; a block's rows of one period are one contiguous run of every panel, copied whole. The
  // block's buffers keep that layout (cell (p · block + v) · width + c of its unit v), and each unit
  // reads its own rows through views that start at its first row, whose row stride is the block's
  // (`unitRowsOf`). The noise panels are copied only where an indicator asked for reads them.
  const block = Math.max(1, Math.min(BLOCK, U));
  const panels = blockPanels(result, noise, block, counts, surveys);
  const targets: Float64Array[] = [se, linearSe, linearValue];
  for (const lag of lags) targets.push(changeSe[lag]);
  const batch = Math.max(P, lagCount * P);
  const state: Propagation = {
    P,
    K,
    I,
    Ks: block * K,
    Cs: block * C,
    Cts: block * Ct,
    lags,
    plan,
    aggPlan,
    descendants,
    linear,
    wantColumn,
    wantPeriod,
    needPeriod,
    periodList: flagged(wantPeriod),
    columnList,
    indicatorList,
    aggregateList: flagged(wantAggregate),
    groupPlan,
    groupOf,
    squaredScale: new Float64Array(Math.max(1, groupPlan.length) * P),
    presentBefore: new Int32Array(P + 1),
    level: new Float64Array(I * P),
    source: new Int32Array(I * P),
    factor: new Float64Array(I * P),
    prefixes: new Float64Array(I * (P + 1)),
    slope: new Float64Array(I * P),
    scoreVariance: new Float64Array(I * P),
    eff: new Float64Array(P * K * I),
    weightsOf: new Array<Float64Array>(P).fill(linear.fullEffective),
    weightsAt: new Int32Array(P),
    outRows: new Float64Array(P * K),
    complete: new Uint8Array(block * P),
    own: new Float64Array(I * P),
    before: new Float64Array(lagCount * I * P),
    across: new Float64Array(lagCount * I * P),
    beforeScoreVariance: new Float64Array(lagCount * I * P),
    scoreSd: new Float64Array(I * P),
    beforeScoreSd: new Float64Array(lagCount * I * P),
    correlation: new Float64Array(lagCount * I * P),
    batchAt: new Int32Array(batch),
    batchValue: new Float64Array(batch),
    batchSigma: new Float64Array(batch),
    batchVariance: new Float64Array(batch),
    slopeAt: new Int32Array(P),
    slopeBounds: new Float64Array(2 * P),
    slopeCdf: new Float64Array(2 * P),
    units: unitRowsOf(panels, rows, block),
    results: blockResults(targets, P, K, block),
  };

  // Each step is its own function, optimised once and kept from call to call (a loop in this
  // function would be compiled anew, on the stack, at every call).
  for (let u0 = 0; u0 < U; u0 += block) {
    const n = Math.min(block, U - u0);
    gatherBlock(panels, U, P, block, u0, n);
    completePeriods(state, panels[3].to, n);
    for (let v = 0; v < n; v++) {
      indicatorScores(state, v);
      if (lagCount > 0) changeTerms(state, v);
      columnErrors(state, v);
    }
    writeBlock(state, U, u0, n);
  }
  return { units: out.units, periods: out.periods, codes: out.codes, se, linearSe, linearValue, changeSe, noise };
}

/**
 * What {@link analyticUncertainty} propagates and its scratch, shared by its steps: the plan, the
 * cells asked for, a unit's intermediate values, and the block's buffers. Per indicator and period
 * arrays are at i · P + p, per lag at (l · I + i) · P + p.
 */
interface Propagation {
  readonly P: number;
  readonly K: number;
  readonly I: number;
  /** The row strides of the block's buffers: of the aggregated panel and results, the raw and the treated panel. */
  readonly Ks: number;
  readonly Cs: number;
  readonly Cts: number;
  readonly lags: readonly number[];
  readonly plan: readonly IndicatorPlan[];
  readonly aggPlan: LinearPlan['aggregates'];
  readonly descendants: LinearPlan['descendants'];
  readonly linear: LinearPlan;
  readonly wantColumn: Uint8Array;
  readonly wantPeriod: Uint8Array;
  /** The periods asked for and those their changes compare them with. */
  readonly needPeriod: Uint8Array;
  readonly periodList: Int32Array;
  readonly columnList: Int32Array;
  readonly indicatorList: Int32Array;
  readonly aggregateList: Int32Array;
  /** The indicators' distinct denominators (`groupOf` each indicator's), and their a_q² per month. */
  readonly groupPlan: readonly IndicatorPlan[];
  readonly groupOf: Int32Array;
  readonly squaredScale: Float64Array;
  /** How many raw values are present before q (`windowSources`' scratch). */
  readonly presentBefore: Int32Array;
  /** A count's φ μ at month p (1 for other models). */
  readonly level: Float64Array;
  /** The period whose window gives T(p), or −1. */
  readonly source: Int32Array;
  /** The window factor (1, k / present or 1 / present). */
  readonly factor: Float64Array;
  /**
   * Σ a_q² w_q up to q (a_q without the window factor), per indicator at i · (P + 1) + q, where w_q
   * is the cell's own variance for a survey share, and 1 for a count, whose variance is the level
   * φ μ of the month published.
   */
  readonly prefixes: Float64Array;
  /** g β. */
  readonly slope: Float64Array;
  /** Var of the (capped) score. */
  readonly scoreVariance: Float64Array;
  /** Effective weight of indicator i in column k at period p: (p · K + k) · I + i. */
  readonly eff: Float64Array;
  /** Per period: `eff`, or the plan's fixed weights (read in place at k · I + i) for a complete period. */
  readonly weightsOf: Float64Array[];
  /** Where period p's weights start in weightsOf[p]. */
  readonly weightsAt: Int32Array;
  /** A period's values (at p · K + k), for effectiveWeightsAt. */
  readonly outRows: Float64Array;
  /** Whether every column of the block's unit v is present at period p (v · P + p). */
  readonly complete: Uint8Array;
  /** Var T(p), and for each lag Var T(p − lag) and Cov(T(p), T(p − lag)), all at the level of p. */
  readonly own: Float64Array;
  readonly before: Float64Array;
  readonly across: Float64Array;
  /** Var of the capped score of month p − lag at month p's noise. */
  readonly beforeScoreVariance: Float64Array;
  /**
   * Their square roots, and the correlation ρ of T(p) and T(p − lag), per indicator, period and lag
   * rather than per column in the loop over columns (the same numbers, computed once).
   */
  readonly scoreSd: Float64Array;
  readonly beforeScoreSd: Float64Array;
  readonly correlation: Float64Array;
  /**
   * An indicator's censored variances and slopes, taken together (`censoredNormalVariances`,
   * `normalCdfs`: the same numbers as one at a time): where each goes, and its arguments.
   */
  readonly batchAt: Int32Array;
  readonly batchValue: Float64Array;
  readonly batchSigma: Float64Array;
  readonly batchVariance: Float64Array;
  readonly slopeAt: Int32Array;
  /** (scale − L) / σ and −L / σ in turn, and their Φ. */
  readonly slopeBounds: Float64Array;
  readonly slopeCdf: Float64Array;
  /** Each unit's rows of the block's buffers. */
  readonly units: readonly UnitRows[];
  /** se, linearSe, linearValue and each lag's changeSe, with the block's buffers of them. */
  readonly results: readonly BlockResult[];
}

/**
 * Whether every column of each unit's period is present (then its effective weights are the
 * plan's fixed ones), into `complete` at v · P + p: the block's rows of a period in order.
 */
function completePeriods(s: Propagation, outB: Float64Array, n: number): void {
  const { P, K, Ks, needPeriod, complete } = s;
  for (let p = 0; p < P; p++) {
    if (!needPeriod[p]) continue;
    for (let v = 0; v < n; v++) {
      const row = p * Ks + v * K;
      let present = 1;
      for (let k = 0; k < K && present; k++) if (outB[row + k] !== outB[row + k]) present = 0;
      complete[v * P + p] = present;
    }
  }
}

/**
 * The block's unit v: each indicator's Var T(p), standard error, linear value and (with lags)
 * slope, at the periods needed; the indicators asked for only.
 */
function indicatorScores(s: Propagation, v: number): void {
  const { P, Ks, Cs, Cts, plan, indicatorList, groupPlan, groupOf, squaredScale, presentBefore, level, source, factor, prefixes, slope, scoreVariance } = s;
  const { needPeriod, wantColumn, batchAt, batchValue, batchSigma, batchVariance, slopeAt, slopeBounds, slopeCdf } = s;
  const lagCount = s.lags.length;
  const unit = s.units[v];
  const { raw: rawU, variance: varianceU, mean: meanU, dispersion: dispersionU, treated: treatedU, out: outU } = unit;
  const seU = s.results[0].views[v];
  const linearSeU = s.results[1].views[v];
  const linearValueU = s.results[2].views[v];
  for (let g = 0; g < groupPlan.length; g++) {
    const pl = groupPlan[g];
    for (let q = 0; q < P; q++) {
      let a = pl.denominatorScale;
      if (pl.denominatorColumn >= 0) a /= rawU[q * Cs + pl.denominatorColumn];
      squaredScale[g * P + q] = a * a;
    }
  }
  for (let w = 0; w < indicatorList.length; w++) {
    const i = indicatorList[w];
    const pl = plan[i];
    const base = i * (P + 1);
    const at = i * P;
    const squares = groupOf[i] * P;
    // a_q² is NaN exactly where a_q is (a missing population), so it stands for a_q in the test.
    prefixes[base] = 0;
    for (let q = 0; q < P; q++) {
      const j = q * Cs + pl.rawColumn;
      const x = rawU[j];
      const aa = squaredScale[squares + q];
      const counted = pl.count ? 1 : varianceU[j];
      prefixes[base + q + 1] = prefixes[base + q] + (x === x && aa === aa ? aa * counted : 0);
      level[at + q] = pl.count ? (meanU[j] === meanU[j] ? dispersionU[j] * Math.max(0, meanU[j]) : 0) : 1;
    }
    windowSources(pl, unit, presentBefore, source, factor, at);
    // An indicator's own cells are needed when asked for; its linear value also by the changes.
    const ownCells = wantColumn[i] === 1;
    const keepValue = ownCells || lagCount > 0;
    let capped = 0;
    let slopes = 0;
    for (let p = 0; p < P; p++) {
      if (!needPeriod[p]) continue;
      const k = p * Ks + i;
      const t = treatedU[p * Cts + pl.treatedColumn];
      const src = source[at + p];
      if (src < 0 || t !== t) {
        slope[at + p] = Number.NaN;
        scoreVariance[at + p] = 0;
        // No score to propagate: the cell's standard errors are NaN, its linear value the build's.
        if (ownCells) {
          seU[k] = Number.NaN;
          linearSeU[k] = Number.NaN;
        }
        if (keepValue) linearValueU[k] = outU[k];
        continue;
      }
      // Var T(p): covariance(s, i, length, p, p, p), inline.
      const lo = src - pl.windowLength + 1;
      const f = factor[at + p];
      const variance = src < lo ? 0 : f * f * level[at + p] * (prefixes[base + src + 1] - prefixes[base + Math.max(0, lo)]);
      const sigma = Math.abs(pl.beta) * Math.sqrt(Math.max(0, variance));
      const value = pl.alpha + pl.beta * t;
      // The slope g β serves the changes only. Far inside the goalposts (beyond 9 σ) no cap
      // can bind: g = 1 to double precision; else g = P(0 < L < scale), taken below.
      if (lagCount > 0) {
        slope[at + p] = pl.beta;
        if (pl.cap) {
          if (!(sigma > 0)) slope[at + p] = (value > 0 && value < pl.scale ? 1 : 0) * pl.beta;
          else if (!(value > 9 * sigma && pl.scale - value > 9 * sigma)) {
            slopeAt[slopes] = p;
            slopeBounds[2 * slopes] = (pl.scale - value) / sigma;
            slopeBounds[2 * slopes + 1] = -value / sigma;
            slopes++;
          }
        }
      }
      if (ownCells) linearSeU[k] = sigma;
      if (keepValue) linearValueU[k] = value;
      // The exact variance of the capped score (a censored normal), not (g σ)²: near a cap
      // the first-order slope understates how far a score can fall.
      if (pl.cap) {
        batchAt[capped] = p;
        batchValue[capped] = value;
        batchSigma[capped] = sigma;
        capped++;
      } else {
        scoreVariance[at + p] = sigma * sigma;
        if (ownCells) seU[k] = Math.sqrt(scoreVariance[at + p]);
      }
    }
    censoredNormalVariances(batchValue, batchSigma, 0, pl.scale, capped, batchVariance);
    for (let c = 0; c < capped; c++) {
      const p = batchAt[c];
      scoreVariance[at + p] = batchVariance[c];
      if (ownCells) seU[p * Ks + i] = Math.sqrt(batchVariance[c]);
    }
    normalCdfs(slopeBounds, 0, 2 * slopes, slopeCdf);
    for (let c = 0; c < slopes; c++) slope[at + slopeAt[c]] = (slopeCdf[2 * c] - slopeCdf[2 * c + 1]) * pl.beta;
  }
}

/**
 * What the changes of the block's unit v need: the covariances across months, and the capped
 * scores' standard deviations, at the periods asked for.
 */
function changeTerms(s: Propagation, v: number): void {
  const { P, I, Ks, lags, plan, indicatorList, periodList, slope, scoreVariance, own, before, across, beforeScoreVariance, scoreSd, beforeScoreSd, correlation } = s;
  const { batchAt, batchValue, batchSigma, batchVariance } = s;
  const lagCount = lags.length;
  const linearValueU = s.results[2].views[v];
  for (let w = 0; w < indicatorList.length; w++) {
    const i = indicatorList[w];
    const pl = plan[i];
    let capped = 0;
    for (let x = 0; x < periodList.length; x++) {
      const p = periodList[x];
      own[i * P + p] = covariance(s, i, pl.windowLength, p, p, p);
      for (let l = 0; l < lagCount; l++) {
        const q = p - lags[l];
        const at = (l * I + i) * P + p;
        before[at] = q >= 0 ? covariance(s, i, pl.windowLength, q, q, p) : Number.NaN;
        across[at] = q >= 0 ? covariance(s, i, pl.windowLength, p, q, p) : Number.NaN;
        if (q >= 0) {
          if (!pl.count && slope[i * P + q] === slope[i * P + q]) {
            // Not a count: its noise does not depend on the month published, so this is month
            // q's own score variance (the same arguments to censoredNormalVariance).
            beforeScoreVariance[at] = scoreVariance[i * P + q];
          } else {
            const sigmaQ = Math.abs(pl.beta) * Math.sqrt(Math.max(0, before[at]));
            if (pl.cap) {
              batchAt[capped] = at;
              batchValue[capped] = linearValueU[q * Ks + i];
              batchSigma[capped] = sigmaQ;
              capped++;
            } else beforeScoreVariance[at] = sigmaQ * sigmaQ;
          }
          const denominator = Math.sqrt(own[i * P + p] * before[at]);
          correlation[at] = denominator > 0 ? Math.min(1, across[at] / denominator) : 0;
        }
      }
      scoreSd[i * P + p] = Math.sqrt(scoreVariance[i * P + p]);
    }
    censoredNormalVariances(batchValue, batchSigma, 0, pl.scale, capped, batchVariance);
    for (let c = 0; c < capped; c++) beforeScoreVariance[batchAt[c]] = batchVariance[c];
    for (let x = 0; x < periodList.length; x++) {
      const p = periodList[x];
      for (let l = 0; l < lagCount; l++) {
        const at = (l * I + i) * P + p;
        if (p - lags[l] >= 0) beforeScoreSd[at] = Math.sqrt(beforeScoreVariance[at]);
      }
    }
  }
}

/**
 * The block's unit v: the effective weights of the periods needed, then the standard error of each
 * aggregate and the change of each column asked for. Every cell asked for is written here or in
 * `indicatorScores` (NaN where there is nothing to propagate).
 */
function columnErrors(s: Propagation, v: number): void {
  const { P, K, I, Ks, lags, aggPlan, descendants, linear, needPeriod, periodList, columnList, aggregateList, slope, scoreVariance } = s;
  const { eff, weightsOf, weightsAt, outRows, complete, scoreSd, beforeScoreSd, correlation } = s;
  const lagCount = lags.length;
  const outU = s.units[v].out;
  const seU = s.results[0].views[v];
  const linearSeU = s.results[1].views[v];
  const linearValueU = s.results[2].views[v];
  // Effective weights, children before parents: the fixed ones when every column is present,
  // else rescaled over the children present.
  // A complete period reads the plan's fixed weights in place (at k · I + i) rather than a copy.
  for (let p = 0; p < P; p++) {
    if (!needPeriod[p]) continue;
    const full = complete[v * P + p] === 1;
    weightsOf[p] = full ? linear.fullEffective : eff;
    weightsAt[p] = full ? 0 : p * K * I;
    if (full) continue;
    // effectiveWeightsAt reads the period's values at p · K + k.
    for (let k = 0; k < K; k++) outRows[p * K + k] = outU[p * Ks + k];
    effectiveWeightsAt(linear, outRows, p, K, eff);
  }
  for (let x = 0; x < periodList.length; x++) {
    const p = periodList[x];
    const row = p * Ks;
    for (let y = 0; y < aggregateList.length; y++) {
      const k = aggPlan[aggregateList[y]].column;
      linearValueU[row + k] = outU[row + k];
      if (outU[row + k] !== outU[row + k]) {
        seU[row + k] = Number.NaN;
        linearSeU[row + k] = Number.NaN;
        continue;
      }
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
      const rowQ = q * Ks;
      const target = s.results[3 + l].views[v];
      for (let y = 0; y < columnList.length; y++) {
        const k = columnList[y];
        if (q < 0 || outU[row + k] !== outU[row + k] || outU[rowQ + k] !== outU[rowQ + k]) {
          target[row + k] = Number.NaN;
          continue;
        }
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
          const sx = ex * slope[i * P + p];
          const sy = ey * slope[i * P + q];
          const at = (l * I + i) * P + p;
          const hasX = sx !== 0 && sx === sx;
          const hasY = sy !== 0 && sy === sy;
          // Each month's term is the capped score's exact variance (a censored normal; month
          // q at month p's noise level, `before`), and the two capped scores are taken to be
          // correlated as their uncapped values are (ρ from the shared window months), so a
          // carried value (ρ = 1) still has no change.
          const sdX = hasX ? Math.abs(ex) * scoreSd[i * P + p] : 0;
          const sdY = hasY ? Math.abs(ey) * beforeScoreSd[at] : 0;
          variance += sdX * sdX + sdY * sdY;
          if (hasX && hasY) variance -= 2 * Math.sign(sx * sy) * correlation[at] * sdX * sdY;
        }
        target[row + k] = Math.sqrt(Math.max(0, variance));
      }
    }
  }
}

/**
 * Cov(T_i(p), T_i(q)) of an indicator whose windows are `length` months, with the noise level of
 * month r: the months the two windows share.
 */
function covariance(s: Propagation, i: number, length: number, p: number, q: number, r: number): number {
  const P = s.P;
  const sp = s.source[i * P + p];
  const sq = s.source[i * P + q];
  if (sp < 0 || sq < 0) return Number.NaN;
  const lo = Math.max(sp, sq) - length + 1;
  const hi = Math.min(sp, sq);
  if (hi < lo) return 0;
  const base = i * (P + 1);
  return s.factor[i * P + p] * s.factor[i * P + q] * s.level[i * P + r] * (s.prefixes[base + hi + 1] - s.prefixes[base + Math.max(0, lo)]);
}

/**
 * Copies the rows of units u0 … u0 + n − 1 of each panel read into its block buffer (cell
 * (p · block + v) · width + c): each period's rows of the block are one contiguous run of the panel.
 */
function gatherBlock(panels: readonly BlockPanel[], U: number, P: number, block: number, u0: number, n: number): void {
  for (let x = 0; x < panels.length; x++) {
    const { from, to, width, read } = panels[x];
    if (!read) continue;
    for (let p = 0; p < P; p++) to.set(from.subarray((p * U + u0) * width, (p * U + u0 + n) * width), p * block * width);
  }
}

/**
 * Writes the block's results into the panels, period by period (the block's rows of a period are
 * one contiguous run): the cells asked for, NaN elsewhere.
 */
function writeBlock(s: Propagation, U: number, u0: number, n: number): void {
  const { P, K, Ks, wantPeriod, columnList } = s;
  const allColumns = columnList.length === K;
  for (let r = 0; r < s.results.length; r++) {
    const { from, to } = s.results[r];
    for (let p = 0; p < P; p++) {
      const a = p * Ks;
      const b = (p * U + u0) * K;
      if (wantPeriod[p] && allColumns) {
        to.set(from.subarray(a, a + n * K), b);
        continue;
      }
      to.fill(Number.NaN, b, b + n * K);
      if (!wantPeriod[p]) continue;
      for (let v = 0; v < n; v++) for (let c = 0; c < columnList.length; c++) to[b + v * K + columnList[c]] = from[a + v * K + columnList[c]];
    }
  }
}

/** The indices whose flag is set, in order. */
function flagged(flags: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i]) n++;
  const list = new Int32Array(n);
  for (let i = 0, j = 0; i < flags.length; i++) if (flags[i]) list[j++] = i;
  return list;
}

/** One panel a unit's computation reads, and the buffer of a block's rows of it. */
interface BlockPanel {
  readonly from: Float64Array;
  readonly width: number;
  /** Whether it is read (else it is not copied). */
  readonly read: boolean;
  /** A block's rows: cell (p · block + v) · width + c of the block's unit v. */
  readonly to: Float64Array;
}

/**
 * The panels of `gatherUnitRows` (linearPlan.ts), in its order (raw, treated, windowed, aggregated, and the
 * noise's mean, dispersion and variance), each with the buffer of a block's rows; the mean and
 * dispersion are read only with `counts` asked for, the variance only with `surveys`.
 */
function blockPanels(result: IndexResult, noise: CellNoise, block: number, counts: boolean, surveys: boolean): BlockPanel[] {
  const P = result.aggregated.periods.length;
  const C = result.raw.codes.length;
  const panel = (from: Float64Array, width: number, read: boolean): BlockPanel => ({ from, width, read, to: new Float64Array(P * block * width) });
  return [
    panel(result.raw.values, C, true),
    panel(result.treated.values, result.treated.codes.length, true),
    panel(result.windowed.values, result.windowed.codes.length, true),
    panel(result.aggregated.values, result.aggregated.codes.length, true),
    panel(noise.mean, C, counts),
    panel(noise.dispersion, C, counts),
    panel(noise.variance, C, surveys),
  ];
}

/**
 * Each unit's rows of a block's buffers (`blockPanels`), as `UnitRows` whose arrays start at the
 * unit's first row and whose widths are the block's row strides: unit v's cell (p, c) is at
 * p · width + c of its views, as `windowSources` reads them.
 */
function unitRowsOf(panels: readonly BlockPanel[], rows: UnitRows, block: number): UnitRows[] {
  const units: UnitRows[] = [];
  const view = (x: number, v: number) => panels[x].to.subarray(v * panels[x].width);
  for (let v = 0; v < block; v++) {
    units.push({
      units: rows.units,
      periods: rows.periods,
      rawWidth: block * rows.rawWidth,
      treatedWidth: block * rows.treatedWidth,
      windowedWidth: block * rows.windowedWidth,
      outWidth: block * rows.outWidth,
      raw: view(0, v),
      treated: view(1, v),
      windowed: view(2, v),
      out: view(3, v),
      mean: view(4, v),
      dispersion: view(5, v),
      variance: view(6, v),
    });
  }
  return units;
}

/** A result of the panel's layout (`to`), the buffer of a block's rows of it (`from`), and each unit's view of that. */
interface BlockResult {
  readonly to: Float64Array;
  /** Cell (p · block + v) · K + k of the block's unit v. */
  readonly from: Float64Array;
  /** Unit v's rows, from its first: cell p · block · K + k. */
  readonly views: readonly Float64Array[];
}

/** The buffers of a block's rows of each result in `targets` (K columns, P periods). */
function blockResults(targets: readonly Float64Array[], P: number, K: number, block: number): BlockResult[] {
  return targets.map((to) => {
    const from = new Float64Array(P * block * K);
    const views: Float64Array[] = [];
    for (let v = 0; v < block; v++) views.push(from.subarray(v * K));
    return { to, from, views };
  });
}

/**
 * Units computed at a time by {@link analyticUncertainty}: enough that a block's rows of one
 * period are a long contiguous run of each panel, few enough that the block's buffers stay in the
 * processor's cache while its units are computed.
 */
const BLOCK = 32;
