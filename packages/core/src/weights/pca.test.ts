import { describe, expect, it } from 'vitest';
import { pcaWeights } from './pca.ts';

describe('pcaWeights (COINr get_PCA)', () => {
  it('hand-worked: two columns with correlation 0.6 → eigenvalues 1.6 and 0.4, loadings (1/√2, 1/√2)', () => {
    // a = 1, 2, 3, 4 and b = 2, 1, 4, 3: both have variance 5/3, covariance 1 → r = 0.6.
    const pca = pcaWeights([[1, 2], [2, 1], [3, 4], [4, 3]]);
    expect(pca.eigenvalues[0]).toBeCloseTo(1.6, 12);
    expect(pca.eigenvalues[1]).toBeCloseTo(0.4, 12);
    expect(pca.loadings[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(pca.loadings[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(pca.weights).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
    expect(pca.varianceExplained).toBeCloseTo(0.8, 12);
  });

  it("matches R's prcomp(X, center = TRUE, scale = TRUE) on three columns, and drops incomplete rows as na.omit", () => {
    // R 4.2.2: X <- cbind(a = 1:6, b = c(2, 1, 4, 3, 6, 5), c = c(9, 7, 8, 3, 2, 1)); prcomp(X, center = TRUE, scale = TRUE)
    // rotation[, 1] = 0.60611864782504987 0.54754882457552545 -0.57689727808743774 (up to sign)
    // sdev^2 = 2.6447555932670825 0.32309278144650561 0.032151625286412994
    const rows = [[1, 2, 9], [2, 1, 7], [3, 4, 8], [Number.NaN, 0, 0], [4, 3, 3], [5, 6, 2], [6, 5, 1]];
    const pca = pcaWeights(rows);
    const r = [0.60611864782504987, 0.54754882457552545, -0.57689727808743774];
    pca.loadings.forEach((l, i) => expect(Math.abs(l - r[i])).toBeLessThan(1e-12));
    [2.6447555932670825, 0.32309278144650561, 0.032151625286412994].forEach((e, i) => expect(Math.abs(pca.eigenvalues[i] - e)).toBeLessThan(1e-12));
    expect(pca.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 14);
  });

  it('refuses a constant column', () => {
    expect(() => pcaWeights([[1, 2], [1, 3], [1, 4]])).toThrow(/column 1 is constant/);
  });
});
