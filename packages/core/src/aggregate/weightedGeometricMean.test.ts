import { PinganError } from '../errors/pinganError.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedArithmeticMean } from './weightedArithmeticMean.ts';
import { weightedGeometricMean } from './weightedGeometricMean.ts';
import { weightedHarmonicMean } from './weightedHarmonicMean.ts';

const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const weight = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

/** Relative closeness, for properties over wide ranges. */
function expectNear(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('weightedGeometricMean', () => {
  it('is exp(Σ w log x / Σ w) (COINr a_gmean)', () => {
    // exp((log 4 + log 16) / 2) = exp(log 64 / 2) = 8
    expect(weightedGeometricMean([4, 16, Number.NaN], [1, 1, 5])).toBeCloseTo(8, 12);
    // weights 1, 2: (2 × 16²)^(1/3) = 512^(1/3) = 8
    expect(weightedGeometricMean([2, 16], [1, 2])).toBeCloseTo(8, 12);
  });
  it('throws on a present value ≤ 0 and ignores missing ones', () => {
    expect(() => weightedGeometricMean([3, 0], [1, 1])).toThrow(/positive values: values\[1\] is 0/);
    expect(() => weightedGeometricMean([-1, 3], [1, 1])).toThrow(PinganError);
    expect(weightedGeometricMean([Number.NaN, 2], [1, 1])).toBeCloseTo(2, 14);
    expect(weightedGeometricMean([Number.NaN, Number.NaN], [1, 1])).toBeNaN();
  });
  it('property: the mean of equal values is that value', () => {
    fc.assert(
      fc.property(positive, fc.array(weight, { minLength: 1, maxLength: 12 }), (x, w) => {
        const v = w.map(() => x);
        expectNear(weightedGeometricMean(v, w), x);
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
          const before = weightedGeometricMean(v, w);
          w = w.map((y) => y * c);
          const after = weightedGeometricMean(v, w);
          if (Number.isNaN(before)) expect(after).toBeNaN();
          else expectNear(after, before);
        },
      ),
    );
  });
  it('property: harmonic ≤ geometric ≤ arithmetic, all within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(positive, weight), { minLength: 1, maxLength: 12 }), (pairs) => {
        const v = pairs.map(([x]) => x);
        const w = pairs.map(([, y]) => y);
        const lo = Math.min(...v) * (1 - 1e-12);
        const hi = Math.max(...v) * (1 + 1e-12);
        const h = weightedHarmonicMean(v, w);
        const g = weightedGeometricMean(v, w);
        const a = weightedArithmeticMean(v, w);
        for (const m of [h, g, a]) {
          expect(m).toBeGreaterThanOrEqual(lo);
          expect(m).toBeLessThanOrEqual(hi);
        }
        expect(h).toBeLessThanOrEqual(g * (1 + 1e-12));
        expect(g).toBeLessThanOrEqual(a * (1 + 1e-12));
      }),
    );
  });
});
