import { aggregate } from '../aggregate/aggregate.ts';
import type { Framework } from '../framework/defineFramework.ts';
import { normalise } from '../normalise/normalise.ts';
import type { Panel } from '../panel/panel.ts';
import { treat } from '../treat/treat.ts';
import type { IndexResult } from './buildIndex.ts';

/** The stages `rebuildIndex` reads: the imputed data, and (optionally) the nominal scores it may reuse. */
export type RebuildSource = Pick<IndexResult, 'imputed'> & Partial<Pick<IndexResult, 'framework' | 'normalised' | 'screening'>>;

/**
 * Rebuilds the scores and aggregates of a result with another framework that
 * differs only in treatment, normalisation, weights or aggregation (say, from
 * `reviseNodes`): the data up to imputation are reused, and when the
 * framework scores every indicator as the nominal one does (same direction,
 * treatment and normalisation) and no unit was screened out, so are the
 * nominal scores: a weight change then only aggregates again. Returns the
 * new aggregated panel, the same as `buildIndex(framework, raw).aggregated`.
 *
 * @example
 * const tuned = reviseNodes(result.framework, (node) => (node.code === 'order' ? { weight: 0.5 } : undefined));
 * rebuildIndex(result, tuned); // like buildIndex(tuned, raw).aggregated, aggregating result.normalised again
 */
export function rebuildIndex(nominal: RebuildSource, framework: Framework): Panel {
  const scores = nominal.normalised;
  if (scores && nominal.framework && nominal.screening?.length === 0 && sameScoring(nominal.framework, framework)) return aggregate(scores, framework);
  return aggregate(normalise(treat(nominal.imputed, framework).panel, framework), framework);
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether two frameworks treat and score the same indicators alike (weights and aggregation aside). */
function sameScoring(a: Framework, b: Framework): boolean {
  if (a === b) return true;
  if (a.indicators.length !== b.indicators.length) return false;
  for (let k = 0; k < a.indicators.length; k++) {
    const x = a.byCode.get(a.indicators[k]);
    const y = b.byCode.get(b.indicators[k]);
    if (!x || !y || x.type !== 'indicator' || y.type !== 'indicator' || x.code !== y.code || x.direction !== y.direction) return false;
    if (!same(x.treatment, y.treatment) || !same(x.normalisation, y.normalisation)) return false;
  }
  return true;
}
