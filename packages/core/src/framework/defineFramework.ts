import { UnknownCodeError } from '../errors/pinganError.ts';
import type * as z from 'zod/mini';
import { ahpMatrixProblems, ahpWeights } from '../weights/ahp.ts';
import { ValidationError, type ValidationIssue } from './frameworkError.ts';
import type {
  AggregationSpec,
  ImputationSpec,
  NormalisationSpec,
  TransformSpec,
  TreatmentSpec,
  WeightingSpec,
  WindowSpec,
  BandSpec,
} from './methods.ts';
import { ALL_READ, readableParts, type CheckedDocument, type Readable } from './readableParts.ts';
import { checkRevision, revisedFramework, revisedNode } from './revision.ts';
import { FrameworkSchema, type FrameworkDocument, type FrameworkInput, type LocalizedText } from './schema.ts';

export interface IndicatorNode {
  readonly type: 'indicator';
  readonly code: string;
  readonly parent: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly unit?: LocalizedText;
  readonly direction: 1 | -1;
  /** The weight among its siblings, as given or derived by the parent's weighting. */
  readonly weight: number;
  readonly level: 1;
  readonly denominator?: { readonly code: string; readonly scale: number };
  /** A trailing window applied after denomination, if any. */
  readonly window?: WindowSpec;
  readonly transform: TransformSpec;
  readonly imputation: ImputationSpec;
  readonly treatment: TreatmentSpec;
  readonly normalisation: NormalisationSpec;
}

export interface AggregateNode {
  readonly type: 'aggregate';
  readonly code: string;
  readonly parent: string | null;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly weight: number;
  /** 1 + the highest level among its children (indicators are level 1, as in COINr). */
  readonly level: number;
  readonly children: readonly string[];
  readonly aggregation: AggregationSpec;
  readonly weighting: WeightingSpec;
}

export type FrameworkNode = IndicatorNode | AggregateNode;

/**
 * A validated framework with every default resolved: the tree, each node's
 * method settings and its weight among its siblings.
 */
export interface Framework {
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly decimals: number;
  /** Bands for the public, highest first (empty when the framework sets none). */
  readonly bands: readonly BandSpec[];
  readonly denominators: FrameworkDocument['denominators'];
  /** Every node in file order. */
  readonly nodes: readonly FrameworkNode[];
  readonly byCode: ReadonlyMap<string, FrameworkNode>;
  /** Indicator codes in file order. */
  readonly indicators: readonly string[];
  /** Aggregate codes, children before parents (the order to aggregate in). */
  readonly aggregates: readonly string[];
  /** The index: the one node without a parent. */
  readonly root: string;
  /** The highest level (the root's). */
  readonly levels: number;
  /** The validated document, defaults filled in (what `frameworkToJson` writes). */
  readonly document: FrameworkDocument;
}

function nodeLabel(doc: { nodes: readonly unknown[] }, index: number): string {
  const node = doc.nodes[index] as { code?: unknown } | undefined;
  const code = node && typeof node.code === 'string' ? ` (${node.code})` : '';
  return `nodes[${index}]${code}`;
}

/** Turns a zod issue path into a readable framework path such as `nodes[3] (homicide).weight`. */
function formatPath(input: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'nodes' && typeof path[i + 1] === 'number' && i === 0) {
      out += nodeLabel(input as { nodes: unknown[] }, path[i + 1] as number);
      i++;
    } else if (typeof key === 'number') {
      out += `[${key}]`;
    } else {
      out += (out ? '.' : '') + String(key);
    }
  }
  return out || '(framework)';
}

function zodIssues(input: unknown, error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(input, issue.path), message: issue.message }));
}

