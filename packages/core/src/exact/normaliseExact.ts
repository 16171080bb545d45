import { PinganError } from '../errors/pinganError.ts';
import type { Decimal } from 'decimal.js';
import type { Framework, IndicatorNode } from '../framework/defineFramework.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import { Flag } from '../panel/flags.ts';
import { normalisationMethods, type ExactContext, type ExactScorer } from '../methods/normalisationMethods.ts';
import { compareExact, Exact } from './decimal.ts';
import { packPanel, unpackPanel, type DecimalPanel } from './decimalPanel.ts';
import type { ExactPanel } from './exactPanel.ts';

const ZERO = new Exact(0);
const ONE = new Exact(1);

/** What the exact kernels of methods/normalisationMethods.ts need of the decimal type. */
const EXACT: ExactContext = { of: (value) => new Exact(value), compare: compareExact };

/**
 * `normalise` in exact decimal arithmetic, method for method: the same
 * reference sets (each period, or the pooled panel), the same directions and
 * caps. Takes the exact indicator values (e.g. `exactInputs(result)`, or
 * `toExactPanel(result.treated)`) and returns exact scores, one column per
 * indicator.
 *
 * @example
 * const scores = normaliseExact(exactInputs(result), fw);
 * scores.codes; // fw.indicators
 */
export function normaliseExact(panel: ExactPanel, framework: Framework): ExactPanel {
  return packPanel(normaliseDecimals(unpackPanel(panel), framework));
}

/** `normaliseExact` on the working form (decimal objects), as the exact path runs it. */
export function normaliseDecimals(panel: DecimalPanel, framework: Framework): DecimalPanel {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const codes = framework.indicators;
  const K = codes.length;
  const rows = U * P;
  const values: (Decimal | null)[] = new Array(rows * K).fill(null);
  const flags = new Uint8Array(rows * K);
  codes.forEach((code, k) => {
    const c = panel.codes.indexOf(code);
    if (c < 0) throw new PinganError('unknown-code', `normaliseExact: the panel has no column for indicator "${code}"`);
    const node = framework.byCode.get(code) as IndicatorNode;
    const spec = node.normalisation;
    const column = Array.from({ length: rows }, (_, j) => panel.values[j * C + c]);
    const put = (j: number, score: Decimal | null, capped: boolean) => {
      values[j * K + k] = score;
      flags[j * K + k] = capped ? panel.flags[j * C + c] | Flag.Capped : panel.flags[j * C + c];
    };
    if (spec.method === 'indexToBase') {
      const inBase = panel.periods.map((period) =>
        typeof spec.base === 'string' ? period === spec.base : period >= spec.base.from && period <= spec.base.to,
      );
      for (let u = 0; u < U; u++) {
        const baseValues = panel.periods.flatMap((_, p) => (inBase[p] && column[p * U + u] !== null ? [column[p * U + u] as Decimal] : []));
        const base = baseValues.length ? baseValues.reduce((a, b) => a.plus(b), ZERO).div(baseValues.length) : null;
        for (let p = 0; p < P; p++) {
          const x = column[p * U + u];
          const score =
            x === null || base === null || base.isZero()
              ? null
              : ONE.plus(x.minus(base).times(node.direction).div(base.abs())).times(spec.scale);
          put(p * U + u, score, false);
        }
      }
      return;
    }
    const pooled = spec.method === 'goalposts' || ('scope' in spec && spec.scope === 'panel');
    const referenceUnit = spec.method === 'distanceToReference' && 'unit' in spec.reference ? panel.units.indexOf(spec.reference.unit) : -1;
    if (spec.method === 'distanceToReference' && 'unit' in spec.reference && referenceUnit < 0) {
      throw new PinganError('unknown-code', `normaliseExact: indicator "${code}" is scored against unit "${spec.reference.unit}", which is not in the panel`);
    }
    const sets = pooled ? [[0, rows]] : Array.from({ length: P }, (_, p) => [p * U, (p + 1) * U]);
    for (const [from, to] of sets) {
      // The method's exact kernel, from its one record.
      const scorer = normalisationMethods[spec.method].exact as ExactScorer<NormalisationSpec>;
      const { scores, capped } = scorer(column.slice(from, to), spec, node.direction, referenceUnit, EXACT);
      scores.forEach((score, i) => put(from + i, score, capped[i]));
    }
  });
  return { units: panel.units, periods: panel.periods, codes: [...codes], values, flags };
}
