import { denominateInto, type DenominationColumns, type StridedCells } from '../denominate/denominate.ts';
import type { Framework, FrameworkNode, IndicatorNode } from '../framework/defineFramework.ts';
import type { ImputationSpec, NormalisationSpec, TreatmentSpec } from '../framework/methods.ts';
import { groupIndex, imputationMethods, imputeInto } from '../methods/imputationMethods.ts';
import { scoreInto, scoresAcrossPeriodsOf } from '../methods/normalisationMethods.ts';
import { measuredBefore, passesOnKurtosis, treatInto, treatmentWork, type TreatmentWork } from '../methods/treatmentMethods.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { buildIndex, type BuildOptions } from '../pipeline/buildIndex.ts';
import { aggregateBlock, aggregationPlanOf } from '../plan/aggregationPlan.ts';
import { momentsOfTwoInto, type CentralMoments } from '../treat/centralMoments.ts';
import { zScoreOfTwoInPlace } from '../normalise/zScore.ts';
import { BlockPanel } from './blockPanel.ts';
import type { Rebuild } from './uncertaintyAnalysis.ts';

/** One indicator's imputation, compiled: its column, kernel spec, and groups. */
interface ImputationJob {
  readonly k: number;
  readonly spec: Exclude<ImputationSpec, { method: 'none' }>;
  readonly along: 'units' | 'periods';
  readonly groupOf: Int32Array | null;
  readonly groupCount: number;
  /** For each run (a period, or a unit), 1 when it has a missing cell after denomination (else the kernel has nothing to do). */
  readonly gappy: Uint8Array;
}

/**
 * What stays the same across the replications of an analysis, worked out
 * once. The working arrays hold, period after period, a column-major block
 * of the aggregated panel's columns (the indicators, then the aggregates;
 * column c of unit u in period p at (p × K + c) × U + u): a replication
 * denominates into its indicator columns, imputes, treats and scores them
 * in place, and aggregates each period's block through the plan; the output
 * panel is these blocks (`BlockPanel`: its row-major arrays are written
 * when read, and an analysis reads its one column from the blocks).
 */
interface Compiled {
  readonly U: number;
  readonly P: number;
  readonly I: number;
  readonly K: number;
  readonly raw: Panel;
  /** The raw panel's cells column by column (as an R data frame), so that denomination reads each column in order. */
  readonly rawByColumn: StridedCells;
  /**
   * Each period's raw cells of the indicators' columns (each indicator's
   * source column), laid out as the first I columns of its block: a
   * replication copies them into the block in one go, then denominates the
   * indicators that have a denominator over them.
   */
  readonly rawIndicatorsOf: readonly Float64Array[];
  readonly rawIndicatorFlagsOf: readonly Uint8Array[];
  readonly columns: DenominationColumns;
  /** Each indicator's node, as an index into `framework.nodes` (a revised framework keeps the order). */
  readonly node: Int32Array;
  readonly nodeCodes: readonly string[];
  /** The nominal nodes' settings a replication may not change (else it runs the staged pipeline). */
  readonly fixed: readonly Pick<IndicatorNode, 'denominator' | 'window' | 'transform' | 'imputation'>[];
  readonly imputations: readonly ImputationJob[];
  readonly values: Float64Array;
  readonly flags: Uint8Array;
  /** Views: each period's block, and each period's column (`columnOf[p × K + c]`), made once. */
  readonly blockOf: readonly Float64Array[];
  readonly blockFlagsOf: readonly Uint8Array[];
  readonly columnOf: readonly Float64Array[];
  /** The positions an imputation kernel filled (see `FloatImputer`). */
  readonly filled: Int32Array;
  readonly scratch: Float64Array;
  readonly capped: Uint8Array;
  readonly treatment: TreatmentWork;
  /** Scratch: the moments of two columns measured together (`treatAll`). */
  readonly pairMoments: readonly [CentralMoments, CentralMoments];
  /**
   * The node objects read before: at each position of `framework.nodes`,
   * the last node whose code was checked, and for each indicator, the last
   * node whose settings were checked and are held in `specs`,
   * `referenceUnit`, `treatments` and `directions`; and the last
   * `framework.indicators` checked.
   */
  readonly seenNode: (FrameworkNode | null)[];
  readonly seenIndicator: (IndicatorNode | null)[];
  seenIndicators: readonly string[] | null;
  /** Each indicator's normalisation, its reference unit (-1: none), treatment and direction, read from `seenIndicator`. */
  readonly specs: NormalisationSpec[];
  readonly referenceUnit: Int32Array;
  readonly treatments: TreatmentSpec[];
  readonly directions: Int8Array;
  /** 1 where the normalisation caps scores (only then does its kernel mark any as capped). */
  readonly caps: Uint8Array;
  /** The aggregated panel every replication is written into: the blocks, as a panel (its row-major arrays written when read). */
  readonly output: BlockPanel;
}

