import { PinganError } from '../errors/pinganError.ts';
import { describe, expect, it } from 'vitest';
import { groupMean } from './groupMean.ts';

const NaN_ = Number.NaN;

describe('groupMean', () => {
  it('fills each gap with its group’s mean (COINr i_mean_grp)', () => {
    // group a: (1 + 3) / 2 = 2; group b: 10 / 1 = 10; group c has no value → stays missing
    const out = groupMean([1, NaN_, 3, NaN_, 10, NaN_], ['a', 'a', 'a', 'b', 'b', 'c']);
    expect(Array.from(out)).toEqual([1, 2, 3, 10, 10, NaN_]);
  });
  it('uses one group without labels (COINr i_mean)', () => {
    // (1 + 3 + 10) / 3 = 14 / 3
    const out = groupMean([1, NaN_, 3, NaN_, 10]);
    expect(Array.from(out)).toEqual([1, 14 / 3, 3, 14 / 3, 10]);
  });
  it('accepts numeric labels and checks lengths', () => {
    expect(Array.from(groupMean([2, NaN_, 4, NaN_], [1, 1, 2, 2]))).toEqual([2, 2, 4, 4]);
    expect(() => groupMean([1, 2], ['a'])).toThrow(PinganError);
  });
  it('does not change its input', () => {
    const input = new Float64Array([1, NaN_, 3]);
    groupMean(input);
    expect(Number.isNaN(input[1])).toBe(true);
  });
});
