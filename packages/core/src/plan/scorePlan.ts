import type { Framework, IndicatorNode } from '../framework/defineFramework.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import { scoreInto, scoresAcrossPeriodsOf } from '../methods/normalisationMethods.ts';
import { PinganError } from '../errors/pinganError.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { aggregateBlock, aggregationPlanOf, markChanged, type AggregationPlan, type AggregationTarget } from './aggregationPlan.ts';

/** Units gathered at a time by the fused pass (a tile's rows of the raw panel fit in the first-level cache). */
const GATHER_TILE = 256;

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
  const source = new Int32Array(I);
  const denominator = new Int32Array(I).fill(-1);
  const scale = new Float64Array(I).fill(1);
  const specs: NormalisationSpec[] = [];
  const directions = new Int8Array(I);
  const referenceUnits = new Int32Array(I).fill(-1);
  for (let k = 0; k < I; k++) {
    const code = framework.indicators[k];
    // The node by its place in the compiled tree, not by a lookup table a revised framework would have to build.
    const node = framework.nodes[plan.indicatorNode[k]] as IndicatorNode;
    const c = panel.codes[k] === code ? k : panel.codes.indexOf(code);
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
  if (!into) return { values: new Float64Array(size), flags: new Uint8Array(size), units: panel.units, periods: panel.periods };
  checkInto(into, panel, plan.codes, panel);
  return { values: into.values, flags: into.flags, units: panel.units, periods: panel.periods };
}

/** Throws a `PinganError` naming every way `into` does not fit a result of `shape`'s rows and `codes`, or shares arrays with `reads`. */
function checkInto(into: Panel, shape: Panel, codes: readonly string[], reads: Panel): void {
  const size = shape.units.length * shape.periods.length * codes.length;
  const problems: string[] = [];
  if (into.units.length !== shape.units.length || into.periods.length !== shape.periods.length) {
    problems.push(`it has ${into.units.length} units × ${into.periods.length} periods, the result ${shape.units.length} × ${shape.periods.length}`);
  }
  if (into.codes !== codes && (into.codes.length !== codes.length || into.codes.some((code, k) => code !== codes[k]))) {
    problems.push(`its codes are not the result's (${codes.join(', ')})`);
  }
  if (into.values.length !== size || into.flags.length !== size) problems.push(`it holds ${into.values.length} values and ${into.flags.length} flags, the result ${size}`);
  if (into.values.buffer === reads.values.buffer || into.flags.buffer === reads.flags.buffer) problems.push('it shares its arrays with the panel the build reads');
  if (problems.length) throw new PinganError('invalid-argument', `into: the panel to write the result into does not fit: ${problems.join('; ')}`);
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
  for (let k = 0; k < I; k++) source[k] = scores.codes[k] === plan.indicators[k] ? k : scores.codes.indexOf(plan.indicators[k]);
  const out = target(scores, plan, into);
  fusedPass(scores, plan, gatherOnly(source), out, null);
  return resultPanel(scores, plan, out, into);
}

/**
 * The one loop of the plan, period by period: gathers the columns of
 * `steps.source` into a column-major block (a rate where an indicator has
 * a denominator), scores each indicator column with its kernel (when
 * `steps.specs` is given), aggregates the block (only the aggregates marked
 * in `only`, when given) and writes every column of it to `out`. False
 * when a denominator is out of its domain.
 */
function fusedPass(panel: Panel, plan: AggregationPlan, steps: PassSteps, out: AggregationTarget, only: Uint8Array | null): boolean {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const G = steps.source.length;
  const K = plan.codes.length;
  const inValues = panel.values;
  const inFlags = panel.flags;
  const { source, denominator, scale, specs, directions, referenceUnits } = steps;
  const { values, flags } = out;
  // One period, column-major: column c of unit u at c × U + u, the
  // indicators then the aggregates (reused, so it stays in cache, and each
  // column is a contiguous array for the kernels).
  const block = new Float64Array(U * K);
  const blockFlags = new Uint8Array(U * K);
  const capped = new Uint8Array(U);
  for (let p = 0; p < P; p++) {
    // Gathered a tile of units at a time, so that the tile's rows stay in
    // cache while each column is read out of them.
    for (let u0 = 0; u0 < U; u0 += GATHER_TILE) {
      const u1 = Math.min(U, u0 + GATHER_TILE);
      for (let k = 0; k < G; k++) {
        const at = k * U;
        const from = p * U * C + source[k];
        const d = denominator === null ? -1 : denominator[k];
        if (d < 0) {
          for (let u = u0; u < u1; u++) {
            block[at + u] = inValues[from + u * C];
            blockFlags[at + u] = inFlags[from + u * C];
          }
          continue;
        }
        const per = (scale as Float64Array)[k];
        const by = p * U * C + d;
        for (let u = u0; u < u1; u++) {
          const v = inValues[from + u * C];
          const den = inValues[by + u * C];
          let f = inFlags[from + u * C];
          let x = Number.NaN;
          if (den === den) {
            f |= inFlags[by + u * C] & DENOMINATOR_FLAGS;
            if (v === v) {
              if (den > 0 && den !== Number.POSITIVE_INFINITY) x = (v / den) * per;
              else return false;
            }
          }
          block[at + u] = x;
          blockFlags[at + u] = f;
        }
      }
    }
    if (specs !== null) {
      for (let k = 0; k < specs.length; k++) {
        const at = k * U;
        const section = block.subarray(at, at + U);
        capped.fill(0);
        scoreInto(section, section, capped, specs[k], (directions as Int8Array)[k] as 1 | -1, (referenceUnits as Int32Array)[k]);
        for (let u = 0; u < U; u++) if (capped[u] !== 0) blockFlags[at + u] |= Flag.Capped;
      }
    }
    aggregateBlock(plan, block, blockFlags, out, p, only);
    for (let u = 0; u < U; u++) {
      const to = (p * U + u) * K;
      for (let c = 0; c < K; c++) {
        values[to + c] = block[c * U + u];
        flags[to + c] = blockFlags[c * U + u];
      }
    }
  }
  return true;
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
  fusedPass(aggregated, plan, gatherOnly(plan.everyColumn), out, plan.dirty);
  return resultPanel(aggregated, plan, out, into);
}

/**
 * A panel computed by a verb that allocates its own arrays, copied into
 * `into` when one is given (so `into` is the result's either way); the
 * shapes agree, as both are the framework's aggregated panel of one input.
 *
 * @example
 * copiedInto(aggregate(scores, fw), previous.aggregated).values === previous.aggregated.values; // true
 */
export function copiedInto(panel: Panel, into: Panel | undefined): Panel {
  if (!into) return panel;
  checkInto(into, panel, panel.codes, panel);
  into.values.set(panel.values);
  into.flags.set(panel.flags);
  return { ...panel, values: into.values, flags: into.flags };
}