/**
 * A `Rebuild` for the uncertainty and sensitivity analyses that does every
 * step from the raw panel, as COINr's `Regen` does (denominate, impute,
 * treat, normalise, aggregate), with the run's framework, and gives the
 * very numbers `buildIndex(framework, raw, options).aggregated` gives.
 *
 * What does not change between replications is worked out once: each
 * indicator's node and columns, the groups of a group-mean imputation as
 * index arrays, which periods or units have a missing cell, the raw
 * panel's cells laid out column by column (as an R data frame holds them)
 * and, per period, its indicators' raw columns laid out as a block's, and
 * a working block per period (each column a view made once). Each
 * replication then denominates every raw cell into the blocks (the
 * indicators' raw cells copied in one go, then the rates of those with a
 * denominator by `denominateInto`, reading each column in order), imputes,
 * treats and scores each column in place with the method kernels
 * (`methods/`), aggregates each block through the compiled plan
 * (`aggregateBlock`); the aggregated panel it returns is those blocks,
 * written out row by row when its `values` or `flags` are first read (the
 * analyses read their one column from the blocks): nothing allocated, no
 * lookup table built, no node looked up by code, and a node object read in
 * an earlier replication not read again. The panel is reused, so the panel
 * a call returns is overwritten by the next call (the analyses read what
 * they need from it first). A replication
 * whose framework changes what was compiled (a denominator, window,
 * transform or imputation), or scores across periods or against a unit the
 * panel lacks, a build with screening, trailing windows or transforms, or
 * data the staged verbs would reject (a denominator ≤ 0, an unknown
 * grouping) run `buildIndex` instead, so the results and errors are always
 * those of the staged verbs.
 *
 * @example
 * const rebuild = rebuildFromRaw(fw, raw, { unitGroups });
 * uncertaintyAnalysis(buildIndex(fw, raw, { unitGroups }), { n: 100, settings, rebuild });
 * rebuild(fw).values; // equal to buildIndex(fw, raw, { unitGroups }).aggregated.values
 */
export function rebuildFromRaw(nominal: Framework, raw: Panel, options: BuildOptions = {}): Rebuild {
  const staged: Rebuild = (framework) => buildIndex(framework, raw, options).aggregated;
  const compiled = compile(nominal, raw, options);
  if (compiled === null) return staged;
  return (framework) => (replicate(compiled, framework) ? compiled.output : staged(framework));
}

