import type { AggregateNode, Framework, IndicatorNode } from '../framework/defineFramework.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import { aggregationMethods } from '../methods/aggregationMethods.ts';
import { normalisationMethods } from '../methods/normalisationMethods.ts';
import { Flag } from '../panel/flags.ts';
import { selectPeriods } from '../panel/panel.ts';
import { add, div, exp, inputError, ln, mul, out, publishedInteger, publishedText, sqrt, sub } from './boundedFloat.ts';
import { roundHalfUp } from './decimal.ts';
import type { ExactPanel } from './exactPanel.ts';
import { exactBlock } from './exactParts.ts';
import { exactAt } from './packedExact.ts';
import { buildExact, poolsPeriods, windowReach, type ExactSource } from './publish.ts';

/**
 * The published values of a build: every indicator score and aggregate
 * rounded half up to `decimals`, as `roundHalfUp` writes the cells of
 * `buildExact(result)`, byte for byte. Laid out as `result.aggregated`
 * (cell `(p * units.length + u) * codes.length + c`).
 */
export interface PublishedValues {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  /** The indicators, then the aggregates, as `result.aggregated.codes`. */
  readonly codes: readonly string[];
  readonly decimals: number;
  /** Each value × 10^decimals, an integer; NaN where the value is missing. Read texts with `publishedAt`. */
  readonly scaled: Float64Array;
  /** Texts too long for `scaled` (beyond 2⁵⁰), by cell; almost always empty. */
  readonly texts: ReadonlyMap<number, string>;
  /** How the values were settled: how many cells needed the decimal path, and over what. */
  readonly fallback: {
    /** Cells whose rounding the float bound left ambiguous. */
    readonly cells: number;
    /** Periods recomputed in decimal (with the earlier periods their windows read). */
    readonly periods: number;
    /** Why the whole build ran in decimal, or null when it did not. */
    readonly whole: string | null;
  };
}

/**
 * Cell `i` of published values as its text, or null when missing.
 *
 * @example
 * publishedAt(publishValues(result), 0); // e.g. '87.25'
 */
export function publishedAt(values: PublishedValues, i: number): string | null {
  const text = values.texts.get(i);
  if (text !== undefined) return text;
  const k = values.scaled[i];
  return Number.isNaN(k) ? null : publishedText(k, values.decimals);
}


/** Why a framework's published values cannot come from the float bound, or null when they can. */
function unboundedReason(framework: Framework): string | null {
  for (const code of framework.indicators) {
    const method = (framework.byCode.get(code) as IndicatorNode).normalisation.method;
    // Each method's record says whether its scores have a float bound here; the others (ranks) run in decimal.
    if (!normalisationMethods[method].bounded) return `indicator "${code}" is scored by ${method}, which has no float bound`;
  }
  for (const code of framework.aggregates) {
    const method = (framework.byCode.get(code) as AggregateNode).aggregation.method;
    if (!aggregationMethods[method].bounded) return `aggregate "${code}" uses the ${method} mean, which has no float bound`;
  }
  return null;
}

/**
 * The published values of a build (every score and aggregate rounded to
 * the framework's decimals), byte for byte those of `buildExact(result)`,
 * at nearly the speed of float64: each cell is computed in float64 with a
 * rigorous bound on its distance from the decimal path's value (see
 * `boundedFloat.ts`); where every value within the bound rounds to the same
 * text, that text is the decimal path's too. The cells whose bound holds a
 * rounding tie are settled by the decimal path: the periods that hold them
 * (with the earlier periods their windows read), or the whole build when a
 * step pools periods. Ranks, Copeland and generalised means have no float
 * bound here; a framework with them runs wholly in decimal
 * (`fallback.whole` says why).
 *
 * @example
 * const published = publishValues(buildIndex(fw, panel));
 * publishedAt(published, 0) === roundHalfUp(exactAt(buildExact(result).values, 0)!, fw.decimals); // true
 */
