import { PinganError } from '../errors/pinganError.ts';
import type { AggregateNode, Framework, FrameworkNode } from '../framework/defineFramework.ts';
import { aggregationMethods, arithmeticMean, geometricMean, type FloatMean } from '../methods/aggregationMethods.ts';
import { copelandScores } from '../aggregate/copelandScores.ts';
import { Flag } from '../panel/flags.ts';
import { TypedArena } from './typedArena.ts';

/**
 * A framework's aggregation, compiled to typed arrays: for aggregate `a` (in
 * `framework.aggregates` order), its children are entries
 * `childStart[a]` to `childStart[a + 1]` of `childColumn` (their column in
 * the aggregated panel, indicators first) and `weights`. The tree is fixed
 * when the plan is compiled; weights and methods are read again from a
 * revised framework by `refreshAggregation`, in place and without
 * allocating, so a weight change costs one pass over the nodes.
 */
export interface AggregationPlan {
  /** The tree compiled: each node's code and parent, in `framework.nodes` order. */
  readonly nodeCodes: readonly string[];
  readonly nodeParents: readonly (string | null)[];
  /** The columns of the aggregated panel: the indicators, then the aggregates. */
  readonly codes: readonly string[];
  readonly indicators: readonly string[];
  readonly aggregateCodes: readonly string[];
  readonly childStart: Int32Array;
  readonly childColumn: Int32Array;
  /** Each child entry's node, as an index into `framework.nodes` (where its weight is read). */
  readonly childNode: Int32Array;
  /** Each aggregate's node, as an index into `framework.nodes`. */
  readonly aggregateNode: Int32Array;
  readonly weights: Float64Array;
  /**
   * Each child's share of its siblings' weight when all are present,
   * `weights[i] / Σ weights` with the sum taken in child order: the very
   * numbers the arithmetic mean divides out when no child is missing.
   */
  readonly shares: Float64Array;
  readonly power: Float64Array;
  readonly minAvailability: Float64Array;
  /** 1 where a present child must be positive (a log or a division by it). */
  readonly positiveOnly: Uint8Array;
  /** 1 for Copeland's method, which compares the units of a period. */
  readonly acrossUnits: Uint8Array;
  readonly kernels: (FloatMean | null)[];
  readonly labels: string[];
  /** Whether some aggregate compares units (so periods are aggregated a whole period at a time). */
  hasAcrossUnits: boolean;
  /** Scratch: each indicator's column in the panel being aggregated. */
  readonly sourceColumns: Int32Array;
  /** Scratch: the columns an incremental rebuild reads (each its own index, or -1). */
  readonly readColumns: Int32Array;
  /** Each indicator's node, as an index into `framework.nodes`. */
  readonly indicatorNode: Int32Array;
  /**
   * The node objects whose settings the plan holds (see
   * `refreshAggregation`): at each position of `framework.nodes`, the last
   * node whose code and parent were checked; at each child entry, the node
   * whose weight is in `weights`; for each aggregate, the node whose
   * aggregation is in `power` … `labels`.
   */
  readonly seenAsTree: (FrameworkNode | null)[];
  readonly seenAsChild: (FrameworkNode | null)[];
  readonly seenAsAggregate: (FrameworkNode | null)[];
  /** Scratch: 1 for each aggregate to compute again in an incremental rebuild. */
  readonly dirty: Uint8Array;
  /**
   * Scratch of `aggregateBlock`: each child entry's offset in a column-major
   * block of `blockUnits` units (`childColumn × blockUnits`).
   */
  readonly blockOffsets: Int32Array;
  blockUnits: number;
}

/** The plans kept, by tree (`framework.aggregates`). */
const compiled = new WeakMap<readonly string[], AggregationPlan>();
/** The trees asked for once, whose plan was not kept. */
const askedOnce = new WeakSet<readonly string[]>();

/**
 * The aggregation plan of a framework's tree, compiled and kept for every
 * framework that shares its tree (`reviseNodes` keeps it), then refreshed
 * with this framework's weights and methods. A tree's plan is kept from
 * its second compilation on: a plan held by a WeakMap outlives every
 * young-generation GC until the next full one, with the framework it
 * references, so a build from a new framework each time (ASEM from its
 * tables in a loop) had each build's framework copied by every scavenge
 * and promoted (10-12 ms scavenges where they take about 1 ms); a tree
 * asked for again (the analyses' revised frameworks, a workbench's weight
 * changes) is compiled once more, then kept.
 *
 * @example
 * const plan = aggregationPlanOf(fw);
 * plan.codes; // [...fw.indicators, ...fw.aggregates]
 */
