import { describe, expect, it } from 'vitest';
import { cappedInterval, normalInterval, percentileBootstrapInterval } from './intervals.ts';
import { neighbourProbabilities, neighbourProbabilitiesFromReplicates, normalReplicates, rankIntervals } from './rankIntervals.ts';
import { changeVerdict, VERDICT_NAMES } from './verdict.ts';

describe('intervals and the verdict rule', () => {
  it('calls a change up, down or broadly unchanged by whether its interval excludes zero', () => {
    expect(changeVerdict({ lower: 0.2, upper: 1.4 })).toBe('up');
    expect(changeVerdict({ lower: -1.4, upper: -0.01 })).toBe('down');
    expect(changeVerdict({ lower: -0.77, upper: 0.55 })).toBe('unchanged');
    expect(changeVerdict({ lower: 0, upper: 1 })).toBe('unchanged');
    expect(changeVerdict({ lower: Number.NaN, upper: 1 })).toBeNull();
    expect(VERDICT_NAMES.unchanged.zh).toBe('基本持平');
  });
  it('builds normal, capped and percentile intervals', () => {
    const n = normalInterval(-0.11, 0.4, 0.9);
    expect(n.lower).toBeCloseTo(-0.768, 3);
    expect(n.upper).toBeCloseTo(0.548, 3);
    const capped = cappedInterval(110, 10, 0.9, 100);
    expect(capped.lower).toBeCloseTo(93.551463730485, 9);
    expect(capped.upper).toBe(100);
    expect(percentileBootstrapInterval(Float64Array.from([9, 10, 10, 11, 14]), 0.5)).toEqual({ lower: 10, upper: 11 });
  });
  it('gives rank intervals and neighbour probabilities', () => {
    const reps = normalReplicates([90, 85, 60], [1, 4, 1], 2000, 1);
    const ranks = rankIntervals(['A', 'B', 'C'], [90, 85, 60], reps, 0.9);
    expect(ranks.map((r) => [r.unit, r.rank])).toEqual([['A', 1], ['B', 2], ['C', 3]]);
    expect(ranks[0]).toMatchObject({ lower: 1, upper: 2 });
    expect(ranks[2]).toMatchObject({ lower: 3, upper: 3 });
    const analytic = neighbourProbabilities(['A', 'B'], [90, 88], [1, 1]);
    expect(analytic[0].probability).toBeCloseTo(0.92135, 4);
    const [a, b] = normalReplicates([90, 88], [1, 1], 20000, 2);
    expect(neighbourProbabilitiesFromReplicates(['A', 'B'], [90, 88], [a, b])[0].probability).toBeCloseTo(0.92135, 1);
  });
});