export function publishValues(result: ExactSource, decimals = result.framework.decimals): PublishedValues {
  const { framework, raw, treated } = result;
  const codes = [...framework.indicators, ...framework.aggregates];
  const U = raw.units.length;
  const P = raw.periods.length;
  const C = codes.length;
  const rows = U * P;
  const scaled = new Float64Array(rows * C);
  const texts = new Map<number, string>();
  const base = { units: raw.units, periods: raw.periods, codes, decimals, scaled, texts };
  const whole =
    unboundedReason(framework) ??
    (treated.units.length !== U || treated.periods.length !== P ? 'the treated panel has other units or periods than the raw one (screening)' : null);
  if (whole !== null) {
    fillFromExact(buildExact(result), scaled, texts, decimals, null);
    return { ...base, fallback: { cells: rows * C, periods: P, whole } };
  }
  // Blocks of periods, each computed in small buffers that stay in cache:
  // a block reads the `reach` earlier periods its windows need (computed,
  // not published); a step that pools periods makes the whole panel one block.
  const pooled = poolsPeriods(framework);
  const reach = windowReach(framework);
  const step = pooled ? P : Math.max(1, 2 * reach, Math.ceil(2 ** 18 / (U * C)));
  const widest = U * Math.min(P, step + reach) * C;
  const valueBuffer = new Float64Array(widest);
  const errorBuffer = new Float64Array(widest);
  const ambiguous: number[] = [];
  for (let start = 0; start < P; start += step) {
    const end = Math.min(P, start + step);
    const from = pooled ? 0 : Math.max(0, start - reach);
    const slice = raw.periods.slice(from, end);
    const block: ExactSource = pooled ? result : { framework, raw: selectPeriods(raw, slice), treated: selectPeriods(treated, slice) };
    const blockRows = U * (end - from);
    const value = valueBuffer.subarray(0, blockRows * C);
    const error = errorBuffer.subarray(0, blockRows * C);
    boundedInputs(block, value, error);
    boundedScores(block, value, error);
    boundedAggregates(framework, blockRows, value, error);
    // Round every cell the bound settles (the bounds are stored column by
    // column, the published values row by row); list the others.
    const skip = U * (start - from);
    for (let c = 0; c < C; c++) {
      for (let r = skip, at = c * blockRows + skip; r < blockRows; r++, at++) {
        const v = value[at];
        const e = error[at];
        const i = (from * U + r) * C + c;
        if (Number.isNaN(v) && e === 0) {
          scaled[i] = Number.NaN;
          continue;
        }
        const k = publishedInteger(v, e, decimals);
        scaled[i] = k;
        if (Number.isNaN(k)) ambiguous.push(i);
      }
    }
  }
  ambiguous.sort((a, b) => a - b);
  if (ambiguous.length === 0) return { ...base, fallback: { cells: 0, periods: 0, whole: null } };
  if (pooled) {
    fillFromExact(buildExact(result), scaled, texts, decimals, ambiguous);
    return { ...base, fallback: { cells: ambiguous.length, periods: P, whole: 'a step pools periods, so the ambiguous cells need the whole build in decimal' } };
  }
  // Runs of consecutive periods with ambiguous cells, each computed in decimal as one block.
  const periodOf = (i: number) => Math.floor(i / (U * C));
  let recomputed = 0;
  for (let a = 0; a < ambiguous.length; ) {
    const start = periodOf(ambiguous[a]);
    let end = start + 1;
    let b = a;
    while (b < ambiguous.length && periodOf(ambiguous[b]) <= end) {
      end = Math.max(end, periodOf(ambiguous[b]) + 1);
      b++;
    }
    const block = exactBlock(result, start, end, reach);
    recomputed += end - start;
    const offset = start * U * C;
    for (let j = a; j < b; j++) settle(block, ambiguous[j], ambiguous[j] - offset, scaled, texts, decimals);
    a = b;
  }
  return { ...base, fallback: { cells: ambiguous.length, periods: recomputed, whole: null } };
}

/** Cell `i` of the published values from cell `at` of an exact panel. */
function settle(exact: ExactPanel, i: number, at: number, scaled: Float64Array, texts: Map<number, string>, decimals: number): void {
  const x = exactAt(exact.values, at);
  if (x === null) {
    scaled[i] = Number.NaN;
    return;
  }
  const text = roundHalfUp(x, decimals);
  const k = Number(text.replace('.', ''));
  if (Math.abs(k) < 2 ** 50 && publishedText(k, decimals) === text) scaled[i] = k;
  else {
    scaled[i] = Number.NaN;
    texts.set(i, text);
  }
}

