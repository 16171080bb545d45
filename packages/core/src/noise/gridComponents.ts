import type { CountPmf } from './countPmf.ts';

/**
 * A discrete distribution being built by `latticeIntervals`: its first `n` atoms, values ascending,
 * with their probabilities, and its mean and variance once `componentMoments` has run. The arrays
 * are reused from figure to figure (they may be longer than `n`).
 */
export interface Component {
  values: Float64Array;
  probabilities: Float64Array;
  n: number;
  mean: number;
  variance: number;
}

/**
 * Sums of fewer atoms than this are kept exactly (sorted, equal values merged); more are binned
 * onto the grid's points.
 */
export const EXACT_ATOMS = 64;

/**
 * An empty component with room for `capacity` atoms.
 *
 * @example
 * const c = emptyComponent(8);
 * [c.n, c.values.length]; // [0, 8]
 */
export function emptyComponent(capacity = 64): Component {
  return { values: new Float64Array(capacity), probabilities: new Float64Array(capacity), n: 0, mean: 0, variance: 0 };
}

/**
 * Gives c room for n atoms: new arrays where it has fewer (what it held is not kept).
 *
 * @example
 * const c = emptyComponent(2);
 * ensureCapacity(c, 5);
 * c.values.length; // 5
 */
export function ensureCapacity(c: Component, n: number): void {
  if (c.values.length < n) {
    c.values = new Float64Array(n);
    c.probabilities = new Float64Array(n);
  }
}

/**
 * Sets c's mean and variance from its atoms (the variance by E[X²] − E[X]², at least 0).
 *
 * @example
 * const c = { values: Float64Array.of(-1, 1), probabilities: Float64Array.of(0.5, 0.5), n: 2, mean: 0, variance: 0 };
 * componentMoments(c);
 * [c.mean, c.variance]; // [0, 1]
 */
export function componentMoments(c: Component): void {
  let m1 = 0;
  let m2 = 0;
  for (let k = 0; k < c.n; k++) {
    m1 += c.probabilities[k] * c.values[k];
    m2 += c.probabilities[k] * c.values[k] * c.values[k];
  }
  c.mean = m1;
  c.variance = Math.max(0, m2 - m1 * m1);
}

/**
 * Folds c's tails beyond 1e-9 each side into the outermost atom kept (far beyond any quantile
 * published; a long negative binomial tail would otherwise multiply every convolution's atoms).
 *
 * @example
 * const c = { values: Float64Array.of(0, 1, 2), probabilities: Float64Array.of(1e-12, 0.5, 0.5 - 1e-12), n: 3, mean: 0, variance: 0 };
 * trimTails(c);
 * [c.n, c.values[0], c.probabilities[0]]; // [2, 1, 0.500000000001]
 */
export function trimTails(c: Component): void {
  let first = 0;
  let below = 0;
  while (first < c.n - 1 && below + c.probabilities[first] < 1e-9) below += c.probabilities[first++];
  let last = c.n - 1;
  let above = 0;
  while (last > first && above + c.probabilities[last] < 1e-9) above += c.probabilities[last--];
  if (first > 0 || last < c.n - 1) {
    c.probabilities[first] += below;
    c.probabilities[last] += above;
    c.values.copyWithin(0, first, last + 1);
    c.probabilities.copyWithin(0, first, last + 1);
    c.n = last - first + 1;
  }
}

/**
 * target ← source's atoms scaled by `scale` (> 0, so they stay ascending), probabilities as they are.
 *
 * @example
 * const t = emptyComponent(2);
 * scaleInto(t, { values: Float64Array.of(1, 2), probabilities: Float64Array.of(0.5, 0.5), n: 2, mean: 0, variance: 0 }, 3);
 * Array.from(t.values); // [3, 6]
 */
export function scaleInto(target: Component, source: Component, scale: number): void {
  ensureCapacity(target, source.n);
  for (let t = 0; t < source.n; t++) {
    target.values[t] = scale * source.values[t];
    target.probabilities[t] = source.probabilities[t];
  }
  target.n = source.n;
}

/**
 * Adds every pair (x, y) of two sets of atoms into the bins of a grid from `lo` by `step`: the
 * pair's probability wa wb into `mass`, and wa wb (va + vb) into `moment`, pairs in the order
 * x, then y. A function of the module, its arrays passed in: the hot loop of the convolutions.
 */
