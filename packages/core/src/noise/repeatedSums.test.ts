import { describe, expect, it } from 'vitest';
import { RepeatedSums } from './repeatedSums.ts';

/** The walk's sum: t added n times from 0. */
const walk = (t: number, n: number) => {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += t;
  return sum;
};

describe('RepeatedSums', () => {
  it('gives its doc example: 0.1 added 10 times is 0.9999999999999999, not 10 × 0.1', () => {
    const sums = new RepeatedSums(1, 16);
    expect(sums.sum(0, 0.1, 3)).toBe(0.30000000000000004);
    expect(sums.sum(0, 0.1, 10)).toBe(0.9999999999999999);
    expect(10 * 0.1).toBe(1);
  });

  it('equals the walk whatever was asked before, at every site, n and term (and beyond its memory)', () => {
    const sums = new RepeatedSums(3, 24);
    const terms = [0.1, 1 / 3, 2.718281828459045e-9, 0.1, 7.1e12, -0.3, 0, -0, 1 / 3];
    for (let round = 0; round < 2; round++) {
      for (const t of terms) {
        for (const n of [0, 1, 2, 3, 11, 12, 24, 30]) {
          for (let site = 0; site < 3; site++) expect(Object.is(sums.sum(site, t, n), walk(t, n))).toBe(true);
        }
      }
    }
  });
});
