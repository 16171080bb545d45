import { describe, expect, it } from 'vitest';
import { byVarianceDescending } from './byVarianceDescending.ts';

describe('byVarianceDescending', () => {
  it('gives its doc example: largest first, equal ones in their order', () => {
    const order = Int32Array.of(0, 1, 2, 3);
    byVarianceDescending(order, Float64Array.of(1, 4, 1, 9), 4);
    expect(Array.from(order)).toEqual([3, 1, 0, 2]);
  });

  it('orders as a stable Array.prototype.sort with (x, y) ⇒ variance[y] − variance[x] does, NaNs included, and only the first n', () => {
    // A seeded stream of variances with many ties and some NaNs.
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(next() * 14);
      const variance = Float64Array.from({ length: 16 }, () => (next() < 0.1 ? Number.NaN : Math.floor(next() * 5)));
      const start = Array.from({ length: 16 }, (_, k) => k).sort(() => next() - 0.5);
      const order = Int32Array.from(start);
      byVarianceDescending(order, variance, n);
      const expected = [...start.slice(0, n)].sort((x, y) => variance[y] - variance[x]);
      expect(Array.from(order.subarray(0, n)), `trial ${trial}`).toEqual(expected);
      expect(Array.from(order.subarray(n)), `trial ${trial}: the rest untouched`).toEqual(start.slice(n));
    }
  });
});
