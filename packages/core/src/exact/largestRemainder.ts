import { Decimal } from 'decimal.js';
import { Exact } from './decimal.ts';

/**
 * Rounds parts to `decimals` places so that they add up exactly to `total`
 * rounded to the same places (the largest-remainder method): each part is
 * first rounded toward zero, then the units still missing go, one each, to
 * the parts with the largest remainders (ties: earlier part first).
 *
 * Published contribution tables use this, so that the contributions shown
 * add up to the change shown.
 *
 * @example
 * // 1/3 + 1/3 + 1/3 = 1: plain rounding gives 0.33 × 3 = 0.99
 * largestRemainder([new Exact(1).div(3), new Exact(1).div(3), new Exact(1).div(3)], new Exact(1), 2)
 *   .map(String); // ['0.34', '0.33', '0.33']
 */
export function largestRemainder(parts: readonly Decimal[], total: Decimal, decimals: number): Decimal[] {
  const unit = new Exact(10).pow(-decimals);
  const target = total.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const truncated = parts.map((p) => p.toDecimalPlaces(decimals, Decimal.ROUND_DOWN));
  let missing = target.minus(truncated.reduce((a, b) => a.plus(b), new Exact(0))).div(unit).round().toNumber();
  const direction = missing >= 0 ? 1 : -1;
  const order = parts
    .map((p, i) => ({ i, remainder: p.minus(truncated[i]).times(direction) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  const out = [...truncated];
  for (let k = 0; missing !== 0 && order.length > 0; k = (k + 1) % order.length) {
    const { i } = order[k];
    out[i] = out[i].plus(unit.times(direction));
    missing -= direction;
  }
  return out;
}
