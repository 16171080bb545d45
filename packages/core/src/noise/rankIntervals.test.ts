import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../sensitivity/quantile.ts';
import { neighbourProbabilities, normalReplicates, rankIntervals, splitNormalNeighbourProbabilities, splitNormalReplicates } from './rankIntervals.ts';
import { normalQuantile } from './normal.ts';

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

describe('split normals matched to published intervals', () => {
  const z = normalQuantile(0.95);
  it('draws each unit with its value as median and its interval’s ends as its 5% and 95% quantiles', () => {
    const values = [91.9, 87.97, 50];
    const lower = [87.07, 85.35, 50];
    const upper = [92.93, 88.88, 52];
    const [a, b, c] = splitNormalReplicates(values, lower, upper, 0.9, 200_000, 7).map((r) => Float64Array.from(r).sort());
    // Sampling error of a 5% quantile of 200,000 draws: about 0.004 σ.
    for (const [sorted, v, lo, hi] of [[a, 91.9, 87.07, 92.93], [b, 87.97, 85.35, 88.88]] as const) {
      expect(quantileSorted(sorted, 0.5)).toBeCloseTo(v, 1);
      expect(Math.abs(quantileSorted(sorted, 0.05) - lo)).toBeLessThan(0.02 * (v - lo) + 0.01);
      expect(Math.abs(quantileSorted(sorted, 0.95) - hi)).toBeLessThan(0.02 * (hi - v) + 0.01);
    }
    // No room below the value (a count almost surely 0): never below it.
    expect(c[0]).toBe(50);
    expect(quantileSorted(c, 0.95)).toBeCloseTo(52, 1);
  });

  it('is the normal draw where every interval is symmetric, and is deterministic for a seed', () => {
    const values = [90, 85, 60];
    const se = [1, 2, 0.5];
    const split = splitNormalReplicates(values, values.map((v, u) => v - z * se[u]), values.map((v, u) => v + z * se[u]), 0.9, 500, 3);
    const normal = normalReplicates(values, se, 500, 3);
    for (let u = 0; u < 3; u++) for (let b = 0; b < 500; b++) expect(split[u][b]).toBeCloseTo(normal[u][b], 10);
    expect(splitNormalReplicates(values, values, values, 0.9, 10, 3)).toEqual(splitNormalReplicates(values, values, values, 0.9, 10, 3));
  });

  it('gives Φ(d / √(σa² + σb²)) for symmetric intervals, as the normal rule does (analytic)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ v: fc.double({ min: 0, max: 100, noNaN: true }), se: fc.double({ min: 0.01, max: 10, noNaN: true }) }), { minLength: 2, maxLength: 6 }), (units) => {
        const names = units.map((_, i) => `u${i}`);
        const values = units.map((x) => x.v);
        const se = units.map((x) => x.se);
        const split = splitNormalNeighbourProbabilities(names, values, values.map((v, u) => v - z * se[u]), values.map((v, u) => v + z * se[u]), 0.9);
        const normal = neighbourProbabilities(names, values, se);
        split.forEach((p, k) => {
          expect([p.higher, p.lower]).toEqual([normal[k].higher, normal[k].lower]);
          // Simpson's rule across the kink at each value: within 1e-6 (a release rounds to 0.01).
          expect(Math.abs(p.probability - normal[k].probability)).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the share of a million simulated pairs where the intervals are one-sided (simulation with known truth)', () => {
    // Shaoshan and Xiangxiang, 2025-10 (SYNTHETIC): 91.90 in 87.07–92.93 against 87.97 in 85.35–88.88.
    const values = [91.9, 87.97];
    const lower = [87.07, 85.35];
    const upper = [92.93, 88.88];
    const [p] = splitNormalNeighbourProbabilities(['S', 'X'], values, lower, upper, 0.9);
    const n = 1_000_000;
    const [a, b] = splitNormalReplicates(values, lower, upper, 0.9, n, 11);
    let wins = 0;
    for (let i = 0; i < n; i++) if (a[i] > b[i]) wins++;
    const share = wins / n;
    // Four standard errors of a share of a million.
    expect(Math.abs(p.probability - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / n));
    // Lower than the normal rule with the same widths read as symmetric (the long lower tail of the higher unit).
    expect(p.probability).toBeLessThan(neighbourProbabilities(['S', 'X'], values, [(upper[0] - lower[0]) / (2 * z), (upper[1] - lower[1]) / (2 * z)])[0].probability);
  });

  it('puts a point mass where an interval has no room on one side', () => {
    // B is surely 80; A is 82 with room below only, to 78 (σ₋ = 4 / z): P(A > 80) = P(Z > −2 z / 4) = Φ(z / 2).
    const [p] = splitNormalNeighbourProbabilities(['A', 'B'], [82, 80], [78, 80], [82, 80], 0.9);
    expect(p.probability).toBeCloseTo(normalCdfOf(z / 2), 6);
  });
});

/** Φ(t), independently of the library. */
function normalCdfOf(t: number): number {
  // A check independent of the library: Abramowitz–Stegun 26.2.17 (error below 7.5e-8).
  const k = 1 / (1 + 0.2316419 * Math.abs(t));
  const poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
  const tail = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI) * poly;
  return t >= 0 ? 1 - tail : tail;
}
