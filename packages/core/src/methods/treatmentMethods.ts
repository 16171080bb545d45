import type { TreatmentSpec } from '../framework/methods.ts';
import { passesSkewKurt } from '../treat/checkSkewKurt.ts';
import { momentsFromSum, momentsInto, skewOf, type CentralMoments } from '../treat/centralMoments.ts';

/** COINr's default thresholds, for reporting whether a column left untreated by its spec would pass. */
const COINR_THRESHOLDS = { skewThreshold: 2, kurtosisThreshold: 3.5 };

/** `marks` bits: in the last set winsorised at the top, at the bottom. */
const HIGH = 1;
const LOW = 2;

/**
 * What a treatment kernel works in and reports into, made once for a
 * column length and reused for every column (so a kernel allocates
 * nothing). After a call, `out[i]` is the treated value wherever
 * `marks[i] !== 0` (the positions `treatColumn` lists as `changed`); the
 * other fields are `treatColumn`'s report.
 */
export interface TreatmentWork {
  readonly out: Float64Array;
  readonly marks: Uint8Array;
  method: 'none' | 'winsorised' | 'log';
  winsorisedHigh: number;
  winsorisedLow: number;
  skewBefore: number;
  kurtBefore: number;
  skewAfter: number;
  kurtAfter: number;
  passed: boolean | null;
  /**
   * Whether the report fields are all wanted (`treat`'s report). A
   * replication wants only the treated column: then the skew, the one
   * moment with a power, is worked out only where the check needs it (the
   * kurtosis alone passes a column), and the report's skews are `NaN` there.
   */
  readonly report: boolean;
  /** Scratch for the moments of the column being checked. */
  readonly moments: CentralMoments & { skew: number };
  /** Scratch of a winsorised tail's two highest values (see `twoHighest`). */
  readonly top: Float64Array;
  /**
   * Set by a caller that has put the next column's moments in `moments`
   * (as `momentsInto` finds them: see `momentsOfTwoInto`); the kernel then
   * takes them instead of measuring the column, and clears it.
   */
  measured: boolean;
}

/**
 * A treatment kernel's working space for columns of `length` values, with
 * every report field (`report`, the default) or only the treated column.
 *
 * @example
 * const work = treatmentWork(51);
 * work.out.length; // 51
 */
export function treatmentWork(length: number, report = true): TreatmentWork {
  return {
    out: new Float64Array(length),
    marks: new Uint8Array(length),
    method: 'none',
    winsorisedHigh: 0,
    winsorisedLow: 0,
    skewBefore: Number.NaN,
    kurtBefore: Number.NaN,
    skewAfter: Number.NaN,
    kurtAfter: Number.NaN,
    passed: null,
    report,
    moments: { n: 0, m2: Number.NaN, m3: Number.NaN, kurt: Number.NaN, skew: Number.NaN },
    top: new Float64Array(2),
    measured: false,
  };
}

/**
 * The float kernel of a treatment: treats the first `n` values of `x` (not
 * written; `NaN` ignored and kept) into `work` (see `TreatmentWork`).
 */
export type FloatTreater<S> = (x: Float64Array, n: number, spec: S, work: TreatmentWork) => void;

/**
 * One outlier-treatment method, COINr-style (`f1 = "winsorise"`): its float
 * kernel. `treat` and the replications of the uncertainty and sensitivity
 * analyses read it here; its option schema is the member of `TreatmentSpec`
 * in `framework/methods.ts`.
 */
export interface TreatmentMethod<M extends TreatmentSpec['method']> {
  readonly float: FloatTreater<Extract<TreatmentSpec, { method: M }>>;
}

/** Writes the column's report into the work. */
function settle(work: TreatmentWork, method: TreatmentWork['method'], high: number, low: number, skewAfter: number, kurtAfter: number, passed: boolean | null): void {
  work.method = method;
  work.winsorisedHigh = high;
  work.winsorisedLow = low;
  work.skewAfter = skewAfter;
  work.kurtAfter = kurtAfter;
  work.passed = passed;
}

/** The report of a column returned as it was (no marks). */
function untreated(work: TreatmentWork, n: number, passed: boolean | null): void {
  work.marks.fill(0, 0, n);
  settle(work, 'none', 0, 0, work.skewBefore, work.kurtBefore, passed);
}

/**
 * The skew and kurtosis of the first `n` values of `x` into `work.moments`
 * (as `skewAndKurtosisInto`); without `work.report`, the skew only where
 * `thresholds`' check needs it (a kurtosis below its threshold passes
 * whatever the skew), else `NaN`.
 */
function measure(x: Float64Array, n: number, thresholds: { readonly kurtosisThreshold: number }, work: TreatmentWork): void {
  momentsInto(x, n, work.moments);
  skewWhereNeeded(thresholds, work);
}

