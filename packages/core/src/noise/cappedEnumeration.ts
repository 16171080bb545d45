import type { CountPmf } from './countPmf.ts';
import type { Component, ComponentGrid } from './gridComponents.ts';

/** An enumeration is binned onto enough grid points for 1/SD_GRID of its sd. */
const SD_GRID = 256;

/**
 * A goalposts score held to its caps [0, scale].
 *
 * @example
 * clamp(104, 100); // 100
 */
export const clamp = (x: number, scale: number): number => (x < 0 ? 0 : x > scale ? scale : x);
const BINOMIAL = [[1], [1, 1], [1, 2, 1], [1, 3, 3, 1], [1, 4, 6, 4, 1]];

/**
 * One indicator's capped scores of months p and q over the joint support of its three window
 * groups (shared S, only p's A, only q's B): s(p) − its observed value at (S, A), s(q) − its
 * observed value at (S, B), with probability P(S) P(A) P(B), in the order S, A, B. `dp`, `dq`
 * and `w` hold them once materialised.
 */
export interface Enumeration {
  dp: Float64Array;
  dq: Float64Array;
  w: Float64Array;
  /** How many joint values. */
  n: number;
  materialised: boolean;
  S: CountPmf;
  A: CountPmf;
  B: CountPmf;
  /** α + β T of p and q, and the observed (capped) scores. */
  lp: number;
  lq: number;
  sObsP: number;
  sObsQ: number;
  lamS: number;
  lamA: number;
  lamB: number;
  /** Coefficients of the groups' deviations in L(p) (cp) and L(q) (cq). */
  cpS: number;
  cqS: number;
  cpA: number;
  cqB: number;
  /** A change (else a level: dq is 0). */
  hasQ: boolean;
  scale: number;
  /**
   * For each value s of S: E[dp^j | s] and E[dq^j | s], j = 0 … 4 (at s × 5 + j), for the
   * fast path's cumulants; filled once per figure-month (`conditionalReady`).
   */
  condP: Float64Array;
  condQ: Float64Array;
  conditionalReady: boolean;
}

/**
 * An enumeration slot, empty (its arrays grow as an enumeration needs them).
 *
 * @example
 * emptyEnumeration().n; // 0
 */
export function emptyEnumeration(): Enumeration {
  return {
    dp: new Float64Array(64),
    dq: new Float64Array(64),
    w: new Float64Array(64),
    n: 0,
    materialised: false,
    S: EMPTY_PMF,
    A: EMPTY_PMF,
    B: EMPTY_PMF,
    lp: 0,
    lq: 0,
    sObsP: 0,
    sObsQ: 0,
    lamS: 0,
    lamA: 0,
    lamB: 0,
    cpS: 0,
    cqS: 0,
    cpA: 0,
    cqB: 0,
    hasQ: false,
    scale: 0,
    condP: new Float64Array(5 * 64),
    condQ: new Float64Array(5 * 64),
    conditionalReady: false,
  };
}

const EMPTY_PMF: CountPmf = { start: 0, probabilities: Float64Array.of(1) };

/** Fills dp, dq and w of an enumeration (S, A, B order). */
export function materialise(e: Enumeration): void {
  if (e.materialised) return;
  if (e.dp.length < e.n) {
    e.dp = new Float64Array(e.n);
    e.dq = new Float64Array(e.n);
    e.w = new Float64Array(e.n);
  }
  const { S, A, B, lp, lq, sObsP, sObsQ, lamS, lamA, lamB, cpS, cqS, cpA, cqB, scale } = e;
  let t = 0;
  for (let s = 0; s < S.probabilities.length; s++) {
    const ws = S.probabilities[s];
    const xs = S.start + s - lamS;
    for (let a = 0; a < A.probabilities.length; a++) {
      const wa = ws * A.probabilities[a];
      const dp = clamp(lp + cpS * xs + cpA * (A.start + a - lamA), scale) - sObsP;
      for (let b = 0; b < B.probabilities.length; b++) {
        e.dp[t] = dp;
        e.dq[t] = e.hasQ ? clamp(lq + cqS * xs + cqB * (B.start + b - lamB), scale) - sObsQ : 0;
        e.w[t] = wa * B.probabilities[b];
        t++;
      }
    }
  }
  e.materialised = true;
}

