import { describe, expect, it } from 'vitest';
import { percentileRank } from './percentileRank.ts';

describe('percentileRank', () => {
  it('scores (rank - 1) / (n - 1) with min ranks, times scale', () => {
    // ranks 1, 3, 2, 3, 5 among n = 5 present: (r-1)/4 = 0, 0.5, 0.25, 0.5, 1
    expect([...percentileRank([10, 30, 20, 30, 40, Number.NaN])]).toEqual([0, 50, 25, 50, 100, Number.NaN]);
    expect([...percentileRank([10, 30, 20], { scale: 1 })]).toEqual([0, 1, 0.5]);
  });
  it('reverses the order for direction -1', () => {
    // -10 -30 -20 -30 -40 → ranks 5, 2, 4, 2, 1 → (r-1)/4 = 1, 0.25, 0.75, 0.25, 0
    expect([...percentileRank([10, 30, 20, 30, 40], {}, -1)]).toEqual([100, 25, 75, 25, 0]);
  });
  it('is NaN with a single value present (0 / 0, as COINr)', () => {
    expect([...percentileRank([Number.NaN, 3])]).toEqual([Number.NaN, Number.NaN]);
  });
});
