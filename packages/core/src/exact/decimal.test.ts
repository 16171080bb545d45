import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareExact, Exact, roundHalfUp, toExact } from './decimal.ts';

/** Decimals of every sign and size the exact path meets, with up to 24 significant digits and exact ties. */
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: -30, max: 30 }))
  .map(([digits, exponent]) => new Exact(`${digits}e${exponent}`));

describe('compareExact', () => {
  it('orders decimals as decimal.js comparedTo does', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compareExact(a, b)).toBe(a.comparedTo(b));
        expect(compareExact(a, a)).toBe(0);
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 2000) },
    );
  });

  it('treats zeros of either sign as equal, and orders across signs, exponents and word counts', () => {
    expect(compareExact(new Exact(0), new Exact('-0'))).toBe(0);
    expect(compareExact(new Exact(0), new Exact('-1e-30'))).toBe(1);
    expect(compareExact(new Exact('-2'), new Exact('-10'))).toBe(1);
    expect(compareExact(new Exact('1.0000000000001'), new Exact('1'))).toBe(1);
    expect(compareExact(new Exact('-1.0000000000001'), new Exact('-1'))).toBe(-1);
    expect(compareExact(new Exact('99999999'), new Exact('100000000'))).toBe(-1);
  });
});

describe('roundHalfUp and toExact', () => {
  it('rounds ties away from zero and never writes negative zero', () => {
    expect(roundHalfUp(new Exact('2.345'), 2)).toBe('2.35');
    expect(roundHalfUp(new Exact('-2.345'), 2)).toBe('-2.35');
    expect(roundHalfUp(new Exact('-0.001'), 2)).toBe('0.00');
    expect(roundHalfUp(new Exact(270.375).div(3), 2)).toBe('90.13');
  });

  it('reads a float by its shortest text, and NaN as missing', () => {
    expect(toExact(0.1)?.toString()).toBe('0.1');
    expect(toExact(Number.NaN)).toBeNull();
  });
});
