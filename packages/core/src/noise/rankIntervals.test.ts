import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../sensitivity/quantile.ts';
import { normalReplicates, rankIntervals } from './rankIntervals.ts';

/**
 * The rule written out pair by pair, as the docs state it: in each replicate a unit's rank is 1 +
 * the number of units whose value is above its own (ties share the better rank; NaN is above
 * nothing and nothing is above it), and its interval is the central `level` range of its ranks,
 * rounded outward.
 */
function pairwiseRankIntervals(units: readonly string[], observed: readonly number[], replicates: readonly ArrayLike<number>[], level: number, only?: (u: number) => boolean) {
  const n = units.length;
  const draws = n ? replicates[0].length : 0;
  const rankOf = (values: (u: number) => number, u: number) => {
    let rank = 1;
    for (let v = 0; v < n; v++) if (values(v) > values(u)) rank++;
    return rank;
  };
  const order = observed.map((_, i) => i).sort((a, b) => observed[b] - observed[a] || a - b);
  return order.map((u) => {
    if (only && !only(u)) return undefined;
    const ranks = Float64Array.from({ length: draws }, (_, b) => rankOf((v) => replicates[v][b], u)).sort();
    return {
      unit: units[u],
      rank: rankOf((v) => observed[v], u),
      lower: Math.floor(quantileSorted(ranks, (1 - level) / 2)),
      upper: Math.ceil(quantileSorted(ranks, 1 - (1 - level) / 2)),
    };
  });
}

describe('rankIntervals', () => {
  it('ranks each replicate as the pairwise rule does: ties share the better rank, NaN is above nothing (hand-worked)', () => {
    // Replicate 0: B 5 > A 3 = C 3 → B 1, A 2, C 2. Replicate 1: C 9 > B 4, A NaN → C 1, B 2, A 1.
    const replicates = [Float64Array.of(3, Number.NaN), Float64Array.of(5, 4), Float64Array.of(3, 9)];
    const ranks = rankIntervals(['A', 'B', 'C'], [3, 5, 3], replicates, 0.9);
    expect(ranks).toEqual([
      { unit: 'B', rank: 1, lower: 1, upper: 2 },
      { unit: 'A', rank: 2, lower: 1, upper: 2 },
      { unit: 'C', rank: 2, lower: 1, upper: 2 },
    ]);
  });

  it('gives what the pairwise rule gives, for any observed and replicate values (ties, signed zeros, NaN) and level', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 1, 2, Number.NaN), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.tuple(
            fc.array(value, { minLength: n, maxLength: n }),
            fc.integer({ min: 1, max: 12 }).chain((draws) => fc.array(fc.array(value, { minLength: draws, maxLength: draws }), { minLength: n, maxLength: n })),
            fc.double({ min: 0.5, max: 0.99, noNaN: true }),
          ),
        ),
        ([observed, values, level]) => {
          const units = observed.map((_, u) => `u${u}`);
          const replicates = values.map((v) => Float64Array.from(v));
          expect(rankIntervals(units, observed, replicates, level)).toEqual(pairwiseRankIntervals(units, observed, replicates, level));
        },
      ),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 300) },
    );
  });

  it('ranks 2,844 units over 1,000 replicates (a nationwide panel of counties) as the pairwise rule does', () => {
    const n = 2844;
    const observed = Array.from({ length: n }, (_, u) => 80 + ((u * 7919) % 1000) / 100);
    const replicates = normalReplicates(observed, observed.map((_, u) => 0.2 + (u % 5) / 10), 1000, 3);
    const units = observed.map((_, u) => `u${u}`);
    const fast = rankIntervals(units, observed, replicates, 0.9);
    // The pairwise rule for every 97th unit (for all 2,844 it would make 8 billion comparisons).
    const sampled = (u: number) => u % 97 === 0;
    const reference = pairwiseRankIntervals(units, observed, replicates, 0.9, sampled);
    let compared = 0;
    reference.forEach((expected, k) => {
      if (!expected) return;
      expect(fast[k]).toEqual(expected);
      compared++;
    });
    expect(compared).toBe(30);
  });
});