export function aggregationPlanOf(framework: Framework): AggregationPlan {
  const tree = framework.aggregates;
  let plan = compiled.get(tree);
  if (!plan || !refreshAggregation(plan, framework)) {
    plan = compileAggregation(framework);
    if (askedOnce.has(tree)) compiled.set(tree, plan);
    else askedOnce.add(tree);
  }
  return plan;
}

/**
 * Compiles the tree (the one place a lookup table is built). Its typed
 * arrays are views into one buffer (`TypedArena`): a build from a new
 * framework compiles a plan, and a score of small arrays each with a
 * backing store of its own took longer than the rest of the compilation.
 */
function compileAggregation(framework: Framework): AggregationPlan {
  const { nodes, indicators, aggregates } = framework;
  const I = indicators.length;
  const A = aggregates.length;
  const N = nodes.length;
  const nodeIndex = new Map<string, number>();
  for (let i = 0; i < N; i++) nodeIndex.set(nodes[i].code, i);
  let entries = 0;
  for (let a = 0; a < A; a++) {
    const node = framework.byCode.get(aggregates[a]);
    if (!node || node.type !== 'aggregate') throw new PinganError('unknown-code', `aggregate: "${aggregates[a]}" is not an aggregate of the framework`);
    entries += node.children.length;
  }
  const K = I + A;
  const arena = new TypedArena({ float64: 2 * entries + 2 * A, int32: 2 * I + K + N + 2 * A + 1 + 3 * entries, bytes: 3 * A });
  // Each node's column in the aggregated panel (indicators, then aggregates), -1 for none: the columns by node index, not by a second lookup table.
  const columnOfNode = arena.int32(N).fill(-1);
  const indicatorNode = arena.int32(I);
  for (let k = 0; k < I; k++) {
    const at = nodeIndex.get(indicators[k]) as number;
    indicatorNode[k] = at;
    columnOfNode[at] = k;
  }
  const childStart = arena.int32(A + 1);
  const aggregateNode = arena.int32(A);
  const childColumn = arena.int32(entries);
  const childNode = arena.int32(entries);
  for (let a = 0; a < A; a++) columnOfNode[(aggregateNode[a] = nodeIndex.get(aggregates[a]) as number)] = I + a;
  entries = 0;
  for (let a = 0; a < A; a++) {
    const code = aggregates[a];
    const children = (framework.byCode.get(code) as AggregateNode).children;
    childStart[a] = entries;
    for (let i = 0; i < children.length; i++, entries++) {
      const at = nodeIndex.get(children[i]);
      const column = at === undefined ? -1 : columnOfNode[at];
      if (at === undefined || column < 0) throw new PinganError('unknown-code', `aggregate: child "${children[i]}" of "${code}" is not in the framework`);
      childColumn[entries] = column;
      childNode[entries] = at;
    }
  }
  childStart[A] = entries;
  const nodeCodes = new Array<string>(N);
  const nodeParents = new Array<string | null>(N);
  for (let i = 0; i < N; i++) {
    nodeCodes[i] = nodes[i].code;
    nodeParents[i] = nodes[i].parent;
  }
  const plan: AggregationPlan = {
    nodeCodes,
    nodeParents,
    codes: [...indicators, ...aggregates],
    indicators,
    aggregateCodes: aggregates,
    childStart,
    childColumn,
    childNode,
    aggregateNode,
    weights: arena.float64(entries),
    shares: arena.float64(entries),
    power: arena.float64(A),
    minAvailability: arena.float64(A),
    positiveOnly: arena.uint8(A),
    acrossUnits: arena.uint8(A),
    kernels: new Array<FloatMean | null>(A).fill(null),
    labels: new Array<string>(A).fill(''),
    hasAcrossUnits: false,
    sourceColumns: arena.int32(I),
    readColumns: arena.int32(K),
    indicatorNode,
    seenAsTree: new Array<FrameworkNode | null>(N).fill(null),
    seenAsChild: new Array<FrameworkNode | null>(entries).fill(null),
    seenAsAggregate: new Array<FrameworkNode | null>(A).fill(null),
    dirty: arena.uint8(A),
    blockOffsets: arena.int32(entries),
    blockUnits: 0,
  };
  refreshAggregation(plan, framework);
  return plan;
}

