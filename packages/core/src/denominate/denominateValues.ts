import { PinganError } from '../errors/pinganError.ts';
/**
 * Divides each value by its denominator and multiplies by `scale`
 * (`value / denominator × scale`), e.g. homicides per 100,000 inhabitants.
 *
 * A missing value (`NaN`) or a missing denominator gives a missing result.
 * A present value whose denominator is zero, negative or infinite is an
 * error: a `PinganError` naming every such position is thrown.
 *
 * @example
 * // 3 / 150,000 × 100,000 = 2; the second denominator is missing.
 * denominateValues([3, 4], [150_000, Number.NaN], 100_000); // Float64Array [2, NaN]
 */
export function denominateValues(
  values: ArrayLike<number>,
  denominators: ArrayLike<number>,
  scale = 1,
): Float64Array {
  if (values.length !== denominators.length) {
    throw new PinganError('invalid-argument', `got ${values.length} values but ${denominators.length} denominators`);
  }
  if (!(scale > 0 && Number.isFinite(scale))) throw new PinganError('invalid-argument', `scale must be a positive number, got ${scale}`);
  const out = new Float64Array(values.length);
  const bad: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const d = denominators[i];
    if (Number.isNaN(v) || Number.isNaN(d)) {
      out[i] = Number.NaN;
    } else if (!(d > 0) || d === Number.POSITIVE_INFINITY) {
      out[i] = Number.NaN;
      bad.push(i);
    } else {
      out[i] = (v / d) * scale;
    }
  }
  if (bad.length > 0) {
    throw new PinganError('invalid-argument', 
      `denominators must be positive and finite where the value is present; bad at position${bad.length === 1 ? '' : 's'} ${bad.join(', ')}`,
    );
  }
  return out;
}
