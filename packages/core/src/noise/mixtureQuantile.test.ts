import { describe, expect, it } from 'vitest';
import { countPmf } from './countPmf.ts';
import { cornishFisherQuantile } from './cornishFisher.ts';
import { mixtureQuantile } from './mixtureQuantile.ts';
import { normalQuantile } from './normal.ts';

/** Skellam(μ, μ) = X − Y of independent Poisson(μ), by direct convolution of the two pmfs. */
function skellam(mu: number): { values: Float64Array; probabilities: Float64Array } {
  const pmf = countPmf(mu, 1).probabilities;
  const n = pmf.length;
  const values = new Float64Array(2 * n - 1);
  const probabilities = new Float64Array(2 * n - 1);
  for (let d = -(n - 1); d <= n - 1; d++) {
    values[d + n - 1] = d;
    for (let y = 0; y < n; y++) if (y + d >= 0 && y + d < n) probabilities[d + n - 1] += pmf[y + d] * pmf[y];
  }
  return { values, probabilities };
}

describe('mixtureQuantile', () => {
  it('Skellam(0.5, 0.5) by hand: P(D = k) = e^−1 I_k(1); its 90% interval is [−2, 2], not ±1.645', () => {
    const { values, probabilities } = skellam(0.5);
    const at = (k: number) => probabilities[values.indexOf(k)];
    // Modified Bessel functions I_k(1): 1.2660658777520082, 0.5651591039924851, 0.13574766976703828, 0.022168424924331902.
    expect(at(0)).toBeCloseTo(Math.exp(-1) * 1.2660658777520082, 12);
    expect(at(1)).toBeCloseTo(Math.exp(-1) * 0.5651591039924851, 12);
    expect(at(-2)).toBeCloseTo(Math.exp(-1) * 0.13574766976703828, 12);
    expect(at(3)).toBeCloseTo(Math.exp(-1) * 0.022168424924331902, 12);
    // P(D ≤ −3) = 0.0093 < 5% ≤ P(D ≤ −2) = 0.0592, and P(D ≤ 1) = 0.9408 < 95% ≤ P(D ≤ 2) = 0.9907.
    expect(mixtureQuantile(values, probabilities, 0, 0, 0.05)).toBe(-2);
    expect(mixtureQuantile(values, probabilities, 0, 0, 0.95)).toBe(2);
    // The normal interval with the same variance (2 μ = 1) is ±1.645: 18% narrower.
    expect(normalQuantile(0.95)).toBeCloseTo(1.6449, 4);
  });

  it('a single atom plus a normal part is the normal quantile; two equal atoms ½ apart with sd 1 have median ½', () => {
    expect(mixtureQuantile(Float64Array.of(3), Float64Array.of(1), 0.5, 2, 0.95)).toBeCloseTo(3.5 + 2 * normalQuantile(0.95), 9);
    expect(mixtureQuantile(Float64Array.of(0, 1), Float64Array.of(0.5, 0.5), 0, 1, 0.5)).toBeCloseTo(0.5, 9);
  });

  it('solves Σ w_k Φ((x − v_k − mean) / sd) = p: checked by evaluating the distribution function at the answer', async () => {
    const { normalCdf } = await import('./normal.ts');
    const values = Float64Array.of(-3, 0, 0.4, 5);
    const probabilities = Float64Array.of(0.1, 0.5, 0.3, 0.1);
    for (const p of [0.05, 0.5, 0.95]) {
      const x = mixtureQuantile(values, probabilities, 0.2, 0.3, p);
      let f = 0;
      values.forEach((v, k) => (f += probabilities[k] * normalCdf((x - v - 0.2) / 0.3)));
      expect(f).toBeCloseTo(p, 9);
    }
  });
});

describe('mixtureQuantile: the doc example', () => {
  it('Skellam(0.5, 0.5) written out to six decimals has its 5% quantile at −2', () => {
    const probabilities = Float64Array.of(0.001116, 0.008155, 0.049939, 0.20791, 0.46576, 0.20791, 0.049939, 0.008155, 0.001116);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(mixtureQuantile(Float64Array.of(-4, -3, -2, -1, 0, 1, 2, 3, 4), probabilities, 0, 0, 0.05)).toBe(-2);
  });
});

describe('mixtureQuantile with a skewed continuous part (Edgeworth)', () => {
  it('is the inverse of the Edgeworth distribution function: evaluated at the answer it gives p', async () => {
    const { normalCdf } = await import('./normal.ts');
    const g1 = 0.4;
    const g2 = 0.8;
    const edgeworth = (z: number) => {
      const z2 = z * z;
      const phi = Math.exp(-0.5 * z2) / Math.sqrt(2 * Math.PI);
      return normalCdf(z) - phi * ((g1 / 6) * (z2 - 1) + (g2 / 24) * (z2 * z - 3 * z) + ((g1 * g1) / 72) * (z2 * z2 * z - 10 * z2 * z + 15 * z));
    };
    const values = Float64Array.of(-2, 0, 0.7, 4);
    const probabilities = Float64Array.of(0.2, 0.4, 0.3, 0.1);
    for (const p of [0.05, 0.5, 0.95]) {
      const x = mixtureQuantile(values, probabilities, 0.1, 0.6, p, g1, g2);
      let f = 0;
      values.forEach((v, k) => (f += probabilities[k] * edgeworth((x - v - 0.1) / 0.6)));
      expect(f).toBeCloseTo(p, 8);
    }
  });

  it('agrees with the Cornish–Fisher quantile of a single atom to the order both keep, and with the normal case at γ = 0', () => {
    for (const [g1, g2] of [[0.2, 0.3], [-0.3, 0.5], [0.1, -0.4]]) {
      expect(mixtureQuantile(Float64Array.of(0), Float64Array.of(1), 0, 1, 0.95, g1, g2)).toBeCloseTo(cornishFisherQuantile(normalQuantile(0.95), g1, g2), 1);
    }
    expect(mixtureQuantile(Float64Array.of(0, 1), Float64Array.of(0.3, 0.7), 0, 0.5, 0.9, 0, 0)).toBe(mixtureQuantile(Float64Array.of(0, 1), Float64Array.of(0.3, 0.7), 0, 0.5, 0.9));
  });
});
