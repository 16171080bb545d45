import { randomLcg, randomNormal } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { censoredNormalVariance, censoredNormalVariances } from './censoredNormal.ts';

describe('censoredNormalVariances', () => {
  it('is censoredNormalVariance bit for bit: far from the bounds, near them, beyond them, and odd arguments', () => {
    const random = randomNormal.source(randomLcg(20260101))(0, 1);
    const mean: number[] = [];
    const sd: number[] = [];
    // Scores spread over and around [0, 100] with standard deviations from tiny to wide, so that
    // every branch is taken: sd² far away, both bounds near, one of them, beyond a bound.
    for (let j = 0; j < 20000; j++) {
      mean.push(50 + 60 * random());
      sd.push(Math.abs(random()) * 10 ** (2 * random()));
    }
    // Exactly at and around the 9 σ and 40 σ switches, and degenerate arguments.
    for (const s of [1, 2.5, 10]) {
      for (const k of [-40, -9, 9, 40]) {
        for (const nudge of [-1e-12, 0, 1e-12]) {
          mean.push(-k * s * (1 + nudge));
          sd.push(s);
        }
      }
    }
    const odd: [number, number][] = [[50, 0], [50, -1], [50, Number.NaN], [Number.NaN, 2], [0, 1e-300], [100, 5e-324], [50, Number.POSITIVE_INFINITY], [1e300, 1], [-0, 3], [100, 1]];
    for (const [m, s] of odd) {
      mean.push(m);
      sd.push(s);
    }
    const n = mean.length;
    const out = new Float64Array(n + 1).fill(-1);
    censoredNormalVariances(Float64Array.from(mean), Float64Array.from(sd), 0, 100, n, out);
    let near = 0;
    for (let j = 0; j < n; j++) {
      const expected = censoredNormalVariance(mean[j], sd[j], 0, 100);
      expect(Object.is(out[j], expected), `${mean[j]} ± ${sd[j]}: ${out[j]} vs ${expected}`).toBe(true);
      if (expected !== sd[j] * sd[j] && expected !== 0) near++;
    }
    expect(near).toBeGreaterThan(1000);
    // Only the first n cells are written.
    expect(out[n]).toBe(-1);
  });

  it('takes the bounds given', () => {
    const out = new Float64Array(3);
    censoredNormalVariances(Float64Array.of(-5, 3, 20), Float64Array.of(2, 2, 2), -4, 4, 3, out);
    expect(Array.from(out)).toEqual([censoredNormalVariance(-5, 2, -4, 4), censoredNormalVariance(3, 2, -4, 4), censoredNormalVariance(20, 2, -4, 4)]);
  });
});
