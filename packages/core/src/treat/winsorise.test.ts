import { describe, expect, it } from 'vitest';
import { winsorise } from './winsorise.ts';

const spec = { winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5 };

describe('winsorise', () => {
  it('moves the top point to the next value until the column passes', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100];
    const w = winsorise(x, spec);
    expect(Array.from(w.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
    expect(w).toMatchObject({ nwin: 1, high: [10], low: [], passed: true });
    expect(x[10]).toBe(100); // input untouched
  });

  it('winsorises the bottom when skew is negative', () => {
    // −100, 1…10: skew −3.27, kurt 10.76 → fail; skew < 0 → min −100 → next lowest 1
    const w = winsorise([-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], spec);
    expect(Array.from(w.values)).toEqual([1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(w).toMatchObject({ nwin: 1, high: [], low: [0], passed: true });
    // mirror image of 1…10, 10: skew +0.1276
    expect(w.skew).toBeCloseTo(0.127621659676085, 10);
  });

  it('moves earlier winsorised points again (they tie at the top) and stops at winmax', () => {
    // 44 zeros, then 10, 11, 12, 13, 14, 15 at positions 44…49. Each step moves every
    // point at the maximum down to the next value:
    //   15 → 14 (1 point), {14, 14} → 13 (2), {13 ×3} → 12 (3), {12 ×4} → 11 (4), {11 ×5} → 10 (5)
    // nwin = size of the last set = 5 = winmax: stop, still failing (skew 2.41, kurt 3.97).
    const x = [...new Array<number>(44).fill(0), 10, 11, 12, 13, 14, 15];
    const w = winsorise(x, spec);
    expect(Array.from(w.values.subarray(44))).toEqual([10, 10, 10, 10, 10, 10]);
    expect(w).toMatchObject({ nwin: 5, high: [45, 46, 47, 48, 49], low: [], passed: false });
    expect(winsorise(x, { ...spec, winmax: 2 }).values.subarray(44)).toEqual(new Float64Array([10, 11, 12, 13, 13, 13]));
  });

  it('moves tied maxima together, so nwin may pass winmax', () => {
    // 44 zeros, 5, 9, 9: both 9s move to 5 in one step: nwin = 2 > winmax 1
    const w = winsorise([...new Array<number>(44).fill(0), 5, 9, 9], { ...spec, winmax: 1 });
    expect(w.nwin).toBe(2);
    expect(w.high).toEqual([45, 46]);
    expect(Array.from(w.values.subarray(44))).toEqual([5, 5, 5]);
  });

  it('leaves passing columns and missing values alone', () => {
    const w = winsorise([1, Number.NaN, 2, 3, 4], spec);
    expect(w).toMatchObject({ nwin: 0, high: [], low: [], passed: true });
    const v = winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.NaN, 100], spec).values;
    expect(v[10]).toBeNaN();
    expect(v[11]).toBe(10);
  });

  it('ends with passed = null when winsorising makes the column constant', () => {
    // ten 1s and a 5: skew 3.32, kurt 11 → fail; 5 → 1 leaves a constant column: skew NaN
    const w = winsorise([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5], spec);
    expect(w.passed).toBe(null);
  });
});
