import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal.ts';

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
});
