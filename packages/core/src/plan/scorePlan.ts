import type { Framework, IndicatorNode } from '../framework/defineFramework.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import { scoreInto, scoresAcrossPeriodsOf } from '../methods/normalisationMethods.ts';
import { PinganError } from '../errors/pinganError.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { columnIndex } from '../panel/columnIndex.ts';
import { TypedArena } from './typedArena.ts';
import { aggregateBlock, aggregationPlanOf, markChanged, type AggregationPlan, type AggregationTarget } from './aggregationPlan.ts';

/** The publisher's flags that travel from a denominator to the rate made with it (as `denominate`). */
const DENOMINATOR_FLAGS = Flag.Estimated | Flag.Provisional;

/**
 * What the fused pass reads: for each column it gathers (the indicators, or
 * every column of an aggregated panel), its column in the source panel;
 * for each indicator, its denominator's column (or -1) and scale, and how
 * it is scored (no denominators or scoring when null).
 */
interface PassSteps {
  readonly source: Int32Array;
  readonly denominator: Int32Array | null;
  readonly scale: Float64Array | null;
  readonly specs: NormalisationSpec[] | null;
  readonly directions: Int8Array | null;
  readonly referenceUnits: Int32Array | null;
}

/**
 * Compiles the per-indicator steps against a panel's columns, or returns
 * null when the fused pass cannot run them (a column is missing, a
 * reference unit is absent, or a method scores across periods): the staged
 * verbs then run, and report what is wrong in their words.
 */
function scoringSteps(panel: Panel, framework: Framework, plan: AggregationPlan, withDenominators: boolean): PassSteps | null {
  const I = framework.indicators.length;
  // One buffer for the steps' arrays (see `TypedArena`).
  const arena = new TypedArena({ float64: I, int32: 3 * I, bytes: I });
  const source = arena.int32(I);
  const denominator = arena.int32(I).fill(-1);
  const scale = arena.float64(I).fill(1);
  const specs: NormalisationSpec[] = [];
  const directions = arena.int8(I);
  const referenceUnits = arena.int32(I).fill(-1);
  for (let k = 0; k < I; k++) {
    const code = framework.indicators[k];
    // The node by its place in the compiled tree, not by a lookup table a revised framework would have to build.
    const node = framework.nodes[plan.indicatorNode[k]] as IndicatorNode;
    const c = columnIndex(panel.codes, code, k);
    if (c < 0) return null;
    source[k] = c;
    if (withDenominators && node.denominator) {
      const d = panel.codes.indexOf(node.denominator.code);
      if (d < 0) return null;
      denominator[k] = d;
      scale[k] = node.denominator.scale;
    }
    const spec = node.normalisation;
    if (scoresAcrossPeriodsOf(spec)) return null;
    if (spec.method === 'distanceToReference' && 'unit' in spec.reference) {
      referenceUnits[k] = panel.units.indexOf(spec.reference.unit);
      if (referenceUnits[k] < 0) return null;
    }
    specs.push(spec);
    directions[k] = node.direction;
  }
  return { source, denominator: withDenominators ? denominator : null, scale, specs, directions, referenceUnits };
}

/** Steps that only gather columns `source` (scores, or a whole aggregated panel) to aggregate them. */
const gatherOnly = (source: Int32Array): PassSteps => ({ source, denominator: null, scale: null, specs: null, directions: null, referenceUnits: null });

/**
 * Where a pass writes the aggregated panel of `panel`: new arrays, or the
 * arrays of `into` (a panel of the same shape the caller hands over to be
 * overwritten), checked so that a reused buffer is never the one being read.
 */
function target(panel: Panel, plan: AggregationPlan, into: Panel | undefined): AggregationTarget {
  const size = panel.units.length * panel.periods.length * plan.codes.length;
  if (!into) return { values: new Float64Array(size), flags: new Uint8Array(size), units: panel.units, periods: panel.periods, fresh: true };
  checkInto(into, size, panel);
  return { values: into.values, flags: into.flags, units: panel.units, periods: panel.periods, fresh: false };
}

/**
 * Throws a `PinganError` unless `into` holds `size` values and flags apart
 * from the arrays of `reads` (its labels do not matter: the result is
 * labelled as it would be without it).
 */