/**
 * Validates a framework written in code and resolves its defaults,
 * weights and levels. Every problem is reported at once in a
 * `ValidationError` whose issues name the path of the offending node:
 * schema errors, duplicate codes, unknown (orphan) parents, cycles, more or
 * fewer than one root, aggregates without children, unknown denominators,
 * and AHP matrices that do not fit their children or are inconsistent
 * (CR ≥ 0.1, unless `allowInconsistent`). The checks across nodes run
 * even when the schema fails, on every part that can be read, so a
 * missing direction and an undeclared denominator come in the same error;
 * a part the schema refused is not checked again (no follow-on messages).
 *
 * @example
 * const fw = defineFramework({
 *   id: 'demo', version: '1', name: { zh: '示例', en: 'Demo' },
 *   nodes: [
 *     { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
 *     { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: { zh: '甲', en: 'A' } },
 *     { code: 'b', type: 'indicator', parent: 'index', direction: -1, weight: 3, name: { zh: '乙', en: 'B' } },
 *   ],
 * });
 * fw.indicators; // ['a', 'b']
 * fw.root; // 'index'
 *
 * The input is typed (`FrameworkInput`, inferred from the zod schema), so a
 * misspelt key (`weigth`), method (`'goalpost'`) or direction (`2`) fails to
 * compile; the same checks run again at run time. For a document read from a
 * file (of unknown shape), use `frameworkFromJson`.
 */
export function defineFramework(input: FrameworkInput): Framework {
  return frameworkFromJson(input);
}

/**
 * Validates a framework document of unknown shape (parsed JSON, such as a
 * framework file) exactly as `defineFramework` does: every problem at once,
 * in a `ValidationError` whose issues name the path of the offending node.
 *
 * @example
 * frameworkFromJson(JSON.parse('{"id":"x","version":"1","name":{"zh":"x","en":"x"},"nodes":[]}'));
 * // throws ValidationError: the framework has 1 problem: nodes: a framework needs at least one node
 */
export function frameworkFromJson(input: unknown): Framework {
  const count = (input as { nodes?: unknown } | null)?.nodes;
  if (Array.isArray(count) && count.length > MAX_FRAMEWORK_NODES) {
    throw new ValidationError('the framework', [{ path: 'nodes', message: `${count.length} nodes; a framework has at most ${MAX_FRAMEWORK_NODES}` }]);
  }
  const parsed = FrameworkSchema.safeParse(input);
  if (!parsed.success) {
    // The cross-reference checks still run on what can be read, so that every problem is reported in one round.
    const issues = zodIssues(input, parsed.error);
    const parts = readableParts(input, parsed.error.issues);
    if (parts) issues.push(...checkTree(parts.document, parts.readable).issues);
    throw new ValidationError('the framework', issues);
  }
  return resolveFramework(parsed.data);
}

/**
 * A framework from a document that has already passed the schema, such as
 * `frameworkToJson`'s output serialised at build time: the tree, AHP and
 * band checks of `defineFramework` still run, but not the zod schema, so a
 * browser bundle that calls only this carries no zod (and no `eval` check).
 * Give it only documents that `defineFramework` accepted.
 *
 * @example
 * const doc = frameworkToJson(defineFramework(input)); // at build time
 * frameworkFromDocument(doc).indicators; // in the browser: same as defineFramework(input).indicators
 */
export function frameworkFromDocument(doc: FrameworkDocument): Framework {
  return resolveFramework(doc);
}

/** The most nodes a framework may have. */
export const MAX_FRAMEWORK_NODES = 10_000;
/** The most levels a framework's tree may have (indicators are level 1). */
export const MAX_FRAMEWORK_LEVELS = 32;

/** A cycle walk's marks: a node not yet walked, on the walk under way, or walked. */
const UNSEEN = 0;
const ON_PATH = 1;
const DONE = 2;

/** The tree `checkTree` found, by node index, and the problems it found. */
interface TreeCheck {
  readonly issues: ValidationIssue[];
  /** The nodes whose parent is null. */
  readonly roots: readonly number[];
  /** Each node's children under the first node of its code, by code and by index (undefined for none). */
  readonly childCodes: readonly (readonly string[] | undefined)[];
  readonly childIndices: readonly (readonly number[] | undefined)[];
  /** Weights that an equal or AHP weighting gives its children. */
  readonly derivedWeight: ReadonlyMap<string, number>;
}

/**
 * The cross-reference checks of a framework document: duplicate codes,
 * parents, roots, cycles, childless aggregates, denominators, windows,
 * goalposts, bands and weightings. A document that failed the schema is
 * checked as far as `readable` says it was read (see `readableParts`):
 * a check that reports something missing runs only where a code that
 * could not be read cannot be what is missing.
 */