/**
 * Reads the weights and methods of `framework` into the plan, in place;
 * false (and the plan untouched) when the framework's tree is not the
 * plan's. Throws a `PinganError` for a generalised mean without a power.
 * A framework is an immutable value, and a revised one shares the node
 * objects its revision left alone: a node read before (`seenAsTree`,
 * `seenAsChild`, `seenAsAggregate`) is not read again, and an aggregate's
 * shares are worked out again only when a child's node changed.
 */
function refreshAggregation(plan: AggregationPlan, framework: Framework): boolean {
  const nodes = framework.nodes;
  const N = plan.nodeCodes.length;
  if (nodes.length !== N) return false;
  const { childNode, weights, shares, childStart, seenAsTree, seenAsChild, seenAsAggregate } = plan;
  for (let i = 0; i < N; i++) {
    const node = nodes[i];
    if (node === seenAsTree[i]) continue;
    if (node.code !== plan.nodeCodes[i] || node.parent !== plan.nodeParents[i]) return false;
    seenAsTree[i] = node;
  }
  for (let a = 0; a < plan.aggregateNode.length; a++) {
    let reweighted = false;
    for (let j = childStart[a]; j < childStart[a + 1]; j++) {
      const child = nodes[childNode[j]];
      if (child === seenAsChild[j]) continue;
      weights[j] = child.weight;
      seenAsChild[j] = child;
      reweighted = true;
    }
    if (reweighted) {
      let total = 0;
      for (let i = childStart[a]; i < childStart[a + 1]; i++) total += weights[i];
      for (let i = childStart[a]; i < childStart[a + 1]; i++) shares[i] = weights[i] / total;
    }
    const node = nodes[plan.aggregateNode[a]] as AggregateNode;
    if (node === seenAsAggregate[a]) continue;
    const spec = node.aggregation;
    const method = aggregationMethods[spec.method];
    let power = 1;
    if (spec.method === 'generalised') {
      power = spec.power ?? Number.NaN;
      if (power === 0 || power !== power) throw new PinganError('invalid-argument', `aggregate: the generalised mean of "${plan.aggregateCodes[a]}" needs a non-zero power`);
    }
    plan.power[a] = power;
    plan.minAvailability[a] = spec.minAvailability;
    plan.positiveOnly[a] = method.positiveOnly(power) ? 1 : 0;
    plan.acrossUnits[a] = method.acrossUnits ? 1 : 0;
    plan.kernels[a] = method.float;
    plan.labels[a] = method.label(power);
    seenAsAggregate[a] = node;
  }
  let across = false;
  for (let a = 0; a < plan.acrossUnits.length; a++) if (plan.acrossUnits[a] === 1) across = true;
  plan.hasAcrossUnits = across;
  return true;
}

/** Where the aggregation writes: a panel-shaped grid with the plan's columns (`rows × codes.length`). */
export interface AggregationTarget {
  readonly values: Float64Array;
  readonly flags: Uint8Array;
  readonly units: readonly string[];
  readonly periods: readonly string[];
  /** New arrays, still all zero (so a zero flag need not be written). */
  readonly fresh?: boolean;
}

/**
 * Aggregate `a` of one cell through its kernel, whatever is missing: its
 * children are `values[base + offsets[i]]` (`offsets` is `childColumn` in a
 * row-major panel, or scaled to a column-major block) and the result goes
 * to `values[out]`; `row` (unit and period in `target`) names the cell in
 * an error.
 */
function aggregateCell(
  plan: AggregationPlan,
  values: Float64Array,
  flags: Uint8Array,
  base: number,
  offsets: Int32Array,
  out: number,
  a: number,
  target: AggregationTarget,
  row: number,
): void {
  const from = plan.childStart[a];
  const to = plan.childStart[a + 1];
  const n = to - from;
  const weights = plan.weights;
  let present = 0;
  let sw = 0;
  let flagUnion = 0;
  for (let i = from; i < to; i++) {
    const at = base + offsets[i];
    const v = values[at];
    if (v === v) {
      present++;
      sw += weights[i];
      flagUnion |= flags[at];
    }
  }
  // COINr: if (sum(!is.na(x_row)) / lx < dat_thresh) NA
  if (present === 0 || present / n < plan.minAvailability[a]) {
    values[out] = Number.NaN;
    flags[out] = Flag.None;
    return;
  }
  if (plan.positiveOnly[a] === 1) {
    for (let i = from; i < to; i++) {
      const v = values[base + offsets[i]];
      if (v <= 0) nonPositive(plan, target, row, a, i, v);
    }
  }
  const kernel = plan.kernels[a] as FloatMean;
  // The arithmetic mean, by far the commonest, is called directly (so it is inlined).
  values[out] = kernel === arithmeticMean ? arithmeticMean(values, base, offsets, weights, from, to, sw, 1) : kernel(values, base, offsets, weights, from, to, sw, plan.power[a]);
  flags[out] = present < n ? flagUnion | Flag.Partial : flagUnion;
}