function checkInto(into: Panel, size: number, reads: Panel): void {
  if (into.values.length !== size || into.flags.length !== size || into.values.buffer === reads.values.buffer || into.flags.buffer === reads.flags.buffer) {
    throw new PinganError('invalid-argument', `into: needs ${size} cells, not the panel read; has ${into.values.length}`);
  }
}

/** The result panel: `into` itself when it already has the result's labels (so a repeated rebuild allocates nothing), else a panel over the target's arrays. */
function resultPanel(panel: Panel, plan: AggregationPlan, out: AggregationTarget, into: Panel | undefined): Panel {
  if (into && into.units === panel.units && into.periods === panel.periods && into.codes === plan.codes) return into;
  return { units: panel.units, periods: panel.periods, codes: plan.codes, values: out.values, flags: out.flags };
}

/**
 * The fused pass from raw data: per period, each indicator's rates
 * (`value / denominator × scale`, as `denominate`) are gathered into a small
 * column-major block, scored in place with their normalisation kernel, and
 * written into the aggregated panel, whose aggregates are then computed row
 * by row. Only the aggregated panel is allocated; the stages between are
 * never materialised. Returns null when the fused pass does not apply (then
 * the staged verbs run): a step other than denominate, normalise and
 * aggregate has work to do, a method scores across periods, a column is
 * missing, or a denominator is not positive and finite where its value is
 * present (the staged `denominate` then lists every such cell).
 *
 * @example
 * buildFromRaw(raw, fw)?.codes; // [...fw.indicators, ...fw.aggregates], or null
 */
export function buildFromRaw(raw: Panel, framework: Framework, into?: Panel): Panel | null {
  for (const code of framework.indicators) {
    const node = framework.byCode.get(code) as IndicatorNode;
    if (node.window || node.transform !== 'none' || node.imputation.method !== 'none' || node.treatment.method !== 'none') return null;
  }
  const plan = aggregationPlanOf(framework);
  const steps = scoringSteps(raw, framework, plan, true);
  if (!steps) return null;
  const out = target(raw, plan, into);
  return fusedPass(raw, plan, steps, out, null) ? resultPanel(raw, plan, out, into) : null;
}

/**
 * The fused pass from treated data (scores and aggregates, as `normalise`
 * then `aggregate`), or null when a method scores across periods or a
 * column or reference unit is missing.
 *
 * @example
 * scoreAndAggregate(result.treated, fw)?.values; // the same as aggregate(normalise(result.treated, fw), fw).values
 */
export function scoreAndAggregate(treated: Panel, framework: Framework, into?: Panel): Panel | null {
  const plan = aggregationPlanOf(framework);
  const steps = scoringSteps(treated, framework, plan, false);
  if (!steps) return null;
  const out = target(treated, plan, into);
  fusedPass(treated, plan, steps, out, null);
  return resultPanel(treated, plan, out, into);
}

/**
 * Aggregates a panel of scores through the framework's compiled plan:
 * the indicator columns copied, then every aggregate. The panel must hold
 * every indicator (the caller checks and names a missing one).
 *
 * @example
 * aggregateScores(result.normalised, fw).codes; // [...fw.indicators, ...fw.aggregates]
 */
export function aggregateScores(scores: Panel, framework: Framework, plan = aggregationPlanOf(framework), into?: Panel): Panel {
  const I = plan.indicators.length;
  const source = plan.sourceColumns;
  for (let k = 0; k < I; k++) source[k] = columnIndex(scores.codes, plan.indicators[k], k);
  const out = target(scores, plan, into);
  fusedPass(scores, plan, gatherOnly(source), out, null);
  return resultPanel(scores, plan, out, into);
}

/**
 * The one loop of the plan, period by period: gathers the columns of
 * `steps.source` (those not -1) into a column-major block (a rate where an
 * indicator has a denominator), scores each indicator column with its
 * kernel (when `steps.specs` is given), aggregates the block and writes
 * every column of it to `out`; with `only`, only the aggregates marked
 * there are computed and written. False when a denominator is out of its
 * domain.
 */
