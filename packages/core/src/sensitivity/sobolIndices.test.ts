import { describe, expect, it } from 'vitest';
import { sobolIndices } from './sobolIndices.ts';
import { sobolSequence } from './sobolSequence.ts';

/** Ishigami's function with a = 7, b = 0.1 on [−π, π]³ (Ishigami & Homma 1990). */
function ishigami(u: Float64Array): number {
  const x = Array.from(u, (v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
}

describe('sobolSequence', () => {
  it('starts with the known points of the first two dimensions', () => {
    expect(Array.from(sobolSequence(4, 2))).toEqual([0.5, 0.5, 0.75, 0.25, 0.25, 0.75, 0.375, 0.375]);
  });
  it('is balanced: each dimension puts exactly half of the first 2^m points below 1/2', () => {
    const n = 1024;
    const d = 16;
    const points = sobolSequence(n - 1, d);
    for (let j = 0; j < d; j++) {
      let below = 1; // the skipped all-zero point
      for (let i = 0; i < n - 1; i++) if (points[i * d + j] < 0.5) below++;
      expect(below, `dimension ${j}`).toBe(n / 2);
    }
  });
});

describe('sobolIndices', () => {
  it('recovers the analytic indices of a linear model', () => {
    // f = x0 + 2·x1 on uniform inputs: V = (1 + 4)/12, S0 = 0.2, S1 = 0.8, no interactions.
    const result = sobolIndices((x) => x[0] + 2 * x[1], 2, { n: 4096, bootstrap: 0 });
    expect(result.indices[0].first).toBeCloseTo(0.2, 2);
    expect(result.indices[1].first).toBeCloseTo(0.8, 2);
    expect(result.indices[0].total).toBeCloseTo(0.2, 2);
    expect(result.runs).toBe(4096 * 4);
  });

  it('comes within 0.01 of the Ishigami function’s known indices at N = 2^14', () => {
    const result = sobolIndices(ishigami, 3, { n: 2 ** 14, bootstrap: 50, seed: 7 });
    const first = [0.3139, 0.4424, 0];
    const total = [0.5576, 0.4424, 0.2437];
    result.indices.forEach((index, i) => {
      expect(Math.abs(index.first - first[i]), `S${i + 1}`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(index.total - total[i]), `ST${i + 1}`).toBeLessThanOrEqual(0.01);
      expect(index.firstInterval[0]).toBeLessThanOrEqual(index.firstInterval[1]);
    });
  });

  it('repeats exactly with the same seed, reports progress and can be cancelled', () => {
    const a = sobolIndices(ishigami, 3, { n: 256, bootstrap: 20, seed: 3 });
    const b = sobolIndices(ishigami, 3, { n: 256, bootstrap: 20, seed: 3 });
    expect(b).toEqual(a);
    const seen: number[] = [];
    sobolIndices(ishigami, 3, { n: 8, bootstrap: 0, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const signal = { aborted: false, reason: new Error('stopped by the user') };
    expect(() =>
      sobolIndices(
        (x) => {
          signal.aborted = true;
          return x[0];
        },
        2,
        { n: 64, signal },
      ),
    ).toThrow('stopped by the user');
  });
});
