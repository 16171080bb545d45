import type { IndexResult } from '../pipeline/buildIndex.ts';
import { analyticSupport } from './analyticSupport.ts';
import { byVarianceDescending } from './byVarianceDescending.ts';
import { EnumerationBinner, clamp, emptyEnumeration, materialise, type Enumeration } from './cappedEnumeration.ts';
import { cellNoise, type CellNoise } from './cellNoise.ts';
import { censoredNormalMoments } from './censoredNormal.ts';
import { cornishFisherQuantile } from './cornishFisher.ts';
import { countLatticeQuantiles } from './countLatticeQuantiles.ts';
import { countPmf, type CountPmf } from './countPmf.ts';
import { countPmfSupport, type CountSupport } from './countPmfSupport.ts';
import { ComponentGrid, EXACT_ATOMS, componentMoments, emptyComponent, ensureCapacity, scaleInto, trimTails, type Component } from './gridComponents.ts';
import { effectiveWeights, gatherUnitRows, linearPlan, unitRows, windowSources } from './linearPlan.ts';
import { mixtureQuantile } from './mixtureQuantile.ts';
import { normalQuantile } from './normal.ts';
import { RecentByCount } from './recentByCount.ts';

/** Options of {@link latticeIntervals}. */
export interface LatticeOptions {
  /** The periods whose intervals are computed (default: every period). */
  readonly periods?: readonly string[];
  /** Changes: value(p) − value(p − lag) for each lag (default [1, 12]). */
  readonly lags?: readonly number[];
  /** Two-sided level (default 0.9). */
  readonly level?: number;
  /**
   * A count (a window's or a month's sum) is kept as its exact distribution
   * when its mean over its dispersion is below this (default 30): its
   * skewness 1/√(μ/φ) is then above 0.18 and its lattice steps matter.
   */
  readonly latticeBelow?: number;
  /** The columns computed (default: all); the others stay NaN. */
  readonly codes?: readonly string[];
  /**
   * The most grid points a figure's discrete part is binned onto (default 256; a component is
   * binned onto a quarter as many before it is convolved with others). A finer one is a
   * reference for the default: on the SYNTHETIC sample history, 4,096 takes about 2.5 times as
   * long as the default, and with `exact: true` (the reference it is tested against) about 65 times.
   */
  readonly resolution?: number;
  /**
   * Compute every figure's distribution (default false). By default a
   * smooth figure takes a Cornish–Fisher quantile from its cumulants
   * instead, and any other builds only its lead components (see
   * {@link latticeIntervals}: the fast path and the lead method);
   * `exact: true` with a fine `resolution` is the reference they are tested
   * against.
   */
  readonly exact?: boolean;
}

/** Intervals of every value and change of the periods asked for. */
export interface LatticeIntervals {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  readonly codes: readonly string[];
  readonly level: number;
  /** Interval of each value, at `(e * U + u) * K + k` for period e of `periods` (NaN where missing). */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Interval of value(p) − value(p − lag) as computed (not rounded), same layout. */
  readonly changeLower: Readonly<Record<number, Float64Array>>;
  readonly changeUpper: Readonly<Record<number, Float64Array>>;
  /** Figures whose interval came from the Cornish–Fisher fast path (0 with `exact`). */
  readonly smooth: number;
  /** Figures computed from their lead components, the rest by its Edgeworth expansion (0 with `exact`). */
  readonly leads: number;
  /**
   * Figures where a cap was within reach of a count too large to enumerate
   * (its groups' supports multiply past `MAX_ENUMERATED`): that indicator
   * entered as a censored normal there.
   */
  readonly fallbacks: number;
}

/** The most joint values of one indicator's counts enumerated when a cap is in reach. */
const MAX_ENUMERATED = 100000;
/**
 * The default `resolution`: the most grid points of a figure's discrete part (atoms closer than
 * its range / 255 are merged, at their mean); a component convolved with others is first binned
 * onto a quarter as many (beyond 1e-9 tails).
 */
const RESOLUTION = 256;
/** The most discrete components of one figure (largest variance first). */
const MAX_DISCRETE = 4;
/** A count component joins the normal part when its share of the figure's variance is below this. */
const MIN_SHARE = 0.01;
/**
 * The fast path (`smooth`): a figure is smooth when its normal part's sd is at least
 * SMOOTH_RATIO × the largest lattice step h of its kept discrete components (the lattice's
 * Fourier aliasing in the distribution function is then of order e^−2π² ≈ 3e-9)…
 */
const SMOOTH_RATIO = 1;
/**
 * …or when that step is at most FINE_LATTICE × the figure's sd (a fine lattice: its discrete
 * quantile lies within h/2 ≤ 0.05 sd, 1.5% of a 90% interval's width, of the continuous one)…
 */
const FINE_LATTICE = 0.1;
/** …and its standardised skewness and excess kurtosis are within these, where a four-cumulant Cornish–Fisher quantile stays monotone and close. */
const MAX_SKEWNESS = 1;
const MAX_KURTOSIS = 2;
/**
 * The default method's rest (what is not its lead components) is taken by its Edgeworth
 * expansion only while its skewness and excess kurtosis are within these (else its largest
 * component joins the lead): a tighter bound than MAX_SKEWNESS / MAX_KURTOSIS, since the lead's
 * atoms read the rest's distribution function far into its tails.
 */
const REST_SKEWNESS = 0.5;
const REST_KURTOSIS = 1;
/** The lead's atoms closer than the rest's sd / LEAD_GRID are binned together before its quantiles are found. */
const LEAD_GRID = 2;

