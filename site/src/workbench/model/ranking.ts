/** The workbench ranking's row order (the ranks are core's `rank`, highest first): pure, so that it is tested without a page. */

/**
 * The rows' order: by rank under the settings, then by the published rank, then by code; a row
 * missing a rank comes after every ranked one, however many areas there are.
 *
 * @example
 * rankingOrder(['a', 'b', 'c'], [2, Number.NaN, 1], [1, 2, 3]); // [2, 0, 1]
 */
export function rankingOrder(codes: readonly string[], rankNow: ArrayLike<number>, rankPublished: ArrayLike<number>): number[] {
  const last = (r: number) => (Number.isFinite(r) ? r : Number.POSITIVE_INFINITY);
  const compare = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
  return codes
    .map((_, i) => i)
    .sort((a, b) => compare(last(rankNow[a]), last(rankNow[b])) || compare(last(rankPublished[a]), last(rankPublished[b])) || codes[a].localeCompare(codes[b]));
}
