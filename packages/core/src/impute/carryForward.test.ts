import { PinganError } from '../errors/pinganError.ts';
import { describe, expect, it } from 'vitest';
import { carryForward } from './carryForward.ts';

const NaN_ = Number.NaN;

describe('carryForward', () => {
  it('carries a semiannual survey through the following months, up to maxAge', () => {
    // observed in month 0 (10) and month 7 (12); maxAge 5:
    // months 1..5 are 1..5 months after month 0 → 10; month 6 is 6 months old → stays missing
    const { values, from } = carryForward([10, NaN_, NaN_, NaN_, NaN_, NaN_, NaN_, 12, NaN_], 5);
    expect(Array.from(values)).toEqual([10, 10, 10, 10, 10, 10, NaN_, 12, 12]);
    expect(Array.from(from)).toEqual([-1, 0, 0, 0, 0, 0, -1, -1, 7]);
  });
  it('never carries backward', () => {
    const { values, from } = carryForward([NaN_, NaN_, 3], 2);
    expect(Array.from(values)).toEqual([NaN_, NaN_, 3]);
    expect(Array.from(from)).toEqual([-1, -1, -1]);
  });
  it('restarts the age at each new observation', () => {
    // 1 at 0, 2 at 2; maxAge 1: index 1 ← 1 (age 1), index 3 ← 2 (age 1), index 4 age 2 → missing
    expect(Array.from(carryForward([1, NaN_, 2, NaN_, NaN_], 1).values)).toEqual([1, 1, 2, 2, NaN_]);
  });
  it('rejects a bad maxAge and leaves its input alone', () => {
    const input = [1, NaN_];
    expect(() => carryForward(input, 0)).toThrow(PinganError);
    carryForward(input, 1);
    expect(input).toEqual([1, NaN_]);
  });
});
