import { describe, expect, it } from 'vitest';
import { monthsAsPeriods, panelPeriodsPerYear, periodDistance, periodFrequency, periodLastMonth, periodOfMonth, periodRange, periodsPerYear, periodYear, shiftPeriod } from './period.ts';

describe('periods', () => {
  it('recognises months and years and rejects anything else', () => {
    expect(periodFrequency('2025-10')).toBe('month');
    expect(periodFrequency('2025')).toBe('year');
    expect(periodFrequency('2025-13')).toBeUndefined();
    expect(periodFrequency('2025-1')).toBeUndefined();
  });
  it('steps across year ends', () => {
    expect(shiftPeriod('2025-01', -1)).toBe('2024-12');
    expect(shiftPeriod('2024-12', 13)).toBe('2026-01');
    expect(shiftPeriod('2019', 3)).toBe('2022');
    expect(periodDistance('2024-11', '2025-02')).toBe(3);
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
  it('refuses to compare months with years', () => {
    expect(() => periodDistance('2024', '2024-01')).toThrow(/different frequency/);
  });
  // Hand-worked: quarters are counted year × 4 + quarter − 1, so 2024-Q3 is 8098 and 2025-Q2 is 8101.
  it('recognises quarters and refuses malformed ones', () => {
    expect(periodFrequency('2025-Q3')).toBe('quarter');
    expect(periodFrequency('2025-Q0')).toBeUndefined();
    expect(periodFrequency('2025-Q5')).toBeUndefined();
    expect(periodFrequency('2025-q3')).toBeUndefined();
    expect(periodFrequency('2025Q3')).toBeUndefined();
    expect(() => shiftPeriod('2025-Q5', 1)).toThrow(/not a period/);
  });
  it('steps quarters across year ends', () => {
    expect(shiftPeriod('2025-Q1', -1)).toBe('2024-Q4');
    expect(shiftPeriod('2024-Q4', 1)).toBe('2025-Q1');
    expect(shiftPeriod('2024-Q3', 6)).toBe('2026-Q1');
    expect(shiftPeriod('2025-Q3', -4)).toBe('2024-Q3');
    expect(shiftPeriod('2025-Q2', -9)).toBe('2023-Q1');
    expect(periodDistance('2024-Q3', '2025-Q2')).toBe(3);
    expect(periodDistance('2025-Q2', '2024-Q3')).toBe(-3);
    expect(periodDistance('2019-Q4', '2025-Q4')).toBe(24);
    expect(periodRange('2024-Q3', '2025-Q2')).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(periodYear('2025-Q4')).toBe(2025);
  });
  it('refuses to compare quarters with months', () => {
    expect(() => periodDistance('2025-Q1', '2025-03')).toThrow(/different frequency/);
    expect(() => periodRange('2025-03', '2025-Q1')).toThrow(/different frequency/);
  });
  it('knows a year back: 12 months, 4 quarters, 1 year', () => {
    expect(periodsPerYear('2025-10')).toBe(12);
    expect(periodsPerYear('2025-Q3')).toBe(4);
    expect(periodsPerYear('2025')).toBe(1);
    expect(panelPeriodsPerYear(['2024-Q1', '2024-Q2'])).toBe(4);
    expect(panelPeriodsPerYear([])).toBe(12);
    expect(panelPeriodsPerYear(['t1', 't2'])).toBe(12);
    expect(shiftPeriod('2025-Q3', -periodsPerYear('2025-Q3'))).toBe('2024-Q3');
    expect(shiftPeriod('2025-10', -periodsPerYear('2025-10'))).toBe('2024-10');
  });
  it('converts month spans to periods, never shorter', () => {
    expect(monthsAsPeriods(36, 4)).toBe(12);
    expect(monthsAsPeriods(24, 4)).toBe(8);
    expect(monthsAsPeriods(13, 4)).toBe(5);
    expect(monthsAsPeriods(37, 12)).toBe(37);
    expect(monthsAsPeriods(36, 1)).toBe(3);
  });
  it("maps quarters to their months and months to their quarters", () => {
    expect(periodLastMonth('2025-Q1')).toBe('2025-03');
    expect(periodLastMonth('2025-Q3')).toBe('2025-09');
    expect(periodLastMonth('2025-Q4')).toBe('2025-12');
    expect(periodLastMonth('2025-07')).toBe('2025-07');
    expect(periodLastMonth('2025')).toBe('2025-12');
    expect(periodOfMonth('2025-01', 'quarter')).toBe('2025-Q1');
    expect(periodOfMonth('2025-03', 'quarter')).toBe('2025-Q1');
    expect(periodOfMonth('2025-04', 'quarter')).toBe('2025-Q2');
    expect(periodOfMonth('2025-12', 'quarter')).toBe('2025-Q4');
    expect(periodOfMonth('2025-08', 'year')).toBe('2025');
    expect(periodOfMonth('2025-08', 'month')).toBe('2025-08');
    expect(() => periodOfMonth('2025-Q1', 'year')).toThrow(/not a month/);
  });
});
