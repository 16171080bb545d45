import { describe, expect, it } from 'vitest';
import { createPanel } from '../panel/panel.ts';
import { correlateColumns } from './correlateColumns.ts';
import { pearson } from './pearson.ts';
import { spearman } from './spearman.ts';

describe('correlateColumns', () => {
  // Units A–D in two periods; columns x, y, z.
  const x = [1, 2, 3, 4, 2, 3, 5, 9];
  const y = [2, 1, 4, 3, 1, 5, 4, 8];
  const z = [5, Number.NaN, 1, 2, 2, 2, 7, Number.NaN];
  const values: number[] = [];
  for (let i = 0; i < 8; i++) values.push(x[i], y[i], z[i]);
  const panel = createPanel({ units: ['A', 'B', 'C', 'D'], periods: ['2024', '2025'], codes: ['x', 'y', 'z'], values });

  it('correlates each code of one list with each of the other, pooled over periods by default', () => {
    const t = correlateColumns(panel, ['x', 'y'], ['x', 'y', 'z']);
    expect(t.rows).toEqual(['x', 'y']);
    expect(t.columns).toEqual(['x', 'y', 'z']);
    expect(t.values[0][0]).toBeCloseTo(1, 14);
    expect(t.values[0][1]).toBe(pearson(x, y));
    expect(t.values[1][2]).toBe(pearson(y, z));
  });
  it('restricts to one period', () => {
    const t = correlateColumns(panel, ['x'], ['y'], { period: '2024' });
    // x = 1 2 3 4, y = 2 1 4 3: Sxy = 4, Sxx = Syy = 5.
    expect(t.values[0][0]).toBeCloseTo(0.6, 14);
  });
  it('computes Spearman with pairwise-complete ranks', () => {
    const t = correlateColumns(panel, ['x', 'z'], ['y', 'z'], { method: 'spearman' });
    expect(t.values[0][0]).toBe(spearman(x, y));
    expect(t.values[0][1]).toBe(spearman(x, z));
    expect(t.values[1][1]).toBeCloseTo(1, 14);
  });
  it('gives NaN for a column with no variance and rejects unknown codes', () => {
    const flat = createPanel({ units: ['A', 'B', 'C'], periods: ['2025'], codes: ['k', 'x'], values: [1, 1, 1, 2, 1, 3] });
    expect(correlateColumns(flat, ['k'], ['x']).values[0][0]).toBeNaN();
    expect(() => correlateColumns(panel, ['nope'], ['x'])).toThrow(/no column "nope"/);
    expect(() => correlateColumns(panel, ['x'], ['y'], { method: 'kendall' as never })).toThrow(/unknown/);
  });
});
