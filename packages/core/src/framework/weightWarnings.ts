import type { ValidationIssue } from './frameworkError.ts';

interface RawNode {
  code?: unknown;
  parent?: unknown;
  weight?: unknown;
  weighting?: { method?: unknown };
}

/** How far from 100 percentage-like sibling weights may sum and still be taken for percentages. */
const PERCENT_SUMS = { min: 80, max: 120 };
/** How many times the smallest sibling weight the largest must be before a fraction among whole numbers is warned of. */
const SCALE_RATIO = 100;

/**
 * Weights a framework document gives that `defineFramework` accepts but
 * that are probably not what its author meant, as warnings with the path
 * of the node. Weights are relative (each is divided by the sum of its
 * siblings'), so none of these is an error:
 * - sibling weights given as shares (each at most 1) that do not sum to 1
 *   (they are rescaled);
 * - sibling weights given as percentages (each at least 1, not all equal)
 *   that sum to 80–120 but not to 100 (they are rescaled);
 * - a fraction (below 1) beside sibling weights that are whole numbers,
 *   the largest more than 100 times the smallest: a weight on a different
 *   scale (0.2 written for 20, or for 20%), which counts for next to nothing;
 * - a sibling without a weight beside siblings with one (it counts as 1);
 * - a weight on a child of an aggregate whose AHP matrix or equal
 *   weighting decides (it is ignored).
 * Reads the document as written, before defaults are filled in.
 *
 * @example
 * const group = (...weights: number[]) => ({ nodes: [
 *   { code: 'i', type: 'aggregate', parent: null },
 *   ...weights.map((weight, k) => ({ code: 'abc'[k], type: 'indicator', parent: 'i', weight })),
 * ] });
 * weightWarnings(group(0.6, 0.6));
 * // [{ path: 'nodes (children of "i")', message: 'weights 0.6, 0.6 look like shares but sum to 1.2, not 1: they are rescaled (each divided by 1.2)' }]
 * weightWarnings(group(60, 50));
 * // [{ path: 'nodes (children of "i")', message: 'weights 60, 50 look like percentages but sum to 110, not 100: they are rescaled (each divided by 110)' }]
 * weightWarnings(group(50, 30, 0.2));
 * // [{ path: 'nodes[3] (c).weight', message: "0.2 is a fraction beside its siblings' whole numbers (a 50, b 30): a weight on a different scale? It counts for 0.25% of \"i\"" }]
 * weightWarnings(group(0.5, 0.3, 0.2)); // [] (shares that sum to 1)
 * weightWarnings(group(3, 2, 1)); // [] (relative weights)
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
    if (given.length !== kids.length) return;
    const weights = given.map((k) => (nodes[k] as RawNode).weight as number);
    const sum = weights.reduce((a, b) => a + b, 0);
    const shown = Number(sum.toPrecision(12));
    const group = `nodes (children of "${String(node.code)}")`;
    if (weights.every((w) => w > 0 && w <= 1) && Math.abs(sum - 1) > 1e-9) {
      warnings.push({ path: group, message: `weights ${weights.join(', ')} look like shares but sum to ${shown}, not 1: they are rescaled (each divided by ${shown})` });
    } else if (
      weights.every((w) => w >= 1) &&
      weights.some((w) => w !== weights[0]) &&
      sum >= PERCENT_SUMS.min &&
      sum <= PERCENT_SUMS.max &&
      Math.abs(sum - 100) > 1e-7
    ) {
      warnings.push({ path: group, message: `weights ${weights.join(', ')} look like percentages but sum to ${shown}, not 100: they are rescaled (each divided by ${shown})` });
    } else if (weights.every((w) => w > 0)) {
      const fractions = given.filter((k, j) => weights[j] < 1);
      const wholes = given.filter((k, j) => weights[j] >= 1);
      const differentScale =
        fractions.length > 0 && wholes.length > 0 && wholes.every((k) => Number.isInteger((nodes[k] as RawNode).weight)) && Math.max(...weights) > SCALE_RATIO * Math.min(...weights);
      if (!differentScale) return;
      const siblings = wholes.map((k) => `${String((nodes[k] as RawNode).code)} ${String((nodes[k] as RawNode).weight)}`).join(', ');
      for (const k of fractions) {
        const weight = (nodes[k] as RawNode).weight as number;
        warnings.push({
          path: `${label(k)}.weight`,
          message: `${weight} is a fraction beside its siblings' whole numbers (${siblings}): a weight on a different scale? It counts for ${Number(((weight / sum) * 100).toPrecision(2))}% of "${String(node.code)}"`,
        });
      }
    }
  });
  return warnings;
}
