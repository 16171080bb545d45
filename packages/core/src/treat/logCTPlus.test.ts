import { describe, expect, it } from 'vitest';
import { logCTPlus } from './logCTPlus.ts';
import { skewness } from './skewness.ts';

describe('logCTPlus', () => {
  it('uses log_CT for positive skew', () => {
    // skew of 0, 1, 100 > 0; min 0, a = 1: ln 1, ln 2, ln 101
    const out = logCTPlus([0, 1, 100]);
    expect(Array.from(out)).toEqual([0, Math.log(2), Math.log(101)]);
  });
  it('mirrors the log for negative skew: −ln(max + a − x)', () => {
    // skew of 0, 91, 99, 100 < 0; max 100, a = 1: −ln 101, −ln 10, −ln 2, −ln 1
    const x = [0, 91, 99, 100];
    const out = logCTPlus(x);
    expect(out[0]).toBeCloseTo(-Math.log(101), 14);
    expect(out[1]).toBeCloseTo(-Math.log(10), 14);
    expect(out[2]).toBeCloseTo(-Math.log(2), 14);
    expect(out[3] === 0).toBe(true);
    // the aim: a smaller |skew| than before
    expect(Math.abs(skewness(out))).toBeLessThan(Math.abs(skewness(x)));
  });
});
