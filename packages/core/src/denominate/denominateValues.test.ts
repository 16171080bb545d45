import { PinganError } from '../errors/pinganError.ts';
import { describe, expect, it } from 'vitest';
import { denominateValues } from './denominateValues.ts';

describe('denominateValues', () => {
  it('divides by the denominator and multiplies by the scale', () => {
    // 3 / 150,000 × 100,000 = 2
    // 9 / 300,000 × 100,000 = 3
    // 0 / 50,000 × 100,000 = 0 (a zero count is a real zero)
    expect(Array.from(denominateValues([3, 9, 0], [150_000, 300_000, 50_000], 100_000))).toEqual([2, 3, 0]);
  });
  it('defaults to a scale of 1', () => {
    // 5 / 4 = 1.25
    expect(Array.from(denominateValues([5], [4]))).toEqual([1.25]);
  });
  it('makes the result missing when the value or the denominator is missing', () => {
    const out = denominateValues([Number.NaN, 4, Number.NaN], [2, Number.NaN, 0], 10);
    // a missing value never needs a valid denominator, so the 0 is not an error
    expect(Array.from(out).every(Number.isNaN)).toBe(true);
  });
  it('names every position with a bad denominator', () => {
    expect(() => denominateValues([1, 2, 3, 4], [0, 5, -1, Number.POSITIVE_INFINITY])).toThrow(/positions 0, 2, 3/);
  });
  it('refuses mismatched lengths and bad scales', () => {
    expect(() => denominateValues([1], [1, 2])).toThrow(PinganError);
    expect(() => denominateValues([1], [1], 0)).toThrow(/scale/);
  });
  it('does not change its inputs', () => {
    const v = [3, 6];
    const d = new Float64Array([3, 2]);
    denominateValues(v, d, 2);
    expect(v).toEqual([3, 6]);
    expect(Array.from(d)).toEqual([3, 2]);
  });
});
