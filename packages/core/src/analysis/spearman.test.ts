import { describe, expect, it } from 'vitest';
import { spearman } from './spearman.ts';

describe('spearman', () => {
  it('is 1 for any strictly increasing relation', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBe(1);
    expect(spearman([1, 2, 3, 4], [5, 1, 0, -3])).toBe(-1);
  });
  it('uses average ranks for ties (hand-worked)', () => {
    // ranks x = 1, 2.5, 2.5, 4; y = 1, 3, 2, 4; Sxy = 4.5, Sxx = 4.5, Syy = 5.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 14);
    // Without ties it equals 1 − 6 Σd² / (n(n² − 1)): d = 0, 1, −1, 0, 0 → 1 − 12/120.
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 2, 4, 5])).toBeCloseTo(0.9, 14);
  });
  it('drops incomplete pairs before ranking (R: use = "pairwise.complete.obs")', () => {
    // Complete pairs: (1, 1), (2, 3), (3, 2) → ranks 1 2 3 vs 1 3 2 → r = 0.5.
    expect(spearman([1, Number.NaN, 2, 3, 4], [1, 5, 3, 2, Number.NaN])).toBeCloseTo(0.5, 14);
  });
  it('is NaN with fewer than two pairs or a constant series', () => {
    expect(spearman([1, Number.NaN], [2, 3])).toBeNaN();
    expect(spearman([2, 2, 2], [1, 2, 3])).toBeNaN();
  });
});
