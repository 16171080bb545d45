import { PinganError } from '../errors/pinganError.ts';
import { describe, expect, it } from 'vitest';
import { interpolateGaps } from './interpolateGaps.ts';

const NaN_ = Number.NaN;

describe('interpolateGaps', () => {
  it('fills interior gaps on the straight line between neighbours', () => {
    // 10 at index 1, 16 at index 4: step (16 − 10) / 3 = 2 → 12, 14
    // 16 at index 4, 15 at index 6: step −0.5 → 15.5
    const { values, before, after } = interpolateGaps([NaN_, 10, NaN_, NaN_, 16, NaN_, 15, NaN_]);
    expect(Array.from(values)).toEqual([NaN_, 10, 12, 14, 16, 15.5, 15, NaN_]);
    expect(Array.from(before)).toEqual([-1, -1, 1, 1, -1, 4, -1, -1]);
    expect(Array.from(after)).toEqual([-1, -1, 4, 4, -1, 6, -1, -1]);
  });
  it('leaves gaps longer than maxGap, and never extrapolates', () => {
    // gap of 2 (indices 1, 2) > maxGap 1 stays; gap of 1 (index 4) is filled: (3 + 7) / 2 = 5
    const { values } = interpolateGaps([0, NaN_, NaN_, 3, NaN_, 7, NaN_], 1);
    expect(Array.from(values)).toEqual([0, NaN_, NaN_, 3, 5, 7, NaN_]);
  });
  it('does nothing with fewer than two observations', () => {
    expect(Array.from(interpolateGaps([NaN_, 4, NaN_]).values)).toEqual([NaN_, 4, NaN_]);
  });
  it('rejects a bad maxGap', () => {
    expect(() => interpolateGaps([1], 0)).toThrow(PinganError);
  });
});