function checkTree(doc: CheckedDocument, readable: Readable): TreeCheck {
  const issues: ValidationIssue[] = [];
  const label = (i: number) => nodeLabel(doc, i);
  const docNodes = doc.nodes;
  const count = docNodes.length;
  // The tree is kept by node index: a node's code is looked up once (indexOf), its parent's once (parentOf).
  // Where codes repeat, every lookup by code finds the first node of that code (firstOf), as a map by code would.
  const indexOf = new Map<string, number>();
  // Plain arrays, not typed ones: a typed array of more than a few elements is allocated outside V8's heap, which costs more here.
  const firstOf: number[] = new Array<number>(count).fill(0);
  for (let i = 0; i < count; i++) {
    const code = docNodes[i].code;
    if (code === undefined) {
      firstOf[i] = i;
      continue;
    }
    const first = indexOf.get(code);
    if (first !== undefined) issues.push({ path: label(i), message: `duplicate code "${code}" (first used by ${label(first)})` });
    else indexOf.set(code, i);
    firstOf[i] = first ?? i;
  }
  const denominatorCodes = new Set<string>();
  doc.denominators.forEach((d, i) => {
    if (d.code === undefined) return;
    if (denominatorCodes.has(d.code)) issues.push({ path: `denominators[${i}] (${d.code})`, message: `duplicate denominator code "${d.code}"` });
    if (indexOf.has(d.code)) issues.push({ path: `denominators[${i}] (${d.code})`, message: `denominator code "${d.code}" is also a node code` });
    denominatorCodes.add(d.code);
  });

  // parentOf: the index of the (first) node of each node's parent code, -1 for none or an unknown one.
  // A node's children are listed under the first node of its parent's code, by code and by index.
  const parentOf: number[] = new Array<number>(count).fill(-1);
  const childCodes: (string[] | undefined)[] = new Array<string[] | undefined>(count).fill(undefined);
  const childIndices: (number[] | undefined)[] = new Array<number[] | undefined>(count).fill(undefined);
  const roots: number[] = [];
  for (let i = 0; i < count; i++) {
    const node = docNodes[i];
    if (node.parent === undefined) continue;
    if (node.parent === null) {
      roots.push(i);
      continue;
    }
    const p = indexOf.get(node.parent);
    if (p === undefined) {
      if (readable.codes) issues.push({ path: `${label(i)}.parent`, message: `parent "${node.parent}" is not a node of this framework` });
      continue;
    }
    parentOf[i] = p;
    if (docNodes[p].type === 'indicator') {
      issues.push({ path: `${label(i)}.parent`, message: `parent "${node.parent}" is an indicator; only aggregates have children` });
      continue;
    }
    if (node.parent === node.code) continue; // reported as a cycle below
    if (node.code !== undefined) (childCodes[p] ??= []).push(node.code);
    (childIndices[p] ??= []).push(i);
  }
  if (roots.length === 0 && readable.parents) issues.push({ path: 'nodes', message: 'no root: exactly one aggregate must have "parent": null' });
  if (roots.length > 1) issues.push({ path: 'nodes', message: `${roots.length} roots (${roots.map((i) => docNodes[i].code ?? `nodes[${i}]`).join(', ')}); exactly one node may have "parent": null` });

  // Cycles: follow parents from each node, each node once (linear in the number of nodes);
  // a walk that meets a node of its own path has found a cycle.
  // The walk's path is path[0 … length) (an array reused, not emptied: emptying an array is a runtime call).
  const state: number[] = new Array<number>(count).fill(UNSEEN);
  const path: number[] = new Array<number>(count).fill(0);
  for (let i = 0; i < count; i++) {
    let length = 0;
    let current = firstOf[i];
    while (current >= 0 && state[current] === UNSEEN) {
      state[current] = ON_PATH;
      path[length++] = current;
      current = parentOf[current];
    }
    if (current >= 0 && state[current] === ON_PATH) {
      const walked = path.slice(0, length);
      // Every node of a cycle is some node's parent, so its code was read.
      const cycle = [...walked.slice(walked.indexOf(current)), current].map((k) => docNodes[k].code as string);
      const shown = cycle.length > 8 ? [...cycle.slice(0, 4), `… (${cycle.length - 6} more)`, ...cycle.slice(-2)] : cycle;
      issues.push({ path: `${label(current)}.parent`, message: `cycle: ${shown.join(' → ')}` });
    }
    for (let k = 0; k < length; k++) state[path[k]] = DONE;
  }

  for (let i = 0; i < count; i++) {
    const node = docNodes[i];
    if (node.type === 'aggregate' && node.code !== undefined && readable.parents && !childIndices[firstOf[i]]?.length) {
      issues.push({ path: label(i), message: `aggregate "${node.code}" has no children` });
    }
    if (node.type === 'indicator' && node.denominator && readable.denominators && !denominatorCodes.has(node.denominator.code)) {
      issues.push({ path: `${label(i)}.denominator.code`, message: `denominator "${node.denominator.code}" is not declared in "denominators"` });
    }
    if (node.type === 'indicator' && node.window?.minPeriods !== undefined && node.window.minPeriods > node.window.periods) {
      issues.push({ path: `${label(i)}.window.minPeriods`, message: `must not exceed the window's ${node.window.periods} periods` });
    }
    if (node.type === 'indicator') {
      // null: a normalisation that failed the schema, which has nothing more to check.
      const n = node.normalisation === undefined ? doc.defaults.normalisation : node.normalisation;
      if (n?.method === 'goalposts' && !(n.max > n.min)) {
        issues.push({ path: `${label(i)}.normalisation`, message: `goalposts need min < max (got min ${n.min}, max ${n.max})` });
      }
    }
  }

  const bandCodes = new Set<string>();
  const bandMins = new Set<number>();
  doc.publication.bands.forEach((band, i) => {
    if (band.code !== undefined) {
      if (bandCodes.has(band.code)) issues.push({ path: `publication.bands[${i}]`, message: `duplicate band code "${band.code}"` });
      bandCodes.add(band.code);
    }
    if (band.min !== undefined) {
      if (bandMins.has(band.min)) issues.push({ path: `publication.bands[${i}]`, message: `two bands start at ${band.min}` });
      bandMins.add(band.min);
    }
  });

  // Weights derived from each aggregate's weighting.
  const derivedWeight = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const node = docNodes[i];
    if (node.type !== 'aggregate' || !node.weighting) continue;
    const kids = childCodes[firstOf[i]] ?? [];
    const spec = node.weighting;
    if (spec.method === 'equal') kids.forEach((k) => derivedWeight.set(k, 1));
    if (spec.method === 'ahp') {
      const path = `${label(i)}.weighting`;
      const missing = kids.filter((k) => !spec.order.includes(k));
      const extra = spec.order.filter((k) => !kids.includes(k));
      // The children are all known only when every code and parent was read.
      if (readable.codes && readable.parents && (missing.length || extra.length || spec.order.length !== kids.length)) {
        issues.push({
          path: `${path}.order`,
          message: `must list each child of "${node.code}" once (children: ${kids.join(', ')}; order: ${spec.order.join(', ')})`,
        });
        continue;
      }
      const problems = ahpMatrixProblems(spec.matrix);
      if (problems.length) {
        problems.forEach((message) => issues.push({ path: `${path}.matrix`, message }));
        continue;
      }
      if (spec.matrix.length !== spec.order.length) {
        issues.push({ path: `${path}.matrix`, message: `is ${spec.matrix.length}×${spec.matrix.length} but "order" has ${spec.order.length} codes` });
        continue;
      }
      const ahp = ahpWeights(spec.matrix);
      if (ahp.consistencyRatio >= 0.1 && !spec.allowInconsistent) {
        issues.push({
          path: `${path}.matrix`,
          message: `consistency ratio ${ahp.consistencyRatio.toFixed(4)} ≥ 0.1: revise the judgements, or set "allowInconsistent": true`,
        });
        continue;
      }
      spec.order.forEach((k, j) => derivedWeight.set(k, ahp.weights[j]));
    }
  }
  return { issues, roots, childCodes, childIndices, derivedWeight };
}

