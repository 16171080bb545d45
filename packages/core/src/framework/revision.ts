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
  if (node.type === 'indicator') return change ? ({ ...node, ...pick(change, ['weight', 'normalisation', 'treatment']) } as IndicatorNode) : node;
  const fixed = reweighted ? { weighting: { method: 'fixed' as const } } : {};
  return change || reweighted ? ({ ...node, ...fixed, ...pick(change ?? {}, ['weight', 'aggregation']) } as AggregateNode) : node;
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
  const reviseDocument = (): FrameworkDocument =>
    ({
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
    }) as FrameworkDocument;
  let byCode: Map<string, FrameworkNode> | undefined;
  let document: FrameworkDocument | undefined;
  // Every field but the two made when first read, copied by name: a spread
  // of a revised framework would read (and so build) its lookup table and
  // document, and accessors defined afterwards would slow every later read.
  return {
    id: framework.id,
    version: framework.version,
    name: framework.name,
    ...(framework.description !== undefined && { description: framework.description }),
    decimals: framework.decimals,
    bands: framework.bands,
    denominators: framework.denominators,
    nodes,
    get byCode() {
      return (byCode ??= new Map(nodes.map((n) => [n.code, n])));
    },
    indicators: framework.indicators,
    aggregates: framework.aggregates,
    root: framework.root,
    levels: framework.levels,
    get document() {
      return (document ??= reviseDocument());
    },
  };
}

/** The fields `keys` of `object` that are set. */
function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
}