/**
 * Fills an enumeration's conditional moments: given S = s, s(p) depends on A only and s(q)
 * on B only, so they are independent and E[(x dp − y dq)^r | s] expands into their own
 * moments (O(|S| (|A| + |B|)) instead of the |S| |A| |B| joint values).
 */
export function conditionalMoments(e: Enumeration): void {
  if (e.conditionalReady) return;
  const { S, A, B, lp, lq, sObsP, sObsQ, lamS, lamA, lamB, cpS, cqS, cpA, cqB, scale, hasQ } = e;
  const nS = S.probabilities.length;
  if (e.condP.length < nS * 5) {
    e.condP = new Float64Array(nS * 5);
    e.condQ = new Float64Array(nS * 5);
  }
  for (let s = 0; s < nS; s++) {
    const xs = S.start + s - lamS;
    const at = s * 5;
    scoreMoments(A, lp + cpS * xs, cpA, lamA, scale, sObsP, e.condP, at);
    if (hasQ) scoreMoments(B, lq + cqS * xs, cqB, lamB, scale, sObsQ, e.condQ, at);
    else {
      // A level: s(q) does not enter (dq is 0).
      e.condQ.fill(0, at, at + 5);
      e.condQ[at] = 1;
    }
  }
  e.conditionalReady = true;
}

/**
 * The moments E[d^j], j = 0 … 4, of one month's capped score deviation d = clamp(base + c (N − λ),
 * scale) − observed, N of the pmf `pmf` (a window group's count, its mean λ), into out[at … at + 4].
 */
function scoreMoments(pmf: CountPmf, base: number, c: number, lam: number, scale: number, observed: number, out: Float64Array, at: number): void {
  const probabilities = pmf.probabilities;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let k = 0; k < probabilities.length; k++) {
    const w = probabilities[k];
    const d = clamp(base + c * (pmf.start + k - lam), scale) - observed;
    const d2 = d * d;
    m0 += w;
    m1 += w * d;
    m2 += w * d2;
    m3 += w * d2 * d;
    m4 += w * d2 * d2;
  }
  out[at] = 1;
  out[at + 1] = m1 / m0;
  out[at + 2] = m2 / m0;
  out[at + 3] = m3 / m0;
  out[at + 4] = m4 / m0;
}

/**
 * For `binBlocks`, of one month's score over the rows of S (its states at s × n + k, n the length
 * of `own`, the pmf of the month's own count): each row's chance that the score is capped at 0 and
 * at the scale (into out[caps + 2s], out[caps + 2s + 1]), and for each value k of its own count
 * the first and last rows that keep the score in range (out[ranges + 2k], out[ranges + 2k + 1]; the
 * first after the last where none does).
 */
function scanRows(states: Int8Array, own: Float64Array, rows: number, out: Float64Array, caps: number, ranges: number): void {
  const n = own.length;
  for (let k = 0; k < n; k++) {
    out[ranges + 2 * k] = rows;
    out[ranges + 2 * k + 1] = -1;
  }
  for (let s = 0; s < rows; s++) {
    let low = 0;
    let high = 0;
    for (let k = 0; k < n; k++) {
      const state = states[s * n + k];
      if (state < 0) low += own[k];
      else if (state > 0) high += own[k];
      else {
        if (s < out[ranges + 2 * k]) out[ranges + 2 * k] = s;
        out[ranges + 2 * k + 1] = s;
      }
    }
    out[caps + 2 * s] = low;
    out[caps + 2 * s + 1] = high;
  }
}

/**
 * The working arrays and the binning of enumerations (one per `latticeIntervals` call, on its
 * `ComponentGrid`): an enumeration's cumulants for the fast path, and its joint values binned.
 *
 * @example
 * const binner = new EnumerationBinner(new ComponentGrid(256));
 * // An empty slot: every count 0 with certainty, so s(p) − s(q) is 0.
 * Array.from(binner.cumulantsOf(emptyEnumeration(), 1, 1)); // [0, 0, 0, 0] (mean, variance, κ3, κ4)
 */
