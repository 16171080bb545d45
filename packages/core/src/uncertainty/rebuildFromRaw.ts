import type { Framework, FrameworkNode, IndicatorNode } from '../framework/defineFramework.ts';
import type { ImputationSpec } from '../framework/methods.ts';
import { groupIndex, imputationMethods, imputeInto } from '../methods/imputationMethods.ts';
import { treatInto, treatmentWork, type TreatmentWork } from '../methods/treatmentMethods.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { buildIndex, type BuildOptions } from '../pipeline/buildIndex.ts';
import { scoreAndAggregate } from '../plan/scorePlan.ts';
import type { Rebuild } from './uncertaintyAnalysis.ts';

/** The publisher's flags that travel from a denominator to the rate made with it (as `denominate`). */
const DENOMINATOR_FLAGS = Flag.Estimated | Flag.Provisional;

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

/** What stays the same across the replications of an analysis, worked out once. */
interface Compiled {
  readonly U: number;
  readonly P: number;
  readonly C: number;
  readonly I: number;
  readonly rawValues: Float64Array;
  readonly rawFlags: Uint8Array;
  /** Each indicator's node, as an index into `framework.nodes` (a revised framework keeps the order). */
  readonly node: Int32Array;
  /** Every node's position in `framework.nodes`, by code. */
  readonly nodeAt: ReadonlyMap<string, number>;
  readonly nodeCodes: readonly string[];
  readonly source: Int32Array;
  readonly denominator: Int32Array;
  readonly scale: Float64Array;
  /** The nominal nodes' settings a replication may not change (else it runs the staged pipeline). */
  readonly fixed: readonly Pick<IndicatorNode, 'denominator' | 'window' | 'transform' | 'imputation'>[];
  readonly imputations: readonly ImputationJob[];
  /** The working panel (indicator columns, as `denominate` makes it), refilled by every replication. */
  readonly work: Panel & { readonly values: Float64Array; readonly flags: Uint8Array };
  readonly filled: Uint8Array;
  readonly scratch: Float64Array;
  readonly section: Float64Array;
  readonly treatment: TreatmentWork;
}

/**
 * A `Rebuild` for the uncertainty and sensitivity analyses that does every
 * step from the raw panel, as COINr's `Regen` does (denominate, impute,
 * treat, normalise, aggregate), with the run's framework, and gives the
 * very numbers `buildIndex(framework, raw, options).aggregated` gives.
 *
 * What does not change between replications is worked out once: each
 * indicator's node and columns, the groups of a group-mean imputation as
 * index arrays, and which periods or units have a missing cell. Each
 * replication then refills one working panel in place with the imputation
 * and treatment kernels (`methods/`), allocating nothing per cell and
 * building no lookup table, and scores and aggregates it through the
 * compiled plan into one aggregated panel, also reused: the panel a call
 * returns is overwritten by the next call (the analyses read what they need
 * from it first). A replication whose framework changes what the plan fixed
 * (a denominator, window, transform or imputation), a build with screening,
 * trailing windows or transforms, or data the staged verbs would reject (a
 * denominator ≤ 0, an unknown grouping) run `buildIndex` instead, so the
 * results and errors are always those of the staged verbs.
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
  // The aggregated panel every replication is written into (made on the first).
  let output: Panel | undefined;
  return (framework) => {
    if (!replicate(compiled, framework)) return staged(framework);
    output ??= outputPanel(compiled, framework);
    return scoreAndAggregate(compiled.work, withLookup(framework, compiled.nodeAt), output) ?? staged(framework);
  };
}

/** The aggregated panel's shape (indicators, then aggregates), with its arrays. */
function outputPanel(plan: Compiled, framework: Framework): Panel {
  const codes = [...framework.indicators, ...framework.aggregates];
  const size = plan.U * plan.P * codes.length;
  return { units: plan.work.units, periods: plan.work.periods, codes, values: new Float64Array(size), flags: new Uint8Array(size) };
}

/**
 * A node lookup over a revised framework's nodes by the nominal framework's
 * code → position table: `reviseNodes` keeps every node where it was, so
 * the table, made once, serves every replication, where the revised
 * framework's own `byCode` would build a Map on first read.
 */
class NodeLookup implements ReadonlyMap<string, FrameworkNode> {
  private readonly nodes: readonly FrameworkNode[];
  private readonly nodeAt: ReadonlyMap<string, number>;
  constructor(nodes: readonly FrameworkNode[], nodeAt: ReadonlyMap<string, number>) {
    this.nodes = nodes;
    this.nodeAt = nodeAt;
  }
  get(code: string): FrameworkNode | undefined {
    const i = this.nodeAt.get(code);
    return i === undefined ? undefined : this.nodes[i];
  }
  has(code: string): boolean {
    return this.nodeAt.has(code);
  }
  get size(): number {
    return this.nodes.length;
  }
  forEach(callback: (node: FrameworkNode, code: string, map: ReadonlyMap<string, FrameworkNode>) => void): void {
    for (const node of this.nodes) callback(node, node.code, this);
  }
  *entries(): MapIterator<[string, FrameworkNode]> {
    for (const node of this.nodes) yield [node.code, node];
  }
  *keys(): MapIterator<string> {
    for (const node of this.nodes) yield node.code;
  }
  *values(): MapIterator<FrameworkNode> {
    yield* this.nodes;
  }
  [Symbol.iterator](): MapIterator<[string, FrameworkNode]> {
    return this.entries();
  }
}

/** The run's framework, its `byCode` read through the nominal table (every other field is the framework's own). */
function withLookup(framework: Framework, nodeAt: ReadonlyMap<string, number>): Framework {
  return Object.create(framework, { byCode: { value: new NodeLookup(framework.nodes, nodeAt), enumerable: true } }) as Framework;
}