function resolveFramework(doc: FrameworkDocument): Framework {
  const { issues, roots, childCodes, childIndices, derivedWeight } = checkTree(doc, ALL_READ);
  if (issues.length > 0) throw new ValidationError('the framework', issues);
  const label = (i: number) => nodeLabel(doc, i);
  const docNodes = doc.nodes;
  const count = docNodes.length;

  // From here the codes are unique (a node is its code's first node), every node reaches the one root, and
  // every aggregate has children. Levels and bottom-up order: a depth-first traversal from the root, with
  // an explicit stack (of node indices, an aggregate's twice: ~index once its children are pushed) so
  // that no depth of tree can overflow the call stack.
  const level: number[] = new Array<number>(count).fill(0);
  const aggregates: string[] = [];
  const rootIndex = roots[0];
  const root = docNodes[rootIndex].code;
  const stack: number[] = [rootIndex];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top < 0) {
      const at = ~top;
      let highest = 0;
      for (const k of childIndices[at] as number[]) highest = Math.max(highest, level[k]);
      level[at] = highest + 1;
      aggregates.push(docNodes[at].code);
      stack.pop();
      continue;
    }
    const kids = childIndices[top];
    if (!kids) {
      level[top] = 1;
      stack.pop();
    } else {
      stack[stack.length - 1] = ~top;
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
    }
  }
  const depth = level[rootIndex] || 1;
  if (depth > MAX_FRAMEWORK_LEVELS) {
    throw new ValidationError('the framework', [{ path: `${label(rootIndex)}`, message: `the tree has ${depth} levels; a framework has at most ${MAX_FRAMEWORK_LEVELS}` }]);
  }

  const nodes: FrameworkNode[] = new Array<FrameworkNode>(count);
  const byCode = new Map<string, FrameworkNode>();
  const indicators: string[] = [];
  const reweighted = derivedWeight.size > 0;
  for (let i = 0; i < count; i++) {
    const node = docNodes[i];
    const weight = reweighted ? (derivedWeight.get(node.code) ?? node.weight) : node.weight;
    const resolved = node.type === 'indicator' ? indicatorNode(node, weight, doc.defaults) : aggregateNode(node, weight, level[i], childCodes[i] ?? [], doc.defaults);
    nodes[i] = resolved;
    byCode.set(node.code, resolved);
    if (node.type === 'indicator') indicators.push(node.code);
  }
  return {
    id: doc.id,
    version: doc.version,
    name: doc.name,
    ...(doc.description ? { description: doc.description } : {}),
    decimals: doc.publication.decimals,
    bands: [...doc.publication.bands].sort((a, b) => b.min - a.min),
    denominators: doc.denominators,
    nodes,
    byCode,
    indicators,
    aggregates,
    root,
    levels: level[rootIndex] || 1,
    document: doc,
  };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type DocumentNode = FrameworkDocument['nodes'][number];

