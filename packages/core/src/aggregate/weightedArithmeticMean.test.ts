import { PinganError } from '../errors/pinganError.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedArithmeticMean } from './weightedArithmeticMean.ts';

const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const weight = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

/** Relative closeness, for properties over wide ranges. */
function expectNear(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('weightedArithmeticMean', () => {
  it('rescales the weights to sum to 1 (COINr a_amean)', () => {
    // weights 1, 3 → 0.25, 0.75: 0.25 × 40 + 0.75 × 80 = 10 + 60 = 70
    expect(weightedArithmeticMean([40, 80], [1, 3])).toBe(70);
  });
  it('drops missing values with their weights', () => {
    // the middle value is missing: as above, 70
    expect(weightedArithmeticMean([40, Number.NaN, 80], [1, 2, 3])).toBe(70);
  });
  it('is Number.NaN when nothing is present', () => {
    expect(weightedArithmeticMean([Number.NaN, Number.NaN], [1, 1])).toBeNaN();
    expect(weightedArithmeticMean([], [])).toBeNaN();
  });
  it('accepts zero and negative values', () => {
    // (-10 + 30 + 0) / 3 = 20 / 3
    expect(weightedArithmeticMean([-10, 30, 0], [1, 1, 1])).toBeCloseTo(20 / 3, 14);
  });
  it('checks the weights', () => {
    expect(() => weightedArithmeticMean([1, 2], [1])).toThrow(PinganError);
  });
  it('property: the mean of equal values is that value', () => {
    fc.assert(
      fc.property(positive, fc.array(weight, { minLength: 1, maxLength: 12 }), (x, w) => {
        const v = w.map(() => x);
        expectNear(weightedArithmeticMean(v, w), x);
      }),
    );
  });
  it('property: scaling every weight by a positive constant changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(positive, fc.constant(Number.NaN)), weight), { minLength: 1, maxLength: 12 }),
        positive,
        (pairs, c) => {
          const v = pairs.map(([x]) => x);
          let w = pairs.map(([, y]) => y);
          const before = weightedArithmeticMean(v, w);
          w = w.map((y) => y * c);
          const after = weightedArithmeticMean(v, w);
          if (Number.isNaN(before)) expect(after).toBeNaN();
          else expectNear(after, before);
        },
      ),
    );
  });
});
