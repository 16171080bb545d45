import type { ValidationIssue } from './frameworkError.ts';

interface RawNode {
  code?: unknown;
  parent?: unknown;
  weight?: unknown;
  weighting?: { method?: unknown };
}

/**
 * Weights a framework document gives that `defineFramework` accepts but
 * that are probably not what its author meant, as warnings with the path
 * of the node: sibling weights given as shares (each at most 1) that do
 * not sum to 1 (they are rescaled), a sibling without a weight beside
 * siblings with one (it counts as 1), and a weight on a child of an
 * aggregate whose AHP matrix or equal weighting decides (it is ignored).
 * Reads the document as written, before defaults are filled in.
 *
 * @example
 * weightWarnings({ nodes: [
 *   { code: 'i', type: 'aggregate', parent: null },
 *   { code: 'a', type: 'indicator', parent: 'i', weight: 0.6 },
 *   { code: 'b', type: 'indicator', parent: 'i', weight: 0.6 },
 * ] }); // [{ path: 'nodes (children of "i")', message: 'weights 0.6, 0.6 look like shares but sum to 1.2, not 1: they are rescaled …' }]
 */
export function weightWarnings(document: unknown): ValidationIssue[] {
  const nodes = (document as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  const warnings: ValidationIssue[] = [];
  const label = (i: number) => `nodes[${i}] (${String((nodes[i] as RawNode).code)})`;
  const childrenOf = new Map<unknown, number[]>();
  nodes.forEach((node: RawNode, i) => {
    if (node && typeof node === 'object' && node.parent !== null && node.parent !== undefined) childrenOf.set(node.parent, [...(childrenOf.get(node.parent) ?? []), i]);
  });
  nodes.forEach((node: RawNode) => {
    if (!node || typeof node !== 'object') return;
    const kids = childrenOf.get(node.code) ?? [];
    if (kids.length === 0) return;
    const method = node.weighting?.method;
    if (method === 'ahp' || method === 'equal') {
      for (const k of kids) {
        if ((nodes[k] as RawNode).weight !== undefined) {
          warnings.push({ path: `${label(k)}.weight`, message: `ignored: the weights of "${String(node.code)}"'s children come from its ${method === 'ahp' ? 'AHP matrix' : 'equal weighting'}` });
        }
      }
      return;
    }
    const given = kids.filter((k) => typeof (nodes[k] as RawNode).weight === 'number');
    if (given.length > 0 && given.length < kids.length) {
      const weights = given.map((k) => `${String((nodes[k] as RawNode).code)} ${String((nodes[k] as RawNode).weight)}`).join(', ');
      for (const k of kids.filter((x) => !given.includes(x))) {
        warnings.push({ path: label(k), message: `has no weight, so it counts as 1 beside its siblings' ${weights}` });
      }
      return;
    }
    const weights = given.map((k) => (nodes[k] as RawNode).weight as number);
    const sum = weights.reduce((a, b) => a + b, 0);
    if (given.length === kids.length && weights.every((w) => w > 0 && w <= 1) && Math.abs(sum - 1) > 1e-9) {
      warnings.push({
        path: `nodes (children of "${String(node.code)}")`,
        message: `weights ${weights.join(', ')} look like shares but sum to ${Number(sum.toPrecision(12))}, not 1: they are rescaled (each divided by ${Number(sum.toPrecision(12))})`,
      });
    }
  });
  return warnings;
}