/** The skew of `work.moments`, found (see `measure`). */
function skewWhereNeeded(thresholds: { readonly kurtosisThreshold: number }, work: TreatmentWork): void {
  const moments = work.moments;
  moments.skew = work.report || !(moments.kurt < thresholds.kurtosisThreshold) ? skewOf(moments) : Number.NaN;
}

/** The moments of the column before treatment (measured, unless the caller has: see `TreatmentWork.measured`), into the report. */
function momentsBefore(x: Float64Array, n: number, thresholds: { readonly kurtosisThreshold: number }, work: TreatmentWork): void {
  if (work.measured) {
    work.measured = false;
    skewWhereNeeded(thresholds, work);
  } else measure(x, n, thresholds, work);
  work.skewBefore = work.moments.skew;
  work.kurtBefore = work.moments.kurt;
}

/**
 * COINr's `winsorise()` in `work.out` (as `winsorise`): while the column
 * fails the check and fewer than `winmax` points are winsorised, the tied
 * highest (skew ≥ 0) or lowest values take the next value in. Returns the
 * check of the result (`null`: undefined); `work.moments` holds its moments.
 * `work.skewBefore` and `work.kurtBefore` must be those of `x`.
 *
 * A round knows its tail's extreme and next value before it starts (a new
 * tail's two are found in one pass, `twoHighest`; on the same tail they are
 * the last round's next value and the highest value below it, found while
 * writing), so it marks, writes and adds up the column in one pass where
 * `winsorise` makes three: the same values, marks and sums.
 */
function winsoriseInto(x: Float64Array, n: number, spec: Extract<TreatmentSpec, { method: 'winsorise' }>, work: TreatmentWork): boolean | null {
  const { out, marks, moments } = work;
  for (let i = 0; i < n; i++) {
    out[i] = x[i];
    marks[i] = 0;
  }
  // The copy's moments are the column's, found before (`winsorise` finds them again; the same numbers).
  moments.skew = work.skewBefore;
  moments.kurt = work.kurtBefore;
  let pass = passesSkewKurt(moments.skew, moments.kurt, spec);
  let highCount = 0;
  let lowCount = 0;
  // The tail of the last round, and (times its sign) the tail's present extreme and the highest value below it.
  let lastSign = 0;
  let extreme = Number.NEGATIVE_INFINITY;
  let next = Number.NEGATIVE_INFINITY;
  while (pass === false && highCount + lowCount < spec.winmax) {
    // One loop for both tails: with sign = −1 the lowest values are the "largest" (negation is exact, so ties stay ties).
    const sign = moments.skew >= 0 ? 1 : -1;
    const bit = sign > 0 ? HIGH : LOW;
    if (sign !== lastSign) {
      twoHighest(out, n, sign, work.top);
      extreme = work.top[0];
      next = work.top[1];
    }
    const written = sign * next;
    // The highest value below `next`: the next round's next value on this tail (the values written equal `next`).
    let below = Number.NEGATIVE_INFINITY;
    let count = 0;
    let sum = 0;
    let present = 0;
    for (let i = 0; i < n; i++) {
      const v = sign * out[i];
      if (v === extreme) {
        marks[i] |= bit;
        count++;
        out[i] = written;
      } else {
        marks[i] &= ~bit;
        if (v < next && v > below) below = v;
      }
      // The moments' first pass: the present values added up in order.
      const w = out[i];
      if (w === w) {
        sum += w;
        present++;
      }
    }
    lastSign = sign;
    extreme = next;
    next = below;
    if (sign > 0) highCount = count;
    else lowCount = count;
    momentsFromSum(out, n, sum, present, moments);
    skewWhereNeeded(spec, work);
    pass = passesSkewKurt(moments.skew, moments.kurt, spec);
  }
  return pass;
}

/**
 * Into `top`, the highest of the first `n` values of `sign × x` and the
 * highest of those unequal to it (each `-Infinity` when there is none), as
 * `winsorise`'s two passes find them (the first of tied values, so that
 * the sign of a zero is theirs): in one pass.
 *
 * @example
 * const top = new Float64Array(2);
 * twoHighest(Float64Array.of(3, 9, NaN, 9, 4), 5, 1, top); // top [9, 4]
 * twoHighest(Float64Array.of(3, 9, NaN, 9, 4), 5, -1, top); // top [-3, -4]
 */
export function twoHighest(x: Float64Array, n: number, sign: number, top: Float64Array): void {
  let highest = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = sign * x[i];
    if (v > highest) {
      // Every value before is at most the old highest, so below the new one.
      second = highest;
      highest = v;
    } else if (v !== highest && v > second) second = v;
  }
  top[0] = highest;
  top[1] = second;
}

/**
 * COINr's `log_CT()` of `x` into `work.out` (as `logCT`), each present
 * result marked, and its moments into `work.moments` (as `measure`): the
 * logs are added up as they are written, so that the moments' first pass
 * and the marking need no passes of their own.
 */
