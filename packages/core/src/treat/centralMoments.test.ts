import { describe, expect, it } from 'vitest';
import { momentsFromSum, momentsInto, momentsOfTwoInto, skewOf, type CentralMoments } from './centralMoments.ts';
import { skewAndKurtosis } from './skewAndKurtosis.ts';

const empty = (): CentralMoments => ({ n: 0, m2: 0, m3: 0, kurt: 0 });

/** A seeded column of `length` values, some missing (NaN) where `missing` is set. */
function column(seed: number, length: number, missing: boolean): Float64Array {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const x = new Float64Array(length);
  for (let i = 0; i < length; i++) x[i] = missing && next() < 0.2 ? Number.NaN : (next() - 0.3) * 10 ** (4 * next());
  return x;
}

describe('momentsInto', () => {
  it('gives the sums and kurtosis of a hand-worked column', () => {
    // mean 4; deviations −3, −2, −1, 6: Σd² = 50, Σd³ = 180, Σd⁴ = 1394;
    // r = 4 × 1394 / 50² = 2.2304; kurt = ((5 (r − 3) + 6) × 3) / (2 × 1) = 3.228.
    const m = empty();
    momentsInto([1, 2, 3, 10], 4, m);
    expect(m.n).toBe(4);
    expect(m.m2).toBe(50);
    expect(m.m3).toBe(180);
    expect(m.kurt).toBeCloseTo(3.228, 12);
    // skew = √4 × 180 / 50^1.5 × √(4 × 3) / 2 = 1.7636…
    expect(skewOf(m)).toBeCloseTo(((2 * 180) / 50 ** 1.5) * (Math.sqrt(12) / 2), 14);
  });

  it('agrees with the moments and the type-2 skew and kurtosis worked out plainly, with and without missing values', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const missing of [false, true]) {
        const x = column(seed, 3 + (seed % 60), missing);
        const present = Array.from(x).filter((v) => !Number.isNaN(v));
        const n = present.length;
        if (n < 4) continue;
        // Written out from the formulas in skewAndKurtosis.ts, independently of centralMoments.ts.
        const mean = present.reduce((a, v) => a + v, 0) / n;
        const power = (k: number) => present.reduce((a, v) => a + (v - mean) ** k, 0);
        const [m2, m3, m4] = [power(2), power(3), power(4)];
        const skew = ((Math.sqrt(n) * m3) / m2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
        const r = (n * m4) / (m2 * m2);
        const kurt = (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
        const m = empty();
        momentsInto(x, x.length, m);
        expect(m.n).toBe(n);
        expect(Math.abs(m.m2 - m2) / m2, `seed ${seed} m2`).toBeLessThan(1e-12);
        expect(Math.abs(skewOf(m) - skew), `seed ${seed} skew`).toBeLessThan(1e-9 * Math.max(1, Math.abs(skew)));
        expect(Math.abs(m.kurt - kurt), `seed ${seed} kurt`).toBeLessThan(1e-9 * Math.max(1, Math.abs(kurt)));
        // skewAndKurtosis, the public function, reads these moments.
        expect(skewAndKurtosis(x)).toEqual({ skew: skewOf(m), kurt: m.kurt, n });
      }
    }
  });

  it('gives NaN sums below three values and a NaN kurtosis at three', () => {
    const m = empty();
    momentsInto([1, Number.NaN, 2], 3, m);
    expect(m).toEqual({ n: 2, m2: Number.NaN, m3: Number.NaN, kurt: Number.NaN });
    expect(skewOf(m)).toBeNaN();
    momentsInto([1, 2, 4], 3, m);
    expect(m.n).toBe(3);
    expect(m.m2).toBeGreaterThan(0);
    expect(m.kurt).toBeNaN();
  });
});

describe('momentsFromSum', () => {
  it('is momentsInto given the sum of the present values in order', () => {
    const x = column(7, 30, true);
    let sum = 0;
    let n = 0;
    for (const v of x) {
      if (v !== v) continue;
      sum += v;
      n++;
    }
    const a = empty();
    const b = empty();
    momentsInto(x, x.length, a);
    momentsFromSum(x, x.length, sum, n, b);
    expect(b).toEqual(a);
  });
});

describe('momentsOfTwoInto', () => {
  it('is momentsInto of each column, bit for bit, whether values are missing or not', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const length = seed % 9 === 0 ? seed % 4 : 1 + (seed % 60);
      for (const [missX, missY] of [[false, false], [true, false], [false, true], [true, true]]) {
        const x = column(seed, length, missX);
        const y = column(seed + 1000, length, missY);
        const one = [empty(), empty()];
        momentsInto(x, length, one[0]);
        momentsInto(y, length, one[1]);
        const two = [empty(), empty()];
        momentsOfTwoInto(x, y, length, two[0], two[1]);
        for (const k of [0, 1]) {
          for (const field of ['n', 'm2', 'm3', 'kurt'] as const) {
            expect(Object.is(two[k][field], one[k][field]), `seed ${seed}, column ${k}, ${field}`).toBe(true);
          }
        }
      }
    }
  });
});