/**
 * An indicator node with the defaults resolved, its keys in the order of
 * `IndicatorNode`. The common shapes (no description or window) are each
 * one object literal, which holds every property in the object itself;
 * the others have their optional keys set one by one, where a spread of
 * `{}` or `{ key }` per key cost more than the rest of the node (a
 * framework is resolved on every import of COINr's tables).
 */
function indicatorNode(node: Extract<DocumentNode, { type: 'indicator' }>, weight: number, defaults: FrameworkDocument['defaults']): IndicatorNode {
  if (!node.description && !node.window) {
    // The common shapes, each made by one object literal (every property in the object itself, set at once), in the same key order.
    const { code, parent, name, unit, direction, denominator } = node;
    const transform = node.transform ?? defaults.transform;
    const imputation = node.imputation ?? defaults.imputation;
    const treatment = node.treatment ?? defaults.treatment;
    const normalisation = node.normalisation ?? defaults.normalisation;
    if (unit) {
      return denominator
        ? { type: 'indicator', code, parent, name, unit, direction, weight, level: 1, denominator, transform, imputation, treatment, normalisation }
        : { type: 'indicator', code, parent, name, unit, direction, weight, level: 1, transform, imputation, treatment, normalisation };
    }
    return denominator
      ? { type: 'indicator', code, parent, name, direction, weight, level: 1, denominator, transform, imputation, treatment, normalisation }
      : { type: 'indicator', code, parent, name, direction, weight, level: 1, transform, imputation, treatment, normalisation };
  }
  const out: Partial<Writable<IndicatorNode>> = { type: 'indicator', code: node.code, parent: node.parent, name: node.name };
  if (node.description) out.description = node.description;
  if (node.unit) out.unit = node.unit;
  out.direction = node.direction;
  out.weight = weight;
  out.level = 1;
  if (node.denominator) out.denominator = node.denominator;
  if (node.window) out.window = node.window;
  out.transform = node.transform ?? defaults.transform;
  out.imputation = node.imputation ?? defaults.imputation;
  out.treatment = node.treatment ?? defaults.treatment;
  out.normalisation = node.normalisation ?? defaults.normalisation;
  return out as IndicatorNode;
}

