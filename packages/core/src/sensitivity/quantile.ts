import { quantileSorted as d3QuantileSorted } from 'd3-array';

/**
 * The p-quantile of values sorted ascending (R's type 7, as d3 and numpy by default).
 *
 * @example
 * quantileSorted(Float64Array.from([1, 2, 3, 4]), 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  // d3 reads only .length and indices, so typed arrays work too.
  return d3QuantileSorted(sorted as unknown as number[], p) ?? Number.NaN;
}
