import { describe, expect, it } from 'vitest';
import type { ControlChart } from './controlCharts.ts';
import { publishedChart } from './publishedChart.ts';

// 30 months, 2023-05 to 2025-10: the first four not charted, the EWMA above the limit 0.957 from 2025-09.
const periods = Array.from({ length: 30 }, (_, i) => {
  const m = 4 + i;
  return `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});
const charted = Uint8Array.from(periods, (_, t) => (t < 4 ? 0 : 1));
const ewma = Float64Array.from(periods, (_, t) => (t < 4 ? NaN : t >= 28 ? 1.0004 + (t - 28) * 0.25 : 0.1 * (t % 3)));
const outOfControl = Uint8Array.from(ewma, (e) => (e > 0.9571 ? 1 : 0));
const chart: ControlChart = {
  unit: '430302',
  code: 'fires',
  periods,
  charted,
  observed: Float64Array.from(periods, (_, t) => (t < 4 ? NaN : t)),
  expected: Float64Array.from(periods, (_, t) => (t < 4 ? NaN : t / 3)),
  score: new Float64Array(periods.length),
  ewma,
  outOfControl,
  signal: Uint8Array.from(outOfControl, (o, t) => (o && !outOfControl[t - 1] ? 1 : 0)),
  limit: 2.8704 * Math.sqrt(0.2 / 1.8),
};

describe('publishedChart', () => {
  it('gives the month as text: the count as observed, the expected count to the decimals asked, the EWMA and limit to 3', () => {
    const p = publishedChart(chart, '2025-10', { decimals: 2 });
    expect(p).toMatchObject({ unit: '430302', code: 'fires', observed: '29', expected: '9.67', ewma: '1.250', limit: '0.957', newAlarm: false });
    // The episode started in 2025-09.
    expect(publishedChart(chart, '2025-09', { decimals: 1 })).toMatchObject({ observed: '28', expected: '9.3', ewma: '1.000', newAlarm: true });
  });

  it('carries the charted months of the last 24 (or as many as asked), oldest first, and none before the chart starts', () => {
    const p = publishedChart(chart, '2025-10', { decimals: 2 });
    expect(p.history.map((h) => h.month)).toEqual(periods.slice(6));
    expect(p.history[0]).toEqual({ month: '2023-11', observed: '6', expected: '2.00', ewma: '0.000' });
    expect(p.history.at(-1)).toEqual({ month: '2025-10', observed: '29', expected: '9.67', ewma: '1.250' });
    // 2023-05 … 2023-08 are not charted: a longer history starts at 2023-09.
    expect(publishedChart(chart, '2025-10', { decimals: 2, historyMonths: 36 }).history[0].month).toBe('2023-09');
    expect(publishedChart(chart, '2025-10', { decimals: 2, historyMonths: 3 }).history.map((h) => h.ewma)).toEqual(['0.000', '1.000', '1.250']);
  });

  it('refuses a month the chart does not chart', () => {
    expect(() => publishedChart(chart, '2023-06', { decimals: 2 })).toThrow(/does not chart 2023-06/);
    expect(() => publishedChart(chart, '2025-11', { decimals: 2 })).toThrow(RangeError);
  });
});
