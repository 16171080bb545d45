import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { ranksOf } from './periodRanks.ts';

/** The definition: 1 + how many ranked values of the period are higher; NaN for a missing or unranked unit. */
function countedRanks(values: Float64Array, units: number, periods: number, ranked: readonly boolean[]): Float64Array {
  const ranks = new Float64Array(values.length);
  for (let p = 0; p < periods; p++) {
    for (let u = 0; u < units; u++) {
      const v = values[p * units + u];
      if (v !== v || !ranked[u]) {
        ranks[p * units + u] = Number.NaN;
        continue;
      }
      let higher = 0;
      for (let w = 0; w < units; w++) if (ranked[w] && values[p * units + w] > v) higher++;
      ranks[p * units + u] = higher + 1;
    }
  }
  return ranks;
}

describe('ranksOf', () => {
  it('gives each unit 1 + how many ranked values are higher, with ties, missing values, ±0 and unranked units, for few units and many', () => {
    const random = randomLcg(5);
    for (const units of [1, 2, 7, 51, 64, 65, 200]) {
      for (let t = 0; t < 20; t++) {
        const periods = 1 + (t % 3);
        // Few distinct values, so that ties are common; some missing, some ±0.
        const values = Float64Array.from({ length: units * periods }, () => {
          const r = random();
          return r < 0.1 ? Number.NaN : r < 0.15 ? 0 : r < 0.2 ? -0 : Math.floor(random() * 12) - 4;
        });
        const ranked = Array.from({ length: units }, () => random() > 0.1);
        const expected = countedRanks(values, units, periods, ranked);
        expect([...ranksOf(values, units, periods, ranked)], `${units} units`).toEqual([...expected]);
      }
    }
  });
});