/** An aggregate node with the defaults resolved (its optional key set as `indicatorNode` sets them). */
function aggregateNode(
  node: Extract<DocumentNode, { type: 'aggregate' }>,
  weight: number,
  level: number,
  children: readonly string[],
  defaults: FrameworkDocument['defaults'],
): AggregateNode {
  const aggregation = node.aggregation ?? defaults.aggregation;
  const weighting = node.weighting ?? { method: 'fixed' as const };
  if (!node.description) return { type: 'aggregate', code: node.code, parent: node.parent, name: node.name, weight, level, children, aggregation, weighting };
  const out: Partial<Writable<AggregateNode>> = { type: 'aggregate', code: node.code, parent: node.parent, name: node.name };
  out.description = node.description;
  out.weight = weight;
  out.level = level;
  out.children = children;
  out.aggregation = aggregation;
  out.weighting = weighting;
  return out as AggregateNode;
}

/**
 * The framework as a plain JSON document (defaults filled in), which
 * `defineFramework` accepts again.
 *
 * @example
 * defineFramework(frameworkToJson(fw)).indicators; // same as fw.indicators
 */
export function frameworkToJson(framework: Framework): FrameworkDocument {
  return JSON.parse(JSON.stringify(framework.document)) as FrameworkDocument;
}

/** Method settings and weights that `reviseNodes` may change without a new validation. */
export interface NodeRevision {
  readonly weight?: number;
  readonly normalisation?: NormalisationSpec;
  readonly treatment?: TreatmentSpec;
  readonly aggregation?: AggregationSpec;
}

/**
 * A copy of the framework with some nodes' settings revised, without
 * validating the whole document again: for analyses that rebuild an index
 * hundreds of times with alternatives validated once beforehand. The
 * revisions are a map from node code to its changes (a code that is not a
 * node is an `UnknownCodeError`), or a function that returns the changes for
 * a node, or undefined to keep it. A weight must be positive; a weight set
 * here makes the parent's weighting `fixed` (the siblings keep the weights
 * they had, derived or given).
 *
 * @example
 * reviseNodes(fw, { b: { weight: 1 } }).byCode.get('b')?.weight; // 1
 * const geometric = AggregationSpec.parse({ method: 'geometric' });
 * reviseNodes(fw, (node) => (node.type === 'aggregate' ? { aggregation: geometric } : undefined));
 */
export function reviseNodes(
  framework: Framework,
  revisions: Readonly<Record<string, NodeRevision>> | ((node: FrameworkNode) => NodeRevision | undefined),
): Framework {
  if (typeof revisions !== 'function') {
    const unknown = Object.keys(revisions).find((code) => !framework.byCode.has(code));
    if (unknown !== undefined) throw new UnknownCodeError('node', unknown, `reviseNodes: "${unknown}" is not a node of framework "${framework.id}"`);
  }
  const revise = typeof revisions === 'function' ? revisions : (node: FrameworkNode) => revisions[node.code];
  const changes = framework.nodes.map((node) => revise(node));
  for (const change of changes) checkRevision(change);
  // A plain loop: an analysis revises the framework once per run, and a
  // flatMap would make an array per node each time.
  const reweighted = new Set<string>();
  for (let i = 0; i < changes.length; i++) {
    const parent = framework.nodes[i].parent;
    if (changes[i]?.weight !== undefined && parent !== null) reweighted.add(parent);
  }
  const nodes = framework.nodes.map((node, i) => revisedNode(node, changes[i], reweighted.has(node.code)));
  return revisedFramework(framework, nodes, changes, (code) => reweighted.has(code));
}