function fillFromExact(exact: ExactPanel, scaled: Float64Array, texts: Map<number, string>, decimals: number, cells: readonly number[] | null): void {
  if (cells) for (const i of cells) settle(exact, i, i, scaled, texts, decimals);
  else for (let i = 0; i < scaled.length; i++) settle(exact, i, i, scaled, texts, decimals);
}

/**
 * The indicator values that enter normalisation, with bounds, into the
 * first columns of `value`/`error` (column by column: code c of row r at c · rows + r): the float twin of
 * `decimalInputs`, case for case. A missing value is NaN with bound 0.
 */
function boundedInputs(result: ExactSource, value: Float64Array, error: Float64Array): void {
  const { framework, raw, treated } = result;
  const U = raw.units.length;
  const rows = U * raw.periods.length;
  const R = raw.codes.length;
  const K = treated.codes.length;
  const rawValues = raw.values;
  const treatedValues = treated.values;
  const treatedFlags = treated.flags;
  const baseV = new Float64Array(rows);
  const baseE = new Float64Array(rows);
  // scale / denominator per row, once per denominator and scale (NaN where the denominator is 0 or missing).
  const factors = new Map<string, { v: Float64Array; e: Float64Array }>();
  const factorsOf = (dc: number, scale: number) => {
    const key = `${dc}\u0000${scale}`;
    let f = factors.get(key);
    if (!f) {
      f = { v: new Float64Array(rows), e: new Float64Array(rows) };
      const scaleE = inputError(scale);
      for (let j = 0; j < rows; j++) {
        const den = dc < 0 ? Number.NaN : rawValues[j * R + dc];
        if (!Number.isFinite(den) || den === 0) f.v[j] = Number.NaN;
        else {
          div(scale, scaleE, den, inputError(den));
          f.v[j] = out.v;
          f.e[j] = out.e;
        }
      }
      factors.set(key, f);
    }
    return f;
  };
  for (let k = 0; k < framework.indicators.length; k++) {
    const code = framework.indicators[k];
    const node = framework.byCode.get(code) as IndicatorNode;
    const t = treated.codes.indexOf(code);
    const c = raw.codes.indexOf(code);
    const factor = node.denominator ? factorsOf(raw.codes.indexOf(node.denominator.code), node.denominator.scale) : null;
    // The denominated value of every cell (NaN where decimalInputs has none).
    if (c < 0) baseV.fill(Number.NaN);
    else if (factor) {
      const fv = factor.v;
      const fe = factor.e;
      for (let j = 0; j < rows; j++) {
        const x = rawValues[j * R + c];
        const f = fv[j];
        if (Number.isNaN(x) || Number.isNaN(f)) {
          baseV[j] = Number.NaN;
          continue;
        }
        // factor × x, as the decimal path computes the rate.
        mul(f, fe[j], x, inputError(x));
        baseV[j] = out.v;
        baseE[j] = out.e;
      }
    } else {
      for (let j = 0; j < rows; j++) {
        const x = rawValues[j * R + c];
        baseV[j] = x;
        baseE[j] = Number.isNaN(x) ? 0 : inputError(x);
      }
    }
    const window = node.window;
    const periods = window ? window.periods : 1;
    const mean = window?.statistic === 'mean';
    const transformed = node.transform !== 'none';
    for (let j = 0; j < rows; j++) {
      const at = k * rows + j;
      const float = t < 0 ? Number.NaN : treatedValues[j * K + t];
      if (Number.isNaN(float)) {
        value[at] = Number.NaN;
        error[at] = 0;
        continue;
      }
      if (t < 0 || c < 0 || transformed || (treatedFlags[j * K + t] & (Flag.Imputed | Flag.Treated)) !== 0) {
        value[at] = float;
        error[at] = inputError(float);
        continue;
      }
      if (!window) {
        const b = baseV[j];
        const has = !Number.isNaN(b);
        value[at] = has ? b : float;
        error[at] = has ? baseE[j] : inputError(float);
        continue;
      }
      const p = Math.floor(j / U);
      const u = j - p * U;
      let sv = 0;
      let se = 0;
      let present = 0;
      for (let q = Math.max(0, p - periods + 1); q <= p; q++) {
        const b = q * U + u;
        const bv = baseV[b];
        if (Number.isNaN(bv)) continue;
        if (present === 0) {
          sv = bv;
          se = baseE[b];
        } else {
          add(sv, se, bv, baseE[b]);
          sv = out.v;
          se = out.e;
        }
        present++;
      }
      if (present === 0) {
        value[at] = float;
        error[at] = inputError(float);
        continue;
      }
      if (mean) div(sv, se, present, 0);
      else {
        mul(sv, se, periods, 0);
        div(out.v, out.e, present, 0);
      }
      value[at] = out.v;
      error[at] = out.e;
    }
  }
}

