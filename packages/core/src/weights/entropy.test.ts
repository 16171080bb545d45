import { describe, expect, it } from 'vitest';
import { entropyWeights } from './entropy.ts';

describe('entropyWeights', () => {
  it('matches a hand-worked example', () => {
    // Column 1: 1, 2, 3 → p = 1/6, 2/6, 3/6; column 2: 2, 2, 4 → p = 1/4, 1/4, 1/2.
    const e1 = -(1 / 6) * Math.log(1 / 6) - (2 / 6) * Math.log(2 / 6) - (3 / 6) * Math.log(3 / 6);
    const e2 = -2 * (1 / 4) * Math.log(1 / 4) - (1 / 2) * Math.log(1 / 2);
    const d1 = 1 - e1 / Math.log(3);
    const d2 = 1 - e2 / Math.log(3);
    const w = entropyWeights([[1, 2], [2, 2], [3, 4]]);
    expect(w[0]).toBeCloseTo(d1 / (d1 + d2), 14);
    expect(w[1]).toBeCloseTo(d2 / (d1 + d2), 14);
    expect(w[0] + w[1]).toBeCloseTo(1, 15);
  });
  it('gives a constant column no weight and treats 0·ln 0 as 0', () => {
    expect(entropyWeights([[1, 1], [1, 0], [1, 0]])).toEqual([0, 1]);
    // Zeros: column 2 is 0, 0, 3 (all mass in one unit, e = 0, d = 1).
    const w = entropyWeights([[1, 0], [2, 0], [3, 3]]);
    expect(w.every(Number.isFinite)).toBe(true);
    expect(w[1]).toBeGreaterThan(w[0]);
  });
  it('is invariant to scaling a column', () => {
    const a = entropyWeights([[1, 5], [2, 1], [4, 2]]);
    const b = entropyWeights([[100, 5], [200, 1], [400, 2]]);
    a.forEach((w, i) => expect(b[i]).toBeCloseTo(w, 14));
  });
  it('uses each column’s own values by default, or complete rows', () => {
    const divergence = (xs: number[]) => {
      const total = xs.reduce((a, b) => a + b, 0);
      const e = -xs.reduce((s, x) => s + (x / total) * Math.log(x / total), 0) / Math.log(xs.length);
      return 1 - e;
    };
    const m = [[1, 2], [2, Number.NaN], [3, 4], [4, 8]];
    // Available: column 1 uses its four values (n = 4), column 2 its three (n = 3).
    const d1 = divergence([1, 2, 3, 4]);
    const d2 = divergence([2, 4, 8]);
    const available = entropyWeights(m);
    expect(available[0]).toBeCloseTo(d1 / (d1 + d2), 14);
    expect(available[1]).toBeCloseTo(d2 / (d1 + d2), 14);
    // Complete: the second row is dropped for both columns.
    const complete = entropyWeights(m, { missing: 'complete' });
    const c1 = divergence([1, 3, 4]);
    expect(complete[0]).toBeCloseTo(c1 / (c1 + d2), 14);
  });
  it('rejects negative values, ragged rows and all-constant data', () => {
    expect(() => entropyWeights([[1, -1], [2, 3]])).toThrow(/non-negative.*column 2.*-1.*row 1/);
    expect(() => entropyWeights([[1, 2], [3]])).toThrow(/row 2 has 1 values, expected 2/);
    expect(() => entropyWeights([[1, 2], [1, 2]])).toThrow(/no column carries information/);
    expect(() => entropyWeights([])).toThrow(/at least one row/);
  });
});
