import { rankInto } from './rank.ts';

/** Options of {@link percentileRank}. */
export interface PercentileRankOptions {
  /** The score of the highest value (default 100). */
  scale?: number;
}

/**
 * Percentile ranks of one cross-section, as COINr's `n_prank`, times `scale`:
 * `(rank - 1) / (n - 1)`, where `rank` is R's rank with ties "min" and `n`
 * the number of values present. The lowest value scores 0 and the highest
 * `scale`; tied values share the lower score; a missing value stays missing.
 * With a single value present the score is `NaN` (0 / 0, as in COINr). With
 * `direction` -1 the values are multiplied by -1 first.
 *
 * @example
 * // ranks 1, 3, 2, 3, 5 of n = 5: (r-1)/4 = 0, 0.5, 0.25, 0.5, 1
 * percentileRank([10, 30, 20, 30, 40, Number.NaN]); // Float64Array [0, 50, 25, 50, 100, NaN]
 */
export function percentileRank(x: ArrayLike<number>, options: PercentileRankOptions = {}, direction: 1 | -1 = 1): Float64Array {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const out = new Float64Array(src.length);
  percentileRankInto(src, out, direction, options.scale ?? 100);
  return out;
}

/**
 * The kernel of {@link percentileRank}.
 *
 * @example
 * const out = new Float64Array(3);
 * percentileRankInto(new Float64Array([1, 2, 3]), out, 1, 100); // out [0, 50, 100]
 */
export function percentileRankInto(src: Float64Array, out: Float64Array, direction: number, scale: number): void {
  const present = rankInto(src, out, direction);
  const n = src.length;
  const denominator = present - 1;
  for (let i = 0; i < n; i++) out[i] = ((out[i] - 1) / denominator) * scale;
}
