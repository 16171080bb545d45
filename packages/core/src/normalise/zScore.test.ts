import { describe, expect, it } from 'vitest';
import { meanOfPresent, sdOfPresent, zScore, zScoreInto, zScoreOfTwoInPlace } from './zScore.ts';

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

describe('zScoreOfTwoInPlace', () => {
  /** A seeded column, some values missing (NaN) where `missing` is set. */
  function column(seed: number, length: number, missing: boolean): Float64Array {
    let s = seed >>> 0;
    const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    return Float64Array.from({ length }, () => (missing && next() < 0.2 ? Number.NaN : (next() - 0.4) * 10 ** (3 * next())));
  }

  it('scores the worked example', () => {
    const a = new Float64Array([1, 2, 3]);
    const b = new Float64Array([5, 1, 3]);
    zScoreOfTwoInPlace(a, 1, 0, 1, b, -1, 10, 2);
    expect(Array.from(a)).toEqual([-1, 0, 1]);
    expect(Array.from(b)).toEqual([8, 12, 10]);
  });

  it('is zScoreInto of each column, bit for bit, with either direction, missing values and unequal lengths', () => {
    for (let seed = 1; seed <= 30; seed++) {
      for (const [missA, missB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const a = column(seed, 2 + (seed % 50), missA);
        const b = column(seed + 500, seed % 7 === 0 ? 3 + (seed % 5) : a.length, missB);
        const [dirA, dirB] = seed % 2 ? [1, -1] : [-1, 1];
        const expectedA = new Float64Array(a.length);
        const expectedB = new Float64Array(b.length);
        zScoreInto(a, expectedA, dirA, 10, 2);
        zScoreInto(b, expectedB, dirB, 0, 1);
        zScoreOfTwoInPlace(a, dirA, 10, 2, b, dirB, 0, 1);
        a.forEach((v, i) => expect(Object.is(v, expectedA[i]), `seed ${seed}, a[${i}]`).toBe(true));
        b.forEach((v, i) => expect(Object.is(v, expectedB[i]), `seed ${seed}, b[${i}]`).toBe(true));
      }
    }
  });
});
