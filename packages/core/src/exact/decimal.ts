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