/**
 * Aggregates period `p` of `target` held column-major in `block`: the value
 * of column `c` (indicators, then aggregates, as `plan.codes`) for unit `u`
 * at `c × U + u`, flags likewise in `blockFlags`. An arithmetic mean runs
 * column by column over contiguous arrays, adding each unit's terms in the
 * same order as the arithmetic kernel (so the same numbers); a unit with a
 * missing child, and the other means, run cell by cell; Copeland's method
 * compares the period's units. With `only`, the aggregates marked 0 there
 * are left as the block holds them. With `flagged` false, every flag in the
 * block is zero and the column-by-column means leave theirs so. Returns how
 * many cells were computed one by one (each may have set a flag).
 */
export function aggregateBlock(plan: AggregationPlan, block: Float64Array, blockFlags: Uint8Array, target: AggregationTarget, p: number, only: Uint8Array | null, flagged = true): number {
  const U = target.units.length;
  const { childStart, childColumn, kernels } = plan;
  if (plan.blockUnits !== U) {
    for (let i = 0; i < childColumn.length; i++) plan.blockOffsets[i] = childColumn[i] * U;
    plan.blockUnits = U;
  }
  let one = 0;
  // Each mean's passes over the units are a function of their own, called
  // once an aggregate: with those long loops here, in a function called
  // once a period, V8 could be left entering this function through code
  // that deoptimises at a loop on every call, for good.
  for (let a = 0; a < plan.aggregateNode.length; a++) {
    const n = childStart[a + 1] - childStart[a];
    if (only !== null && only[a] === 0) continue;
    if (plan.acrossUnits[a] === 1) {
      copelandBlock(plan, block, blockFlags, target, a);
      one += U;
    } else if (kernels[a] === arithmeticMean && n > 0) one += arithmeticColumn(plan, block, blockFlags, target, p, a, flagged);
    else if (kernels[a] === geometricMean && n > 0) one += geometricColumn(plan, block, blockFlags, target, p, a);
    else {
      cellByCell(plan, block, blockFlags, target, p, a);
      one += U;
    }
  }
  return one;
}

/**
 * The arithmetic mean of aggregate `a` over a period's block (see
 * `aggregateBlock`), column by column: Σ shares[i] · x over every child, in
 * child order from 0 (0 + x, so that a -0 term gives +0 as in the row-wise
 * sum), and with `flagged` the union of their flags; a missing child makes
 * the sum NaN, and that unit is then computed cell by cell. Returns how
 * many cells were computed one by one.
 */
