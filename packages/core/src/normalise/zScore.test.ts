import { describe, expect, it } from 'vitest';
import { meanOfPresent, sdOfPresent, zScore } from './zScore.ts';

describe('zScore', () => {
  it('standardises with the sample standard deviation (as R sd)', () => {
    // x = 2 4 4 4 5 5 7 9: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
    // sample variance 32/7, sd = √(32/7) ≈ 2.13809; z(9) = 4/2.13809 ≈ 1.87083, z(2) = -3/2.13809 ≈ -1.40312
    const z = zScore([2, 4, 4, 4, 5, 5, 7, 9]);
    const sd = Math.sqrt(32 / 7);
    expect(z[0]).toBeCloseTo(-3 / sd, 12);
    expect(z[4]).toBe(0);
    expect(z[7]).toBeCloseTo(4 / sd, 12);
    expect(z[7]).toBeCloseTo(1.870828693, 8);
  });
  it('rescales to the requested mean and sd', () => {
    // mean 2, sd 1 → z = -1, 0, 1 → ×2 + 10 = 8, 10, 12
    expect([...zScore([1, 2, 3], { mean: 10, sd: 2 })]).toEqual([8, 10, 12]);
  });
  it('skips missing values and keeps them missing', () => {
    expect([...zScore([1, Number.NaN, 3])]).toEqual([-Math.SQRT1_2, Number.NaN, Math.SQRT1_2].map((v) => (Number.isNaN(v) ? v : expect.closeTo(v, 12))));
  });
  it('flips a "higher is worse" indicator', () => {
    // -1 -2 -3: mean -2, sd 1 → 1, 0, -1
    expect([...zScore([1, 2, 3], {}, -1)]).toEqual([1, 0, -1]);
  });
  it('is NaN for a constant column or a single value (sd 0 or undefined)', () => {
    expect([...zScore([5, 5, 5])]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect([...zScore([5, Number.NaN])]).toEqual([Number.NaN, Number.NaN]);
  });
  it('computes the mean and sd of the present values', () => {
    // (1 + 2 + 6) / 3 = 3; squares 4 + 1 + 9 = 14, /2 = 7
    const x = new Float64Array([1, Number.NaN, 2, 6]);
    expect(meanOfPresent(x, 1)).toBe(3);
    expect(sdOfPresent(x, 1)).toBeCloseTo(Math.sqrt(7), 14);
    expect(meanOfPresent(new Float64Array([Number.NaN]), 1)).toBeNaN();
  });
});
