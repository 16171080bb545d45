import type { Framework } from '../framework/defineFramework.ts';

/**
 * Every node's effective weight in the index, as COINr's `get_eff_weights`:
 * each node's weight is first divided by the sum of its siblings' weights,
 * then multiplied by its parent's effective weight, from the root (1) down.
 * The indicators' effective weights sum to 1, as do those of any complete
 * cut through the tree (e.g. all pillars).
 *
 * @example
 * // index ← {p1 (weight 1) ← {a, b}, p2 (weight 3) ← {c}}
 * effectiveWeights(fw); // { index: 1, p1: 0.25, a: 0.125, b: 0.125, p2: 0.75, c: 0.75 } (in file order)
 */
export function effectiveWeights(framework: Framework): Record<string, number> {
  const effective = new Map<string, number>([[framework.root, 1]]);
  // `aggregates` lists children before parents; walk it backwards so that a
  // parent's effective weight is known before its children's.
  for (let a = framework.aggregates.length - 1; a >= 0; a--) {
    const node = framework.byCode.get(framework.aggregates[a]);
    if (!node || node.type !== 'aggregate') continue;
    const parentWeight = effective.get(node.code) ?? 0;
    let total = 0;
    for (const child of node.children) total += framework.byCode.get(child)?.weight ?? 0;
    for (const child of node.children) {
      effective.set(child, (parentWeight * (framework.byCode.get(child)?.weight ?? 0)) / total);
    }
  }
  // In file order, like `framework.nodes`.
  const out: Record<string, number> = {};
  for (const node of framework.nodes) out[node.code] = effective.get(node.code) ?? 0;
  return out;
}