function compile(framework: Framework, raw: Panel, options: BuildOptions): Compiled | null {
  if (options.screen) return null;
  const U = raw.units.length;
  const P = raw.periods.length;
  const I = framework.indicators.length;
  const K = I + framework.aggregates.length;
  const node = new Int32Array(I);
  const source = new Int32Array(I);
  const denominator = new Int32Array(I).fill(-1);
  const scale = new Float64Array(I).fill(1);
  const fixed: Compiled['fixed'][number][] = [];
  const nodeAt = new Map(framework.nodes.map((n, i) => [n.code, i]));
  for (let k = 0; k < I; k++) {
    const code = framework.indicators[k];
    node[k] = nodeAt.get(code) ?? -1;
    const indicator = framework.nodes[node[k]] as IndicatorNode;
    if (indicator.window || indicator.transform !== 'none') return null;
    source[k] = raw.codes.indexOf(code);
    if (source[k] < 0) return null;
    if (indicator.denominator) {
      denominator[k] = raw.codes.indexOf(indicator.denominator.code);
      if (denominator[k] < 0) return null;
      scale[k] = indicator.denominator.scale;
    }
    fixed.push({ denominator: indicator.denominator, window: indicator.window, transform: indicator.transform, imputation: indicator.imputation });
  }
  const C = raw.codes.length;
  const imputations: ImputationJob[] = [];
  // Each grouping's index arrays, made once however many indicators use it (null: a unit has no group).
  const groupsBy = new Map<string, { groupOf: Int32Array; groupCount: number } | null>();
  for (let k = 0; k < I; k++) {
    const spec = fixed[k].imputation;
    if (spec.method === 'none') continue;
    let groups: { groupOf: Int32Array | null; groupCount: number } | null = { groupOf: null, groupCount: 1 };
    if (spec.method === 'groupMean' && spec.grouping !== undefined) {
      if (!groupsBy.has(spec.grouping)) groupsBy.set(spec.grouping, unitGroupsOf(raw.units, options.unitGroups?.[spec.grouping]));
      groups = groupsBy.get(spec.grouping) ?? null;
      if (groups === null) return null;
    }
    const along = imputationMethods[spec.method].along;
    const gappy = new Uint8Array(along === 'units' ? P : U);
    for (let p = 0; p < P; p++) {
      for (let u = 0; u < U; u++) {
        const row = (p * U + u) * C;
        const missing = raw.values[row + source[k]] !== raw.values[row + source[k]] || (denominator[k] >= 0 && raw.values[row + denominator[k]] !== raw.values[row + denominator[k]]);
        if (missing) gappy[along === 'units' ? p : u] = 1;
      }
    }
    imputations.push({ k, spec, along, ...groups, gappy });
  }
  const size = P * K * U;
  const values = new Float64Array(size);
  const flags = new Uint8Array(size);
  const groupCount = imputations.reduce((most, job) => Math.max(most, job.groupCount), 1);
  const codes = [...framework.indicators, ...framework.aggregates];
  return {
    U,
    P,
    I,
    K,
    raw,
    rawByColumn: byColumn(raw),
    ...indicatorBlocks(raw, source),
    columns: { source, denominator, scale },
    node,
    nodeCodes: framework.nodes.map((n) => n.code),
    fixed,
    imputations,
    values,
    flags,
    blockOf: Array.from({ length: P }, (_, p) => values.subarray(p * K * U, (p + 1) * K * U)),
    blockFlagsOf: Array.from({ length: P }, (_, p) => flags.subarray(p * K * U, (p + 1) * K * U)),
    columnOf: Array.from({ length: P * K }, (_, pc) => values.subarray(pc * U, (pc + 1) * U)),
    filled: new Int32Array(Math.max(U, P)),
    scratch: new Float64Array(2 * groupCount),
    capped: new Uint8Array(U),
    // Only the treated columns are read: the skew is worked out only where a check needs it.
    treatment: treatmentWork(U, false),
    pairMoments: [
      { n: 0, m2: Number.NaN, m3: Number.NaN, kurt: Number.NaN },
      { n: 0, m2: Number.NaN, m3: Number.NaN, kurt: Number.NaN },
    ],
    seenNode: new Array<FrameworkNode | null>(framework.nodes.length).fill(null),
    seenIndicator: new Array<IndicatorNode | null>(I).fill(null),
    seenIndicators: null,
    specs: new Array<NormalisationSpec>(I),
    referenceUnit: new Int32Array(I),
    treatments: new Array<TreatmentSpec>(I),
    directions: new Int8Array(I),
    caps: new Uint8Array(I),
    output: new BlockPanel(raw.units, raw.periods, codes, values, flags),
  };
}

/** A panel's cells column by column: every row of its first column, then of its second, … */
function byColumn(panel: Panel): StridedCells {
  const rows = panel.units.length * panel.periods.length;
  const C = panel.codes.length;
  const values = new Float64Array(rows * C);
  const flags = new Uint8Array(rows * C);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < C; c++) {
      values[c * rows + r] = panel.values[r * C + c];
      flags[c * rows + r] = panel.flags[r * C + c];
    }
  }
  return { values, flags, rowStride: 1, columnStride: rows };
}

/** Each period's raw cells of the indicators' source columns, as the first columns of a block (column k of unit u at k × U + u). */
function indicatorBlocks(panel: Panel, source: Int32Array): Pick<Compiled, 'rawIndicatorsOf' | 'rawIndicatorFlagsOf'> {
  const U = panel.units.length;
  const C = panel.codes.length;
  const I = source.length;
  const rawIndicatorsOf: Float64Array[] = [];
  const rawIndicatorFlagsOf: Uint8Array[] = [];
  for (let p = 0; p < panel.periods.length; p++) {
    const values = new Float64Array(I * U);
    const flags = new Uint8Array(I * U);
    for (let k = 0; k < I; k++) {
      for (let u = 0; u < U; u++) {
        values[k * U + u] = panel.values[(p * U + u) * C + source[k]];
        flags[k * U + u] = panel.flags[(p * U + u) * C + source[k]];
      }
    }
    rawIndicatorsOf.push(values);
    rawIndicatorFlagsOf.push(flags);
  }
  return { rawIndicatorsOf, rawIndicatorFlagsOf };
}

