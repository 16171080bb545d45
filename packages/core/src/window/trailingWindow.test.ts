import { describe, expect, it } from 'vitest';
import { frameworkFromJson } from '../framework/defineFramework.ts';
import { Flag } from '../panel/flags.ts';
import { createPanel, timeSeries } from '../panel/panel.ts';
import { trailingWindow } from './trailingWindow.ts';

const name = (en: string) => ({ zh: en, en });
const fw = (window: object) =>
  frameworkFromJson({
    id: 'w',
    version: '1',
    name: name('W'),
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
      { code: 'a', type: 'indicator', parent: 'index', direction: -1, name: name('A'), window },
      { code: 'b', type: 'indicator', parent: 'index', direction: 1, name: name('B') },
    ],
  });
const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
// Unit X: a = 1, 2, 3, 4, NaN; b = 10, 20, 30, 40, 50 (one unit, two columns).
const panel = createPanel({
  units: ['X'],
  periods,
  codes: ['a', 'b'],
  values: [1, 10, 2, 20, 3, 30, 4, 40, Number.NaN, 50],
  flags: [0, 0, Flag.Estimated, 0, 0, 0, 0, 0, 0, 0],
});

describe('trailingWindow', () => {
  it('sums the last k periods; the first k − 1 periods and incomplete windows are missing', () => {
    const out = trailingWindow(panel, fw({ periods: 3, statistic: 'sum' }));
    // 1+2+3 = 6, 2+3+4 = 9, then 3+4+missing: incomplete
    expect(Array.from(timeSeries(out, 'X', 'a'))).toEqual([Number.NaN, Number.NaN, 6, 9, Number.NaN]);
    expect(Array.from(timeSeries(out, 'X', 'b'))).toEqual([10, 20, 30, 40, 50]);
  });
  it('with minPeriods, scales a partial sum up to the whole window, and a mean is a mean', () => {
    // (3 + 4) × 3 / 2 = 10.5
    expect(timeSeries(trailingWindow(panel, fw({ periods: 3, statistic: 'sum', minPeriods: 2 })), 'X', 'a')[4]).toBe(10.5);
    expect(Array.from(timeSeries(trailingWindow(panel, fw({ periods: 2, statistic: 'mean' })), 'X', 'a'))).toEqual([Number.NaN, 1.5, 2.5, 3.5, Number.NaN]);
  });
  it('carries the flags of every value in the window, and leaves its input alone', () => {
    const out = trailingWindow(panel, fw({ periods: 3 }));
    expect(out.flags[2 * 2]).toBe(Flag.Estimated); // March's window holds February's estimate
    expect(out.flags[3 * 2]).toBe(Flag.Estimated);
    expect(panel.values[0]).toBe(1);
  });
  it('refuses minPeriods larger than the window', () => {
    expect(() => fw({ periods: 3, minPeriods: 4 })).toThrow(/nodes\[1\] \(a\)\.window\.minPeriods: must not exceed the window's 3 periods/);
  });
});
