import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedGeneralisedMean } from './weightedGeneralisedMean.ts';

const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const weight = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

/** Relative closeness, for properties over wide ranges. */
function expectNear(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('weightedGeneralisedMean', () => {
  it('is (Σ w x^p / Σ w)^(1/p) (COINr a_genmean)', () => {
    // p = 2: √((1 + 49) / 2) = √25 = 5
    expect(weightedGeneralisedMean([1, 7], [1, 1], 2)).toBe(5);
    // p = 1 is the arithmetic mean: 0.25 × 40 + 0.75 × 80 = 70
    expect(weightedGeneralisedMean([40, 80], [1, 3], 1)).toBe(70);
    // p = -1 is the harmonic mean: 2 / (1/2 + 1/6) = 3
    expect(weightedGeneralisedMean([2, 6], [1, 1], -1)).toBeCloseTo(3, 12);
  });
  it('skips missing values (COINr returns NA here, against its own documentation)', () => {
    expect(weightedGeneralisedMean([1, Number.NaN, 7], [1, 5, 1], 2)).toBe(5);
    expect(weightedGeneralisedMean([Number.NaN], [1], 2)).toBeNaN();
  });
  it('refuses power 0 and, for a negative power, values ≤ 0', () => {
    expect(() => weightedGeneralisedMean([1, 2], [1, 1], 0)).toThrow(/non-zero power/);
    expect(() => weightedGeneralisedMean([1, 0], [1, 1], -1)).toThrow(/power -1 needs positive values: values\[1\] is 0/);
    // a positive power accepts zero: ((0 + 2) / 2)^1 = 1
    expect(weightedGeneralisedMean([0, 2], [1, 1], 1)).toBe(1);
  });
  it('property: the mean of equal values is that value', () => {
    fc.assert(
      fc.property(positive, fc.array(weight, { minLength: 1, maxLength: 12 }), (x, w) => {
        const v = w.map(() => x);
        expectNear(weightedGeneralisedMean(v, w, 3), x);
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
          const before = weightedGeneralisedMean(v, w, 3);
          w = w.map((y) => y * c);
          const after = weightedGeneralisedMean(v, w, 3);
          if (Number.isNaN(before)) expect(after).toBeNaN();
          else expectNear(after, before);
        },
      ),
    );
  });
  it('property (p = -2): the mean of equal values is that value', () => {
    fc.assert(
      fc.property(positive, fc.array(weight, { minLength: 1, maxLength: 12 }), (x, w) => {
        const v = w.map(() => x);
        expectNear(weightedGeneralisedMean(v, w, -2), x);
      }),
    );
  });
  it('property (p = -2): scaling every weight by a positive constant changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(positive, fc.constant(Number.NaN)), weight), { minLength: 1, maxLength: 12 }),
        positive,
        (pairs, c) => {
          const v = pairs.map(([x]) => x);
          let w = pairs.map(([, y]) => y);
          const before = weightedGeneralisedMean(v, w, -2);
          w = w.map((y) => y * c);
          const after = weightedGeneralisedMean(v, w, -2);
          if (Number.isNaN(before)) expect(after).toBeNaN();
          else expectNear(after, before);
        },
      ),
    );
  });
});
