import { describe, expect, it } from 'vitest';
import type { ControlChart } from './controlCharts.ts';
import { nearestLimit } from './nearestLimit.ts';

const periods = ['2025-08', '2025-09', '2025-10'];
/** A chart by hand: its EWMA in each period, charted where not NaN, out of control above `limit`. */
function chart(unit: string, code: string, ewma: number[], limit = 1): ControlChart {
  const charted = Uint8Array.from(ewma, (e) => (e === e ? 1 : 0));
  const outOfControl = Uint8Array.from(ewma, (e) => (e > limit ? 1 : 0));
  return {
    unit,
    code,
    periods,
    charted,
    observed: Float64Array.from(ewma, () => 1),
    expected: Float64Array.from(ewma, () => 1),
    score: Float64Array.from(ewma, () => 0),
    ewma: Float64Array.from(ewma),
    outOfControl,
    signal: Uint8Array.from(outOfControl, (o, t) => (o && !(outOfControl[t - 1] ?? 0) ? 1 : 0)),
    limit,
  };
}

describe('nearestLimit', () => {
  const charts = [
    chart('A', 'x', [0.1, 0.2, 0.5]),
    chart('A', 'y', [0.9, 1.2, 1.3]), // out of control: left out
    chart('B', 'x', [0, 0, 0]), // at the floor: left out
    chart('B', 'y', [0.3, 0.4, 0.95]),
    chart('C', 'x', [0.2, 0.3, 0.5]), // ties with A × x: after it, in chart order
    chart('C', 'y', [0.2, 0.3, NaN]), // not charted in 2025-10
    chart('D', 'x', [0.2, 0.3, 1], 2), // its own limit: a share of 0.5 as well
  ];

  it('lists the in-control charts by share of their limit, nearest first, ties in chart order', () => {
    expect(nearestLimit(charts, '2025-10', 10).map((n) => [n.chart.unit, n.chart.code, n.share])).toEqual([
      ['B', 'y', 0.95],
      ['A', 'x', 0.5],
      ['C', 'x', 0.5],
      ['D', 'x', 0.5],
    ]);
  });

  it('keeps at most `count`, and reads the month asked for', () => {
    expect(nearestLimit(charts, '2025-10', 2).map((n) => n.chart.unit + n.chart.code)).toEqual(['By', 'Ax']);
    expect(nearestLimit(charts, '2025-10', 0)).toEqual([]);
    // In 2025-08 A × y was in control and the nearest.
    expect(nearestLimit(charts, '2025-08', 1).map((n) => [n.chart.unit + n.chart.code, n.share])).toEqual([['Ay', 0.9]]);
  });

  it('gives nothing for a period no chart has, and refuses a count that is not a whole number', () => {
    expect(nearestLimit(charts, '2025-11', 5)).toEqual([]);
    expect(() => nearestLimit(charts, '2025-10', -1)).toThrow(RangeError);
    expect(() => nearestLimit(charts, '2025-10', 1.5)).toThrow(/whole number/);
  });
});