function compile(framework: Framework, raw: Panel, options: BuildOptions): Compiled | null {
  if (options.screen) return null;
  const U = raw.units.length;
  const P = raw.periods.length;
  const C = raw.codes.length;
  const I = framework.indicators.length;
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
  const imputations: ImputationJob[] = [];
  for (let k = 0; k < I; k++) {
    const spec = fixed[k].imputation;
    if (spec.method === 'none') continue;
    let groups: { groupOf: Int32Array | null; groupCount: number } = { groupOf: null, groupCount: 1 };
    if (spec.method === 'groupMean' && spec.grouping !== undefined) {
      const grouping = options.unitGroups?.[spec.grouping];
      if (!grouping) return null;
      const labels: string[] = [];
      for (const unit of raw.units) {
        if (!Object.prototype.hasOwnProperty.call(grouping, unit) || typeof grouping[unit] !== 'string') return null;
        labels.push(grouping[unit]);
      }
      groups = groupIndex(labels);
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
  const size = U * P * I;
  const groupCount = imputations.reduce((most, job) => Math.max(most, job.groupCount), 1);
  return {
    U,
    P,
    C,
    I,
    rawValues: raw.values,
    rawFlags: raw.flags,
    node,
    nodeAt,
    nodeCodes: framework.nodes.map((n) => n.code),
    source,
    denominator,
    scale,
    fixed,
    imputations,
    work: { units: raw.units, periods: raw.periods, codes: framework.indicators, values: new Float64Array(size), flags: new Uint8Array(size) },
    filled: new Uint8Array(Math.max(U, P)),
    scratch: new Float64Array(2 * groupCount),
    section: new Float64Array(U),
    treatment: treatmentWork(U),
  };
}

/**
 * One replication's denominate, impute and treat, into the working panel;
 * false when the staged pipeline must run instead (the framework changes
 * what was compiled, or a denominator is out of its domain).
 */
function replicate(plan: Compiled, framework: Framework): boolean {
  const { I, node, fixed } = plan;
  if (framework.indicators.length !== I || framework.nodes.length !== plan.nodeAt.size) return false;
  for (let i = 0; i < framework.nodes.length; i++) if (framework.nodes[i].code !== plan.nodeCodes[i]) return false;
  for (let k = 0; k < I; k++) {
    const indicator = framework.nodes[node[k]] as IndicatorNode | undefined;
    const was = fixed[k];
    if (
      indicator === undefined ||
      indicator.code !== framework.indicators[k] ||
      indicator.denominator !== was.denominator ||
      indicator.window !== was.window ||
      indicator.transform !== was.transform ||
      indicator.imputation !== was.imputation
    ) {
      return false;
    }
  }
  if (!denominateInto(plan)) return false;
  imputeAll(plan);
  treatAll(plan, framework);
  return true;
}

/** `denominate` into the working panel; false where a present value has a denominator ≤ 0 or infinite. */
function denominateInto(plan: Compiled): boolean {
  const { U, P, C, I, source, denominator, scale, rawValues, rawFlags } = plan;
  const { values, flags } = plan.work;
  const rows = U * P;
  for (let r = 0; r < rows; r++) {
    const inRow = r * C;
    const outRow = r * I;
    for (let k = 0; k < I; k++) {
      const i = inRow + source[k];
      const d = denominator[k];
      const v = rawValues[i];
      let f = rawFlags[i];
      let x = v;
      if (d >= 0) {
        const den = rawValues[inRow + d];
        if (den !== den) x = Number.NaN;
        else {
          f |= rawFlags[inRow + d] & DENOMINATOR_FLAGS;
          if (v !== v) x = Number.NaN;
          else if (den > 0 && den !== Number.POSITIVE_INFINITY) x = (v / den) * scale[k];
          else return false;
        }
      }
      values[outRow + k] = x;
      flags[outRow + k] = f;
    }
  }
  return true;
}

/** `impute` in place: each job's kernel over the runs (periods or units) that have a gap. */
function imputeAll(plan: Compiled): void {
  const { U, P, I, imputations, filled, scratch } = plan;
  const { values, flags } = plan.work;
  for (const { k, spec, along, groupOf, groupCount, gappy } of imputations) {
    const n = along === 'units' ? U : P;
    const stride = along === 'units' ? I : U * I;
    for (let r = 0; r < gappy.length; r++) {
      if (gappy[r] === 0) continue;
      const base = along === 'units' ? r * U * I + k : r * I + k;
      if (imputeInto(values, base, stride, n, spec, groupOf, groupCount, scratch, filled) === 0) continue;
      for (let i = 0; i < n; i++) {
        if (filled[i] === 0) continue;
        filled[i] = 0;
        flags[base + i * stride] |= Flag.Imputed;
      }
    }
  }
}

/** `treat` in place: each indicator's treatment kernel over each period's units, changed cells written back. */
function treatAll(plan: Compiled, framework: Framework): void {
  const { U, P, I, node, section, treatment } = plan;
  const { values, flags } = plan.work;
  for (let p = 0; p < P; p++) {
    for (let k = 0; k < I; k++) {
      const spec = (framework.nodes[node[k]] as IndicatorNode).treatment;
      if (spec.method === 'none') continue;
      const base = p * U * I + k;
      for (let u = 0; u < U; u++) section[u] = values[base + u * I];
      treatInto(section, U, spec, treatment);
      const { marks, out } = treatment;
      for (let u = 0; u < U; u++) {
        if (marks[u] === 0) continue;
        values[base + u * I] = out[u];
        flags[base + u * I] |= Flag.Treated;
      }
    }
  }
}
