import { describe, expect, it } from 'vitest';
import { ahpMatrixProblems, ahpWeights, SAATY_RANDOM_INDEX } from './ahp.ts';

describe('ahpWeights', () => {
  it("reproduces Saaty's published drinks example", () => {
    // T. L. Saaty (2008), "Decision making with the analytic hierarchy
    // process", Int. J. Services Sciences 1(1), 83–98, table 3: "Which drink
    // is consumed more in the U.S.?" Published eigenvector (3 decimals):
    // coffee .177, wine .019, tea .042, beer .116, sodas .190, milk .129,
    // water .327, with C.R. = .022.
    const drinks = [
      [1, 9, 5, 2, 1, 1, 1 / 2],
      [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
      [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
      [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
      [1, 9, 4, 2, 1, 2, 1 / 2],
      [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
      [2, 9, 9, 3, 2, 3, 1],
    ];
    const result = ahpWeights(drinks);
    const published = [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327];
    result.weights.forEach((w, i) => expect(Math.abs(w - published[i])).toBeLessThanOrEqual(0.0005));
    expect(Math.abs(result.consistencyRatio - 0.022)).toBeLessThanOrEqual(0.0005);
    expect(result.randomIndex).toBe(1.32);
    expect(result.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The eigen-equation holds: A w = λmax w.
    drinks.forEach((row, i) => {
      expect(row.reduce((s, a, j) => s + a * result.weights[j], 0)).toBeCloseTo(result.lambdaMax * result.weights[i], 10);
    });
  });

  it('gives CR 0 and the generating weights for consistent matrices', () => {
    for (const w of [
      [0.5, 0.3, 0.2],
      [0.1, 0.2, 0.3, 0.4],
      [1, 2, 3, 4, 5, 6, 7].map((x) => x / 28),
    ]) {
      const matrix = w.map((wi) => w.map((wj) => wi / wj));
      const result = ahpWeights(matrix);
      expect(result.consistencyRatio).toBeCloseTo(0, 10);
      expect(result.lambdaMax).toBeCloseTo(w.length, 10);
      result.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i], 12));
    }
  });

  it('gives CR 0 for any 2×2 matrix', () => {
    for (const a of [1, 3, 9, 1 / 7]) {
      const result = ahpWeights([[1, a], [1 / a, 1]]);
      expect(result.consistencyRatio).toBe(0);
      expect(result.weights[0]).toBeCloseTo(a / (1 + a), 12);
    }
  });

  it('detects inconsistent judgements (CR ≥ 0.1)', () => {
    // A beats B, B beats C, C beats A — all strongly.
    const cyclic = ahpWeights([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]);
    expect(cyclic.consistencyRatio).toBeGreaterThanOrEqual(0.1);
    // A mild inconsistency passes: 2 · 2 ≠ 3 but close.
    expect(ahpWeights([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 1 / 2, 1]]).consistencyRatio).toBeLessThan(0.1);
  });

  it('rejects invalid matrices with messages', () => {
    expect(ahpMatrixProblems([[1]])).toEqual(['the matrix needs at least 2 rows, got 1']);
    expect(ahpMatrixProblems([[1, 2], [1 / 2]])).toEqual(['row 2 has 1 entries, expected 2']);
    expect(ahpMatrixProblems([[2, 2], [1 / 2, 1]])).toEqual(['entry [1,1] must be 1, got 2']);
    expect(ahpMatrixProblems([[1, 3], [3, 1]])).toEqual(['entry [2,1] = 3 must be the reciprocal of [1,2] = 3']);
    expect(ahpMatrixProblems([[1, -1], [-1, 1]])).toEqual(['entries [1,2] and [2,1] must be positive numbers']);
    const big = Array.from({ length: SAATY_RANDOM_INDEX.length + 1 }, () => new Array<number>(SAATY_RANDOM_INDEX.length + 1).fill(1));
    expect(ahpMatrixProblems(big)[0]).toMatch(/at most 15 rows/);
    expect(() => ahpWeights([[1, 3], [3, 1]])).toThrow(/invalid pairwise comparison matrix: entry \[2,1\]/);
  });
});
