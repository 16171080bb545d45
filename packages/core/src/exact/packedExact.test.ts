import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from './decimal.ts';
import { exactAt, joinPacked, packExact, unpackExact } from './packedExact.ts';

const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -40, max: 40 }))
  .map(([digits, exponent]) => new Exact(`${digits}e${exponent}`));

describe('packExact and unpackExact', () => {
  it('give back every value digit for digit, missing ones as null', () => {
    fc.assert(
      fc.property(fc.array(fc.option(decimal, { nil: null }), { maxLength: 40 }), (values) => {
        const back = unpackExact(packExact(values));
        expect(back.map((v) => (v === null ? null : v.toString()))).toEqual(values.map((v) => (v === null ? null : v.toString())));
        // The rebuilt values are full Exact decimals: same precision and rounding in later arithmetic.
        back.forEach((v, i) => {
          if (v !== null) expect(v.div(3).toString()).toBe((values[i] as InstanceType<typeof Exact>).div(3).toString());
        });
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 300) },
    );
  });

  it('keeps the sign of zero and survives a structured clone (as when crossing to a worker)', () => {
    const packed = structuredClone(packExact([new Exact('-0'), new Exact(0), new Exact('1e-30'), null, new Exact(1).div(3)]));
    const back = unpackExact(packed);
    expect(back.map((v) => v?.toString() ?? null)).toEqual(['0', '0', '0.000000000000000000000000000001', null, '0.333333333333333333333333']);
    expect(back[0]?.isNegative()).toBe(true);
    expect(back[1]?.isNegative()).toBe(false);
  });

  it('refuses a value that is not finite', () => {
    expect(() => packExact([new Exact(1), new Exact(Number.POSITIVE_INFINITY)])).toThrow('value 1 is Infinity');
  });
});

describe('exactAt and joinPacked', () => {
  it('read any one value, and join packed arrays end to end', () => {
    const a = packExact([new Exact('1.5'), null]);
    const b = packExact([new Exact('-7e-12'), new Exact('123456789012345678901234')]);
    const joined = joinPacked([a, b]);
    expect(joined.length).toBe(4);
    expect([0, 1, 2, 3].map((i) => exactAt(joined, i)?.toString() ?? null)).toEqual(['1.5', null, '-0.000000000007', '123456789012345678901234']);
    expect(joinPacked([]).length).toBe(0);
  });

  it('refuse an index outside the array', () => {
    const packed = packExact([new Exact(1)]);
    expect(() => exactAt(packed, 1)).toThrow('no value 1 in 1');
    expect(() => exactAt(packed, -1)).toThrow('no value -1');
  });
});
