import { describe, expect, it } from 'vitest';
import { LONG_RANKING, rankingExcerpt } from '../src/lib/rankingExcerpt.ts';

describe('rankingExcerpt', () => {
  it('shows the first and last three, and a place with two either side (hand-worked)', () => {
    expect(rankingExcerpt(20, 9)).toEqual([{ from: 0, to: 2 }, { from: 7, to: 11 }, { from: 17, to: 19 }]);
    expect(rankingExcerpt(150)).toEqual([{ from: 0, to: 2 }, { from: 147, to: 149 }]);
  });

  it('merges runs that overlap or touch', () => {
    // Place 4: 2 … 6 overlaps 0 … 2; place 5: 3 … 7 touches it.
    expect(rankingExcerpt(20, 4)).toEqual([{ from: 0, to: 6 }, { from: 17, to: 19 }]);
    expect(rankingExcerpt(20, 5)).toEqual([{ from: 0, to: 7 }, { from: 17, to: 19 }]);
    expect(rankingExcerpt(20, 19)).toEqual([{ from: 0, to: 2 }, { from: 17, to: 19 }]);
    expect(rankingExcerpt(20, 15)).toEqual([{ from: 0, to: 2 }, { from: 13, to: 19 }]);
    expect(rankingExcerpt(LONG_RANKING + 1, 6)).toEqual([{ from: 0, to: 2 }, { from: 4, to: 8 }, { from: 10, to: 12 }]);
    expect(rankingExcerpt(9, 4)).toEqual([{ from: 0, to: 8 }]);
  });

  it('shows every place exactly once, in order, and each shown place is one the rule asks for', () => {
    for (let count = 1; count <= 40; count++) {
      for (let current = -1; current < count; current++) {
        const shown = rankingExcerpt(count, current).flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, k) => r.from + k));
        const wanted = Array.from({ length: count }, (_, i) => i).filter((i) => i < 3 || i >= count - 3 || (current >= 0 && Math.abs(i - current) <= 2));
        expect(shown, `count ${count}, current ${current}`).toEqual(wanted);
      }
    }
  });
});
