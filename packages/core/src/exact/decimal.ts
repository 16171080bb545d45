import { Decimal } from 'decimal.js';

/**
 * The decimal type of published values: 24 significant digits and round
 * half up. Published values have a handful of decimals, so 24 digits leave
 * over 15 guard digits while keeping decimal arithmetic fast. A clone, so
 * that no setting of the global `Decimal` elsewhere in a program changes
 * what gets published.
 *
 * @example
 * new Exact(0.1).plus(0.2).toString(); // '0.3'
 */
export const Exact = Decimal.clone({ precision: 24, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Exact = Decimal;

/**
 * A published value: rounded half up (away from zero on a tie) to
 * `decimals` places and written in fixed notation, never as an exponent.
 * Negative zero is written as zero.
 *
 * @example
 * roundHalfUp(new Exact('2.345'), 2); // '2.35'
 * roundHalfUp(new Exact('-2.345'), 2); // '-2.35'
 * roundHalfUp(new Exact('-0.001'), 2); // '0.00'
 */
export function roundHalfUp(value: Decimal, decimals: number): string {
  const text = value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * A float64 as an exact decimal, or `null` for a missing value (NaN).
 * The conversion uses the shortest text that reads back as the same double.
 *
 * @example
 * toExact(0.1)?.toString(); // '0.1'
 * toExact(Number.NaN); // null
 */
export function toExact(value: number): Decimal | null {
  return Number.isNaN(value) ? null : new Exact(value);
}

/**
 * Compares two finite decimals: −1, 0 or 1, as `a.comparedTo(b)`, but
 * without decimal.js's copy of its argument, which dominates the cost of a
 * minimum or maximum over a big column. Reads the documented read-only
 * fields `s` (sign), `e` (exponent) and `d` (base-1e7 digit words).
 *
 * @example
 * compareExact(new Exact('1.5'), new Exact('-2')); // 1
 * compareExact(new Exact('0.1'), new Exact('0.10')); // 0
 */
export function compareExact(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const ad = a.d;
  const bd = b.d;
  const as = a.s;
  // Either zero? (decimal.js keeps a zero as d = [0].)
  if (!ad[0] || !bd[0]) return ad[0] ? (as as -1 | 1) : bd[0] ? (-b.s as -1 | 1) : 0;
  if (as !== b.s) return as as -1 | 1;
  const up: -1 | 1 = as < 0 ? -1 : 1;
  if (a.e !== b.e) return a.e > b.e ? up : (-up as -1 | 1);
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return ad[i] > bd[i] ? up : (-up as -1 | 1);
  return ad.length === bd.length ? 0 : ad.length > bd.length ? up : (-up as -1 | 1);
}
