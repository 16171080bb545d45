import { PinganError } from '../errors/pinganError.ts';
import type { NormalisationSpec } from '../framework/methods.ts';
import type { CappedScores } from './goalposts.ts';
import { scoreInto } from '../methods/normalisationMethods.ts';

/** Options of {@link normaliseColumn}. */
export interface NormaliseColumnOptions {
  /**
   * For `distanceToReference` with a reference unit: the position of that
   * unit in `values`.
   */
  referenceIndex?: number;
}

/**
 * Normalises one cross-section with a framework normalisation spec and the
 * indicator's direction (the dispatcher behind `normalise`). Every method
 * except `indexToBase` works on a cross-section; `indexToBase` compares each
 * unit with its own past and needs the panel (use `normalise`). The spec's
 * `scope` is ignored here: `values` is the reference set.
 *
 * @example
 * normaliseColumn([2, 3, 6], { method: 'minMax', lower: 0, upper: 100, scope: 'period' }, -1).scores;
 * // Float64Array [100, 75, 0]
 * normaliseColumn([2, 5, 8], { method: 'distanceToReference', reference: { unit: 'C' }, scale: 100, cap: false }, 1, { referenceIndex: 2 }).scores;
 * // Float64Array [0, 50, 100]
 */
export function normaliseColumn(
  values: ArrayLike<number>,
  spec: NormalisationSpec,
  direction: 1 | -1,
  options: NormaliseColumnOptions = {},
): CappedScores {
  const src = values instanceof Float64Array ? values : Float64Array.from(values);
  const scores = new Float64Array(src.length);
  const capped = new Uint8Array(src.length);
  if (spec.method === 'distanceToReference' && 'unit' in spec.reference) {
    const r = options.referenceIndex;
    if (r === undefined || !Number.isInteger(r) || r < 0 || r >= src.length) {
      throw new PinganError('invalid-argument', 
        `distanceToReference to unit "${spec.reference.unit}" needs options.referenceIndex, the unit's position in values (0 to ${src.length - 1})`,
      );
    }
  }
  normaliseInto(src, scores, capped, spec, direction, options.referenceIndex ?? -1);
  return { scores, capped };
}

/**
 * The kernel of {@link normaliseColumn}: writes the scores of `src` into
 * `out` and sets `capped[i] = 1` where a cap applied. `referenceIndex` is the
 * reference unit's position in `src` (for `distanceToReference` to a unit).
 * Every kernel reads `src[i]` before writing `out[i]`, so `out` may be `src`
 * (scores in place).
 *
 * @example
 * const out = new Float64Array(2);
 * normaliseInto(new Float64Array([1, 3]), out, new Uint8Array(2), { method: 'rank', scope: 'period' }, 1, -1); // out [1, 2]
 */
export function normaliseInto(
  src: Float64Array,
  out: Float64Array,
  capped: Uint8Array,
  spec: NormalisationSpec,
  direction: 1 | -1,
  referenceIndex: number,
): void {
  scoreInto(src, out, capped, spec, direction, referenceIndex);
}
