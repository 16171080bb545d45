import { describe, expect, it } from 'vitest';
import { countLatticeQuantiles } from './countLatticeQuantiles.ts';
import { countPmf, type CountPmf } from './countPmf.ts';
import { discreteQuantile } from '../../test/noise/discreteQuantile.ts';

/** The discrete quantile by brute force: every pair of values, and the first whose cumulative probability reaches p. */
function bruteForce(c1: number, pmf1: CountPmf, lam1: number, c2: number, pmf2: CountPmf | null, lam2: number, p: number): number {
  const atoms: [number, number][] = [];
  pmf1.probabilities.forEach((w1, a) => {
    if (!pmf2) atoms.push([c1 * (pmf1.start + a - lam1), w1]);
    else pmf2.probabilities.forEach((w2, b) => atoms.push([c1 * (pmf1.start + a - lam1) + c2 * (pmf2.start + b - lam2), w1 * w2]));
  });
  return discreteQuantile(atoms, p);
}

describe('countLatticeQuantiles', () => {
  it('gives its doc examples: Skellam(0.5, 0.5) by hand (P(≤ −3) = 0.0093, P(≤ −2) = 0.0592)', () => {
    const pmf = countPmf(0.5, 1, 1e-10);
    // Hand-worked: P(N₁ − N₂ = k) = e^−1 I_k(1); P(D ≤ −3) = Σ_{k ≥ 3} e^−1 I_k(1) = 0.0093 < 0.05 ≤ P(D ≤ −2) = 0.0592.
    expect(countLatticeQuantiles(1, pmf, 0.5, -1, pmf, 0.5, 0.05, 0.95)).toEqual([-2, 2]);
    expect(countLatticeQuantiles(-2, pmf, 0.5, 2, pmf, 0.5, 0.05, 0.95)).toEqual([-4, 4]);
  });

  it('equals the brute-force discrete quantile: Poisson and negative binomial, sums and differences, one count', () => {
    const cases: [number, number, number, number, number][] = [
      // c1, λ1, c2, λ2, φ
      [1, 3.2, -1, 2.9, 1],
      [0.37, 0.08, -0.37, 0.11, 1],
      [-2.5, 12, 2.5, 14, 1],
      [1.5, 4, 1.5, 6, 1],
      [0.8, 9, -0.8, 7, 2.6],
      [-1, 25, -1, 0.4, 1.3],
    ];
    for (const [c1, lam1, c2, lam2, phi] of cases) {
      const pmf1 = countPmf(lam1, phi, 1e-10);
      const pmf2 = countPmf(lam2, phi, 1e-10);
      for (const [low, high] of [
        [0.05, 0.95],
        [0.025, 0.975],
        [0.3, 0.7],
      ]) {
        const [lo, hi] = countLatticeQuantiles(c1, pmf1, lam1, c2, pmf2, lam2, low, high);
        expect(lo).toBeCloseTo(bruteForce(c1, pmf1, lam1, c2, pmf2, lam2, low), 12);
        expect(hi).toBeCloseTo(bruteForce(c1, pmf1, lam1, c2, pmf2, lam2, high), 12);
        const [one, other] = countLatticeQuantiles(c1, pmf1, lam1, 0, null, 0, low, high);
        expect(one).toBeCloseTo(bruteForce(c1, pmf1, lam1, 0, null, 0, low), 12);
        expect(other).toBeCloseTo(bruteForce(c1, pmf1, lam1, 0, null, 0, high), 12);
      }
    }
  });

  it('refuses coefficients of different sizes (not one lattice)', () => {
    const pmf = countPmf(2, 1, 1e-10);
    expect(() => countLatticeQuantiles(1, pmf, 2, -1.5, pmf, 2, 0.05, 0.95)).toThrow(/same size, not 1 and -1.5/);
  });
});
