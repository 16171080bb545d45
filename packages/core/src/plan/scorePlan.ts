import type { Framework, IndicatorNode } from '../framework/defineFramework.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import { scoreInto, scoresAcrossPeriodsOf } from '../methods/normalisationMethods.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { aggregateChanged, aggregatePeriod, aggregationPlanOf, markChanged, type AggregationPlan, type AggregationTarget } from './aggregationPlan.ts';

/** The publisher's flags that travel from a denominator to the rate made with it (as `denominate`). */
const DENOMINATOR_FLAGS = Flag.Estimated | Flag.Provisional;

/**
 * What the fused pass reads for each indicator: its column in the source
 * panel, its denominator's column (or -1) and scale, and how it is scored.
 */
interface ScoringSteps {
  readonly source: Int32Array;
  readonly denominator: Int32Array;
  readonly scale: Float64Array;
  readonly specs: NormalisationSpec[];
  readonly directions: Int8Array;
  readonly referenceUnits: Int32Array;
}

/**
 * Compiles the per-indicator steps against a panel's columns, or returns
 * null when the fused pass cannot run them (a column is missing, a
 * reference unit is absent, or a method scores across periods): the staged
 * verbs then run, and report what is wrong in their words.
 */
function scoringSteps(panel: Panel, framework: Framework, withDenominators: boolean): ScoringSteps | null {
  const I = framework.indicators.length;
  const steps: ScoringSteps = {
    source: new Int32Array(I),
    denominator: new Int32Array(I).fill(-1),
    scale: new Float64Array(I).fill(1),
    specs: [],
    directions: new Int8Array(I),
    referenceUnits: new Int32Array(I).fill(-1),
  };
  for (let k = 0; k < I; k++) {
    const code = framework.indicators[k];
    const node = framework.byCode.get(code) as IndicatorNode;
    const c = panel.codes[k] === code ? k : panel.codes.indexOf(code);
    if (c < 0) return null;
    steps.source[k] = c;
    if (withDenominators && node.denominator) {
      const d = panel.codes.indexOf(node.denominator.code);
      if (d < 0) return null;
      steps.denominator[k] = d;
      steps.scale[k] = node.denominator.scale;
    }
    const spec = node.normalisation;
    if (scoresAcrossPeriodsOf(spec)) return null;
    if (spec.method === 'distanceToReference' && 'unit' in spec.reference) {
      steps.referenceUnits[k] = panel.units.indexOf(spec.reference.unit);
      if (steps.referenceUnits[k] < 0) return null;
    }
    steps.specs.push(spec);
    steps.directions[k] = node.direction;
  }
  return steps;
}

