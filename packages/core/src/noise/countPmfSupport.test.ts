import { describe, expect, it } from 'vitest';
import { countPmf } from './countPmf.ts';
import { countPmfSupport } from './countPmfSupport.ts';

describe('countPmfSupport', () => {
  it('gives the examples: Poisson(0.5) keeps 0 … 10 at 1e-10; Poisson(400) keeps 283 … 529', () => {
    expect(countPmfSupport(0.5, 1, 1e-10)).toEqual({ start: 0, length: 11 });
    expect(countPmfSupport(400, 1, 1e-10)).toEqual({ start: 283, length: 247 });
    expect(countPmfSupport(0, 3)).toEqual({ start: 0, length: 1 });
  });

  it("equals countPmf's start and length wherever it answers, over means 0.001 … 700, dispersions 1 … 95 and three tails", () => {
    let answered = 0;
    let asked = 0;
    for (const tail of [1e-8, 1e-10, 1e-12]) {
      for (const dispersion of [1, 1 + 3e-12, 1 + 1e-10, 1 + 1e-9, 1.000001, 1.05, 1.5, 2, 3.7, 8, 20, 45, 95]) {
        for (let mean = 0.001; mean <= 700; mean *= 1.037) {
          for (const m of [mean, Math.round(mean)]) {
            if (m > 700) continue;
            // A dispersion within 1e-9 of 1 makes r 1e9 to 1e14: its ln Γ terms cancel, and many
            // boundaries are not called (without the margin for that rounding, 120 answers at 1 + 3e-12 were wrong).
            const nearOne = dispersion > 1 && dispersion < 1 + 1e-8;
            if (!nearOne) asked++;
            const support = countPmfSupport(m, dispersion, tail);
            if (!support) continue;
            if (!nearOne) answered++;
            const pmf = countPmf(m, dispersion, tail);
            expect({ mean: m, dispersion, tail, ...support }).toEqual({ mean: m, dispersion, tail, start: pmf.start, length: pmf.probabilities.length });
          }
        }
      }
    }
    // Null only where a boundary is too close to call: rare but for a dispersion next to 1.
    expect(answered).toBeGreaterThan(0.99 * asked);
  });

  it('answers null rather than guess where a boundary sits on the tail, and refuses a mean beyond 700', () => {
    // P(X = 1) of Poisson(0.5) is ½ e^−0.5: with that as the tail, whether countPmf keeps 1 is rounding.
    expect(countPmfSupport(0.5, 1, 0.5 * Math.exp(-0.5))).toBeNull();
    expect(countPmfSupport(0.5, 1, 0.51 * Math.exp(-0.5))).toEqual({ start: 0, length: 1 });
    expect(() => countPmfSupport(800, 1)).toThrow(/700/);
  });
});
