/**
 * Which places a long ranking shows on the page. Xiangtan ranks 5 districts; a prefecture or a
 * province ranks tens to hundreds of counties, and on a phone each is a card about 100 px tall:
 * 150 of them pushed everything after the ranking 15,000 px down. A ranking longer than
 * LONG_RANKING shows an excerpt instead; the whole ranking is one tap away (a `<details>` on the
 * whole place's page, which each area's page links to).
 */

/** Rankings of more places than this show an excerpt first. */
export const LONG_RANKING = 12;

/** A run of consecutive places shown, as indices into the ranked rows (both ends included). */
export interface RankingRun {
  readonly from: number;
  readonly to: number;
}

/**
 * The runs of a ranking of `count` places shown in its excerpt: the first and last `ends` places
 * and, on a place's own page (`current`, its index in the ranking; −1 on the whole's page), that
 * place with `around` places either side. Runs that overlap or touch are merged; in ranking order.
 *
 * @example
 * rankingExcerpt(20, 9); // [{ from: 0, to: 2 }, { from: 7, to: 11 }, { from: 17, to: 19 }]
 * rankingExcerpt(20, 4); // [{ from: 0, to: 6 }, { from: 17, to: 19 }]
 * rankingExcerpt(20); // [{ from: 0, to: 2 }, { from: 17, to: 19 }]
 */
export function rankingExcerpt(count: number, current = -1, ends = 3, around = 2): RankingRun[] {
  const runs: RankingRun[] = [{ from: 0, to: Math.min(ends, count) - 1 }];
  if (current >= 0 && current < count) runs.push({ from: Math.max(0, current - around), to: Math.min(count - 1, current + around) });
  runs.push({ from: Math.max(0, count - ends), to: count - 1 });
  const merged: RankingRun[] = [];
  for (const run of runs.filter((r) => r.to >= r.from).sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && run.from <= last.to + 1) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, run.to) };
    else merged.push(run);
  }
  return merged;
}