/** The units' groups in a grouping as index arrays, or null when the grouping is absent or a unit has no group. */
function unitGroupsOf(units: readonly string[], grouping: Readonly<Record<string, string>> | undefined): { groupOf: Int32Array; groupCount: number } | null {
  if (!grouping) return null;
  const labels: string[] = [];
  for (const unit of units) {
    if (!Object.prototype.hasOwnProperty.call(grouping, unit) || typeof grouping[unit] !== 'string') return null;
    labels.push(grouping[unit]);
  }
  return groupIndex(labels);
}

/**
 * One replication into the output panel; false when the staged pipeline
 * must run instead (the framework changes what was compiled, a method
 * scores across periods, a reference unit is absent, or a denominator is
 * out of its domain: the staged verbs then say so in their words).
 */
function replicate(plan: Compiled, framework: Framework): boolean {
  const { U, P, I, K, node, fixed, seenNode, seenIndicator } = plan;
  const nodes = framework.nodes;
  if (framework.indicators.length !== I || nodes.length !== seenNode.length || framework.aggregates.length !== K - I) return false;
  // A framework is an immutable value, and a revised one shares the node
  // objects its revision left alone: a node seen before is not read again
  // (a run then reads only the nodes its settings changed).
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i] === seenNode[i]) continue;
    if (nodes[i].code !== plan.nodeCodes[i]) return false;
    seenNode[i] = nodes[i];
  }
  if (framework.indicators !== plan.seenIndicators) {
    for (let k = 0; k < I; k++) if (framework.indicators[k] !== plan.nodeCodes[node[k]]) return false;
    plan.seenIndicators = framework.indicators;
  }
  for (let k = 0; k < I; k++) {
    const indicator = nodes[node[k]] as IndicatorNode;
    if (indicator === seenIndicator[k]) continue;
    const was = fixed[k];
    if (indicator.denominator !== was.denominator || indicator.window !== was.window || indicator.transform !== was.transform || indicator.imputation !== was.imputation) return false;
    const spec = indicator.normalisation;
    if (scoresAcrossPeriodsOf(spec)) return false;
    let reference = -1;
    if (spec.method === 'distanceToReference' && 'unit' in spec.reference) {
      reference = plan.raw.units.indexOf(spec.reference.unit);
      if (reference < 0) return false;
    }
    plan.specs[k] = spec;
    plan.referenceUnit[k] = reference;
    plan.treatments[k] = indicator.treatment;
    plan.directions[k] = indicator.direction;
    plan.caps[k] = 'cap' in spec && spec.cap ? 1 : 0;
    seenIndicator[k] = indicator;
  }
  plan.output.invalidate();
  // Denominate: every indicator's raw cells copied into the blocks, then the rates worked out over those with a denominator.
  for (let p = 0; p < P; p++) {
    plan.blockOf[p].set(plan.rawIndicatorsOf[p]);
    plan.blockFlagsOf[p].set(plan.rawIndicatorFlagsOf[p]);
    if (denominateInto(plan.rawByColumn, plan.columns, p * U, U, plan, p * K * U, 1, U, null, false) !== 0) return false;
  }
  imputeAll(plan);
  treatAll(plan);
  scoreAll(plan);
  const aggregation = aggregationPlanOf(framework);
  for (let p = 0; p < P; p++) aggregateBlock(aggregation, plan.blockOf[p], plan.blockFlagsOf[p], plan.output, p, null);
  return true;
}

/*
 * The loops over a column's cells are small functions of their own, called
 * column after column: V8 then optimizes each as a whole within the first
 * replications, where a loop nested in a function called once a
 * replication is compiled on the fly (on-stack replacement) and left again
 * at every turn of the outer loop.
 */

/**
 * For each of the first `n` positions marked in `marks` (each mark cleared):
 * `flag` added at `flags[base + i × stride]`, and `from[i]` written to
 * `into[i]` when they are given.
 */