function fusedPass(panel: Panel, plan: AggregationPlan, steps: PassSteps, out: AggregationTarget, only: Uint8Array | null): boolean {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const G = steps.source.length;
  const K = plan.codes.length;
  const I = plan.indicators.length;
  const inValues = panel.values;
  const inFlags = panel.flags;
  const { source, denominator, scale, specs, directions, referenceUnits } = steps;
  const { values, flags } = out;
  // One period, column-major: column c of unit u at c × U + u, the
  // indicators then the aggregates (reused, so it stays in cache, and each
  // column is a contiguous array for the kernels).
  // The block, its flags and `capped` in one buffer (see `TypedArena`).
  const words = (U + 3) >> 2;
  const arena = new TypedArena({ float64: U * K, int32: words, bytes: U * K });
  const block = arena.float64(U * K);
  // Whole words of `capped`, to find a cap four units at a time.
  const cappedWords = arena.int32(words);
  const capped = new Uint8Array(cappedWords.buffer, cappedWords.byteOffset, U);
  const blockFlags = arena.uint8(U * K);
  // Without a flag in the panel read (the common case), flags are neither
  // gathered nor combined: a period's flags are then only the caps and the
  // partial aggregates, and when it has none, nothing is written for them
  // (a new target is already zero).
  const unflagged = allZero(inFlags, 0, inFlags.length);
  let blockDirty = true;
  for (let p = 0; p < P; p++) {
    const rowBase = p * U * C;
    // Cleared only after a period that set a flag.
    if (unflagged && blockDirty) blockFlags.fill(0);
    let flagged = !unflagged;
    for (let k = 0; k < G; k++) {
      const c = source[k];
      if (c < 0) continue;
      const d = denominator === null ? -1 : denominator[k];
      if (d < 0) gatherColumn(inValues, unflagged ? null : inFlags, rowBase + c, C, U, block, blockFlags, k * U);
      else if (!gatherRates(inValues, unflagged ? null : inFlags, rowBase + c, rowBase + d, (scale as Float64Array)[k], C, U, block, blockFlags, k * U)) return false;
    }
    if (specs !== null) {
      for (let k = 0; k < specs.length; k++) {
        const at = k * U;
        const section = block.subarray(at, at + U);
        // A kernel only sets marks, so `capped` is all zero again unless the last column had a cap.
        scoreInto(section, section, capped, specs[k], (directions as Int8Array)[k] as 1 | -1, (referenceUnits as Int32Array)[k]);
        if (anyWord(cappedWords)) {
          flagged = true;
          for (let u = 0; u < U; u++) if (capped[u] !== 0) blockFlags[at + u] |= Flag.Capped;
          cappedWords.fill(0);
        }
      }
    }
    if (aggregateBlock(plan, block, blockFlags, out, p, only, flagged) > 0) flagged = true;
    blockDirty = flagged;
    if (only === null) scatterBlock(block, flagged ? blockFlags : null, values, flags, p * U * K, U, K, out.fresh === true);
    else scatterOnly(block, blockFlags, values, flags, p * U * K, U, K, I, only);
  }
  return true;
}

/** Copies column `from` of a period's rows (stride `C`, `U` units) into the block at `at`, with its flags unless `inFlags` is null. */
function gatherColumn(inValues: Float64Array, inFlags: Uint8Array | null, from: number, C: number, U: number, block: Float64Array, blockFlags: Uint8Array, at: number): void {
  for (let u = 0; u < U; u++) block[at + u] = inValues[from + u * C];
  if (inFlags !== null) for (let u = 0; u < U; u++) blockFlags[at + u] = inFlags[from + u * C];
}

/**
 * Rates of column `from` by the denominator column `den` (as `denominate`:
 * `value / denominator × per`, missing where either is missing) into the
 * block at `at`, and unless `inFlags` is null the value's flags with the
 * denominator's estimated and provisional flags. False at a present value
 * whose denominator is not positive and finite.
 */
