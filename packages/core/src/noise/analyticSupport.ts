import type { Framework } from '../framework/defineFramework.ts';

/**
 * Why the analytic propagation of noise cannot handle a framework (an empty
 * list when it can). It needs a pipeline linear in the raw values up to the
 * score: denominators, trailing sums or means, no transform, no treatment,
 * imputation `none` or `locf`, goalposts normalisation (capping handled),
 * and arithmetic means at every aggregate. Anything else (min-max or z-score
 * scores, geometric means, logs, winsorising, group-mean imputation) goes
 * through the bootstrap.
 *
 * @example
 * analyticSupport(xiangtan); // []
 * analyticSupport(minMaxFramework); // ['a: normalisation minMax is not linear in the counts (use the bootstrap)', …]
 */
export function analyticSupport(framework: Framework): string[] {
  const reasons: string[] = [];
  for (const code of framework.indicators) {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'indicator') continue;
    if (node.transform !== 'none') reasons.push(`${code}: transform ${node.transform} is not linear in the counts (use the bootstrap)`);
    if (node.treatment.method !== 'none') reasons.push(`${code}: treatment ${node.treatment.method} is not linear in the counts (use the bootstrap)`);
    if (node.imputation.method !== 'none' && node.imputation.method !== 'locf') {
      reasons.push(`${code}: imputation ${node.imputation.method} is not handled analytically (use the bootstrap)`);
    }
    if (node.normalisation.method !== 'goalposts') reasons.push(`${code}: normalisation ${node.normalisation.method} is not linear in the counts (use the bootstrap)`);
  }
  for (const code of framework.aggregates) {
    const node = framework.byCode.get(code);
    if (node?.type === 'aggregate' && node.aggregation.method !== 'arithmetic') {
      reasons.push(`${code}: aggregation ${node.aggregation.method} is not linear (use the bootstrap)`);
    }
  }
  return reasons;
}