function flagMarked(marks: Uint8Array, n: number, flags: Uint8Array, base: number, stride: number, flag: number, from: Float64Array | null, into: Float64Array | null): void {
  for (let i = 0; i < n; i++) {
    if (marks[i] === 0) continue;
    marks[i] = 0;
    flags[base + i * stride] |= flag;
    if (from !== null && into !== null) into[i] = from[i];
  }
}

/** `impute` in place: each job's kernel over the runs (periods or units) that have a gap. */
function imputeAll(plan: Compiled): void {
  const { U, P, K, imputations, filled, scratch, values, flags } = plan;
  for (const { k, spec, along, groupOf, groupCount, gappy } of imputations) {
    const n = along === 'units' ? U : P;
    const stride = along === 'units' ? 1 : K * U;
    for (let r = 0; r < gappy.length; r++) {
      if (gappy[r] === 0) continue;
      const base = along === 'units' ? (r * K + k) * U : k * U + r;
      const count = imputeInto(values, base, stride, n, spec, groupOf, groupCount, scratch, filled);
      for (let m = 0; m < count; m++) flags[base + filled[m] * stride] |= Flag.Imputed;
    }
  }
}

/**
 * `treat` in place: each indicator's treatment kernel over each period's
 * units, changed cells written back. The columns to treat are measured two
 * by two (`momentsOfTwoInto`: the same moments, found faster), each then
 * treated with its moments given, unless they pass on their kurtosis
 * (`passesOnKurtosis`: the kernel would leave the column as it is).
 */
function treatAll(plan: Compiled): void {
  const { U, P, I, K, treatments, columnOf, pairMoments } = plan;
  for (let p = 0; p < P; p++) {
    let waiting = -1;
    for (let k = 0; k < I; k++) {
      if (treatments[k].method === 'none') continue;
      if (waiting < 0) {
        waiting = k;
        continue;
      }
      momentsOfTwoInto(columnOf[p * K + waiting], columnOf[p * K + k], U, pairMoments[0], pairMoments[1]);
      treatColumn(plan, p, waiting, pairMoments[0]);
      treatColumn(plan, p, k, pairMoments[1]);
      waiting = -1;
    }
    if (waiting >= 0) treatColumn(plan, p, waiting, null);
  }
}

/** Indicator k's treatment in period p, with its moments when they were measured (see `treatAll`). */
function treatColumn(plan: Compiled, p: number, k: number, moments: CentralMoments | null): void {
  const { U, K, treatment, columnOf, flags } = plan;
  const column = columnOf[p * K + k];
  if (moments !== null) {
    if (passesOnKurtosis(moments, plan.treatments[k])) return;
    measuredBefore(treatment, moments);
  }
  treatInto(column, U, plan.treatments[k], treatment);
  // A column left as it was has no marks.
  if (treatment.method === 'none') return;
  flagMarked(treatment.marks, U, flags, (p * K + k) * U, 1, Flag.Treated, treatment.out, column);
}

/**
 * `normalise` in place: each indicator's scoring kernel over each period's
 * units (as the plan's fused pass); the z-scored columns two by two
 * (`zScoreOfTwoInPlace`: the same scores, found faster).
 */
function scoreAll(plan: Compiled): void {
  const { U, P, I, K, capped, columnOf, flags, specs, referenceUnit, directions, caps } = plan;
  for (let p = 0; p < P; p++) {
    let waiting = -1;
    for (let k = 0; k < I; k++) {
      const column = columnOf[p * K + k];
      const spec = specs[k];
      if (spec.method === 'zScore') {
        if (waiting < 0) {
          waiting = k;
          continue;
        }
        const first = specs[waiting] as Extract<NormalisationSpec, { method: 'zScore' }>;
        zScoreOfTwoInPlace(columnOf[p * K + waiting], directions[waiting], first.mean, first.sd, column, directions[k], spec.mean, spec.sd);
        waiting = -1;
        continue;
      }
      // `capped` is all 0 between columns: each mark is cleared as it is read (a kernel marks only where its spec caps).
      scoreInto(column, column, capped, specs[k], directions[k] as 1 | -1, referenceUnit[k]);
      if (caps[k] === 1) flagMarked(capped, U, flags, (p * K + k) * U, 1, Flag.Capped, null, null);
    }
    if (waiting >= 0) scoreInto(columnOf[p * K + waiting], columnOf[p * K + waiting], capped, specs[waiting], directions[waiting] as 1 | -1, referenceUnit[waiting]);
  }
}
