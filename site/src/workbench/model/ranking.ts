/** The workbench ranking's ranks and row order: pure, so that it is tested without a page. */

/**
 * Ranks of `values`: 1 for the highest, tied values sharing the better rank, NaN for a missing
 * (non-finite) value, which no other value is ranked against. Sorted, not compared pair by pair.
 *
 * @example
 * ranks([90, 85, 90, Number.NaN]); // [1, 3, 1, NaN]
 */
export function ranks(values: readonly number[]): number[] {
  const present = values.filter((v) => Number.isFinite(v)).sort((a, b) => b - a);
  // The rank of v is 1 + how many present values are above it: the first place v takes in `present`.
  const first = new Map<number, number>();
  present.forEach((v, i) => {
    if (!first.has(v)) first.set(v, i + 1);
  });
  return values.map((v) => (Number.isFinite(v) ? first.get(v)! : Number.NaN));
}

/**
 * The rows' order: by rank under the settings, then by the published rank, then by code; a row
 * missing a rank comes after every ranked one, however many areas there are.
 *
 * @example
 * rankingOrder(['a', 'b', 'c'], [2, Number.NaN, 1], [1, 2, 3]); // [2, 0, 1]
 */
export function rankingOrder(codes: readonly string[], rankNow: readonly number[], rankPublished: readonly number[]): number[] {
  const last = (r: number) => (Number.isFinite(r) ? r : Number.POSITIVE_INFINITY);
  const compare = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
  return codes
    .map((_, i) => i)
    .sort((a, b) => compare(last(rankNow[a]), last(rankNow[b])) || compare(last(rankPublished[a]), last(rankPublished[b])) || codes[a].localeCompare(codes[b]));
}
