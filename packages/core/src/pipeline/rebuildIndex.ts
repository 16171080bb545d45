import { aggregate } from '../aggregate/aggregate.ts';
import type { Framework } from '../framework/defineFramework.ts';
import { normalise } from '../normalise/normalise.ts';
import type { Panel } from '../panel/panel.ts';
import { treat } from '../treat/treat.ts';
import type { IndexResult } from './buildIndex.ts';

/**
 * Rebuilds the scores and aggregates of a result with another framework that
 * differs only in treatment, normalisation, weights or aggregation (say, from
 * `reviseNodes`): the data up to imputation are reused, so a
 * weight slider can recompute every month and unit at once in well under a
 * millisecond for a city's panel. Returns the new aggregated panel.
 *
 * @example
 * const tuned = reviseNodes(result.framework, (node) => (node.code === 'order' ? { weight: 0.5 } : undefined));
 * rebuildIndex(result, tuned); // like buildIndex(tuned, raw).aggregated
 */
export function rebuildIndex(nominal: IndexResult, framework: Framework): Panel {
  return aggregate(normalise(treat(nominal.imputed, framework).panel, framework), framework);
}
