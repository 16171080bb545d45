import { PinganError } from '../errors/pinganError.ts';
import type { AggregateNode, Framework, FrameworkNode, IndicatorNode, NodeRevision } from './defineFramework.ts';
import type { FrameworkDocument } from './schema.ts';

/*
 * The parts of `reviseNodes` (defineFramework.ts), apart so that the
 * analyses' revision of a framework per run (uncertainty/settings.ts) can
 * reuse the node objects and revisions of earlier runs and still give
 * `reviseNodes`' very result. Internal: not exported from the package.
 */

/** Throws a `PinganError` unless a revision's weight (if any) is a positive number. */
export function checkRevision(change: NodeRevision | undefined): void {
  if (change?.weight !== undefined && !(Number.isFinite(change.weight) && change.weight > 0)) {
    throw new PinganError('invalid-argument', `weight must be a positive number, got ${change.weight}`);
  }
}

/**
 * One node of `reviseNodes`' result: the node itself when nothing changes,
 * else a copy with the change (an aggregate whose child was reweighted gets
 * `fixed` weighting).
 *
 * @example
 * revisedNode(fw.nodes[0], { weight: 2 }, false).weight; // 2
 */
export function revisedNode(node: FrameworkNode, change: NodeRevision | undefined, reweighted: boolean): FrameworkNode {
  // A copy with the changed fields written over (every one is a field of the node, so the copy keeps its fields' order).
  if (node.type === 'indicator') {
    if (!change) return node;
    const revised: { -readonly [K in keyof IndicatorNode]: IndicatorNode[K] } = { ...node };
    if (change.weight !== undefined) revised.weight = change.weight;
    if (change.normalisation !== undefined) revised.normalisation = change.normalisation;
    if (change.treatment !== undefined) revised.treatment = change.treatment;
    return revised;
  }
  if (!change && !reweighted) return node;
  const revised: { -readonly [K in keyof AggregateNode]: AggregateNode[K] } = { ...node };
  if (reweighted) revised.weighting = { method: 'fixed' };
  if (change?.weight !== undefined) revised.weight = change.weight;
  if (change?.aggregation !== undefined) revised.aggregation = change.aggregation;
  return revised;
}

/**
 * `reviseNodes`' result from its parts: the framework with `nodes` (made by
 * `revisedNode` from `changes`, one per node, and `reweighted`, whether an
 * aggregate had a child reweighted); its lookup table and document are made
 * when first read (an analysis that revises the framework on each of
 * hundreds of runs reads neither).
 *
 * @example
 * revisedFramework(fw, fw.nodes, fw.nodes.map(() => undefined), () => false).indicators; // fw.indicators
 */
export function revisedFramework(
  framework: Framework,
  nodes: readonly FrameworkNode[],
  changes: readonly (NodeRevision | undefined)[],
  reweighted: (code: string) => boolean,
): Framework {
  return new RevisedFramework(framework, nodes, changes, reweighted);
}

/** What a revised framework makes when first read, and what it makes them from. */
interface Deferred {
  readonly framework: Framework;
  readonly changes: readonly (NodeRevision | undefined)[];
  readonly reweighted: (code: string) => boolean;
  byCode?: Map<string, FrameworkNode>;
  document?: FrameworkDocument;
}

/**
 * A revised framework: a plain framework's own enumerable fields in the
 * same order, `byCode` and `document` among them as accessors that make
 * them when first read (so a spread or a structured clone still copies
 * them). Made by a constructor, not an object literal with getters: V8
 * makes such a literal slowly (microseconds) and in dictionary mode, so
 * every later read of its `nodes` or `indicators` is a dictionary lookup,
 * where an analysis reads them on every run.
 */
class RevisedFramework implements Framework {
  declare readonly id: string;
  declare readonly version: string;
  declare readonly name: Framework['name'];
  declare readonly description?: Framework['description'];
  declare readonly decimals: number;
  declare readonly bands: Framework['bands'];
  declare readonly denominators: Framework['denominators'];
  declare readonly nodes: readonly FrameworkNode[];
  declare readonly byCode: ReadonlyMap<string, FrameworkNode>;
  declare readonly indicators: readonly string[];
  declare readonly aggregates: readonly string[];
  declare readonly root: string;
  declare readonly levels: number;
  declare readonly document: FrameworkDocument;
  readonly #deferred: Deferred;

  constructor(framework: Framework, nodes: readonly FrameworkNode[], changes: readonly (NodeRevision | undefined)[], reweighted: (code: string) => boolean) {
    this.#deferred = { framework, changes, reweighted };
    // Every field but the two made when first read, copied by name: a spread
    // of a revised framework would read (and so build) its lookup table and document.
    const self = this as { -readonly [K in keyof Framework]: Framework[K] };
    self.id = framework.id;
    self.version = framework.version;
    self.name = framework.name;
    if (framework.description !== undefined) self.description = framework.description;
    self.decimals = framework.decimals;
    self.bands = framework.bands;
    self.denominators = framework.denominators;
    self.nodes = nodes;
    Object.defineProperty(this, 'byCode', RevisedFramework.#byCode);
    self.indicators = framework.indicators;
    self.aggregates = framework.aggregates;
    self.root = framework.root;
    self.levels = framework.levels;
    Object.defineProperty(this, 'document', RevisedFramework.#document);
  }

  static readonly #byCode: PropertyDescriptor = {
    get(this: RevisedFramework) {
      return (this.#deferred.byCode ??= new Map(this.nodes.map((n) => [n.code, n])));
    },
    enumerable: true,
    configurable: true,
  };

  static readonly #document: PropertyDescriptor = {
    get(this: RevisedFramework) {
      return (this.#deferred.document ??= revisedDocument(this.#deferred));
    },
    enumerable: true,
    configurable: true,
  };
}

/** The revised framework's document: the original's, each node with its change. */
function revisedDocument({ framework, changes, reweighted }: Deferred): FrameworkDocument {
  return {
    ...framework.document,
    nodes: framework.document.nodes.map((node, i) => {
      const change = changes[i];
      const fixed = node.type === 'aggregate' && reweighted(node.code) ? { weighting: { method: 'fixed' as const } } : {};
      // Siblings of a reweighted node keep the weight they had (which may have come from AHP).
      const sibling = node.parent !== null && reweighted(node.parent) ? { weight: framework.nodes[i].weight } : {};
      if (!change) return { ...node, ...fixed, ...sibling };
      const allowed = node.type === 'indicator' ? pick(change, ['weight', 'normalisation', 'treatment']) : pick(change, ['weight', 'aggregation']);
      return { ...node, ...fixed, ...sibling, ...allowed };
    }),
  } as FrameworkDocument;
}

/** The fields `keys` of `object` that are set. */
function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
}