/** The aggregated panel's arrays, and the scratch block one period is scored in. */
function target(panel: Panel, plan: AggregationPlan): AggregationTarget {
  const size = panel.units.length * panel.periods.length * plan.codes.length;
  return { values: new Float64Array(size), flags: new Uint8Array(size), units: panel.units, periods: panel.periods };
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
export function buildFromRaw(raw: Panel, framework: Framework): Panel | null {
  for (const code of framework.indicators) {
    const node = framework.byCode.get(code) as IndicatorNode;
    if (node.window || node.transform !== 'none' || node.imputation.method !== 'none' || node.treatment.method !== 'none') return null;
  }
  const steps = scoringSteps(raw, framework, true);
  if (!steps) return null;
  const plan = aggregationPlanOf(framework);
  const out = target(raw, plan);
  return fusedPass(raw, plan, steps, out, true, true) ? { units: raw.units, periods: raw.periods, codes: plan.codes, values: out.values, flags: out.flags } : null;
}

/**
 * The fused pass from treated data (scores and aggregates, as `normalise`
 * then `aggregate`), or null when a method scores across periods or a
 * column or reference unit is missing.
 *
 * @example
 * scoreAndAggregate(result.treated, fw)?.values; // the same as aggregate(normalise(result.treated, fw), fw).values
 */
export function scoreAndAggregate(treated: Panel, framework: Framework): Panel | null {
  const steps = scoringSteps(treated, framework, false);
  if (!steps) return null;
  const plan = aggregationPlanOf(framework);
  const out = target(treated, plan);
  fusedPass(treated, plan, steps, out, false, true);
  return { units: treated.units, periods: treated.periods, codes: plan.codes, values: out.values, flags: out.flags };
}

/**
 * Aggregates a panel of scores through the framework's compiled plan:
 * the indicator columns copied, then every aggregate. The panel must hold
 * every indicator (the caller checks and names a missing one).
 *
 * @example
 * aggregateScores(result.normalised, fw).codes; // [...fw.indicators, ...fw.aggregates]
 */
export function aggregateScores(scores: Panel, framework: Framework, plan = aggregationPlanOf(framework)): Panel {
  const I = plan.indicators.length;
  const source = plan.sourceColumns;
  for (let k = 0; k < I; k++) source[k] = scores.codes[k] === plan.indicators[k] ? k : scores.codes.indexOf(plan.indicators[k]);
  const out = target(scores, plan);
  copyAndAggregate(scores, plan, out);
  return { units: scores.units, periods: scores.periods, codes: plan.codes, values: out.values, flags: out.flags };
}

/**
 * The loop of `aggregateScores`, kept apart from the objects it returns: V8
 * optimises a long loop while it runs, and an object literal met after it
 * for the first time would throw that code away on every call.
 */
function copyAndAggregate(scores: Panel, plan: AggregationPlan, out: AggregationTarget): void {
  const U = scores.units.length;
  const P = scores.periods.length;
  const C = scores.codes.length;
  const I = plan.indicators.length;
  const K = plan.codes.length;
  const source = plan.sourceColumns;
  const { values, flags } = out;
  const inValues = scores.values;
  const inFlags = scores.flags;
  for (let p = 0; p < P; p++) {
    for (let u = 0; u < U; u++) {
      const from = (p * U + u) * C;
      const to = (p * U + u) * K;
      for (let k = 0; k < I; k++) {
        values[to + k] = inValues[from + source[k]];
        flags[to + k] = inFlags[from + source[k]];
      }
    }
    aggregatePeriod(plan, out, p);
  }
}

/** The loop of the fused passes; false when a denominator is out of its domain. */
function fusedPass(
  panel: Panel,
  plan: AggregationPlan,
  steps: ScoringSteps,
  out: AggregationTarget,
  denominate: boolean,
  score: boolean,
): boolean {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const I = steps.specs.length;
  const K = plan.codes.length;
  const inValues = panel.values;
  const inFlags = panel.flags;
  const { source, denominator, scale, specs, directions, referenceUnits } = steps;
  const { values, flags } = out;
  // One period's indicators, column-major (reused, so it stays in cache).
  const block = new Float64Array(U * I);
  const blockFlags = new Uint8Array(U * I);
  const capped = new Uint8Array(U * I);
  for (let p = 0; p < P; p++) {
    for (let u = 0; u < U; u++) {
      const row = (p * U + u) * C;
      for (let k = 0; k < I; k++) {
        const i = row + source[k];
        const v = inValues[i];
        let f = inFlags[i];
        let x = v;
        const d = denominate ? denominator[k] : -1;
        if (d >= 0) {
          const den = inValues[row + d];
          if (den !== den) x = Number.NaN;
          else {
            f |= inFlags[row + d] & DENOMINATOR_FLAGS;
            if (v !== v) x = Number.NaN;
            else if (den > 0 && den !== Number.POSITIVE_INFINITY) x = (v / den) * scale[k];
            else return false;
          }
        }
        block[k * U + u] = x;
        blockFlags[k * U + u] = f;
      }
    }
    if (score) {
      capped.fill(0);
      for (let k = 0; k < I; k++) {
        const section = block.subarray(k * U, (k + 1) * U);
        scoreInto(section, section, capped.subarray(k * U, (k + 1) * U), specs[k], directions[k] as 1 | -1, referenceUnits[k]);
      }
    }
    for (let u = 0; u < U; u++) {
      const to = (p * U + u) * K;
      for (let k = 0; k < I; k++) {
        values[to + k] = block[k * U + u];
        flags[to + k] = capped[k * U + u] !== 0 ? blockFlags[k * U + u] | Flag.Capped : blockFlags[k * U + u];
      }
    }
    aggregatePeriod(plan, out, p);
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
export function reaggregate(aggregated: Panel, nominal: Framework, framework: Framework): Panel | null {
  const plan = aggregationPlanOf(framework);
  const K = plan.codes.length;
  if (aggregated.codes.length !== K) return null;
  for (let k = 0; k < K; k++) if (aggregated.codes[k] !== plan.codes[k]) return null;
  if (markChanged(plan, nominal) < 0) return null;
  const out = target(aggregated, plan);
  out.values.set(aggregated.values);
  out.flags.set(aggregated.flags);
  aggregateChanged(plan, out);
  return { units: aggregated.units, periods: aggregated.periods, codes: plan.codes, values: out.values, flags: out.flags };
}
