import { describe, expect, it } from 'vitest';
import { averageRanks } from './ranks.ts';

describe('averageRanks', () => {
  it('ranks from 1, ties sharing their average rank (R rank(), ties "average")', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    expect(Array.from(averageRanks([3, 3, 3]))).toEqual([2, 2, 2]);
    // R: rank(c(2, 1, 2, 3, 1, 2)) = 4 1.5 4 6 1.5 4
    expect(Array.from(averageRanks([2, 1, 2, 3, 1, 2]))).toEqual([4, 1.5, 4, 6, 1.5, 4]);
    expect(Array.from(averageRanks([]))).toEqual([]);
  });
  it('rejects NaN', () => {
    expect(() => averageRanks([1, Number.NaN])).toThrow(/NaN/);
  });
});
