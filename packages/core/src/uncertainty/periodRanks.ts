/** Periods of at most this many units are ranked by an insertion sort of their units (fewer steps than a library sort for so few). */
const INSERTION_RANKS = 64;

/**
 * Ranks within each period of a column (`units` values a period, period
 * after period; 1 = highest value; ties share the lowest rank; missing and
 * unranked units get NaN), as the uncertainty and sensitivity analyses rank
 * every run. `sorted` and `order` are scratch of at least `units` numbers.
 * Internal: not exported from the package.
 *
 * @example
 * ranksOf(Float64Array.of(5, 9, 5, NaN), 4, 1, [true, true, true, true]); // Float64Array [2, 1, 2, NaN]
 */
export function ranksOf(
  values: Float64Array,
  units: number,
  periods: number,
  ranked: readonly boolean[],
  ranks = new Float64Array(values.length),
  sorted = new Float64Array(units),
  order = new Int32Array(units),
): Float64Array {
  for (let p = 0; p < periods; p++) {
    if (units <= INSERTION_RANKS) ranksByInsertion(values, p * units, units, ranked, ranks, order);
    else ranksInPeriod(values, p * units, units, ranked, ranks, sorted);
  }
  return ranks;
}

/**
 * `ranksOf` for the `units` values from `start` (its own function, so that
 * V8 optimizes it whole from the first runs): a unit's rank is 1 + how many
 * ranked values are higher, found by a binary search of the ranked values
 * sorted ascending (the missing and unranked sorted after them as NaN).
 */
function ranksInPeriod(values: Float64Array, start: number, units: number, ranked: readonly boolean[], ranks: Float64Array, sorted: Float64Array): void {
  let present = 0;
  for (let u = 0; u < units; u++) {
    const v = values[start + u];
    if (v === v && ranked[u]) present++;
    sorted[u] = ranked[u] ? v : Number.NaN;
  }
  sorted.sort();
  for (let u = 0; u < units; u++) {
    const v = values[start + u];
    if (v !== v || !ranked[u]) {
      ranks[start + u] = Number.NaN;
      continue;
    }
    // The first of the sorted values higher than v: every one from there on is.
    let lo = 0;
    let hi = present;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] > v) hi = mid;
      else lo = mid + 1;
    }
    ranks[start + u] = present - lo + 1;
  }
}

/**
 * `ranksInPeriod` for a few units: the ranked units with a value sorted
 * highest first by insertion into `order` (ties stay together, as none is
 * lower than another), then each takes 1 + the place of the first of its
 * ties, which is how many values are higher.
 */
function ranksByInsertion(values: Float64Array, start: number, units: number, ranked: readonly boolean[], ranks: Float64Array, order: Int32Array): void {
  let n = 0;
  for (let u = 0; u < units; u++) {
    const v = values[start + u];
    if (v !== v || !ranked[u]) {
      ranks[start + u] = Number.NaN;
      continue;
    }
    let j = n++;
    while (j > 0 && values[start + order[j - 1]] < v) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = u;
  }
  let rank = 1;
  for (let t = 0; t < n; t++) {
    if (t > 0 && values[start + order[t]] < values[start + order[t - 1]]) rank = t + 1;
    ranks[start + order[t]] = rank;
  }
}
