import { describe, expect, it } from 'vitest';
import { countPmf } from './countPmf.ts';
import { negativeBinomialCdf } from './negativeBinomial.ts';

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

describe('countPmf', () => {
  it('gives Poisson(0.5) by hand: e^−0.5 0.5^k / k!', () => {
    const pmf = countPmf(0.5, 1);
    expect(pmf.start).toBe(0);
    expect(pmf.probabilities[0]).toBeCloseTo(0.6065306597126334, 15);
    expect(pmf.probabilities[1]).toBeCloseTo(0.3032653298563167, 15);
    expect(pmf.probabilities[2]).toBeCloseTo(0.07581633246407918, 15);
    expect(pmf.probabilities[3]).toBeCloseTo(0.012636055410679864, 15);
  });

  it('matches the direct Poisson formula and sums to 1 within the tails left out (mean 3.7 and 25)', () => {
    for (const mean of [3.7, 25]) {
      const pmf = countPmf(mean, 1);
      let total = 0;
      pmf.probabilities.forEach((p, j) => {
        const k = pmf.start + j;
        const direct = Math.exp(-mean + k * Math.log(mean) - Math.log(factorial(k)));
        expect(p).toBeCloseTo(direct, 14);
        total += p;
      });
      expect(Math.abs(total - 1)).toBeLessThan(1e-10);
    }
  });

  it('gives the negative binomial of mean 2 and variance 4 by hand (r = 2, p = ½: ¼, ¼, 3/16) and agrees with negativeBinomialCdf', () => {
    const pmf = countPmf(2, 2);
    expect(pmf.probabilities[0]).toBeCloseTo(0.25, 14);
    expect(pmf.probabilities[1]).toBeCloseTo(0.25, 14);
    expect(pmf.probabilities[2]).toBeCloseTo(0.1875, 14);
    const nb = countPmf(7.3, 1.8);
    let cumulative = 0;
    nb.probabilities.forEach((p, j) => {
      cumulative += p;
      expect(cumulative).toBeCloseTo(negativeBinomialCdf(nb.start + j, { mean: 7.3, variance: 7.3 * 1.8 }), 10);
    });
  });

  it('starts past the negligible lower tail of a large mean, and refuses a mean beyond 700', () => {
    const pmf = countPmf(400, 1);
    expect(pmf.start).toBeGreaterThan(250); // 400 − 6.5 √400 = 270: P(X = 270) ≈ 1e-12
    expect(pmf.probabilities[0]).toBeGreaterThanOrEqual(1e-12);
    expect(() => countPmf(800, 1)).toThrow(/700/);
  });
});
