// Periods are counted in months since year 0 (a year is its January):
// integer arithmetic, no Date, so no time zone can move a period.
import { PinganError } from '../errors/pinganError.ts';

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

function monthNumber(period: Period): number {
  const m = MONTH.exec(period);
  if (m) return Number(m[1]) * 12 + Number(m[2]) - 1;
  const y = YEAR.exec(period);
  if (y) return Number(y[1]) * 12;
  throw new PinganError('invalid-argument', `"${period}" is not a period (expected YYYY-MM or YYYY)`);
}

function monthPeriod(month: number): Period {
  const year = Math.floor(month / 12);
  if (year < 0 || year > 9999) throw new PinganError('invalid-argument', `period out of range: year ${year}`);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
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
  const month = monthNumber(period);
  if (frequency === 'year') return monthPeriod(month + 12 * n).slice(0, 4);
  return monthPeriod(month + n);
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
    throw new PinganError('invalid-argument', `cannot compare periods of different frequency: "${from}" and "${to}"`);
  }
  const months = monthNumber(to) - monthNumber(from);
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
  if (n < 0) throw new PinganError('invalid-argument', `period range ends before it starts: ${first} to ${last}`);
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