/** A set of cells whose scores are unknown: the decimal path settles them. */
function unknown(value: Float64Array, error: Float64Array, cells: ArrayLike<number>): void {
  for (let i = 0; i < cells.length; i++) {
    value[cells[i]] = Number.NaN;
    error[cells[i]] = Number.POSITIVE_INFINITY;
  }
}

/** Scores with bounds, in place over the inputs: the float twin of `normaliseDecimals`. */
function boundedScores(result: ExactSource, value: Float64Array, error: Float64Array): void {
  const { framework, raw } = result;
  const U = raw.units.length;
  const P = raw.periods.length;
  const rows = U * P;
  const cells = new Int32Array(rows);
  framework.indicators.forEach((code, k) => {
    const node = framework.byCode.get(code) as IndicatorNode;
    const spec = node.normalisation;
    const d = node.direction;
    if (spec.method === 'indexToBase') {
      const inBase = raw.periods.map((period) =>
        typeof spec.base === 'string' ? period === spec.base : period >= spec.base.from && period <= spec.base.to,
      );
      for (let u = 0; u < U; u++) {
        let bv = 0;
        let be = 0;
        let n = 0;
        for (let p = 0; p < P; p++) {
          const at = k * rows + p * U + u;
          if (!inBase[p] || Number.isNaN(value[at])) continue;
          add(bv, be, value[at], error[at]);
          bv = out.v;
          be = out.e;
          n++;
        }
        for (let p = 0; p < P; p++) cells[p] = k * rows + p * U + u;
        if (n === 0) {
          for (let p = 0; p < P; p++) {
            value[cells[p]] = Number.NaN;
            error[cells[p]] = 0;
          }
          continue;
        }
        div(bv, be, n, 0);
        const mean = out.v;
        const meanE = out.e;
        if (meanE >= Math.abs(mean)) {
          // The base may be zero (then every score is missing) or not.
          if (mean === 0 && meanE === 0) {
            for (let p = 0; p < P; p++) {
              value[cells[p]] = Number.NaN;
              error[cells[p]] = 0;
            }
          } else unknown(value, error, cells.subarray(0, P));
          continue;
        }
        const scaleE = inputError(spec.scale);
        for (let p = 0; p < P; p++) {
          const at = cells[p];
          if (Number.isNaN(value[at])) continue;
          // (1 + d·(x − base) / |base|) × scale
          sub(value[at], error[at], mean, meanE);
          div(d * out.v, out.e, Math.abs(mean), meanE);
          add(1, 0, out.v, out.e);
          mul(out.v, out.e, spec.scale, scaleE);
          value[at] = out.v;
          error[at] = out.e;
        }
      }
      return;
    }
    const pooled = spec.method === 'goalposts' || ('scope' in spec && spec.scope === 'panel');
    const referenceUnit = spec.method === 'distanceToReference' && 'unit' in spec.reference ? raw.units.indexOf(spec.reference.unit) : -1;
    const sets = pooled ? 1 : P;
    const size = pooled ? rows : U;
    for (let s = 0; s < sets; s++) {
      for (let i = 0; i < size; i++) cells[i] = k * rows + s * size + i;
      const set = cells.subarray(0, size);
      const reference = referenceUnit >= 0 ? set[referenceUnit] : -1;
      scoreSet(value, error, set, spec as Exclude<NormalisationSpec, { method: 'indexToBase' }>, d, reference);
    }
  });
}

