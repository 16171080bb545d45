import { describe, expect, it } from 'vitest';
import { criticWeights } from './critic.ts';

describe('criticWeights', () => {
  it('matches a hand-worked example', () => {
    // After min–max: c1 = c2 = (0, ½, 1), c3 = (½, 0, 1); every σ = ½.
    // r12 = 1, r13 = r23 = ½ → Σ(1 − r) = ½, ½, 1 → C = ¼, ¼, ½.
    const w = criticWeights([[0, 0, 1], [1, 1, 0], [2, 2, 2]]);
    expect(w[0]).toBeCloseTo(0.25, 14);
    expect(w[1]).toBeCloseTo(0.25, 14);
    expect(w[2]).toBeCloseTo(0.5, 14);
  });
  it('rescales columns by default (invariant to affine changes of a column)', () => {
    const data = [[1, 10, 3], [2, 30, 1], [4, 20, 2], [3, 50, 7]];
    const a = criticWeights(data);
    const b = criticWeights(data.map(([x, y, z]) => [5 + 100 * x, y, z]));
    a.forEach((w, i) => expect(b[i]).toBeCloseTo(w, 14));
    // Without rescaling, raw spreads count: column 2 has by far the largest.
    const raw = criticWeights(data, { normalise: false });
    expect(raw[1]).toBeGreaterThan(a[1]);
    // σ (sample sd) and r by hand for the raw case.
    const sd = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
    };
    const r = (xs: number[], ys: number[]) => {
      const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
      const my = ys.reduce((s, y) => s + y, 0) / ys.length;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      xs.forEach((x, i) => {
        sxy += (x - mx) * (ys[i] - my);
        sxx += (x - mx) ** 2;
        syy += (ys[i] - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    const cols = [0, 1, 2].map((j) => data.map((row) => row[j]));
    const C = cols.map((cj, j) => sd(cj) * cols.reduce((s, ck, k) => s + (k === j ? 0 : 1 - r(cj, ck)), 0));
    const total = C.reduce((s, c) => s + c, 0);
    raw.forEach((w, j) => expect(w).toBeCloseTo(C[j] / total, 14));
  });
  it('gives a constant column no weight; undefined correlations count as 0', () => {
    const w = criticWeights([[1, 5, 2], [1, 6, 4], [1, 8, 3]]);
    expect(w[0]).toBe(0);
    expect(w[1] + w[2]).toBeCloseTo(1, 15);
  });
  it('handles missing values pairwise or listwise', () => {
    const m = [[1, 2, 3], [2, Number.NaN, 1], [3, 1, 2], [4, 5, 5]];
    const available = criticWeights(m);
    const complete = criticWeights(m, { missing: 'complete' });
    const dropped = criticWeights([[1, 2, 3], [3, 1, 2], [4, 5, 5]]);
    complete.forEach((w, i) => expect(w).toBeCloseTo(dropped[i], 14));
    expect(available.every(Number.isFinite)).toBe(true);
    expect(available[0]).not.toBeCloseTo(complete[0], 6);
  });
  it('throws when every column is constant', () => {
    expect(() => criticWeights([[1, 2], [1, 2]])).toThrow(/no column carries information/);
  });
});
