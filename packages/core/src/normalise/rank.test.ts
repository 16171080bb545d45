import { PinganError } from '../errors/pinganError.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rank, sortPairs } from './rank.ts';

describe('rank', () => {
  it('ranks the lowest value 1, with ties sharing the lowest rank (R ties.method "min")', () => {
    // sorted 10, 20, 30, 30: ranks 1, 2, 3, 3 (no rank 4)
    expect([...rank([10, 30, 20, 30])]).toEqual([1, 3, 2, 3]);
  });
  it('keeps missing values missing and does not count them (na.last = "keep")', () => {
    expect([...rank([Number.NaN, 5, 1])]).toEqual([Number.NaN, 2, 1]);
  });
  it('reverses the order for direction -1', () => {
    // -10, -30, -20, -30: sorted -30, -30, -20, -10 → ranks 4, 1, 3, 1
    expect([...rank([10, 30, 20, 30], -1)]).toEqual([4, 1, 3, 1]);
  });
  it('treats 0 and -0 as tied', () => {
    expect([...rank([0, -0, 1], -1)]).toEqual([2, 2, 1]);
  });
  it('property: rank = 1 + the number of strictly lower values', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true }), fc.constant(Number.NaN))), (x) => {
        const r = rank(x);
        x.forEach((v, i) => {
          if (Number.isNaN(v)) expect(r[i]).toBeNaN();
          else expect(r[i]).toBe(1 + x.filter((w) => w < v).length);
        });
      }),
    );
  });
  it('property: every sortPairs method sorts like the built-in sort and keeps each key with its position', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true })), { maxLength: 600 }),
        fc.constantFrom('auto' as const, 'quick' as const, 'heap' as const, 'radix' as const),
        (x, method) => {
          const keys = Float64Array.from(x);
          const positions = Int32Array.from(x, (_, i) => i);
          sortPairs(keys, positions, method);
          expect([...keys].map((v) => v + 0)).toEqual([...Float64Array.from(x).sort()].map((v) => v + 0));
          positions.forEach((p, j) => expect(Object.is(x[p] + 0, keys[j] + 0)).toBe(true));
          expect([...positions].sort((a, b) => a - b)).toEqual(x.map((_, i) => i));
        },
      ),
    );
  });
  it('sorts long sorted, reversed, constant and sawtooth runs with every method', () => {
    const check = (x: Float64Array) => {
      for (const method of ['auto', 'quick', 'heap', 'radix'] as const) {
        const keys = x.slice();
        const positions = Int32Array.from(x, (_, i) => i);
        sortPairs(keys, positions, method);
        expect([...keys]).toEqual([...x.slice().sort()]);
        positions.forEach((p, j) => expect(x[p]).toBe(keys[j]));
      }
    };
    const up = Float64Array.from({ length: 5000 }, (_, i) => i);
    check(up);
    check(up.slice().reverse());
    check(new Float64Array(3000).fill(2));
    check(Float64Array.from({ length: 5000 }, (_, i) => i % 37));
    // an organ-pipe pattern
    check(Float64Array.from({ length: 4096 }, (_, i) => (i % 2 === 0 ? i : 4096 - i)));
  });
  it('refuses keys and positions of different lengths', () => {
    expect(() => sortPairs(new Float64Array(2), new Int32Array(1))).toThrow(PinganError);
  });
});
