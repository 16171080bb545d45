import { describe, expect, it } from 'vitest';
import { logCT } from './logCT.ts';
import { skewness } from './skewness.ts';

describe('logCT', () => {
  it('is ln(x − min + 0.01 · (max − min))', () => {
    // min 0, max 100, a = 1: ln 1 = 0, ln 10, ln 101
    const out = logCT([0, 9, 100]);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(Math.log(10), 14);
    expect(out[2]).toBeCloseTo(Math.log(101), 14);
  });
  it('ignores NaN for min and max and keeps it', () => {
    // min 2, max 12, a = 0.1: ln(0.1), ln(10.1)
    const out = logCT([Number.NaN, 2, 12]);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeCloseTo(Math.log(0.1), 14);
    expect(out[2]).toBeCloseTo(Math.log(10.1), 14);
  });
  it('does not correct negative skew (that is log_CT_plus)', () => {
    const x = [0, 91, 95, 97, 99, 100];
    expect(skewness(x)).toBeLessThan(0);
    expect(skewness(logCT(x))).toBeLessThan(skewness(x));
  });
});