export function binPairs(
  aValues: Float64Array,
  aProbabilities: Float64Array,
  an: number,
  bValues: Float64Array,
  bProbabilities: Float64Array,
  bn: number,
  lo: number,
  step: number,
  mass: Float64Array,
  moment: Float64Array,
): void {
  for (let x = 0; x < an; x++) {
    const va = aValues[x];
    const wa = aProbabilities[x];
    if (wa === 0) continue;
    // Two pairs at a time, added in order (the same sums): their divisions and roundings overlap.
    let y = 0;
    for (; y + 1 < bn; y += 2) {
      const v1 = va + bValues[y];
      const v2 = va + bValues[y + 1];
      const w1 = wa * bProbabilities[y];
      const w2 = wa * bProbabilities[y + 1];
      const bin1 = Math.round((v1 - lo) / step);
      const bin2 = Math.round((v2 - lo) / step);
      mass[bin1] += w1;
      moment[bin1] += w1 * v1;
      mass[bin2] += w2;
      moment[bin2] += w2 * v2;
    }
    if (y < bn) {
      const v = va + bValues[y];
      const w = wa * bProbabilities[y];
      const bin = Math.round((v - lo) / step);
      mass[bin] += w;
      moment[bin] += w * v;
    }
  }
}

/**
 * The binning and convolution of components on a grid of at most `resolution` points, with the
 * working arrays they share (one per `latticeIntervals` call). Binning puts atoms onto evenly spaced
 * points over their range, each bin's mass at its atoms' mean: the mean is kept exactly, and no
 * atom moves by more than range / (points − 1). The bins hold up to 16 × `resolution` points, for
 * the enumerations of capped scores, whose range spans capped values far beyond where their mass lies.
 *
 * @example
 * const grid = new ComponentGrid(256);
 * const c = emptyComponent();
 * grid.addLattice(c, 1, { start: 0, probabilities: Float64Array.of(0.5, 0.5) }, 0.5); // a fair coin − ½
 * grid.addLattice(c, -1, { start: 0, probabilities: Float64Array.of(0.5, 0.5) }, 0.5); // minus another
 * [Array.from(c.values.subarray(0, c.n)), Array.from(c.probabilities.subarray(0, c.n))]; // [[-1, 0, 1], [0.25, 0.5, 0.25]]
 */
export class ComponentGrid {
  /** The most points of a figure's discrete part. */
  readonly resolution: number;
  /** The most points a component is binned onto before it is convolved with others (a quarter of `resolution`). */
  readonly componentAtoms: number;
  /** The most points of an enumeration's bins. */
  readonly enumerationBins: number;
  /** Per bin: the probability, Σ w v and Σ w v² of the atoms in it (filled by the caller or by the methods below). */
  readonly mass: Float64Array;
  readonly moment: Float64Array;
  private readonly square: Float64Array;
  // `addLattice`'s new atoms and its copy of the component it adds to; `coarsen`'s binned atoms.
  private readonly incoming: Component;
  private readonly addend: Component;
  private readonly coarse: Component;

  constructor(resolution: number) {
    this.resolution = resolution;
    this.componentAtoms = Math.max(2, Math.round(resolution / 4));
    this.enumerationBins = 16 * resolution;
    this.mass = new Float64Array(this.enumerationBins);
    this.moment = new Float64Array(this.enumerationBins);
    this.square = new Float64Array(this.enumerationBins);
    this.incoming = emptyComponent(resolution);
    this.addend = emptyComponent(resolution);
    this.coarse = emptyComponent(resolution);
  }

  /** target ← the non-empty bins among the first `bins` of `mass` / `moment`, each at its atoms' mean. */
  collect(target: Component, bins: number): void {
    ensureCapacity(target, bins);
    const mass = this.mass;
    const moment = this.moment;
    let n = 0;
    for (let bin = 0; bin < bins; bin++) {
      if (mass[bin] === 0) continue;
      target.values[n] = moment[bin] / mass[bin];
      target.probabilities[n] = mass[bin];
      n++;
    }
    target.n = n;
  }

  /**
   * `collect` of the bins marked in `occupied` (a bit per bin, bin b at word b >> 5, bit b & 31),
   * clearing the marks: the same atoms, without walking every bin where few are filled.
   */
  collectMarked(target: Component, occupied: Uint32Array, bins: number): void {
    ensureCapacity(target, bins);
    const mass = this.mass;
    const moment = this.moment;
    let n = 0;
    const words = (bins + 31) >> 5;
    for (let word = 0; word < words; word++) {
      let bits = occupied[word];
      if (bits === 0) continue;
      occupied[word] = 0;
      while (bits !== 0) {
        const lowest = bits & -bits;
        const bin = (word << 5) + 31 - Math.clz32(lowest);
        bits ^= lowest;
        if (mass[bin] === 0) continue;
        target.values[n] = moment[bin] / mass[bin];
        target.probabilities[n] = mass[bin];
        n++;
      }
    }
    target.n = n;
  }