function gatherRates(inValues: Float64Array, inFlags: Uint8Array | null, from: number, den: number, per: number, C: number, U: number, block: Float64Array, blockFlags: Uint8Array, at: number): boolean {
  for (let u = 0; u < U; u++) {
    const v = inValues[from + u * C];
    const d = inValues[den + u * C];
    let x = Number.NaN;
    if (d === d && v === v) {
      if (d > 0 && d !== Number.POSITIVE_INFINITY) x = (v / d) * per;
      else return false;
    }
    block[at + u] = x;
  }
  if (inFlags !== null) {
    for (let u = 0; u < U; u++) {
      const d = inValues[den + u * C];
      blockFlags[at + u] = d === d ? inFlags[from + u * C] | (inFlags[den + u * C] & DENOMINATOR_FLAGS) : inFlags[from + u * C];
    }
  }
  return true;
}

/**
 * Writes a column-major block of `U` units × `K` columns into the row-major
 * panel arrays from `to`. Null `blockFlags`: every flag is zero, written as
 * such, or not at all into a `fresh` target (already zero).
 */
function scatterBlock(block: Float64Array, blockFlags: Uint8Array | null, values: Float64Array, flags: Uint8Array, to: number, U: number, K: number, fresh: boolean): void {
  // Values, then flags: two loops of one store stream each run faster than one loop of two.
  for (let u = 0; u < U; u++) {
    const row = to + u * K;
    for (let c = 0; c < K; c++) values[row + c] = block[c * U + u];
  }
  if (blockFlags === null) {
    if (!fresh) flags.fill(0, to, to + U * K);
    return;
  }
  for (let u = 0; u < U; u++) {
    const row = to + u * K;
    for (let c = 0; c < K; c++) flags[row + c] = blockFlags[c * U + u];
  }
}

/** Whether any word is non-zero. */
function anyWord(words: Int32Array): boolean {
  for (let w = 0; w < words.length; w++) if (words[w] !== 0) return true;
  return false;
}

/** Whether `bytes[from]` to `bytes[to - 1]` are all zero, read a word at a time where aligned. */
function allZero(bytes: Uint8Array, from: number, to: number): boolean {
  let i = from;
  while (i < to && ((bytes.byteOffset + i) & 3) !== 0) if (bytes[i++] !== 0) return false;
  const words = (to - i) >> 2;
  if (words > 0 && anyWord(new Int32Array(bytes.buffer, bytes.byteOffset + i, words))) return false;
  for (i += words * 4; i < to; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** `scatterBlock` for the aggregates marked in `only` (aggregate `a` is column `I + a`). */
function scatterOnly(block: Float64Array, blockFlags: Uint8Array, values: Float64Array, flags: Uint8Array, to: number, U: number, K: number, I: number, only: Uint8Array): void {
  for (let c = I; c < K; c++) {
    if (only[c - I] === 0) continue;
    for (let u = 0; u < U; u++) {
      values[to + u * K + c] = block[c * U + u];
      flags[to + u * K + c] = blockFlags[c * U + u];
    }
  }
}

/**
 * A weight or mean change, incrementally: when `aggregated` is the nominal
 * aggregated panel of `nominal` (built from the same scores), only the
 * aggregates the change reaches are computed again, in a copy of it; the
 * others are the same numbers either way. Null when that does not apply
 * (another tree or column order, or a Copeland aggregate).
 *
 * @example
 * reaggregate(result.aggregated, result.framework, tuned)?.values; // the same as aggregate(result.normalised, tuned).values
 */
export function reaggregate(aggregated: Panel, nominal: Framework, framework: Framework, into?: Panel): Panel | null {
  const plan = aggregationPlanOf(framework);
  const K = plan.codes.length;
  if (aggregated.codes.length !== K) return null;
  for (let k = 0; k < K; k++) if (aggregated.codes[k] !== plan.codes[k]) return null;
  if (markChanged(plan, nominal) < 0) return null;
  const out = target(aggregated, plan, into);
  // The nominal panel copied whole, then only the changed aggregates
  // computed again from the columns they read (-1: a column not gathered).
  out.values.set(aggregated.values);
  out.flags.set(aggregated.flags);
  const read = plan.readColumns.fill(-1);
  for (let a = 0; a < plan.dirty.length; a++) {
    if (plan.dirty[a] === 1) for (let i = plan.childStart[a]; i < plan.childStart[a + 1]; i++) read[plan.childColumn[i]] = plan.childColumn[i];
  }
  fusedPass(aggregated, plan, gatherOnly(read), out, plan.dirty);
  return resultPanel(aggregated, plan, out, into);
}
