import { describe, expect, it } from 'vitest';
import { coefficientOfVariationWeights } from './coefficientOfVariation.ts';

describe('coefficientOfVariationWeights', () => {
  it('weights columns by σ / |mean|', () => {
    // Means 2 and 4, sample sd 1 each: CV 0.5 and 0.25.
    const w = coefficientOfVariationWeights([[1, 3], [2, 4], [3, 5]]);
    expect(w[0]).toBeCloseTo(2 / 3, 15);
    expect(w[1]).toBeCloseTo(1 / 3, 15);
    // A negative mean uses its absolute value: −2 ± 1 has CV 0.5 too.
    const v = coefficientOfVariationWeights([[1, -3], [2, -2], [3, -1]]);
    expect(v[0]).toBeCloseTo(0.5, 15);
  });
  it('skips missing values per column, or drops incomplete rows', () => {
    const m = [[1, 3], [2, Number.NaN], [3, 5]];
    // Column 1: 1, 2, 3 (CV ½); column 2: 3, 5 (mean 4, sd √2, CV √2/4).
    const a = coefficientOfVariationWeights(m);
    expect(a[0]).toBeCloseTo(0.5 / (0.5 + Math.SQRT2 / 4), 14);
    // Complete rows: column 1 is 1, 3 (mean 2, sd √2, CV √2/2).
    const c = coefficientOfVariationWeights(m, { missing: 'complete' });
    expect(c[0]).toBeCloseTo(Math.SQRT2 / 2 / (Math.SQRT2 / 2 + Math.SQRT2 / 4), 14);
  });
  it('rejects a zero mean and data with no variation', () => {
    expect(() => coefficientOfVariationWeights([[1, 1], [-1, 2]])).toThrow(/column 1 has mean 0/);
    expect(() => coefficientOfVariationWeights([[1, 1], [1, 1]])).toThrow(/no column carries information/);
  });
});
