import { describe, expect, it } from 'vitest';
import { checkSkewKurt, passesSkewKurt } from './checkSkewKurt.ts';

const T = { skewThreshold: 2, kurtosisThreshold: 3.5 };

describe('checkSkewKurt', () => {
  it('fails only when both |skew| and kurtosis are out of bounds', () => {
    // 1…10, 100: skew 3.2556 ≥ 2 and kurt 10.7067 ≥ 3.5 (worked in treatColumn.test.ts)
    const c = checkSkewKurt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]);
    expect(c.pass).toBe(false);
    expect(c.skew).toBeCloseTo(3.2556381840605, 10);
    expect(c.kurt).toBeCloseTo(10.706673906422, 10);
    // 1…10, 100, 100: skew 2.0298 ≥ 2 but kurt 2.5772 < 3.5 → passes (an OR, as in COINr)
    const d = checkSkewKurt([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 100]);
    expect(d.skew).toBeGreaterThanOrEqual(2);
    expect(d.pass).toBe(true);
  });
  it('follows R’s NA logic', () => {
    expect(passesSkewKurt(1, Number.NaN, T)).toBe(true); // TRUE | NA = TRUE
    expect(passesSkewKurt(3, Number.NaN, T)).toBe(null); // FALSE | NA = NA
    expect(passesSkewKurt(Number.NaN, 1, T)).toBe(true);
    expect(passesSkewKurt(Number.NaN, Number.NaN, T)).toBe(null);
    expect(passesSkewKurt(-2, 3.5, T)).toBe(false); // both limits are strict
    expect(checkSkewKurt([1, 2]).pass).toBe(null);
  });
});