function logCTInto(x: Float64Array, n: number, thresholds: { readonly kurtosisThreshold: number }, work: TreatmentWork): void {
  const { out, marks } = work;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const a = 0.01 * (max - min);
  let sum = 0;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.log(x[i] - min + a);
    out[i] = w;
    if (w === w) {
      sum += w;
      present++;
      marks[i] = HIGH;
    } else marks[i] = 0;
  }
  momentsFromSum(out, n, sum, present, work.moments);
  skewWhereNeeded(thresholds, work);
}

/** COINr's default `Treat()` of one column (see `treatColumn`, which this equals value for value). */
const winsoriseThenLog: FloatTreater<Extract<TreatmentSpec, { method: 'winsorise' }>> = (x, n, spec, work) => {
  momentsBefore(x, n, spec, work);
  const pass0 = passesSkewKurt(work.skewBefore, work.kurtBefore, spec);
  if (pass0 !== false) return untreated(work, n, pass0);
  const passed = winsoriseInto(x, n, spec, work);
  if (passed === null) return untreated(work, n, null);
  const { marks, moments } = work;
  if (passed || spec.fallback === 'none') {
    // COINr marks winhi, then winlo: a point in both sets counts as low.
    let high = 0;
    let low = 0;
    for (let i = 0; i < n; i++) {
      if (marks[i] & LOW) low++;
      else if (marks[i] & HIGH) high++;
    }
    return settle(work, high + low > 0 ? 'winsorised' : 'none', high, low, moments.skew, moments.kurt, passed);
  }
  logCTInto(x, n, spec, work);
  const logPassed = passesSkewKurt(moments.skew, moments.kurt, spec);
  if (logPassed === null) return untreated(work, n, null);
  settle(work, 'log', 0, 0, moments.skew, moments.kurt, logPassed);
};

/**
 * Every treatment method's record (see `TreatmentMethod`).
 *
 * @example
 * const work = treatmentWork(11);
 * const spec = { method: 'winsorise', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5, fallback: 'log' } as const;
 * treatmentMethods.winsorise.float(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]), 11, spec, work);
 * work.method; // 'winsorised'; work.marks[10] !== 0, work.out[10] === 10
 */
export const treatmentMethods: { readonly [M in TreatmentSpec['method']]: TreatmentMethod<M> } = {
  none: {
    float: (x, n, _spec, work) => {
      momentsBefore(x, n, COINR_THRESHOLDS, work);
      untreated(work, n, passesSkewKurt(work.skewBefore, work.kurtBefore, COINR_THRESHOLDS));
    },
  },
  winsorise: { float: winsoriseThenLog },
};

/**
 * Whether a column of these moments passes `spec`'s check on its kurtosis
 * alone (COINr's check passes when the kurtosis is below its threshold,
 * whatever the skew), so that the kernel would return it as it is, with
 * no marks: a caller that measured the column can leave it alone.
 *
 * @example
 * const spec = { method: 'winsorise', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5, fallback: 'log' } as const;
 * passesOnKurtosis({ n: 4, m2: 50, m3: 180, kurt: 3.228 }, spec); // true
 * passesOnKurtosis({ n: 4, m2: 50, m3: 180, kurt: Number.NaN }, spec); // false: the kernel decides
 */
export function passesOnKurtosis(moments: CentralMoments, spec: TreatmentSpec): boolean {
  return spec.method === 'winsorise' && moments.kurt < spec.kurtosisThreshold;
}

/**
 * Hands the kernel the moments of the column it treats next, measured by
 * the caller (as `momentsInto` finds them, e.g. two columns at once with
 * `momentsOfTwoInto`): the next call takes them instead of measuring the
 * column (see `TreatmentWork.measured`).
 *
 * @example
 * const work = treatmentWork(4);
 * measuredBefore(work, { n: 4, m2: 50, m3: 180, kurt: 3.228 });
 * work.measured; // true: the next treatInto on this work uses these moments
 */
export function measuredBefore(work: TreatmentWork, moments: CentralMoments): void {
  work.moments.n = moments.n;
  work.moments.m2 = moments.m2;
  work.moments.m3 = moments.m3;
  work.moments.kurt = moments.kurt;
  work.measured = true;
}

/**
 * The float kernel of a spec's method, applied (the one dispatch over
 * treatment methods).
 *
 * @example
 * const work = treatmentWork(3);
 * treatInto(new Float64Array([1, 2, 3]), 3, { method: 'none' }, work);
 * work.method; // 'none'
 */
export function treatInto(x: Float64Array, n: number, spec: TreatmentSpec, work: TreatmentWork): void {
  (treatmentMethods[spec.method].float as FloatTreater<TreatmentSpec>)(x, n, spec, work);
}