/** Clamps a bounded value (in `out`) to [low, high] (either may be ±Infinity): the clamp is 1-Lipschitz. */
function clampOut(low: number, high: number): void {
  if (out.v > high) out.v = high;
  else if (out.v < low) out.v = low;
  if (out.v - out.e >= high || out.v + out.e <= low) out.e = 0;
}

/** Scores of one reference set with bounds, in place; the float twin of the exact path's `scoreSet`. */
function scoreSet(
  value: Float64Array,
  error: Float64Array,
  set: Int32Array,
  spec: Exclude<NormalisationSpec, { method: 'indexToBase' }>,
  d: 1 | -1,
  reference: number,
): void {
  // The extremes of the raw values, and the widest bound (min and max are 1-Lipschitz).
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let widest = 0;
  let n = 0;
  for (let i = 0; i < set.length; i++) {
    const x = value[set[i]];
    if (Number.isNaN(x)) continue;
    n++;
    if (x < low) low = x;
    if (x > high) high = x;
    if (error[set[i]] > widest) widest = error[set[i]];
  }
  const missing = () => {
    for (let i = 0; i < set.length; i++) {
      value[set[i]] = Number.NaN;
      error[set[i]] = 0;
    }
  };
  // A width that may be zero: the decimal path may give no scores at all.
  const degenerate = (w: number, we: number): boolean => {
    if (Math.abs(w) > we) return false;
    if (w === 0 && we === 0) missing();
    else unknown(value, error, set);
    return true;
  };
  switch (spec.method) {
    case 'minMax': {
      if (n === 0) return missing();
      sub(high, widest, low, widest);
      if (degenerate(out.v, out.e)) return;
      const wv = out.v;
      const we = out.e;
      sub(spec.upper, inputError(spec.upper), spec.lower, inputError(spec.lower));
      div(out.v, out.e, wv, we);
      const fv = out.v;
      const fe = out.e;
      const lowerE = inputError(spec.lower);
      for (let i = 0; i < set.length; i++) {
        const at = set[i];
        const x = value[at];
        if (Number.isNaN(x)) continue;
        if (d === 1) sub(x, error[at], low, widest);
        else sub(high, widest, x, error[at]);
        mul(out.v, out.e, fv, fe);
        if (spec.lower !== 0) add(out.v, out.e, spec.lower, lowerE);
        value[at] = out.v;
        error[at] = out.e;
      }
      return;
    }
    case 'zScore': {
      if (n < 2) return missing();
      let sv = 0;
      let se = 0;
      for (let i = 0; i < set.length; i++) {
        const x = value[set[i]];
        if (Number.isNaN(x)) continue;
        add(sv, se, d * x, error[set[i]]);
        sv = out.v;
        se = out.e;
      }
      div(sv, se, n, 0);
      const mv = out.v;
      const me = out.e;
      let qv = 0;
      let qe = 0;
      for (let i = 0; i < set.length; i++) {
        const x = value[set[i]];
        if (Number.isNaN(x)) continue;
        sub(d * x, error[set[i]], mv, me);
        mul(out.v, out.e, out.v, out.e);
        add(qv, qe, out.v, out.e);
        qv = out.v;
        qe = out.e;
      }
      div(qv, qe, n - 1, 0);
      sqrt(out.v, out.e);
      if (degenerate(out.v, out.e)) return;
      const sdv = out.v;
      const sde = out.e;
      for (let i = 0; i < set.length; i++) {
        const at = set[i];
        const x = value[at];
        if (Number.isNaN(x)) continue;
        sub(d * x, error[at], mv, me);
        div(out.v, out.e, sdv, sde);
        mul(out.v, out.e, spec.sd, inputError(spec.sd));
        add(out.v, out.e, spec.mean, inputError(spec.mean));
        value[at] = out.v;
        error[at] = out.e;
      }
      return;
    }
    case 'goalposts': {
      const loE = inputError(spec.min);
      const hiE = inputError(spec.max);
      sub(spec.max, hiE, spec.min, loE);
      const wv = out.v;
      const we = out.e;
      const scaleE = inputError(spec.scale);
      for (let i = 0; i < set.length; i++) {
        const at = set[i];
        const x = value[at];
        if (Number.isNaN(x)) continue;
        if (d === -1) sub(spec.max, hiE, x, error[at]);
        else sub(x, error[at], spec.min, loE);
        div(out.v, out.e, wv, we);
        if (spec.cap) clampOut(0, 1);
        mul(out.v, out.e, spec.scale, scaleE);
        value[at] = out.v;
        error[at] = out.e;
      }
      return;
    }
    case 'distanceToReference': {
      let rv: number;
      let re: number;
      if ('unit' in spec.reference) {
        // An unknown reference unit is the decimal path's error to give.
        if (reference < 0) return unknown(value, error, set);
        if (Number.isNaN(value[reference])) return missing();
        rv = d * value[reference];
        re = error[reference];
      } else {
        rv = d * spec.reference.value;
        re = inputError(spec.reference.value);
      }
      if (n === 0) return missing();
      // The directed minimum: low for d = 1, −high for d = −1.
      const minV = d === 1 ? low : -high;
      sub(rv, re, minV, widest);
      if (degenerate(out.v, out.e)) return;
      const wv = out.v;
      const we = out.e;
      const scaleE = inputError(spec.scale);
      for (let i = 0; i < set.length; i++) {
        const at = set[i];
        const x = value[at];
        if (Number.isNaN(x)) continue;
        // (1 − (ref − d·x) / width), capped at 1 when asked, × scale
        sub(rv, re, d * x, error[at]);
        div(out.v, out.e, wv, we);
        sub(1, 0, out.v, out.e);
        if (spec.cap) clampOut(Number.NEGATIVE_INFINITY, 1);
        mul(out.v, out.e, spec.scale, scaleE);
        value[at] = out.v;
        error[at] = out.e;
      }
      return;
    }
    case 'distanceToTarget': {
      if (n === 0) return missing();
      const tE = inputError(spec.target);
      const worst = d === -1 ? high : low;
      if (d === -1) sub(worst, widest, spec.target, tE);
      else sub(spec.target, tE, worst, widest);
      if (degenerate(out.v, out.e)) return;
      const wv = out.v;
      const we = out.e;
      const scaleE = inputError(spec.scale);
      for (let i = 0; i < set.length; i++) {
        const at = set[i];
        const x = value[at];
        if (Number.isNaN(x)) continue;
        if (d === -1) sub(worst, widest, x, error[at]);
        else sub(x, error[at], worst, widest);
        div(out.v, out.e, wv, we);
        if (spec.cap) clampOut(Number.NEGATIVE_INFINITY, 1);
        mul(out.v, out.e, spec.scale, scaleE);
        value[at] = out.v;
        error[at] = out.e;
      }
      return;
    }
    case 'rank':
    case 'percentileRank':
      return unknown(value, error, set);
  }
}

