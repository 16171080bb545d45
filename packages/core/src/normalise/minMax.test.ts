import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minMax } from './minMax.ts';

describe('minMax', () => {
  it('scales onto [0, 100] by default', () => {
    // min 2, max 6, range 4: (2-2)/4*100 = 0, (3-2)/4*100 = 25, (6-2)/4*100 = 100
    expect([...minMax([2, 3, 6])]).toEqual([0, 25, 100]);
  });
  it('scales onto [lower, upper]', () => {
    // (3-2)/4 * (11-1) + 1 = 0.25 * 10 + 1 = 3.5
    expect([...minMax([2, 3, 6], { lower: 1, upper: 11 })]).toEqual([1, 3.5, 11]);
  });
  it('keeps missing values missing and ignores them for min and max', () => {
    // min 10, max 20: (15-10)/10*100 = 50
    expect([...minMax([10, Number.NaN, 15, 20])]).toEqual([0, Number.NaN, 50, 100]);
  });
  it('flips a "higher is worse" indicator (COINr multiplies by -1 first)', () => {
    // -2, -3, -6: min -6, max -2, range 4: (-2+6)/4 = 1, (-3+6)/4 = 0.75, 0
    expect([...minMax([2, 3, 6], {}, -1)]).toEqual([100, 75, 0]);
  });
  it('returns NaN for every cell of a constant column, as COINr (0 / 0)', () => {
    expect([...minMax([4, 4, Number.NaN, 4])]).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    expect([...minMax([7])]).toEqual([Number.NaN]);
    expect([...minMax([Number.NaN, Number.NaN])]).toEqual([Number.NaN, Number.NaN]);
  });
  it('accepts a Float64Array and does not modify it', () => {
    const x = new Float64Array([1, 3]);
    expect([...minMax(x)]).toEqual([0, 100]);
    expect([...x]).toEqual([1, 3]);
  });
  it('property: scores lie in [lower, upper], with the min at lower and the max at upper', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(1 as const, -1 as const),
        (x, lower, width, direction) => {
          fc.pre(Math.min(...x) < Math.max(...x));
          const upper = lower + width;
          const s = minMax(x, { lower, upper }, direction);
          for (const v of s) {
            expect(v).toBeGreaterThanOrEqual(lower);
            expect(v).toBeLessThanOrEqual(upper);
          }
          expect(Math.min(...s)).toBe(lower);
          expect(Math.max(...s)).toBe(upper);
        },
      ),
    );
  });
});