function arithmeticColumn(plan: AggregationPlan, block: Float64Array, blockFlags: Uint8Array, target: AggregationTarget, p: number, a: number, flagged: boolean): number {
  const U = target.units.length;
  const { blockOffsets: offsets, shares } = plan;
  const from = plan.childStart[a];
  const to = plan.childStart[a + 1];
  const out = (plan.indicators.length + a) * U;
  let one = 0;
  const at0 = offsets[from];
  const share0 = shares[from];
  // The children before the last two at a time: each sum read and written
  // once for both terms, added in the same order ((sum + term) + next
  // term), a child's term and its flags in one loop. On ASEM's tree a block
  // takes about 18% less time than a child at a time.
  let i = from + 1;
  if (to - from >= 3) {
    const at1 = offsets[from + 1];
    const share1 = shares[from + 1];
    if (flagged) {
      for (let u = 0; u < U; u++) {
        block[out + u] = 0 + share0 * block[at0 + u] + share1 * block[at1 + u];
        blockFlags[out + u] = blockFlags[at0 + u] | blockFlags[at1 + u];
      }
    } else for (let u = 0; u < U; u++) block[out + u] = 0 + share0 * block[at0 + u] + share1 * block[at1 + u];
    i = from + 2;
  } else if (flagged) {
    for (let u = 0; u < U; u++) {
      block[out + u] = 0 + share0 * block[at0 + u];
      blockFlags[out + u] = blockFlags[at0 + u];
    }
  } else for (let u = 0; u < U; u++) block[out + u] = 0 + share0 * block[at0 + u];
  for (; i + 1 < to - 1; i += 2) {
    const at = offsets[i];
    const share = shares[i];
    const atNext = offsets[i + 1];
    const shareNext = shares[i + 1];
    if (flagged) {
      for (let u = 0; u < U; u++) {
        block[out + u] = block[out + u] + share * block[at + u] + shareNext * block[atNext + u];
        blockFlags[out + u] |= blockFlags[at + u] | blockFlags[atNext + u];
      }
    } else for (let u = 0; u < U; u++) block[out + u] = block[out + u] + share * block[at + u] + shareNext * block[atNext + u];
  }
  for (; i < to; i++) {
    const at = offsets[i];
    const share = shares[i];
    if (i < to - 1) {
      if (flagged) {
        for (let u = 0; u < U; u++) {
          block[out + u] += share * block[at + u];
          blockFlags[out + u] |= blockFlags[at + u];
        }
      } else for (let u = 0; u < U; u++) block[out + u] += share * block[at + u];
    } else {
      // The last term, and each sum checked as it is made (a cell computed alone writes its own flags).
      for (let u = 0; u < U; u++) {
        if (flagged) blockFlags[out + u] |= blockFlags[at + u];
        const sum = block[out + u] + share * block[at + u];
        block[out + u] = sum;
        if (sum !== sum) {
          aggregateCell(plan, block, blockFlags, u, offsets, out + u, a, target, p * U + u);
          one++;
        }
      }
    }
  }
  if (to - from === 1) {
    for (let u = 0; u < U; u++) {
      if (block[out + u] !== block[out + u]) {
        aggregateCell(plan, block, blockFlags, u, offsets, out + u, a, target, p * U + u);
        one++;
      }
    }
  }
  return one;
}

/**
 * The geometric mean of aggregate `a` over a period's block, column by
 * column: Σ w · ln x over every child, in child order from 0 (as the kernel
 * adds them), then exp(Σ / Σw); a unit whose sum is not finite (a child
 * missing or ≤ 0) is computed cell by cell, which raises the error about
 * it, unit by unit as before. Returns how many cells were computed one by
 * one (each may have flagged its cell partial).
 */
function geometricColumn(plan: AggregationPlan, block: Float64Array, blockFlags: Uint8Array, target: AggregationTarget, p: number, a: number): number {
  const U = target.units.length;
  const { blockOffsets: offsets, weights } = plan;
  const from = plan.childStart[a];
  const to = plan.childStart[a + 1];
  const out = (plan.indicators.length + a) * U;
  let one = 0;
  let total = 0;
  for (let i = from; i < to; i++) total += weights[i];
  const at0 = offsets[from];
  const w0 = weights[from];
  // Two children at a time, as in `arithmeticColumn` (the logs take most
  // of the time: about 9% less on ASEM's tree).
  let i = from + 1;
  if (to - from >= 2) {
    const at1 = offsets[from + 1];
    const w1 = weights[from + 1];
    for (let u = 0; u < U; u++) {
      block[out + u] = 0 + w0 * Math.log(block[at0 + u]) + w1 * Math.log(block[at1 + u]);
      blockFlags[out + u] = blockFlags[at0 + u] | blockFlags[at1 + u];
    }
    i = from + 2;
  } else {
    for (let u = 0; u < U; u++) {
      block[out + u] = 0 + w0 * Math.log(block[at0 + u]);
      blockFlags[out + u] = blockFlags[at0 + u];
    }
  }
  for (; i + 1 < to; i += 2) {
    const at = offsets[i];
    const w = weights[i];
    const atNext = offsets[i + 1];
    const wNext = weights[i + 1];
    for (let u = 0; u < U; u++) {
      block[out + u] = block[out + u] + w * Math.log(block[at + u]) + wNext * Math.log(block[atNext + u]);
      blockFlags[out + u] |= blockFlags[at + u] | blockFlags[atNext + u];
    }
  }
  for (; i < to; i++) {
    const at = offsets[i];
    const w = weights[i];
    for (let u = 0; u < U; u++) {
      block[out + u] += w * Math.log(block[at + u]);
      blockFlags[out + u] |= blockFlags[at + u];
    }
  }
  for (let u = 0; u < U; u++) {
    const sum = block[out + u];
    if (sum - sum === 0) block[out + u] = Math.exp(sum / total);
    else {
      aggregateCell(plan, block, blockFlags, u, offsets, out + u, a, target, p * U + u);
      one++;
    }
  }
  return one;
}