/** Float64's and the decimal path's unit roundoff together, and a margin for the bound's own rounding (see boundedFloat.ts). */
const SUM_UNIT = 2 ** -53 + 1e-22;
const SUM_INFLATE = 1 + 2 ** -40;

/** Aggregates with bounds, bottom-up, row by row: the float twin of `aggregateDecimals`. */
function boundedAggregates(framework: Framework, rows: number, value: Float64Array, error: Float64Array): void {
  const column = new Map([...framework.indicators, ...framework.aggregates].map((c, i) => [c, i]));
  const steps = framework.aggregates.map((code) => {
    const node = framework.byCode.get(code) as AggregateNode;
    const weights = node.children.map((k) => framework.byCode.get(k)?.weight ?? 1);
    return {
      at: column.get(code) as number,
      children: Int32Array.from(node.children.map((k) => (column.get(k) as number) * rows)),
      weights: Float64Array.from(weights),
      weightErrors: Float64Array.from(weights, inputError),
      allOne: weights.every((w) => w === 1),
      method: node.aggregation.method,
      minAvailability: node.aggregation.minAvailability,
    };
  });
  // Step by step over every row (children come before parents): each loop sees one method.
  for (const step of steps) {
    const n = step.children.length;
    const children = step.children;
    const weights = step.weights;
    const weightErrors = step.weightErrors;
    const method = step.method === 'arithmetic' ? (step.allOne ? 0 : 1) : step.method === 'geometric' ? 2 : 3;
    const minAvailability = step.minAvailability;
    // Columns are stored one after the other (code c of row r at c · rows + r): each loop streams.
    for (let r = 0; r < rows; r++) {
      const row = step.at * rows + r;
      if (method <= 1) {
        // The weighted arithmetic mean with its bound in closed form: each
        // term's bound, plus the summation's (n − 1)·u·Σ|term| (Higham's
        // γ), for the float sum and the decimal one alike.
        let st = 0;
        let sa = 0;
        let se = 0;
        let tw = 0;
        let ta = 0;
        let te = 0;
        let m = 0;
        let unknownChild = false;
        for (let i = 0; i < n; i++) {
          const x = value[children[i] + r];
          const xe = error[children[i] + r];
          if (xe === Number.POSITIVE_INFINITY) {
            unknownChild = true;
            break;
          }
          if (Number.isNaN(x)) continue;
          const w = weights[i];
          const we = weightErrors[i];
          let t = x;
          let et = xe;
          if (method === 1) {
            t = w * x;
            et = ((Math.abs(w) + we) * xe + (Math.abs(x) + xe) * we + SUM_UNIT * Math.abs(t)) * SUM_INFLATE;
          }
          st += t;
          se += et;
          sa += Math.abs(t) + et;
          tw += w;
          te += we;
          ta += Math.abs(w) + we;
          m++;
        }
        if (unknownChild) {
          value[row] = Number.NaN;
          error[row] = Number.POSITIVE_INFINITY;
        } else if (m === 0 || m / n < minAvailability) {
          value[row] = Number.NaN;
          error[row] = 0;
        } else {
          div(st, (se + m * SUM_UNIT * sa) * SUM_INFLATE, tw, (te + m * SUM_UNIT * ta) * SUM_INFLATE);
          value[row] = out.v;
          error[row] = out.e;
        }
        continue;
      }
      let present = 0;
      let isUnknown = false;
      let sv = 0;
      let se = 0;
      let tv = 0;
      let te = 0;
      for (let i = 0; i < n; i++) {
        const x = value[children[i] + r];
        const xe = error[children[i] + r];
        if (xe === Number.POSITIVE_INFINITY) {
          isUnknown = true;
          break;
        }
        if (Number.isNaN(x)) continue;
        const w = weights[i];
        const we = weightErrors[i];
        if (method === 0) {
          out.v = x;
          out.e = xe;
        } else if (method === 1) mul(w, we, x, xe);
        else if (method === 2) {
          ln(x, xe);
          mul(w, we, out.v, out.e);
        } else if (x - xe > 0) div(w, we, x, xe);
        // The decimal path refuses a value ≤ 0 (an error): one that may be is left to it.
        else out.e = Number.POSITIVE_INFINITY;
        if (out.e === Number.POSITIVE_INFINITY) {
          isUnknown = true;
          break;
        }
        if (present === 0) {
          sv = out.v;
          se = out.e;
          tv = w;
          te = we;
        } else {
          add(sv, se, out.v, out.e);
          sv = out.v;
          se = out.e;
          add(tv, te, w, we);
          tv = out.v;
          te = out.e;
        }
        present++;
      }
      if (isUnknown) {
        value[row] = Number.NaN;
        error[row] = Number.POSITIVE_INFINITY;
        continue;
      }
      if (present === 0 || present / n < minAvailability) {
        value[row] = Number.NaN;
        error[row] = 0;
        continue;
      }
      if (method <= 1) div(sv, se, tv, te);
      else if (method === 2) {
        div(sv, se, tv, te);
        exp(out.v, out.e);
      } else div(tv, te, sv, se);
      value[row] = out.v;
      error[row] = out.e;
    }
  }
}
