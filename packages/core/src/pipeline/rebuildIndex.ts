import { aggregate } from '../aggregate/aggregate.ts';
import { PinganError } from '../errors/pinganError.ts';
import type { Framework } from '../framework/defineFramework.ts';
import { normalise } from '../normalise/normalise.ts';
import type { Panel } from '../panel/panel.ts';
import { aggregateScores, copiedInto, reaggregate, scoreAndAggregate } from '../plan/scorePlan.ts';
import { treat } from '../treat/treat.ts';
import type { IndexResult } from './buildIndex.ts';

/** The stages `rebuildIndex` reads: the imputed data, and (optionally) the nominal scores and aggregates it may reuse. */
export type RebuildSource = Pick<IndexResult, 'imputed'> & Partial<Pick<IndexResult, 'framework' | 'normalised' | 'aggregated' | 'screening'>>;

export interface RebuildOptions {
  /**
   * A panel to write the result into instead of new arrays, for repeated
   * rebuilds (say, the previous rebuild's result; then the result is that
   * very panel and a rebuild allocates no panel): it must have the result's
   * units, periods and codes, and not be a panel of `nominal`. Its values
   * and flags are overwritten.
   */
  readonly into?: Panel;
}

/**
 * Rebuilds the scores and aggregates of a result with another framework that
 * differs only in treatment, normalisation, weights or aggregation (say, from
 * `reviseNodes`): the data up to imputation are reused, and when the
 * framework scores every indicator as the nominal one does (same direction,
 * treatment and normalisation) and no unit was screened out, so are the
 * nominal scores: a weight change then only aggregates again, through the
 * framework's compiled plan (its tree compiled once; the new weights and
 * means read into it, with no validation and no lookup table built), and
 * given the nominal aggregates too, only the aggregates the change reaches
 * (the others are the same numbers either way).
 * Returns the new aggregated panel, the same as
 * `buildIndex(framework, raw).aggregated`.
 *
 * @example
 * const tuned = reviseNodes(result.framework, (node) => (node.code === 'order' ? { weight: 0.5 } : undefined));
 * rebuildIndex(result, tuned); // like buildIndex(tuned, raw).aggregated, aggregating result.normalised again
 * const again = rebuildIndex(result, tuned, { into: previous }); // the same numbers, written into previous (and returned)
 */
export function rebuildIndex(nominal: RebuildSource, framework: Framework, options: RebuildOptions = {}): Panel {
  const { into } = options;
  if (into && nominal.aggregated && (into.values.buffer === nominal.aggregated.values.buffer || into.flags.buffer === nominal.aggregated.flags.buffer)) {
    throw new PinganError('invalid-argument', 'into: the panel to write the result into is the nominal aggregated panel, which the rebuild reads');
  }
  if (nominal.framework && nominal.screening?.length === 0 && sameScoring(nominal.framework, framework)) {
    // Only the aggregates a weight or mean change reaches are computed again.
    const again = nominal.aggregated && nominal.framework ? reaggregate(nominal.aggregated, nominal.framework, framework, into) : null;
    if (again) return again;
    const scores = nominal.normalised;
    if (scores) {
      return scores.codes.length === framework.indicators.length && sameCodes(scores.codes, framework.indicators)
        ? aggregateScores(scores, framework, undefined, into)
        : copiedInto(aggregate(scores, framework), into);
    }
  }
  const treated = treat(nominal.imputed, framework).panel;
  return scoreAndAggregate(treated, framework, into) ?? copiedInto(aggregate(normalise(treated, framework), framework), into);
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two settings are the same: the same object (as `reviseNodes` keeps them), or equal field by field. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/** Whether two frameworks treat and score the same indicators alike (weights and aggregation aside). */
function sameScoring(a: Framework, b: Framework): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.indicators.length !== b.indicators.length) return false;
  for (let k = 0; k < a.nodes.length; k++) {
    const x = a.nodes[k];
    const y = b.nodes[k];
    if (x === y) continue;
    if (x.code !== y.code || x.type !== y.type) return false;
    if (x.type !== 'indicator' || y.type !== 'indicator') continue;
    if (x.direction !== y.direction || !same(x.treatment, y.treatment) || !same(x.normalisation, y.normalisation)) return false;
  }
  return true;
}
