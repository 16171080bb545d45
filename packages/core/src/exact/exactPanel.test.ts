import { describe, expect, it } from 'vitest';
import { createPanel } from '../panel/panel.ts';
import { fromExactPanel, getExact, joinExactPeriods, toExactPanel } from './exactPanel.ts';

const panel = (periods: string[], values: number[]) => createPanel({ units: ['A', 'B'], periods, codes: ['x'], values });

describe('exact panels', () => {
  it('convert floats by their shortest text and back, missing values included', () => {
    const p = panel(['2025-01'], [0.1, Number.NaN]);
    const exact = toExactPanel(p);
    expect(getExact(exact, 'A', '2025-01', 'x')?.toString()).toBe('0.1');
    expect(getExact(exact, 'B', '2025-01', 'x')).toBeNull();
    expect(Array.from(fromExactPanel(exact).values)).toEqual([0.1, Number.NaN]);
  });

  it('name what getExact cannot find', () => {
    const exact = toExactPanel(panel(['2025-01'], [1, 2]));
    expect(() => getExact(exact, 'C', '2025-01', 'x')).toThrow('no unit "C"');
    expect(() => getExact(exact, 'A', '2025-02', 'x')).toThrow('no period "2025-02"');
    expect(() => getExact(exact, 'A', '2025-01', 'y')).toThrow('no column "y"');
  });

  it('join blocks of periods in order, and refuse blocks of other units or codes', () => {
    const joined = joinExactPeriods([toExactPanel(panel(['2025-01'], [1, 2])), toExactPanel(panel(['2025-02', '2025-03'], [3, 4, 5, 6]))]);
    expect(joined.periods).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(getExact(joined, 'B', '2025-03', 'x')?.toString()).toBe('6');
    expect(joined.flags).toHaveLength(6);
    const other = toExactPanel(createPanel({ units: ['A', 'C'], periods: ['2025-04'], codes: ['x'], values: [1, 2] }));
    expect(() => joinExactPeriods([joined, other])).toThrow('differ in units or codes');
    expect(() => joinExactPeriods([])).toThrow('no panels');
  });
});