  /** target ← a ⊕ b (the distribution of the sum of independent a and b), binned when it has more than EXACT_ATOMS atoms. */
  convolve(target: Component, a: Component, bValues: Float64Array, bProbabilities: Float64Array, bn: number): void {
    let bMin = Number.POSITIVE_INFINITY;
    let bMax = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < bn; k++) {
      if (bValues[k] < bMin) bMin = bValues[k];
      if (bValues[k] > bMax) bMax = bValues[k];
    }
    let aMin = Number.POSITIVE_INFINITY;
    let aMax = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < a.n; k++) {
      if (a.values[k] < aMin) aMin = a.values[k];
      if (a.values[k] > aMax) aMax = a.values[k];
    }
    const m = a.n * bn;
    if (m <= EXACT_ATOMS) {
      // Few atoms: every sum, sorted (insertion sort: runs of a are sorted), equal values merged.
      ensureCapacity(target, m);
      const tv = target.values;
      const tp = target.probabilities;
      let n = 0;
      for (let y = 0; y < bn; y++) {
        for (let x = 0; x < a.n; x++) {
          const v = a.values[x] + bValues[y];
          const w = a.probabilities[x] * bProbabilities[y];
          let j = n - 1;
          while (j >= 0 && tv[j] > v) {
            tv[j + 1] = tv[j];
            tp[j + 1] = tp[j];
            j--;
          }
          if (j >= 0 && v - tv[j] <= 1e-12 * (1 + Math.abs(v))) {
            // Equal to its left neighbour: merge (and close the gap opened for it).
            tp[j] += w;
            for (let t = j + 1; t < n; t++) {
              tv[t] = tv[t + 1];
              tp[t] = tp[t + 1];
            }
            continue;
          }
          tv[j + 1] = v;
          tp[j + 1] = w;
          n++;
        }
      }
      target.n = n;
      return;
    }
    const lo = aMin + bMin;
    const span = aMax + bMax - lo;
    const bins = this.resolution;
    this.mass.fill(0, 0, bins);
    this.moment.fill(0, 0, bins);
    const step = span > 0 ? span / (bins - 1) : 1;
    binPairs(a.values, a.probabilities, a.n, bValues, bProbabilities, bn, lo, step, this.mass, this.moment);
    this.collect(target, bins);
  }

  /**
   * Bins n sorted atoms onto `bins` grid points over their range (into target). With `within`,
   * returns the variance the atoms had within their bins (Σ over bins of mass × variance), else 0.
   */
  binTo(bins: number, values: Float64Array, probabilities: Float64Array, n: number, target: Component, within = false): number {
    const mass = this.mass;
    const moment = this.moment;
    const square = this.square;
    const lo = values[0];
    const step = (values[n - 1] - lo) / (bins - 1);
    mass.fill(0, 0, bins);
    moment.fill(0, 0, bins);
    if (within) square.fill(0, 0, bins);
    for (let k = 0; k < n; k++) {
      const bin = Math.round((values[k] - lo) / step);
      mass[bin] += probabilities[k];
      moment[bin] += probabilities[k] * values[k];
      if (within) square[bin] += probabilities[k] * values[k] * values[k];
    }
    let spread = 0;
    if (within) {
      for (let bin = 0; bin < bins; bin++) {
        const w = mass[bin];
        if (w > 0) spread += Math.max(0, square[bin] - (moment[bin] * moment[bin]) / w);
      }
    }
    this.collect(target, bins);
    return spread;
  }

  /** Bins a component onto `componentAtoms` points before it is convolved with the others. */
  coarsen(c: Component): void {
    if (c.n <= this.componentAtoms) return;
    const coarse = this.coarse;
    this.binTo(this.componentAtoms, c.values, c.probabilities, c.n, coarse);
    ensureCapacity(c, coarse.n);
    c.values.set(coarse.values.subarray(0, coarse.n));
    c.probabilities.set(coarse.probabilities.subarray(0, coarse.n));
    c.n = coarse.n;
  }

  /** A count group's deviation d (N − λ), N of pmf `pmf`, added to component c (c.n = 0: c becomes it). */
  addLattice(c: Component, d: number, pmf: CountPmf, lam: number): void {
    const n = pmf.probabilities.length;
    if (c.n === 0) {
      // Ascending values: reversed when d < 0.
      ensureCapacity(c, n);
      for (let k = 0; k < n; k++) {
        const at = d < 0 ? n - 1 - k : k;
        c.values[at] = d * (pmf.start + k - lam);
        c.probabilities[at] = pmf.probabilities[k];
      }
      c.n = n;
      return;
    }
    const incoming = this.incoming;
    const addend = this.addend;
    ensureCapacity(incoming, n);
    for (let k = 0; k < n; k++) {
      incoming.values[k] = d * (pmf.start + k - lam);
      incoming.probabilities[k] = pmf.probabilities[k];
    }
    ensureCapacity(addend, c.n);
    addend.values.set(c.values.subarray(0, c.n));
    addend.probabilities.set(c.probabilities.subarray(0, c.n));
    addend.n = c.n;
    this.convolve(c, addend, incoming.values, incoming.probabilities, n);
  }
}
