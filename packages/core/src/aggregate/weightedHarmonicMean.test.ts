import { PinganError } from '../errors/pinganError.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedHarmonicMean } from './weightedHarmonicMean.ts';

const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const weight = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

/** Relative closeness, for properties over wide ranges. */
function expectNear(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('weightedHarmonicMean', () => {
  it('is Σ w / Σ (w / x) (COINr a_hmean)', () => {
    // 2 / (1/2 + 1/6) = 2 / (2/3) = 3
    expect(weightedHarmonicMean([2, 6], [1, 1])).toBeCloseTo(3, 12);
    // weights 3, 1: 4 / (3/2 + 1/6) = 4 / (10/6) = 2.4
    expect(weightedHarmonicMean([2, 6, Number.NaN], [3, 1, 1])).toBeCloseTo(2.4, 12);
  });
  it('throws on a present value ≤ 0', () => {
    expect(() => weightedHarmonicMean([2, 0], [1, 1])).toThrow(/harmonic mean needs positive values: values\[1\] is 0/);
    expect(() => weightedHarmonicMean([2, -3], [1, 1])).toThrow(PinganError);
  });
  it('is Number.NaN when nothing is present', () => {
    expect(weightedHarmonicMean([Number.NaN], [1])).toBeNaN();
  });
  it('property: the mean of equal values is that value', () => {
    fc.assert(
      fc.property(positive, fc.array(weight, { minLength: 1, maxLength: 12 }), (x, w) => {
        const v = w.map(() => x);
        expectNear(weightedHarmonicMean(v, w), x);
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
          const before = weightedHarmonicMean(v, w);
          w = w.map((y) => y * c);
          const after = weightedHarmonicMean(v, w);
          if (Number.isNaN(before)) expect(after).toBeNaN();
          else expectNear(after, before);
        },
      ),
    );
  });
});