/** Aggregate `a` of a period's block unit by unit through its kernel (see `aggregateCell`). */
function cellByCell(plan: AggregationPlan, block: Float64Array, blockFlags: Uint8Array, target: AggregationTarget, p: number, a: number): void {
  const U = target.units.length;
  const out = (plan.indicators.length + a) * U;
  for (let u = 0; u < U; u++) aggregateCell(plan, block, blockFlags, u, plan.blockOffsets, out + u, a, target, p * U + u);
}

/** Copeland's method for aggregate `a` over the units of one period held in a block (see `aggregateBlock`). */
function copelandBlock(plan: AggregationPlan, block: Float64Array, blockFlags: Uint8Array, target: AggregationTarget, a: number): void {
  const U = target.units.length;
  const offsets = plan.blockOffsets;
  const from = plan.childStart[a];
  const to = plan.childStart[a + 1];
  const n = to - from;
  const out = (plan.indicators.length + a) * U;
  const table = Array.from({ length: U }, (_, u) => Array.from({ length: n }, (_, j) => block[offsets[from + j] + u]));
  const scores = copelandScores(table, Array.from(plan.weights.subarray(from, to)));
  for (let u = 0; u < U; u++) {
    let present = 0;
    let flagUnion = 0;
    for (let i = from; i < to; i++) {
      const v = block[offsets[i] + u];
      if (v === v) {
        present++;
        flagUnion |= blockFlags[offsets[i] + u];
      }
    }
    const missing = present === 0 || present / n < plan.minAvailability[a];
    block[out + u] = missing ? Number.NaN : scores[u];
    blockFlags[out + u] = missing ? Flag.None : present < n ? flagUnion | Flag.Partial : flagUnion;
  }
}

function nonPositive(plan: AggregationPlan, target: AggregationTarget, row: number, a: number, i: number, value: number): never {
  const U = target.units.length;
  const unit = target.units[row % U];
  const period = target.periods[Math.floor(row / U)];
  throw new PinganError(
    'out-of-domain',
    `${plan.labels[a]} of "${plan.aggregateCodes[a]}" needs positive values: unit "${unit}", period "${period}", child "${plan.nodeCodes[plan.childNode[i]]}" is ${value}`,
  );
}

/**
 * Marks in `plan.dirty` the aggregates whose result may differ between the
 * nominal framework and the one the plan was last refreshed with: a child's
 * weight or the aggregation settings changed, or a child aggregate is dirty
 * (children come before parents). Returns how many are dirty, or -1 when an
 * incremental rebuild does not apply (the trees differ, or a Copeland
 * aggregate compares units).
 */
export function markChanged(plan: AggregationPlan, nominal: Framework): number {
  const nodes = nominal.nodes;
  const N = plan.nodeCodes.length;
  if (plan.hasAcrossUnits || nodes.length !== N) return -1;
  for (let i = 0; i < N; i++) if (nodes[i].code !== plan.nodeCodes[i] || nodes[i].parent !== plan.nodeParents[i]) return -1;
  const { childStart, childColumn, childNode, weights, dirty } = plan;
  const I = plan.indicators.length;
  let count = 0;
  for (let a = 0; a < dirty.length; a++) {
    const spec = (nodes[plan.aggregateNode[a]] as AggregateNode).aggregation;
    let changed =
      aggregationMethods[spec.method].float !== plan.kernels[a] ||
      spec.minAvailability !== plan.minAvailability[a] ||
      (spec.method === 'generalised' && spec.power !== plan.power[a]);
    for (let i = childStart[a]; i < childStart[a + 1] && !changed; i++) {
      if (nodes[childNode[i]].weight !== weights[i]) changed = true;
      else if (childColumn[i] >= I && dirty[childColumn[i] - I] === 1) changed = true;
    }
    dirty[a] = changed ? 1 : 0;
    if (changed) count++;
  }
  return count;
}