export class EnumerationBinner {
  private readonly grid: ComponentGrid;
  /** What `cumulantsOf` found last: mean, variance, third and fourth cumulants. */
  readonly cumulants = new Float64Array(4);
  // The binomial expansion's factors C(r, j) x^j (−y)^(r−j) of the figure in hand, at r × 5 + j; raw moments.
  private readonly expansion = new Float64Array(25);
  private readonly raw = new Float64Array(5);
  // binScaled's ep × s(p) deviations per (S, A) and eq × s(q) deviations per (S, B).
  private epGrid = new Float64Array(256);
  private eqGrid = new Float64Array(256);
  // The bins an enumeration's values fill, a bit each (often far fewer than the grid's up to 4,096 points).
  private occupied = new Uint32Array(0);
  // Per (S, A) and (S, B): whether the score is capped at 0 (−1), in range (0) or capped at the scale (1).
  private pState = new Int8Array(256);
  private qState = new Int8Array(256);
  // binBlocks' working values.
  private blockScratch = new Float64Array(512);

  constructor(grid: ComponentGrid) {
    this.grid = grid;
  }

  /** Mean, variance and third and fourth cumulants of x dp − y dq of an enumeration, into `cumulants` (which it returns). */
  cumulantsOf(e: Enumeration, x: number, y: number): Float64Array {
    const expansion = this.expansion;
    const raw = this.raw;
    const cumulantOut = this.cumulants;
    conditionalMoments(e);
    const Sp = e.S.probabilities;
    const { condP, condQ } = e;
    for (let r = 1; r <= 4; r++) for (let j = 0; j <= r; j++) expansion[r * 5 + j] = BINOMIAL[r][j] * x ** j * (-y) ** (r - j);
    for (let r = 0; r < 5; r++) raw[r] = 0;
    let total = 0;
    for (let s = 0; s < Sp.length; s++) {
      const w = Sp[s];
      total += w;
      const at = s * 5;
      for (let r = 1; r <= 4; r++) {
        let m = 0;
        for (let j = 0; j <= r; j++) m += expansion[r * 5 + j] * condP[at + j] * condQ[at + r - j];
        raw[r] += w * m;
      }
    }
    const m1 = raw[1] / total;
    const m2 = raw[2] / total;
    const m3 = raw[3] / total;
    const m4 = raw[4] / total;
    const mu2 = Math.max(0, m2 - m1 * m1);
    const mu3 = m3 - 3 * m1 * m2 + 2 * m1 * m1 * m1;
    const mu4 = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4;
    cumulantOut[0] = m1;
    cumulantOut[1] = mu2;
    cumulantOut[2] = mu3;
    cumulantOut[3] = mu4 - 3 * mu2 * mu2;
    return cumulantOut;
  }