/**
 * The analytic intervals of every value and change, with the exact
 * distribution of the counts where it matters. Rare events are lattice
 * distributed: a 12-month rate's month-on-month change is b (x(m) −
 * x(m − 12)), Skellam-like with tiny means, and a small district's score
 * moves in steps of one event. A percentile of such a distribution differs
 * from ±1.645 σ by a third whatever σ is, so this function computes the
 * distribution itself (the same model the seeded bootstrap draws:
 * replicate = observed + (Y − μ), Y Poisson or negative binomial of the
 * region's level μ and dispersion φ at the published month, `cellNoise`):
 *
 * - each figure (an indicator's score, a group, the index; its level and
 *   its changes over each lag) is Σ_i e_i s_i(p) − Σ_i e'_i s_i(q), e the
 *   effective weights of the arithmetic means, s_i = clamp(α + β T_i) the
 *   goalposts score of indicator i (`analyticSupport`);
 * - T_i of months p and q share the months their windows share: the
 *   window months fall into three groups (shared, only in p's window, only
 *   in q's), each a sum of independent months, so each group's count is
 *   Poisson / negative binomial of n μ (`countPmf`); a group's coefficient
 *   is the mean of its months' (β × window factor × scale / population):
 *   what populations that differ within a window add beyond it enters the
 *   normal part;
 * - where no cap can be reached by any joint value of the groups' supports
 *   (their probabilities of at least 1e-10, which an enumeration walks; found
 *   without building the distributions, `countPmfSupport`), s_i is linear
 *   in the groups' counts: each group with n μ / φ below `latticeBelow` is
 *   a discrete component, the others normal; where a cap is in reach, the
 *   capped scores of p and q are enumerated over the groups' joint support
 *   (exact; a censored normal beyond `MAX_ENUMERATED` joint values, counted
 *   in `fallbacks`); survey shares are normal, censored at a cap
 *   (`censoredNormalMoments`);
 * - discrete components carrying at least 1% of the figure's variance are
 *   convolved exactly (largest first, up to 4,096 atoms), the rest pooled
 *   with the normal part by their mean and variance; the interval is the
 *   (1 ± level)/2 quantiles of (discrete ⊕ normal) (`mixtureQuantile`),
 *   added to the observed figure, as the percentile bootstrap centres its
 *   replicates on it. An indicator's own level is clamp of the quantiles of
 *   α + β T (capping is monotone).
 *
 * The fast path (default; `exact: true` turns it off). The kept discrete
 * components and the normal part are found as above from their cumulants
 * alone, without building any distribution: a count group c (N − λ) has
 * variance c² φ λ, third cumulant c³ φ λ (2φ − 1) and fourth c⁴ φ λ (6φ² −
 * 6φ + 1) (Poisson at φ = 1, else the negative binomial), and its lattice
 * step is |c|; a capped (enumerated) indicator's four moments come from its
 * groups' distributions, S by S (s(p) and s(q) are independent given the
 * shared months). Where the figure is smooth (the normal part's sd ≥ the
 * largest step of its kept components, so the lattice is washed out, or
 * that step ≤ 0.1 × the figure's sd, a fine lattice), and its skewness is
 * within ±1 and excess kurtosis within ±2, its quantiles are the
 * Cornish–Fisher expansion μ + σ (z + (z² − 1) γ₁/6 + (z³ − 3z) γ₂/24 −
 * (2z³ − 5z) γ₁²/36). Every other figure (lattice-dominated: a small
 * district's rare count, most indicators' own changes) is computed exactly
 * as described, except that a component the cumulants show to be pooled
 * into the normal part (below 1% of the variance, or beyond the 4 largest)
 * enters by its mean and variance without its distribution being built.
 *
 * The lead method (default; `exact: true` turns it off), for a figure the
 * fast path cannot take: only its lead components are built (the component
 * of largest variance and, while the rest is not smooth by itself, the one
 * whose lattice step is largest against the sd of the rest of the rest; at
 * most 4), and convolved; everything else (the normal part and the other
 * components, by the cumulants above) is one continuous part, taken by its
 * Edgeworth expansion from its four cumulants (`mixtureQuantile` with its
 * skewness and excess kurtosis, which must be within ±0.5 and ±1, else the
 * largest of it joins the lead). A smooth rest: each of its components' step
 * at most the sd of the rest without it, or at most 0.1 of the rest's sd.
 * Where no lead makes the rest smooth within 4 components, the figure is
 * computed as with `exact`. The lead's atoms closer than the rest's sd / 2
 * are binned at their mean, the variance they had within their bin joining
 * the rest. A capped (enumerated) indicator's s(p) − s(q) is binned onto a
 * grid of 1/256 of its sd (256 to 4,096 points): a cap in reach spreads its
 * range far beyond where its mass lies. On the whole SYNTHETIC sample
 * history every endpoint of the default is within 2% of the interval's
 * width of `exact: true` at `resolution: 4096` (a test prints the largest
 * difference), where `exact: true` at the default resolution is not (a
 * small district's group with one rare count and two fine ones is off by
 * up to 11% there: 256 points over the rare count's range are too coarse
 * for the fine ones); a release's intervals are rounded to the framework's
 * decimals.
 *
 * Throws when the framework is not linear (`analyticSupport` says why).
 *
 * @example
 * const iv = latticeIntervals(buildIndex(fw, raw), { periods: ['2025-10'] });
 * const k = iv.codes.indexOf('index');
 * [iv.lower[k], iv.upper[k]]; // the first unit's 90% interval of the index in 2025-10
 * [iv.changeLower[1][k], iv.changeUpper[1][k]]; // of its month-on-month change
 */
