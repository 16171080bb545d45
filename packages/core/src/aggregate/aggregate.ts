import { PinganError } from '../errors/pinganError.ts';
import type { Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';
import { aggregateScores } from '../plan/scorePlan.ts';

/**
 * Aggregates a panel of indicator scores up the framework, as COINr's
 * `Aggregate`. The result has the columns `[...framework.indicators,
 * ...framework.aggregates]`: the indicators copied (values and flags), then
 * each aggregate computed bottom-up from its children, in
 * `framework.aggregates` order, with its node's `aggregation` spec:
 *
 * - the children's weights are each child node's `weight`, rescaled over the
 *   children present (missing children are skipped, as COINr's `a_amean`,
 *   `a_gmean`, `a_hmean`);
 * - `arithmetic`: `Σ (wᵢ / Σw) xᵢ`; `geometric`: `exp(Σ wᵢ log xᵢ / Σ wᵢ)`;
 *   `harmonic`: `Σ wᵢ / Σ (wᵢ / xᵢ)`; `generalised`: `(Σ wᵢ xᵢ^p / Σ wᵢ)^(1/p)`;
 * - `minAvailability` is COINr's `dat_thresh`: the aggregate is missing when
 *   `present / children < minAvailability` (strictly less, so a share equal
 *   to the threshold is enough); with no child present it is missing anyway;
 * - a present aggregate's flags are the bitwise OR of its present children's
 *   flags (so an imputed indicator stays visible in the index), plus
 *   `Flag.Partial` when some children were missing; a missing aggregate has
 *   no flags.
 *
 * A geometric or harmonic mean (or a generalised mean with a negative power)
 * over a present value ≤ 0 throws a `PinganError` naming the node, unit,
 * period and child. A missing indicator column throws a `PinganError` naming it.
 *
 * @example
 * const fw = defineFramework({
 *   id: 'demo', version: '1', name: { zh: '示例', en: 'Demo' },
 *   nodes: [
 *     { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
 *     { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: { zh: '甲', en: 'A' } },
 *     { code: 'b', type: 'indicator', parent: 'index', direction: 1, weight: 3, name: { zh: '乙', en: 'B' } },
 *   ],
 * });
 * const scores = createPanel({ units: ['X'], periods: ['2025'], codes: ['a', 'b'], values: [40, 80] });
 * // weights 1 and 3 → 0.25 × 40 + 0.75 × 80 = 70
 * aggregate(scores, fw).values; // Float64Array [40, 80, 70]
 */
export function aggregate(panel: Panel, framework: Framework): Panel {
  return aggregateInto(panel, framework);
}

/**
 * `aggregate`, written into `into` when given (see `BuildOptions.into`).
 *
 * @example
 * aggregateInto(scores, fw, previous).values === previous.values; // true
 */
export function aggregateInto(panel: Panel, framework: Framework, into?: Panel): Panel {
  for (const code of framework.indicators) {
    if (!panel.codes.includes(code)) throw new PinganError('unknown-code', `aggregate: the panel has no column for indicator "${code}"`);
  }
  // The framework's tree compiled once to typed arrays; each method's float
  // kernel comes from its record in methods/aggregationMethods.ts.
  return aggregateScores(panel, framework, undefined, into);
}
