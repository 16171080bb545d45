import { describe, expect, it } from 'vitest';
import { logGamma, negativeBinomialCdf, negativeBinomialMidP, regularizedBeta } from './negativeBinomial.ts';

/** P(X ≤ k) summed term by term: NB(r, p) has P(X = j) = Γ(j + r) / (Γ(r) j!) p^r (1 − p)^j. */
function bySum(k: number, mean: number, variance: number): number {
  const p = mean / variance;
  const r = (mean * p) / (1 - p);
  let s = 0;
  for (let j = 0; j <= k; j++) s += Math.exp(logGamma(j + r) - logGamma(r) - logGamma(j + 1) + r * Math.log(p) + j * Math.log(1 - p));
  return s;
}

describe('the negative binomial', () => {
  it('log-gamma and the incomplete beta have their known values', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
  });
  it('agrees with the sum of its probabilities, and its mid-p value with ½ (F(x − 1) + F(x))', () => {
    for (const [mean, variance] of [[2, 4], [0.3, 0.5], [40, 60], [300, 900]]) {
      for (const k of [0, 1, 3, Math.round(mean), Math.round(mean * 2)]) {
        expect(negativeBinomialCdf(k, { mean, variance })).toBeCloseTo(bySum(k, mean, variance), 10);
        const mid = 0.5 * (bySum(k - 1, mean, variance) + bySum(k, mean, variance));
        expect(negativeBinomialMidP(k, { mean, variance })).toBeCloseTo(mid, 10);
      }
    }
    expect(negativeBinomialCdf(-1, { mean: 2, variance: 4 })).toBe(0);
  });
});
