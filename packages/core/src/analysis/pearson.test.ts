import { describe, expect, it } from 'vitest';
import { pearson } from './pearson.ts';

describe('pearson', () => {
  it('matches a hand-worked value', () => {
    // x̄ = 2.5, ȳ = 5; Sxy = 11, Sxx = 5, Syy = 26; r = 11 / √130.
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 9])).toBeCloseTo(11 / Math.sqrt(130), 14);
  });
  it('is ±1 on exact linear relations and symmetric', () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
    const x = [0.3, 1.7, -2, 5, 4.4];
    const y = [1, 0, 2, 8, 3];
    expect(pearson(x, y)).toBe(pearson(y, x));
  });
  it('skips pairs with NaN in either series (pairwise complete)', () => {
    expect(pearson([1, 2, Number.NaN, 4, 5], [2, 4, 100, Number.NaN, 10])).toBeCloseTo(1, 14);
    expect(pearson([1, 2, 4, 3], [1, 2, 3, 4])).toBeCloseTo(0.8, 14);
    expect(pearson(Float64Array.from([1, 2, 4, 3, Number.NaN]), [1, 2, 3, 4, 0])).toBeCloseTo(0.8, 14);
  });
  it('is NaN with fewer than two pairs or no variance', () => {
    expect(pearson([1], [2])).toBeNaN();
    expect(pearson([1, Number.NaN], [Number.NaN, 2])).toBeNaN();
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([], [])).toBeNaN();
    expect(pearson([1, 2], [5, 3])).toBe(-1);
  });
  it('rejects series of different lengths', () => {
    expect(() => pearson([1, 2], [1])).toThrow(/equal length/);
  });
});
