/**
 * The trend chart styles its lines by the framework's order of sub-indices,
 * not by their codes: any framework gets the index line and one distinct
 * line per group, the same for the same position.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_STYLE, SUB_STYLES, trendChart } from '../src/lib/charts.ts';

const points = (codes: string[]) =>
  ['2025-01', '2025-02', '2025-03'].map((month, i) => ({
    month,
    index: String(70 + i),
    subs: Object.fromEntries(codes.map((c, j) => [c, String(60 + i + j)])),
    indexInterval: null,
  }));

describe('trend chart series styles', () => {
  it('follow the framework order of the sub-indices, whatever their codes', () => {
    const xiangtan = trendChart(points(['order', 'traffic', 'fire', 'perception']), ['order', 'traffic', 'fire', 'perception']);
    const county = trendChart(points(['safety', 'roads', 'opinion']), ['safety', 'roads', 'opinion']);
    const style = (s: { colour: string; dash: string; width: number }) => ({ colour: s.colour, dash: s.dash, width: s.width });
    expect(style(xiangtan.series[0])).toEqual(INDEX_STYLE);
    expect(xiangtan.series.slice(1).map(style)).toEqual(SUB_STYLES.slice(0, 4));
    expect(county.series.slice(1).map(style)).toEqual(SUB_STYLES.slice(0, 3));
    // Every line of a chart is told apart by its dash as well as its colour.
    expect(new Set(xiangtan.series.map((s) => s.dash)).size).toBe(xiangtan.series.length);
  });
  it('stay distinct past the palette, by a thinner line', () => {
    const codes = Array.from({ length: SUB_STYLES.length + 1 }, (_, i) => `g${i}`);
    const chart = trendChart(points(codes), codes);
    const last = chart.series.at(-1)!;
    expect(last.dash).toBe(SUB_STYLES[0].dash);
    expect(last.width).toBeLessThan(SUB_STYLES[0].width);
  });
});