export function latticeIntervals(result: IndexResult, options: LatticeOptions = {}, noise: CellNoise = cellNoise(result.raw, result.framework)): LatticeIntervals {
  const framework = result.framework;
  const reasons = analyticSupport(framework);
  if (reasons.length) throw new RangeError(`latticeIntervals: the framework is not linear in its raw values: ${reasons.join('; ')}`);
  const lags = options.lags ?? [1, 12];
  const level = options.level ?? 0.9;
  const latticeBelow = options.latticeBelow ?? 30;
  const exact = options.exact ?? false;
  const BINS = options.resolution ?? RESOLUTION;
  if (!(Number.isInteger(BINS) && BINS >= 8)) throw new RangeError(`latticeIntervals: the resolution must be an integer of at least 8, not ${options.resolution}`);
  let smoothFigures = 0;
  let leadFigures = 0;
  const lowP = (1 - level) / 2;
  const highP = 1 - lowP;
  const z = normalQuantile(highP);
  const out = result.aggregated;
  const rows = unitRows(result);
  const { units: U, periods: P, outWidth: K, rawWidth: C, treatedWidth: Ct } = rows;
  const asked = options.periods ?? out.periods;
  const askedIndex = asked.map((p) => {
    const i = out.periods.indexOf(p);
    if (i < 0) throw new RangeError(`latticeIntervals: no period "${p}" in the build`);
    return i;
  });
  const E = asked.length;
  const wanted = new Uint8Array(K).fill(options.codes ? 0 : 1);
  for (const code of options.codes ?? []) {
    const k = out.codes.indexOf(code);
    if (k < 0) throw new RangeError(`latticeIntervals: no column "${code}" in the build`);
    wanted[k] = 1;
  }
  const indicators = framework.indicators;
  const I = indicators.length;
  // The linear plan, shared with analyticUncertainty.
  const linearBuild = linearPlan(result, noise, 'latticeIntervals');
  const plan = linearBuild.indicators;
  const descendants = linearBuild.descendants;

  const lower = new Float64Array(E * U * K).fill(Number.NaN);
  const upper = new Float64Array(E * U * K).fill(Number.NaN);
  const changeLower: Record<number, Float64Array> = {};
  const changeUpper: Record<number, Float64Array> = {};
  for (const lag of lags) {
    changeLower[lag] = new Float64Array(E * U * K).fill(Number.NaN);
    changeUpper[lag] = new Float64Array(E * U * K).fill(Number.NaN);
  }
  let fallbacks = 0;

  // One unit's series, gathered (the panels are laid out period by period).
  const { raw: rawU, treated: treatedU, out: outU, mean: meanU, dispersion: dispersionU, variance: varianceU } = rows;
  const presentBefore = new Int32Array(P + 1);
  const coefficient = new Float64Array(I * P); // scale / denominator of month q (NaN where the value is missing)
  // Per indicator: months with a coefficient before month m (at i * (P + 1) + m), and the first month
  // from which every month up to m that has one has the same (at i * P + m): a window's groups in O(1).
  const presentPrefix = new Int32Array(I * (P + 1));
  const sameFrom = new Int32Array(I * P);
  const source = new Int32Array(I * P);
  const factor = new Float64Array(I * P);
  const linear = new Float64Array(I * P); // α + β T(p)
  const eff = new Float64Array(P * K * I);

  // Per indicator, for the figure in hand: how it enters.
  const NONE = 0;
  const NORMAL = 1;
  const LINEAR = 2;
  const ENUMERATED = 3;
  const kind = new Int8Array(I);
  // Normal: deviations of s(p) and s(q) from their observed values: means, variances, covariance.
  const meanP = new Float64Array(I);
  const meanQ = new Float64Array(I);
  const varP = new Float64Array(I);
  const varQ = new Float64Array(I);
  const covPQ = new Float64Array(I);
  // Linear / enumerated: three groups (0 shared, 1 only p's window, 2 only q's): coefficient in L(p), in L(q), mean count.
  const groupP = new Float64Array(I * 3);
  const groupQ = new Float64Array(I * 3);
  const groupMean = new Float64Array(I * 3);
  const dispersionI = new Float64Array(I);
  // What differing populations within a group add: e_p² R_pp + e_q² R_qq − 2 e_p e_q R_pq.
  const residPP = new Float64Array(I);
  const residQQ = new Float64Array(I);
  const residPQ = new Float64Array(I);
  // Enumerated joint values: deviation of s(p), of s(q), probability.
  // The joint values are not stored: the figure's usual case bins them as it enumerates them
  // (`EnumerationBinner.binScaled`); the rare other case fills dp / dq / w first (`materialise`).
  const enumerated: Enumeration[] = indicators.map(() => emptyEnumeration());
  const pmfs: CountPmf[] = [];
  // The pmfs, and the supports, of each indicator's group counts, the last 4 (mean, dispersion) asked
  // for: a month's level and changes ask for the same few (the window's n μ, the shared 11 μ, one
  // month's μ) in different groups, and every column holding the indicator asks again.
  const pmfCache = new RecentByCount<CountPmf>(I, 4);
  const supportCache = new RecentByCount<CountSupport>(I, 4);
  const groupPmf = (i: number, lam: number, phi: number): CountPmf => pmfCache.get(i, lam, phi) ?? pmfCache.set(i, lam, phi, pmfOf(lam, phi));
  // Tails below 1e-10 each side are left out: far beyond any 5% quantile, and a negative binomial's long tail would
  // otherwise multiply the joint values enumerated.
  const pmfOf = (mean: number, phi: number): CountPmf => countPmf(mean, phi, 1e-10);
  /**
   * Where groupPmf's pmf of a group count starts, and its length: from the pmf where it is at hand
   * (or the support cannot be called without it), else without building it (`countPmfSupport`).
   */
  const groupSupport = (i: number, lam: number, phi: number): CountSupport => {
    const kept = supportCache.get(i, lam, phi);
    if (kept) return kept;
    const pmf = pmfCache.get(i, lam, phi);
    const support = pmf ? null : countPmfSupport(lam, phi, 1e-10);
    if (support) return supportCache.set(i, lam, phi, support);
    const built = pmf ?? groupPmf(i, lam, phi);
    return supportCache.set(i, lam, phi, { start: built.start, length: built.probabilities.length });
  };

  // censoredAt's answer, and what it computed last for each indicator and month (a month's level and
  // the changes that reach back to it ask for the same, from the same inputs).
  let censoredMean = 0;
  let censoredVariance = 0;
  const censoredKey = new Float64Array(I * P * 2).fill(Number.NaN);
  const censoredValue = new Float64Array(I * P * 2);
  /** The mean and variance of α + β T of indicator i in month m (linear value l, its variance), censored at its caps where it has them. */
  const censoredAt = (i: number, m: number, l: number, variance: number): void => {
    const at = (i * P + m) * 2;
    if (censoredKey[at] !== l || censoredKey[at + 1] !== variance) {
      const pl = plan[i];
      const moments = pl.cap ? censoredNormalMoments(l, Math.sqrt(variance), 0, pl.scale) : null;
      censoredKey[at] = l;
      censoredKey[at + 1] = variance;
      censoredValue[at] = moments ? moments.mean : l;
      censoredValue[at + 1] = moments ? moments.variance : variance;
    }
    censoredMean = censoredValue[at];
    censoredVariance = censoredValue[at + 1];
  };
  /**
   * Indicator i enters the figure of months p and q as normal: α + β T(p) of variance vP (and
   * T(q) of variance vQ, covariance vPQ), censored at its caps.
   */
  const describeNormal = (i: number, p: number, q: number, lp: number, lq: number, vP: number, vQ: number, vPQ: number): void => {
    const pl = plan[i];
    const sdP = Math.sqrt(vP);
    const sdQ = Math.sqrt(vQ);
    censoredAt(i, p, lp, vP);
    meanP[i] = censoredMean - (pl.cap ? clamp(lp, pl.scale) : lp);
    varP[i] = censoredVariance;
    if (q >= 0) {
      censoredAt(i, q, lq, vQ);
      meanQ[i] = censoredMean - (pl.cap ? clamp(lq, pl.scale) : lq);
      varQ[i] = censoredVariance;
      const rho = sdP > 0 && sdQ > 0 ? Math.min(1, vPQ / (sdP * sdQ)) : 0;
      covPQ[i] = rho * Math.sqrt(varP[i] * varQ[i]);
    } else {
      meanQ[i] = 0;
      varQ[i] = 0;
      covPQ[i] = 0;
    }
    kind[i] = NORMAL;
  };
  // How far each window group's count reaches below and above its mean (0: a group of no months).
  const supportDown = new Float64Array(3);
  const supportUp = new Float64Array(3);
  /** Whether indicator i's scores of months p (linear value lp) and q (lq) reach a cap within the groups' reach. */
  const capReached = (i: number, q: number, lp: number, lq: number, scale: number): boolean => {
    let minP = lp;
    let maxP = lp;
    let minQ = lq;
    let maxQ = lq;
    for (let g = 0; g < 3; g++) {
      if (groupMean[i * 3 + g] === 0) continue;
      const down = supportDown[g];
      const up = supportUp[g];
      const cp = groupP[i * 3 + g];
      const cq = groupQ[i * 3 + g];
      minP += Math.min(-cp * down, cp * up);
      maxP += Math.max(-cp * down, cp * up);
      minQ += Math.min(-cq * down, cq * up);
      maxQ += Math.max(-cq * down, cq * up);
    }
    return minP <= 0 || maxP >= scale || (q >= 0 && (minQ <= 0 || maxQ >= scale));
  };
  /** Fills the descriptors of indicator i for the figure of month p against month q (q < 0: the level). */
  const describe = (i: number, p: number, q: number): void => {
    const pl = plan[i];
    kind[i] = NONE;
    leadReady[i] = 0;
    unitCumulantsReady[i] = 0;
    const sp = source[i * P + p];
    const sq = q >= 0 ? source[i * P + q] : -1;
    const presentP = sp >= 0 && treatedU[p * Ct + pl.treatedColumn] === treatedU[p * Ct + pl.treatedColumn];
    const presentQ = q >= 0 && sq >= 0 && treatedU[q * Ct + pl.treatedColumn] === treatedU[q * Ct + pl.treatedColumn];
    if (!presentP || pl.model === 'none') return;
    if (q >= 0 && !presentQ) return;
    const n = pl.windowLength;
    const fp = factor[i * P + p] * pl.beta;
    const fq = q >= 0 ? factor[i * P + q] * pl.beta : 0;
    const j = p * C + pl.rawColumn;
    const count = pl.model === 'poisson';
    const mu = count ? meanU[j] : 0;
    const phi = count ? Math.max(1, dispersionU[j]) : 1;
    if (count && !(mu > 0)) return;
    // The months of either window, by group.
    const loP = sp - n + 1;
    const loQ = q >= 0 ? sq - n + 1 : 0;
    const first = q >= 0 ? Math.min(loP, loQ) : loP;
    const last = q >= 0 ? Math.max(sp, sq) : sp;
    // One coefficient over the windows (the usual case): no walk.
    if (count && coefficient[i * P + last] === coefficient[i * P + last] && sameFrom[i * P + last] <= Math.max(0, first)) return describeUniform(i, p, q, sp, sq, loP, loQ, last, fp, fq, mu, phi);
    // Else the walk over the windows' months, which differ in coefficient (or a survey's in variance).
    let vP = 0;
    let vQ = 0;
    let vPQ = 0;
    // Sums by group (0 shared, 1 only p's window, 2 only q's): coefficients in L(p), in L(q), months.
    let sumP0 = 0;
    let sumP1 = 0;
    let sumP2 = 0;
    let sumQ0 = 0;
    let sumQ1 = 0;
    let sumQ2 = 0;
    let months0 = 0;
    let months1 = 0;
    let months2 = 0;
    for (let m = Math.max(0, first); m <= last; m++) {
      const a = coefficient[i * P + m];
      if (a !== a) continue;
      const inP = m >= loP && m <= sp;
      const inQ = q >= 0 && m >= loQ && m <= sq;
      if (!inP && !inQ) continue;
      const v = count ? phi * mu : varianceU[m * C + pl.rawColumn];
      const bp = inP ? fp * a : 0;
      const bq = inQ ? fq * a : 0;
      vP += bp * bp * v;
      vQ += bq * bq * v;
      vPQ += bp * bq * v;
      if (inP && inQ) {
        sumP0 += bp;
        sumQ0 += bq;
        months0++;
      } else if (inP) {
        sumP1 += bp;
        sumQ1 += bq;
        months1++;
      } else {
        sumP2 += bp;
        sumQ2 += bq;
        months2++;
      }
    }
    const lp = linear[i * P + p];
    const lq = q >= 0 ? linear[i * P + q] : 0;
    if (!count) return describeNormal(i, p, q, lp, lq, vP, vQ, vPQ);
    // Group coefficients (means over the group's months) and what they leave out.
    let rPP = 0;
    let rQQ = 0;
    let rPQ = 0;
    groupP[i * 3] = months0 ? sumP0 / months0 : 0;
    groupQ[i * 3] = months0 ? sumQ0 / months0 : 0;
    groupMean[i * 3] = months0 * mu;
    groupP[i * 3 + 1] = months1 ? sumP1 / months1 : 0;
    groupQ[i * 3 + 1] = months1 ? sumQ1 / months1 : 0;
    groupMean[i * 3 + 1] = months1 * mu;
    groupP[i * 3 + 2] = months2 ? sumP2 / months2 : 0;
    groupQ[i * 3 + 2] = months2 ? sumQ2 / months2 : 0;
    groupMean[i * 3 + 2] = months2 * mu;
    for (let m = Math.max(0, first); m <= last; m++) {
      const a = coefficient[i * P + m];
      if (a !== a) continue;
      const inP = m >= loP && m <= sp;
      const inQ = q >= 0 && m >= loQ && m <= sq;
      if (!inP && !inQ) continue;
      const g = inP && inQ ? 0 : inP ? 1 : 2;
      const dp = (inP ? fp * a : 0) - groupP[i * 3 + g];
      const dq = (inQ ? fq * a : 0) - groupQ[i * 3 + g];
      rPP += dp * dp * phi * mu;
      rQQ += dq * dq * phi * mu;
      rPQ += dp * dq * phi * mu;
    }
    residPP[i] = rPP;
    residQQ[i] = rQQ;
    residPQ[i] = rPQ;
    describeCount(i, p, q, lp, lq, vP, vQ, vPQ, phi);
  };
  /**
   * `describe` of a count indicator whose months in either window (and between them) that have a
   * coefficient all have the same one, a (a population constant over them): each group's
   * coefficient is a times its window factor, exactly (a walk's mean of n equal terms can be a
   * rounding off it), so what differing populations add is 0, and each sum over a group's months
   * is its number of months (prefix counts) times one term: no walk over the windows.
   */
  const describeUniform = (i: number, p: number, q: number, sp: number, sq: number, loP: number, loQ: number, last: number, fp: number, fq: number, mu: number, phi: number): void => {
    const prefix = i * (P + 1);
    const a = coefficient[i * P + last];
    const bp = fp * a;
    const bq = q >= 0 ? fq * a : 0;
    const inP = presentPrefix[prefix + sp + 1] - presentPrefix[prefix + Math.max(0, loP)];
    const sharedFrom = Math.max(0, loP, loQ);
    const sharedTo = Math.min(sp, sq);
    const shared = q >= 0 && sharedTo >= sharedFrom ? presentPrefix[prefix + sharedTo + 1] - presentPrefix[prefix + sharedFrom] : 0;
    const inQ = q >= 0 ? presentPrefix[prefix + sq + 1] - presentPrefix[prefix + Math.max(0, loQ)] : 0;
    const onlyP = inP - shared;
    const onlyQ = inQ - shared;
    groupP[i * 3] = shared ? bp : 0;
    groupQ[i * 3] = shared ? bq : 0;
    groupMean[i * 3] = shared * mu;
    groupP[i * 3 + 1] = onlyP ? bp : 0;
    groupQ[i * 3 + 1] = 0;
    groupMean[i * 3 + 1] = onlyP * mu;
    groupP[i * 3 + 2] = 0;
    groupQ[i * 3 + 2] = onlyQ ? bq : 0;
    groupMean[i * 3 + 2] = onlyQ * mu;
    residPP[i] = 0;
    residQQ[i] = 0;
    residPQ[i] = 0;
    const v = phi * mu;
    const lp = linear[i * P + p];
    const lq = q >= 0 ? linear[i * P + q] : 0;
    describeCount(i, p, q, lp, lq, inP * (bp * bp * v), inQ * (bq * bq * v), shared * (bp * bq * v), phi);
  };
  /** The rest of `describe` of a count indicator, its groups found: linear, enumerated, or normal beyond `MAX_ENUMERATED`. */
  const describeCount = (i: number, p: number, q: number, lp: number, lq: number, vP: number, vQ: number, vPQ: number, phi: number): void => {
    const pl = plan[i];
    dispersionI[i] = phi;
    // Can a joint value of the groups' supports reach a cap? The supports are those the enumeration
    // below would walk (`groupSupport`: countPmf's), so a figure left linear is exactly what enumerating it would give.
    let reach = false;
    if (pl.cap) {
      for (let g = 0; g < 3; g++) {
        const lam = groupMean[i * 3 + g];
        if (lam === 0) continue;
        // A bound on the support first (within 7.5 sd below, 7.5 sd + 3 φ + 3 above: it holds
        // countPmf's at 1e-10), the support itself only where that bound reaches a cap.
        const sd = Math.sqrt(phi * lam);
        supportDown[g] = Math.min(lam, 7.5 * sd);
        supportUp[g] = 7.5 * sd + 3 * phi + 3;
      }
      reach = capReached(i, q, lp, lq, pl.scale);
      if (reach) {
        for (let g = 0; g < 3; g++) {
          const lam = groupMean[i * 3 + g];
          if (lam === 0 || lam > 700) continue;
          const support = groupSupport(i, lam, phi);
          supportDown[g] = lam - support.start;
          supportUp[g] = support.start + support.length - 1 - lam;
        }
        reach = capReached(i, q, lp, lq, pl.scale);
      }
    }
    if (!reach) {
      kind[i] = LINEAR;
      return;
    }
    // Enumerate the capped scores over the groups' joint support (its size known before any pmf is built).
    let size = 1;
    for (let g = 0; g < 3; g++) {
      const lam = groupMean[i * 3 + g];
      if (lam > 700) size = Infinity;
      else if (lam > 0) {
        size *= groupSupport(i, lam, phi).length;
      }
    }
    if (size > MAX_ENUMERATED) {
      fallbacks++;
      return describeNormal(i, p, q, lp, lq, vP, vQ, vPQ);
    }
    for (let g = 0; g < 3; g++) pmfs[g] = groupPmf(i, groupMean[i * 3 + g], phi);
    const slot = enumerated[i];
    slot.S = pmfs[0];
    slot.A = pmfs[1];
    slot.B = pmfs[2];
    slot.lp = lp;
    slot.lq = lq;
    slot.sObsP = clamp(lp, pl.scale);
    slot.sObsQ = clamp(lq, pl.scale);
    slot.lamS = groupMean[i * 3];
    slot.lamA = groupMean[i * 3 + 1];
    slot.lamB = groupMean[i * 3 + 2];
    slot.cpS = groupP[i * 3];
    slot.cqS = groupQ[i * 3];
    slot.cpA = groupP[i * 3 + 1];
    slot.cqB = groupQ[i * 3 + 2];
    slot.hasQ = q >= 0;
    slot.scale = pl.scale;
    slot.n = size;
    slot.materialised = false;
    slot.conditionalReady = false;
    binnedReady[i] = 0;
    kind[i] = ENUMERATED;
  };

  // The discrete components of one figure, and the grid they are binned and convolved on.
  const grid = new ComponentGrid(BINS);
  const binner = new EnumerationBinner(grid);
  const components: Component[] = [];
  const pool: Component[] = [];
  const take = (): Component => {
    const c = pool.pop() ?? emptyComponent();
    components.push(c);
    return c;
  };
  // enumeratedScaled's materialised values, in the form grid.convolve takes them.
  const scratch = emptyComponent(BINS);
  // Per indicator: its enumerated s(p) − s(q), binned, for the figure in hand (binnedReady[i] once computed).
  const binned: Component[] = indicators.map(() => emptyComponent());
  const binnedReady = new Uint8Array(I);
  const unit: Component = { values: Float64Array.of(0), probabilities: Float64Array.of(1), n: 1, mean: 0, variance: 0 };
  let combined: Component = { values: new Float64Array(BINS), probabilities: new Float64Array(BINS), n: 1, mean: 0, variance: 0 };
  let spare: Component = emptyComponent(BINS);

  // The fast path's candidate discrete components of the figure in hand: mean, variance, κ3, κ4, lattice step.
  const candMean = new Float64Array(I);
  const candVar = new Float64Array(I);
  const candK3 = new Float64Array(I);
  const candK4 = new Float64Array(I);
  const candStep = new Float64Array(I);
  const candIndicator = new Int32Array(I);
  // Per enumerated indicator, once per figure-month (unitCumulantsReady[i]): the cumulants of its s(p) − s(q) at unit weight.
  const unitCumulants = new Float64Array(I * 4);
  const unitCumulantsReady = new Uint8Array(I);
  const candOrder = new Int32Array(I);
  /**
   * Per indicator, for the figure in hand (set by `smooth`): 1 where its discrete component joins
   * the normal part (below MIN_SHARE of the figure's variance, or beyond MAX_DISCRETE), so the
   * exact path takes its mean and variance (`pooledMean`, `pooledVar`: of its lattice groups; its
   * other window groups join the normal part by `latticeGroups`, as in `smooth`) instead of building it.
   */
  const pooled = new Uint8Array(I);
  const pooledMean = new Float64Array(I);
  const pooledVar = new Float64Array(I);
  const smoothOut: [number, number] = [0, 0];
  // What `smooth` leaves for `leadInterval`: its candidates (sorted by variance in candOrder) and the normal part before pooling.
  let candidates = 0;
  let normalMean = 0;
  let normalVar = 0;
  let normalMagnitude = 0;
  /**
   * The normal part of the figure in hand, summed as both passes walk its indicators (`enters`,
   * `latticeGroups`, in the same order): its mean, its variance, and the size of its variance
   * terms (a net variance below 1e-12 of it is rounding: a carried value's change).
   */
  const figureNormal = new Float64Array(3);
  // The weights in the figure of the indicator `enters` admitted last: ep (month p), eq (month q).
  let termEp = 0;
  let termEq = 0;
  /**
   * Indicator i in the figure of column k, months p and q (q < 0: a level; `asLinear`: an indicator
   * column's own level, α + β T): NONE where it does not enter (no weight, or no noise). Else its
   * normal terms join `figureNormal` (a survey's whole contribution, or what differing populations
   * within a count's window groups add), its weights are left in termEp / termEq, and it says how its
   * count enters: LINEAR (its groups, `latticeGroups`), ENUMERATED (capped scores), NORMAL (no count).
   */
  const enters = (i: number, k: number, p: number, q: number, asLinear: boolean): number => {
    const ep = eff[(p * K + k) * I + i];
    const eq = q >= 0 ? eff[(q * K + k) * I + i] : 0;
    if (ep === 0 && eq === 0) return NONE;
    const kd = kind[i];
    if (kd === NONE) return NONE;
    termEp = ep;
    termEq = eq;
    if (kd === NORMAL && !asLinear) {
      figureNormal[0] += ep * meanP[i] - eq * meanQ[i];
      figureNormal[1] += ep * ep * varP[i] + eq * eq * varQ[i] - 2 * ep * eq * covPQ[i];
      figureNormal[2] += ep * ep * varP[i] + eq * eq * varQ[i];
      return NORMAL;
    }
    figureNormal[0] += 0;
    if (kd === NORMAL) {
      figureNormal[1] += linearVariance(i);
      figureNormal[2] += linearVariance(i);
      return NORMAL;
    }
    figureNormal[1] += ep * ep * residPP[i] + eq * eq * residQQ[i] - 2 * ep * eq * residPQ[i];
    figureNormal[2] += ep * ep * residPP[i] + eq * eq * residQQ[i];
    return kd === LINEAR || asLinear ? LINEAR : ENUMERATED;
  };
  // The groups `latticeGroups` kept as lattices: coefficient, mean count.
  const latticeCoefficient = new Float64Array(3);
  const latticeMean = new Float64Array(3);
  /**
   * The window groups of count indicator i in a figure with weights ep and eq: a group whose mean
   * over its dispersion is below `latticeBelow` (and mean at most 700) stays a lattice (listed in
   * latticeCoefficient / latticeMean; their number is returned); the others join
   * `figureNormal` by their variance coef² φ λ.
   */
  const latticeGroups = (i: number, ep: number, eq: number, addNormal = true): number => {
    const phi = dispersionI[i];
    let n = 0;
    for (let g = 0; g < 3; g++) {
      const lam = groupMean[i * 3 + g];
      const coef = ep * groupP[i * 3 + g] - eq * groupQ[i * 3 + g];
      if (lam === 0 || Math.abs(coef) < 1e-15) continue;
      if (lam / phi < latticeBelow && lam <= 700) {
        latticeCoefficient[n] = coef;
        latticeMean[n] = lam;
        n++;
      } else if (addNormal) {
        figureNormal[1] += coef * coef * phi * lam;
        figureNormal[2] += coef * coef * phi * lam;
      }
    }
    return n;
  };
  /**
   * The fast path: the figure's deviations' (1 ± level)/2 quantiles by Cornish–Fisher from
   * its cumulants, where its normal part smooths its discrete part (the same model and the
   * same choice of kept components as the exact computation below); null where it does not.
   */
  const smooth = (k: number, p: number, q: number, asLinear: boolean): [number, number] | null => {
    let nc = 0;
    figureNormal[0] = 0;
    figureNormal[1] = 0;
    figureNormal[2] = 0;
    for (const i of descendants[k]) {
      const entry = enters(i, k, p, q, asLinear);
      if (entry === NONE || entry === NORMAL) continue;
      pooled[i] = 0;
      const ep = termEp;
      const eq = termEq;
      if (entry === LINEAR) {
        const phi = dispersionI[i];
        const groups = latticeGroups(i, ep, eq);
        let v = 0;
        let k3 = 0;
        let k4 = 0;
        let step = 0;
        for (let l = 0; l < groups; l++) {
          const coef = latticeCoefficient[l];
          const lam = latticeMean[l];
          const c2 = coef * coef;
          // Cumulants of coef (N − λ), N Poisson (φ = 1) or negative binomial of mean λ, variance φ λ.
          v += c2 * phi * lam;
          k3 += c2 * coef * lam * phi * (2 * phi - 1);
          k4 += c2 * c2 * lam * phi * (6 * phi * phi - 6 * phi + 1);
          const h = Math.abs(coef);
          if (h > step) step = h;
        }
        if (step > 0) {
          candIndicator[nc] = i;
          candMean[nc] = 0;
          candVar[nc] = v;
          candK3[nc] = k3;
          candK4[nc] = k4;
          candStep[nc] = step;
          nc++;
        }
        continue;
      }
      const slot = enumerated[i];
      candIndicator[nc] = i;
      if (ep > 0 && (q < 0 || ep === eq)) {
        // One weight for both months: the cumulants of s(p) − s(q), found once per figure-month, scaled.
        const at = i * 4;
        if (!unitCumulantsReady[i]) {
          binner.cumulantsOf(slot, 1, q >= 0 ? 1 : 0);
          unitCumulants.set(binner.cumulants, at);
          unitCumulantsReady[i] = 1;
        }
        const e2 = ep * ep;
        candMean[nc] = ep * unitCumulants[at];
        candVar[nc] = e2 * unitCumulants[at + 1];
        candK3[nc] = e2 * ep * unitCumulants[at + 2];
        candK4[nc] = e2 * e2 * unitCumulants[at + 3];
      } else {
        binner.cumulantsOf(slot, ep, eq);
        candMean[nc] = binner.cumulants[0];
        candVar[nc] = binner.cumulants[1];
        candK3[nc] = binner.cumulants[2];
        candK4[nc] = binner.cumulants[3];
      }
      candStep[nc] = Math.max(Math.abs(ep * slot.cpS - eq * slot.cqS), Math.abs(ep * slot.cpA), Math.abs(eq * slot.cqB));
      nc++;
    }
    const gaussMean = figureNormal[0];
    let gaussVar = figureNormal[1];
    let magnitude = figureNormal[2];
    candidates = nc;
    normalMean = gaussMean;
    normalVar = gaussVar;
    normalMagnitude = magnitude;
    let total = gaussVar;
    for (let c = 0; c < nc; c++) {
      total += candVar[c];
      candOrder[c] = c;
    }
    byVarianceDescending(candOrder, candVar, nc);
    let mean = gaussMean;
    let discreteVar = 0;
    let k3 = 0;
    let k4 = 0;
    let step = 0;
    let kept = 0;
    for (let o = 0; o < nc; o++) {
      const c = candOrder[o];
      const i = candIndicator[c];
      mean += candMean[c];
      pooled[i] = 0;
      if (candVar[c] < MIN_SHARE * total || kept >= MAX_DISCRETE) {
        gaussVar += candVar[c];
        magnitude += candVar[c];
        pooled[i] = 1;
        pooledMean[i] = candMean[c];
        pooledVar[i] = candVar[c];
        continue;
      }
      discreteVar += candVar[c];
      if (candStep[c] > step) step = candStep[c];
      k3 += candK3[c];
      k4 += candK4[c];
      kept++;
    }
    const sdNormal = gaussVar > 1e-12 * magnitude ? Math.sqrt(gaussVar) : 0;
    const variance = sdNormal * sdNormal + discreteVar;
    // Every kept lattice must be smoothed by the normal part (its sd at least the largest step), or
    // be fine: the largest step at most FINE_LATTICE of the figure's sd.
    if (kept > 0 && !(sdNormal >= SMOOTH_RATIO * step) && !(step * step <= FINE_LATTICE * FINE_LATTICE * variance)) return null;
    const sd = Math.sqrt(variance);
    if (!(sd > 0)) {
      smoothOut[0] = mean;
      smoothOut[1] = mean;
      return smoothOut;
    }
    const g1 = k3 / (variance * sd);
    const g2 = k4 / (variance * variance);
    if (!(Math.abs(g1) <= MAX_SKEWNESS && Math.abs(g2) <= MAX_KURTOSIS)) return null;
    smoothOut[0] = mean + sd * cornishFisherQuantile(-z, g1, g2);
    smoothOut[1] = mean + sd * cornishFisherQuantile(z, g1, g2);
    return smoothOut;
  };

  // leadInterval's scratch: the lead component, and the unit-weight lattice of each linear indicator
  // (`leadLattice[i]`, built once per figure-month: leadReady[i]).
  const lead: Component = emptyComponent(BINS);
  const leadLattice: Component[] = indicators.map(() => emptyComponent());
  const leadReady = new Uint8Array(I);
  const leadOut: [number, number] = [0, 0];
  /** lead ← the lattice of linear indicator i in a figure of weights ep, eq (its lattice groups, convolved). */
  const buildLattice = (target: Component, i: number, ep: number, eq: number): void => {
    const groups = latticeGroups(i, ep, eq, false);
    convolveGroups(target, i, groups);
    if (groups > 0) trimTails(target);
  };
  /** target ← the convolution of indicator i's first `groups` lattice groups (as `latticeGroups` left them). */
  const convolveGroups = (target: Component, i: number, groups: number): void => {
    target.n = 0;
    for (let l = 0; l < groups; l++) grid.addLattice(target, latticeCoefficient[l], groupPmf(i, latticeMean[l], dispersionI[i]), latticeMean[l]);
  };
  /**
   * The lead method, for a figure `smooth` cannot take: only its lead components are built and
   * convolved, and everything else (the normal part and the other components, by the cumulants
   * `smooth` found) forms one continuous part, taken by its Edgeworth expansion (`mixtureQuantile`
   * with its skewness and excess kurtosis). The lead starts as the component of largest variance;
   * while the rest is not smooth by itself (a component's lattice step above the sd of the rest
   * without it, and above FINE_LATTICE of the rest's sd), the component with the largest step² over
   * that sd² joins it, and while the rest's skewness or excess kurtosis is beyond REST_SKEWNESS /
   * REST_KURTOSIS, its largest component does. Returns null where that takes more than
   * MAX_DISCRETE components (the figure is then computed as with `exact`).
   */
  const leadInterval = (k: number, p: number, q: number, asLinear: boolean): [number, number] | null => {
    const nc = candidates;
    if (nc === 0) return null;
    // The lead: the largest component, then, while the rest is not smooth by itself, the component
    // that spoils it most (largest step² over the variance of everything else in the rest).
    for (let o = 0; o < nc; o++) inLead[o] = 0;
    inLead[0] = 1;
    let leads = 1;
    let restMean: number;
    let restVar: number;
    let k3: number;
    let k4: number;
    for (;;) {
      restMean = normalMean;
      restVar = normalVar;
      k3 = 0;
      k4 = 0;
      for (let o = 0; o < nc; o++) {
        if (inLead[o]) continue;
        const c = candOrder[o];
        restMean += candMean[c];
        restVar += candVar[c];
        k3 += candK3[c];
        k4 += candK4[c];
      }
      let worst = -1;
      let worstRatio = 0;
      for (let o = 0; o < nc; o++) {
        if (inLead[o]) continue;
        const c = candOrder[o];
        const h2 = candStep[c] * candStep[c];
        const others = restVar - candVar[c];
        if (others >= SMOOTH_RATIO * SMOOTH_RATIO * h2 || h2 <= FINE_LATTICE * FINE_LATTICE * restVar) continue;
        const ratio = others > 0 ? h2 / others : Number.POSITIVE_INFINITY;
        if (worst < 0 || ratio > worstRatio) {
          worst = o;
          worstRatio = ratio;
        }
      }
      if (worst < 0) {
        // Smooth; but an Edgeworth expansion is close only while the rest's skewness and excess
        // kurtosis are moderate: else its largest component joins the lead.
        const sd = Math.sqrt(restVar);
        if (!(restVar > 0) || (Math.abs(k3 / (restVar * sd)) <= REST_SKEWNESS && Math.abs(k4 / (restVar * restVar)) <= REST_KURTOSIS)) break;
        for (let o = 0; o < nc; o++) {
          if (!inLead[o]) {
            worst = o;
            break;
          }
        }
        if (worst < 0) break;
      }
      if (leads >= MAX_DISCRETE) return null;
      inLead[worst] = 1;
      leads++;
    }
    const restSd = restVar > 1e-12 * (normalMagnitude + restVar - normalVar) ? Math.sqrt(restVar) : 0;
    // Within REST_SKEWNESS and REST_KURTOSIS: the loop stops only there (or with no rest but the normal part).
    const g1 = restSd > 0 ? k3 / (restVar * restSd) : 0;
    const g2 = restSd > 0 ? k4 / (restVar * restVar) : 0;
    if (nc === 1 && restSd === 0 && countLattice(candIndicator[candOrder[0]], k, p, q, asLinear, restMean)) return leadOut;
    // The lead components, built and convolved (largest variance first).
    let first = true;
    for (let o = 0; o < nc; o++) {
      if (!inLead[o]) continue;
      const built = first ? lead : leadPart;
      if (!leadComponent(built, candIndicator[candOrder[o]], k, p, q, asLinear)) return null;
      if (!first) {
        grid.coarsen(built);
        grid.convolve(leadSum, lead, built.values, built.probabilities, built.n);
        ensureCapacity(lead, leadSum.n);
        lead.values.set(leadSum.values.subarray(0, leadSum.n));
        lead.probabilities.set(leadSum.probabilities.subarray(0, leadSum.n));
        lead.n = leadSum.n;
        trimTails(lead);
      }
      first = false;
    }
    let values = lead.values.subarray(0, lead.n);
    let probabilities = lead.probabilities.subarray(0, lead.n);
    let sd = restSd;
    let skewness = g1;
    let kurtosis = g2;
    if (restSd > 0) {
      // Atoms closer than the rest's sd / LEAD_GRID act as one: binned at their mean, and the
      // variance they had within their bin joins the rest (so the total variance is kept).
      const bins = Math.max(2, Math.ceil(((values[lead.n - 1] - values[0]) * LEAD_GRID) / restSd) + 1);
      if (bins < lead.n) {
        const within = grid.binTo(bins, values, probabilities, lead.n, leadSum, true);
        values = leadSum.values.subarray(0, leadSum.n);
        probabilities = leadSum.probabilities.subarray(0, leadSum.n);
        const v = restVar + within;
        sd = Math.sqrt(v);
        skewness = k3 / (v * sd);
        kurtosis = k4 / (v * v);
      }
    }
    leadOut[0] = mixtureQuantile(values, probabilities, restMean, sd, lowP, skewness, kurtosis);
    leadOut[1] = mixtureQuantile(values, probabilities, restMean, sd, highP, skewness, kurtosis);
    return leadOut;
  };
  /**
   * A figure that is one count indicator's lattice alone (no normal part), of one window group or
   * two whose coefficients have one size (a change whose shared months cancel): its quantiles
   * straight from the two pmfs (`countLatticeQuantiles`), into leadOut; false where it is not such
   * a figure. Only where the grid would hold every lattice point (at most BINS of them), so that it
   * is the distribution the lead method's grid would hold.
   */
  const countLattice = (i: number, k: number, p: number, q: number, asLinear: boolean, shift: number): boolean => {
    if (kind[i] !== LINEAR && !asLinear) return false;
    const ep = eff[(p * K + k) * I + i];
    const eq = q >= 0 ? eff[(q * K + k) * I + i] : 0;
    // As `leadComponent` builds it: with one weight for both months, at unit weight and then scaled.
    const oneWeight = ep > 0 && (q < 0 || ep === eq);
    const groups = oneWeight ? latticeGroups(i, 1, q >= 0 ? 1 : 0, false) : latticeGroups(i, ep, eq, false);
    if (groups === 0 || (groups === 2 && Math.abs(latticeCoefficient[0]) !== Math.abs(latticeCoefficient[1])) || groups > 2) return false;
    const phi = dispersionI[i];
    const first = groupPmf(i, latticeMean[0], phi);
    const second = groups === 2 ? groupPmf(i, latticeMean[1], phi) : null;
    if (second && first.probabilities.length + second.probabilities.length - 1 > BINS) return false;
    countLatticeQuantiles(latticeCoefficient[0], first, latticeMean[0], latticeCoefficient[1], second, latticeMean[1], lowP, highP, leadOut);
    const scale = oneWeight ? ep : 1;
    leadOut[0] = scale * leadOut[0] + shift;
    leadOut[1] = scale * leadOut[1] + shift;
    return true;
  };
  const inLead = new Uint8Array(I);
  const leadPart: Component = emptyComponent(BINS);
  const leadSum: Component = emptyComponent(BINS);
  /** target ← indicator i's component in the figure of column k, months p and q (false: none). */
  const leadComponent = (target: Component, i: number, k: number, p: number, q: number, asLinear: boolean): boolean => {
    const ep = eff[(p * K + k) * I + i];
    const eq = q >= 0 ? eff[(q * K + k) * I + i] : 0;
    const oneWeight = ep > 0 && (q < 0 || ep === eq);
    if (kind[i] === LINEAR || asLinear) {
      if (!oneWeight) {
        buildLattice(target, i, ep, eq);
        return target.n > 0;
      }
      // Built once per figure-month at unit weight, scaled for each column that holds it.
      const source = leadLattice[i];
      if (!leadReady[i]) {
        buildLattice(source, i, 1, q >= 0 ? 1 : 0);
        leadReady[i] = 1;
      }
      if (source.n === 0) return false;
      scaleInto(target, source, ep);
      return true;
    }
    if (oneWeight) {
      scaleInto(target, enumeratedBinned(i), ep);
      return true;
    }
    enumeratedScaled(target, enumerated[i], ep, eq);
    trimTails(target);
    return true;
  };
  /** target ← an enumeration's ep s(p) − eq s(q) (its joint values, binned where they are many). */
  const enumeratedScaled = (target: Component, slot: Enumeration, ep: number, eq: number): void => {
    if (slot.n > EXACT_ATOMS) {
      binner.binScaled(target, slot, ep, eq);
      return;
    }
    materialise(slot);
    ensureCapacity(scratch, slot.n);
    for (let t = 0; t < slot.n; t++) scratch.values[t] = ep * slot.dp[t] - eq * slot.dq[t];
    grid.convolve(target, unit, scratch.values, slot.w, slot.n);
  };
  /** Indicator i's enumerated s(p) − s(q), binned once per figure-month (the usual case, one weight for both months). */
  const enumeratedBinned = (i: number): Component => {
    const slot = enumerated[i];
    const cached = binned[i];
    if (!binnedReady[i]) {
      enumeratedScaled(cached, slot, 1, 1);
      trimTails(cached);
      binnedReady[i] = 1;
    }
    return cached;
  };
  // What `interval` returns, reused (read at once by its caller): 19 million figures of the nationwide panel would otherwise each allocate one.
  const intervalOut: [number, number] = [0, 0];
  const pair = (lo: number, hi: number): [number, number] => {
    intervalOut[0] = lo;
    intervalOut[1] = hi;
    return intervalOut;
  };
  /**
   * The interval of a figure: Σ over indicators under column k of e_p × (its s(p) deviation)
   * − e_q × (its s(q) deviation), plus `observed`. `asLinear`: the level of an indicator
   * column (quantiles of α + β T, clamped afterwards).
   */
  const interval = (k: number, p: number, q: number, observed: number, asLinear: boolean): [number, number] => {
    if (!exact) {
      const fast = smooth(k, p, q, asLinear);
      if (fast) {
        smoothFigures++;
        return pair(observed + fast[0], observed + fast[1]);
      }
      const led = leadInterval(k, p, q, asLinear);
      if (led) {
        leadFigures++;
        return pair(observed + led[0], observed + led[1]);
      }
    }
    components.length = 0;
    figureNormal[0] = 0;
    figureNormal[1] = 0;
    figureNormal[2] = 0;
    for (const i of descendants[k]) {
      const entry = enters(i, k, p, q, asLinear);
      if (entry === NONE || entry === NORMAL) continue;
      const ep = termEp;
      const eq = termEq;
      if (!exact && pooled[i]) {
        // Not exact: a component `smooth` found pooled joins the normal part by its cumulants, unbuilt.
        // Its count's window groups that are no lattice join first, as in `smooth` (pooledVar holds
        // its lattice groups only); with none, the sums are the same, in the same order.
        if (entry === LINEAR) latticeGroups(i, ep, eq);
        figureNormal[0] += pooledMean[i];
        figureNormal[1] += pooledVar[i];
        figureNormal[2] += pooledVar[i];
        continue;
      }
      if (entry === LINEAR) {
        const groups = latticeGroups(i, ep, eq);
        if (groups === 0) continue;
        const c = take();
        convolveGroups(c, i, groups);
        finish(c);
        continue;
      }
      const slot = enumerated[i];
      const c = take();
      if (ep > 0 && (q < 0 || ep === eq)) {
        // The usual case, one weight for both months: s(p) − s(q) binned once per figure and
        // indicator, then scaled for each column that holds it.
        scaleInto(c, enumeratedBinned(i), ep);
        componentMoments(c);
        continue;
      }
      enumeratedScaled(c, slot, ep, eq);
      finish(c);
    }
    let gaussMean = figureNormal[0];
    let gaussVar = figureNormal[1];
    let magnitude = figureNormal[2];
    // Which components stay discrete: the largest, while each carries ≥ 1% of the variance.
    let total = gaussVar;
    for (const c of components) total += c.variance;
    components.sort((x, y) => y.variance - x.variance);
    combined.values[0] = 0;
    combined.probabilities[0] = 1;
    combined.n = 1;
    let kept = 0;
    for (const c of components) {
      if (c.variance < MIN_SHARE * total || c.n <= 1 || kept >= MAX_DISCRETE) {
        gaussMean += c.mean;
        gaussVar += c.variance;
        magnitude += c.variance;
        continue;
      }
      if (kept === 0) {
        // The first component is the discrete part as it is (its atoms are ascending).
        ensureCapacity(combined, c.n);
        combined.values.set(c.values.subarray(0, c.n));
        combined.probabilities.set(c.probabilities.subarray(0, c.n));
        combined.n = c.n;
      } else {
        grid.coarsen(c);
        grid.convolve(spare, combined, c.values, c.probabilities, c.n);
        [combined, spare] = [spare, combined];
        trimTails(combined);
      }
      kept++;
    }
    for (const c of components) pool.push(c);
    components.length = 0;
    const sd = gaussVar > 1e-12 * magnitude ? Math.sqrt(gaussVar) : 0;
    const n = combined.n;
    if (n === 1) return pair(observed + combined.values[0] + gaussMean - z * sd, observed + combined.values[0] + gaussMean + z * sd);
    let values = combined.values.subarray(0, n);
    let probabilities = combined.probabilities.subarray(0, n);
    if (sd > 0) {
      // With a normal part, atoms closer than sd / 16 act as one: binned, quantiles move ≤ sd / 32.
      const bins = Math.min(BINS, Math.max(2, Math.ceil(((values[n - 1] - values[0]) * 16) / sd) + 1));
      if (bins < n) {
        grid.binTo(bins, values, probabilities, n, spare);
        values = spare.values.subarray(0, spare.n);
        probabilities = spare.probabilities.subarray(0, spare.n);
      }
    }
    return pair(observed + mixtureQuantile(values, probabilities, gaussMean, sd, lowP), observed + mixtureQuantile(values, probabilities, gaussMean, sd, highP));
  };
  /**
   * A component made ready to combine: its tails beyond 1e-9 each side folded into the
   * outermost atom kept, and its moments.
   */
  const finish = (c: Component) => {
    trimTails(c);
    componentMoments(c);
  };
  const linearVarianceOf = new Float64Array(I);
  const linearVariance = (i: number) => linearVarianceOf[i];

  for (let u = 0; u < U; u++) {
    gatherUnitRows(rows, result, noise, u);
    for (let i = 0; i < I; i++) {
      const pl = plan[i];
      for (let q = 0; q < P; q++) {
        const x = rawU[q * C + pl.rawColumn];
        let a = pl.denominatorScale;
        if (pl.denominatorColumn >= 0) a /= rawU[q * C + pl.denominatorColumn];
        coefficient[i * P + q] = x === x ? a : Number.NaN;
      }
      let lastPresent = -1;
      for (let m = 0; m < P; m++) {
        const a = coefficient[i * P + m];
        const present = a === a;
        presentPrefix[i * (P + 1) + m + 1] = presentPrefix[i * (P + 1) + m] + (present ? 1 : 0);
        sameFrom[i * P + m] = m === 0 ? 0 : present && lastPresent >= 0 && a !== coefficient[i * P + lastPresent] ? lastPresent + 1 : sameFrom[i * P + m - 1];
        if (present) lastPresent = m;
      }
      windowSources(pl, rows, presentBefore, source, factor, i * P);
      for (let p = 0; p < P; p++) linear[i * P + p] = pl.alpha + pl.beta * treatedU[p * Ct + pl.treatedColumn];
    }
    // Effective weights (as analyticUncertainty): fixed when every column is present, else rescaled.
    effectiveWeights(linearBuild, outU, P, K, eff);
    askedIndex.forEach((p, e) => {
      // The level.
      for (let i = 0; i < I; i++) {
        describe(i, p, -1);
        linearVarianceOf[i] = 0;
      }
      for (let i = 0; i < I; i++) {
        if (kind[i] !== NORMAL) continue;
        // The variance of α + β T(p) of a normal indicator (its censored variance is varP).
        linearVarianceOf[i] = linearVarianceNormal(i, p);
      }
      for (let k = 0; k < K; k++) {
        const observed = outU[p * K + k];
        if (observed !== observed || !wanted[k]) continue;
        const at = (e * U + u) * K + k;
        if (k < I) {
          const pl = plan[k];
          if (kind[k] === NONE) {
            lower[at] = observed;
            upper[at] = observed;
            continue;
          }
          const lp = linear[k * P + p];
          const [lo, hi] = interval(k, p, -1, lp, true);
          lower[at] = pl.cap ? clamp(lo, pl.scale) : lo;
          upper[at] = pl.cap ? clamp(hi, pl.scale) : hi;
          continue;
        }
        const [lo, hi] = interval(k, p, -1, observed, false);
        lower[at] = lo;
        upper[at] = hi;
      }
      for (const lag of lags) {
        const q = p - lag;
        if (q < 0) continue;
        for (let i = 0; i < I; i++) describe(i, p, q);
        for (let k = 0; k < K; k++) {
          const now = outU[p * K + k];
          const before = outU[q * K + k];
          if (now !== now || before !== before || !wanted[k]) continue;
          const [lo, hi] = interval(k, p, q, now - before, false);
          const at = (e * U + u) * K + k;
          changeLower[lag][at] = lo;
          changeUpper[lag][at] = hi;
        }
      }
    });
  }

  /** Var(α + β T(p)) of indicator i, a normal one. */
  function linearVarianceNormal(i: number, p: number): number {
    const pl = plan[i];
    const sp = source[i * P + p];
    if (sp < 0) return 0;
    const fp = factor[i * P + p] * pl.beta;
    const count = pl.model === 'poisson';
    const j = p * C + pl.rawColumn;
    let v = 0;
    for (let m = Math.max(0, sp - pl.windowLength + 1); m <= sp; m++) {
      const a = coefficient[i * P + m];
      if (a !== a) continue;
      const vm = count ? Math.max(1, dispersionU[j]) * meanU[j] : varianceU[m * C + pl.rawColumn];
      v += fp * a * fp * a * vm;
    }
    return v;
  }

  return { units: out.units, periods: [...asked], codes: out.codes, level, lower, upper, changeLower, changeUpper, smooth: smoothFigures, leads: leadFigures, fallbacks };
}
