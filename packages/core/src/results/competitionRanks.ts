/**
 * Ranks with the highest value first and ties sharing the best rank they
 * span (R's `rank(-x, ties.method = "min")`, as COINr ranks units); a
 * missing value gets no rank (`NaN`).
 *
 * @example
 * competitionRanks([70, 90, 70, Number.NaN]); // [2, 1, 2, NaN]
 */
export function competitionRanks(values: ArrayLike<number>): number[] {
  const n = values.length;
  const ranks = new Array<number>(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    let above = 0;
    for (let j = 0; j < n; j++) if (values[j] > v) above++;
    ranks[i] = above + 1;
  }
  return ranks;
}
