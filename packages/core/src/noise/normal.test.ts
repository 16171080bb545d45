import { describe, expect, it } from 'vitest';
import { normalCdf, normalCdfs, normalQuantile } from './normal.ts';

describe('the standard normal', () => {
  it('has the textbook values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
  });
  it('inverts Φ across the range, refined or not', () => {
    for (const p of [1e-10, 0.001, 0.02425, 0.3, 0.7, 0.99, 1 - 1e-9]) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
      expect(Math.abs(normalQuantile(p, false) - normalQuantile(p)) / Math.abs(normalQuantile(p))).toBeLessThan(2e-9);
    }
  });
  it('takes Φ of many arguments bit for bit as one at a time (odd counts, both signs, the tails, NaN)', () => {
    const z = Float64Array.from({ length: 2001 }, (_, k) => (k - 1000) / 100);
    z[3] = Number.NaN;
    z[4] = Number.POSITIVE_INFINITY;
    z[5] = Number.NEGATIVE_INFINITY;
    z[6] = -0;
    const out = new Float64Array(z.length).fill(-1);
    normalCdfs(z, 1, z.length, out);
    expect(out[0]).toBe(-1);
    for (let k = 1; k < z.length; k++) expect(Object.is(out[k], normalCdf(z[k])), `Φ(${z[k]})`).toBe(true);
  });
});
