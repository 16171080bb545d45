import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, roundHalfUp } from './decimal.ts';
import { roundNumberHalfUp } from './roundNumberHalfUp.ts';

const byDecimalJs = (x: number, decimals: number) => roundHalfUp(new Exact(x), decimals);

describe('roundNumberHalfUp', () => {
  it('rounds the shortest decimal half up, away from zero on a tie (hand-worked)', () => {
    expect(roundNumberHalfUp(2.345, 2)).toBe('2.35');
    expect(roundNumberHalfUp(-2.345, 2)).toBe('-2.35');
    expect(roundNumberHalfUp(2.3449, 2)).toBe('2.34');
    expect(roundNumberHalfUp(0.5, 0)).toBe('1');
    expect(roundNumberHalfUp(-0.5, 0)).toBe('-1');
    expect(roundNumberHalfUp(99.995, 2)).toBe('100.00');
    expect(roundNumberHalfUp(-9.96, 1)).toBe('-10.0');
    expect(roundNumberHalfUp(7, 1)).toBe('7.0');
    expect(roundNumberHalfUp(12, 0)).toBe('12');
  });

  it('writes a negative number that rounds to zero, and negative zero, as zero', () => {
    expect(roundNumberHalfUp(-0.004, 2)).toBe('0.00');
    expect(roundNumberHalfUp(-0, 2)).toBe('0.00');
    expect(roundNumberHalfUp(-1e-9, 3)).toBe('0.000');
  });

  it('equals decimal.js on the exponent forms it hands over', () => {
    for (const x of [1e-7, -2.5e-7, 1.5e21, -3e22]) expect(roundNumberHalfUp(x, 2)).toBe(byDecimalJs(x, 2));
  });

  it('equals roundHalfUp(new Exact(x)) for any double and any decimals (property)', () => {
    // Doubles of every size, and decimals that end exactly on a 5 (ties) or near one.
    const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
    const nearTie = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(-1e-12, 0, 1e-12)).map(([n, d, e]) => (n + 0.5) / 10 ** d + e);
    const modest = fc.double({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(fc.oneof(anyDouble, nearTie, modest), fc.integer({ min: 0, max: 8 }), (x, decimals) => {
        expect(roundNumberHalfUp(x, decimals)).toBe(byDecimalJs(x, decimals));
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 5000) },
    );
  });
});
