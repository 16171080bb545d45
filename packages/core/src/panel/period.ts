// One module per function: date-fns's index loads its ~250 modules, which
// costs a Node process (the CLI, each worker thread) over two seconds at start.
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
// lightFormat, not format: the same 'yyyy-MM' without date-fns's locale tables (about 15 kB in a browser bundle).
import { lightFormat } from 'date-fns/lightFormat';

/** A period is a month `YYYY-MM` or a year `YYYY`. */
export type Period = string;
export type Frequency = 'month' | 'year';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;

/**
 * The frequency of a period string, or `undefined` when it is not a valid
 * month (`YYYY-MM`) or year (`YYYY`).
 *
 * @example
 * periodFrequency('2025-10'); // 'month'
 * periodFrequency('2025'); // 'year'
 * periodFrequency('2025-13'); // undefined
 */
export function periodFrequency(period: string): Frequency | undefined {
  if (MONTH.test(period)) return 'month';
  if (YEAR.test(period)) return 'year';
  return undefined;
}

function toDate(period: Period): Date {
  const m = MONTH.exec(period);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, 1);
  const y = YEAR.exec(period);
  if (y) return new Date(Number(y[1]), 0, 1);
  throw new RangeError(`"${period}" is not a period (expected YYYY-MM or YYYY)`);
}

/**
 * The period `n` steps after `period` (before it, for negative `n`), at the
 * period's own frequency.
 *
 * @example
 * shiftPeriod('2025-01', -1); // '2024-12'
 * shiftPeriod('2025', 2); // '2027'
 */
export function shiftPeriod(period: Period, n: number): Period {
  const frequency = periodFrequency(period);
  const date = toDate(period);
  if (frequency === 'year') return lightFormat(addMonths(date, 12 * n), 'yyyy');
  return lightFormat(addMonths(date, n), 'yyyy-MM');
}

/**
 * How many periods `to` lies after `from` (negative when before). Both must
 * have the same frequency.
 *
 * @example
 * periodDistance('2024-11', '2025-02'); // 3
 * periodDistance('2019', '2022'); // 3
 */
export function periodDistance(from: Period, to: Period): number {
  const f = periodFrequency(from);
  if (f !== periodFrequency(to)) {
    throw new RangeError(`cannot compare periods of different frequency: "${from}" and "${to}"`);
  }
  const months = differenceInCalendarMonths(toDate(to), toDate(from));
  return f === 'year' ? months / 12 : months;
}

/**
 * Every period from `first` to `last`, both included.
 *
 * @example
 * periodRange('2024-11', '2025-02'); // ['2024-11', '2024-12', '2025-01', '2025-02']
 */
export function periodRange(first: Period, last: Period): Period[] {
  const n = periodDistance(first, last);
  if (n < 0) throw new RangeError(`period range ends before it starts: ${first} to ${last}`);
  return Array.from({ length: n + 1 }, (_, i) => shiftPeriod(first, i));
}

/**
 * The year a period falls in.
 *
 * @example
 * periodYear('2025-10'); // 2025
 */
export function periodYear(period: Period): number {
  return Number(period.slice(0, 4));
}