  /**
   * target ← the joint values' ep s(p) − eq s(q), binned onto the grid (at least its resolution,
   * enough points for 1/SD_GRID of their sd): what `grid.convolve(target, unit, ep dp − eq dq, w, n)`
   * of the materialised values gives on a grid of as many points, equal up to rounding, without
   * materialising them. s(p) depends on (S, A) only and s(q) on (S, B) only, so each is computed
   * once per pair. Rounded products and differences are monotone in each argument, so per value of
   * S the range of ep dp − eq dq is (min ep dp − max eq dq, max ep dp − min eq dq). A change whose
   * shared months enter both scores alike (ep cpS = eq cqS, the usual one) is binned by blocks
   * (`binBlocks`); any other, pair by pair, in the grid's order (with ep = eq = 1 exactly as
   * `grid.convolve(target, unit, dp − dq, w, n)` bins dp − dq: 1 × x is x). Only the bins filled
   * are collected (`collectMarked`).
   */
  binScaled(target: Component, e: Enumeration, ep: number, eq: number): void {
    const grid = this.grid;
    const { S, A, B, lp, lq, sObsP, sObsQ, lamS, lamA, lamB, cpS, cqS, cpA, cqB, scale, hasQ } = e;
    const nS = S.probabilities.length;
    const nA = A.probabilities.length;
    const nB = B.probabilities.length;
    if (this.epGrid.length < nS * nA) this.epGrid = new Float64Array(nS * nA);
    if (this.eqGrid.length < nS * nB) this.eqGrid = new Float64Array(nS * nB);
    if (this.pState.length < nS * nA) this.pState = new Int8Array(nS * nA);
    if (this.qState.length < nS * nB) this.qState = new Int8Array(nS * nB);
    const epGrid = this.epGrid;
    const eqGrid = this.eqGrid;
    const pState = this.pState;
    const qState = this.qState;
    let bMin = Number.POSITIVE_INFINITY;
    let bMax = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < nS; s++) {
      const xs = S.start + s - lamS;
      let pMin = Number.POSITIVE_INFINITY;
      let pMax = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < nA; a++) {
        const l = lp + cpS * xs + cpA * (A.start + a - lamA);
        const x = ep * (clamp(l, scale) - sObsP);
        epGrid[s * nA + a] = x;
        pState[s * nA + a] = l < 0 ? -1 : l > scale ? 1 : 0;
        if (x < pMin) pMin = x;
        if (x > pMax) pMax = x;
      }
      let qMin = Number.POSITIVE_INFINITY;
      let qMax = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < nB; b++) {
        const l = lq + cqS * xs + cqB * (B.start + b - lamB);
        const y = eq * (hasQ ? clamp(l, scale) - sObsQ : 0);
        eqGrid[s * nB + b] = y;
        qState[s * nB + b] = l < 0 ? -1 : l > scale ? 1 : 0;
        if (y < qMin) qMin = y;
        if (y > qMax) qMax = y;
      }
      if (pMin - qMax < bMin) bMin = pMin - qMax;
      if (pMax - qMin > bMax) bMax = pMax - qMin;
    }
    const lo = 0 + bMin;
    const span = 0 + bMax - lo;
    // Enough grid points for 1/SD_GRID of its sd (at least the grid's resolution, at most its
    // enumerationBins): where a cap is in reach, the range spans capped values far beyond where most of its mass lies.
    const sdEnumerated = Math.sqrt(this.cumulantsOf(e, ep, eq)[1]);
    const bins = sdEnumerated > 0 ? Math.min(grid.enumerationBins, Math.max(grid.resolution, Math.ceil((span * SD_GRID) / sdEnumerated) + 1)) : grid.enumerationBins;
    grid.mass.fill(0, 0, bins);
    grid.moment.fill(0, 0, bins);
    const step = span > 0 ? span / (bins - 1) : 1;
    const Sp = S.probabilities;
    const Ap = A.probabilities;
    const Bp = B.probabilities;
    if (this.occupied.length < grid.enumerationBins >> 5) this.occupied = new Uint32Array((grid.enumerationBins >> 5) + 1);
    if (hasQ && nS > 1 && ep * cpS === eq * cqS) {
      // The shared months enter both scores alike: by blocks (where neither score is capped, the value does not depend on S).
      this.binBlocks(e, ep, eq, lo, step);
    } else {
      // Per value of S, the pairs (ep dp, P(S) P(A)) × (−eq dq, P(B)): x + (−y) is x − y.
      for (let s = 0; s < nS; s++) this.binRow(s, Sp[s], nA, nB, Ap, Bp, lo, step);
    }
    grid.collectMarked(target, this.occupied, bins);
  }

  /**
   * `binScaled`'s bins of a change whose shared months enter both scores alike (ep cpS = eq cqS),
   * by blocks instead of row by row (the grids and states filled, the bins empty). Where neither
   * score is capped, ep s(p) − eq s(q) does not depend on S (up to rounding): each pair (A, B) is
   * one value, whose probability is P(A) P(B) times that of the values of S that keep both scores
   * in range, an interval (a score is monotone in S), summed from S's cumulative probabilities.
   * Where one score is capped, the value depends on S and the other month's count only: a row's
   * chance of the cap, times each value of the other. Where both are, one of four values. So
   * |A| |B| + |S| (|A| + |B|) values are binned, not the |S| |A| |B| joint values (a lag-one change
   * of a capped 12-month rate: its 11 shared months' count, |S| up to about 90, against one month's).
   * Each bin it fills is marked in `occupied`.
   */
  private binBlocks(e: Enumeration, ep: number, eq: number, lo: number, step: number): void {
    const { S, A, B, lp, lq, sObsP, sObsQ, lamA, lamB, cpA, cqB, scale } = e;
    const Sp = S.probabilities;
    const Ap = A.probabilities;
    const Bp = B.probabilities;
    const nS = Sp.length;
    const nA = Ap.length;
    const nB = Bp.length;
    const { epGrid, eqGrid, pState, qState } = this;
    const size = nS + 1 + 4 * nS + 2 * nA + 2 * nB;
    if (this.blockScratch.length < size) this.blockScratch = new Float64Array(2 * size);
    const scratch = this.blockScratch;
    // S's cumulative probabilities; per row, the chance that s(p) (then s(q)) is capped at 0 and
    // at the scale; per value of A (then B), the first and last rows that keep its score in range.
    const cumulative = 0;
    const capP = nS + 1;
    const capQ = capP + 2 * nS;
    const rangeA = capQ + 2 * nS;
    const rangeB = rangeA + 2 * nA;
    scratch[cumulative] = 0;
    for (let s = 0; s < nS; s++) scratch[cumulative + s + 1] = scratch[cumulative + s] + Sp[s];
    scanRows(pState, Ap, nS, scratch, capP, rangeA);
    scanRows(qState, Bp, nS, scratch, capQ, rangeB);
    const deposit = (v: number, w: number): void => this.deposit(v, w, lo, step);
    // Neither capped: ep (lp + cpA (A − λA) − sObsP) − eq (lq + cqB (B − λB) − sObsQ), the shared months cancelling.
    for (let a = 0; a < nA; a++) {
      const aFirst = scratch[rangeA + 2 * a];
      const aLast = scratch[rangeA + 2 * a + 1];
      if (aFirst > aLast) continue;
      const x = ep * (lp + cpA * (A.start + a - lamA) - sObsP);
      for (let b = 0; b < nB; b++) {
        const from = Math.max(aFirst, scratch[rangeB + 2 * b]);
        const to = Math.min(aLast, scratch[rangeB + 2 * b + 1]);
        if (from > to) continue;
        const w = Ap[a] * Bp[b] * (scratch[cumulative + to + 1] - scratch[cumulative + from]);
        if (w > 0) deposit(x - eq * (lq + cqB * (B.start + b - lamB) - sObsQ), w);
      }
    }
    const pLow = ep * (0 - sObsP);
    const pHigh = ep * (scale - sObsP);
    const qLow = eq * (0 - sObsQ);
    const qHigh = eq * (scale - sObsQ);
    let lowLow = 0;
    let lowHigh = 0;
    let highLow = 0;
    let highHigh = 0;
    for (let s = 0; s < nS; s++) {
      const ws = Sp[s];
      const pl = scratch[capP + 2 * s];
      const ph = scratch[capP + 2 * s + 1];
      const ql = scratch[capQ + 2 * s];
      const qh = scratch[capQ + 2 * s + 1];
      // s(p) in range, s(q) capped.
      if (ql > 0 || qh > 0) {
        for (let a = 0; a < nA; a++) {
          if (pState[s * nA + a] !== 0) continue;
          const w = ws * Ap[a];
          const x = epGrid[s * nA + a];
          if (ql > 0) deposit(x - qLow, w * ql);
          if (qh > 0) deposit(x - qHigh, w * qh);
        }
      }
      // s(p) capped, s(q) in range.
      if (pl > 0 || ph > 0) {
        for (let b = 0; b < nB; b++) {
          if (qState[s * nB + b] !== 0) continue;
          const w = ws * Bp[b];
          const y = eqGrid[s * nB + b];
          if (pl > 0) deposit(pLow - y, w * pl);
          if (ph > 0) deposit(pHigh - y, w * ph);
        }
      }
      lowLow += ws * pl * ql;
      lowHigh += ws * pl * qh;
      highLow += ws * ph * ql;
      highHigh += ws * ph * qh;
    }
    if (lowLow > 0) deposit(pLow - qLow, lowLow);
    if (lowHigh > 0) deposit(pLow - qHigh, lowHigh);
    if (highLow > 0) deposit(pHigh - qLow, highLow);
    if (highHigh > 0) deposit(pHigh - qHigh, highHigh);
  }

  /** Bins row s of binScaled's grids: the pairs (ep dp, weight P(A)) × (−eq dq, P(B)), in the order of the grid's `binPairs`. */
  private binRow(s: number, weight: number, nA: number, nB: number, Ap: Float64Array, Bp: Float64Array, lo: number, step: number): void {
    const { epGrid, eqGrid } = this;
    for (let a = 0; a < nA; a++) {
      const x = epGrid[s * nA + a];
      const wa = weight * Ap[a];
      if (wa === 0) continue;
      for (let b = 0; b < nB; b++) this.deposit(x - eqGrid[s * nB + b], wa * Bp[b], lo, step);
    }
  }

  /** Adds value v of probability w to its bin (from `lo` by `step`: mass, and w v), marking the bin in `occupied` when it is first filled. */
  private deposit(v: number, w: number, lo: number, step: number): void {
    const { mass, moment } = this.grid;
    const bin = Math.round((v - lo) / step);
    if (mass[bin] === 0) this.occupied[bin >> 5] |= 1 << (bin & 31);
    mass[bin] += w;
    moment[bin] += w * v;
  }
}
