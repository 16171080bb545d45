import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from './decimal.ts';
import { largestRemainder } from './largestRemainder.ts';

describe('largestRemainder', () => {
  it('gives the missing hundredth to the largest remainder', () => {
    const third = new Exact(1).div(3);
    expect(largestRemainder([third, third, third], new Exact(1), 2).map(String)).toEqual(['0.34', '0.33', '0.33']);
    // 0.126 + 0.124 + 0.75 = 1; truncated 0.12 + 0.12 + 0.75 = 0.99; the largest remainder is 0.006 (first part)
    expect(largestRemainder([new Exact('0.126'), new Exact('0.124'), new Exact('0.75')], new Exact(1), 2).map(String)).toEqual(['0.13', '0.12', '0.75']);
  });
  it('handles negative parts and totals', () => {
    const parts = [new Exact('-0.666'), new Exact('-0.667'), new Exact('0.333')];
    const out = largestRemainder(parts, new Exact('-1'), 2);
    expect(out.reduce((a, b) => a.plus(b), new Exact(0)).toString()).toBe('-1');
    expect(out.map(String)).toEqual(['-0.66', '-0.67', '0.33']);
  });
  it('always adds up exactly to the rounded total', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 14 }), fc.integer({ min: 0, max: 4 }), (xs, decimals) => {
        const parts = xs.map((x) => new Exact(x));
        const total = parts.reduce((a, b) => a.plus(b), new Exact(0));
        const out = largestRemainder(parts, total, decimals);
        expect(out.reduce((a, b) => a.plus(b), new Exact(0)).eq(total.toDecimalPlaces(decimals, Exact.ROUND_HALF_UP))).toBe(true);
        out.forEach((o, i) => expect(o.minus(parts[i]).abs().lte(new Exact(10).pow(-decimals))).toBe(true));
      }),
    );
  });
});
