// Periods are counted in steps of their own frequency since year 0 (a month
// is year × 12 + month − 1, a quarter year × 4 + quarter − 1, a year itself):
// integer arithmetic, no Date, so no time zone can move a period.
import { PinganError } from '../errors/pinganError.ts';

/** A period is a month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY`. */
export type Period = string;
export type Frequency = 'month' | 'quarter' | 'year';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** Periods in a year, by frequency: the lag of a year-on-year (同比) change. */
const PER_YEAR: Record<Frequency, number> = { month: 12, quarter: 4, year: 1 };

/**
 * The frequency of a period string, or `undefined` when it is not a valid
 * month (`YYYY-MM`), quarter (`YYYY-Qn`) or year (`YYYY`).
 *
 * @example
 * periodFrequency('2025-10'); // 'month'
 * periodFrequency('2025-Q3'); // 'quarter'
 * periodFrequency('2025'); // 'year'
 * periodFrequency('2025-13'); // undefined
 */
export function periodFrequency(period: string): Frequency | undefined {
  if (MONTH.test(period)) return 'month';
  if (QUARTER.test(period)) return 'quarter';
  if (YEAR.test(period)) return 'year';
  return undefined;
}

function parse(period: Period): { frequency: Frequency; step: number } {
  const m = MONTH.exec(period);
  if (m) return { frequency: 'month', step: Number(m[1]) * 12 + Number(m[2]) - 1 };
  const q = QUARTER.exec(period);
  if (q) return { frequency: 'quarter', step: Number(q[1]) * 4 + Number(q[2]) - 1 };
  const y = YEAR.exec(period);
  if (y) return { frequency: 'year', step: Number(y[1]) };
  throw new PinganError('invalid-argument', `"${period}" is not a period (expected YYYY-MM, YYYY-Qn or YYYY)`);
}

function format(frequency: Frequency, step: number): Period {
  const perYear = PER_YEAR[frequency];
  const year = Math.floor(step / perYear);
  if (year < 0 || year > 9999) throw new PinganError('invalid-argument', `period out of range: year ${year}`);
  const y = String(year).padStart(4, '0');
  if (frequency === 'year') return y;
  if (frequency === 'quarter') return `${y}-Q${(step % 4) + 1}`;
  return `${y}-${String((step % 12) + 1).padStart(2, '0')}`;
}

/**
 * The period `n` steps after `period` (before it, for negative `n`), at the
 * period's own frequency.
 *
 * @example
 * shiftPeriod('2025-01', -1); // '2024-12'
 * shiftPeriod('2025-Q1', -1); // '2024-Q4'
 * shiftPeriod('2025', 2); // '2027'
 */
export function shiftPeriod(period: Period, n: number): Period {
  const { frequency, step } = parse(period);
  return format(frequency, step + n);
}

/**
 * How many periods `to` lies after `from` (negative when before). Both must
 * have the same frequency.
 *
 * @example
 * periodDistance('2024-11', '2025-02'); // 3
 * periodDistance('2024-Q3', '2025-Q2'); // 3
 * periodDistance('2019', '2022'); // 3
 */
export function periodDistance(from: Period, to: Period): number {
  const a = parse(from);
  const b = parse(to);
  if (a.frequency !== b.frequency) {
    throw new PinganError('invalid-argument', `cannot compare periods of different frequency: "${from}" and "${to}"`);
  }
  return b.step - a.step;
}

/**
 * Every period from `first` to `last`, both included.
 *
 * @example
 * periodRange('2024-11', '2025-02'); // ['2024-11', '2024-12', '2025-01', '2025-02']
 * periodRange('2024-Q4', '2025-Q2'); // ['2024-Q4', '2025-Q1', '2025-Q2']
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
 * periodYear('2025-Q3'); // 2025
 */
export function periodYear(period: Period): number {
  return Number(period.slice(0, 4));
}

/**
 * How many periods of `period`'s frequency make a year: 12 for a month, 4
 * for a quarter, 1 for a year. It is the lag of the year-on-year change
 * (同比: the same month, or quarter, a year before).
 *
 * @example
 * periodsPerYear('2025-10'); // 12
 * periodsPerYear('2025-Q3'); // 4
 */
export function periodsPerYear(period: Period): number {
  return PER_YEAR[parse(period).frequency];
}

/**
 * The periods per year of a list of periods (a panel's): that of its first
 * period; 12 (months, as before quarters existed) when the list is empty or
 * its periods are labels that are not dates (a panel may be labelled freely).
 *
 * @example
 * panelPeriodsPerYear(['2025-Q1', '2025-Q2']); // 4
 * panelPeriodsPerYear([]); // 12
 * panelPeriodsPerYear(['t1', 't2']); // 12
 */
export function panelPeriodsPerYear(periods: readonly Period[]): number {
  const frequency = periods.length ? periodFrequency(periods[0]) : undefined;
  return frequency ? PER_YEAR[frequency] : 12;
}

/**
 * Converts a span stated in months (a noise baseline of 36 months) into
 * periods of a frequency with `perYear` periods a year, rounded up so that
 * the span is never shorter than stated: 36 months are 36 months or 12
 * quarters, 13 months are 5 quarters.
 *
 * @example
 * monthsAsPeriods(36, 4); // 12
 * monthsAsPeriods(13, 4); // 5
 * monthsAsPeriods(36, 12); // 36
 */
export function monthsAsPeriods(months: number, perYear: number): number {
  return Math.ceil((months * perYear) / 12);
}

/**
 * The last month (`YYYY-MM`) of a period: the month itself, the third month
 * of a quarter, December of a year. Dates that follow a period (its release
 * day) are counted from it.
 *
 * @example
 * periodLastMonth('2025-Q3'); // '2025-09'
 * periodLastMonth('2025-10'); // '2025-10'
 * periodLastMonth('2025'); // '2025-12'
 */
export function periodLastMonth(period: Period): Period {
  const { frequency, step } = parse(period);
  const monthsPer = 12 / PER_YEAR[frequency];
  return format('month', (step + 1) * monthsPer - 1);
}

/**
 * The period of frequency `frequency` that contains a month (`YYYY-MM`).
 *
 * @example
 * periodOfMonth('2025-08', 'quarter'); // '2025-Q3'
 * periodOfMonth('2025-08', 'year'); // '2025'
 */
export function periodOfMonth(month: Period, frequency: Frequency): Period {
  const { frequency: f, step } = parse(month);
  if (f !== 'month') throw new PinganError('invalid-argument', `"${month}" is not a month (expected YYYY-MM)`);
  return format(frequency, Math.floor(step / (12 / PER_YEAR[frequency])));
}
